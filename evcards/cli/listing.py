"""`evcards list`: one line per entity in columns a terminal lines up, or JSON for scripts.

Columns are padded by display width (wcwidth), not by characters: a Han or Hangul character
takes two cells, a combining mark none, most emoji two. Nothing is cut: a long name makes its
column wider, as before. Names and kinds are escaped first (`evcards.cli.terminal_text`), so a
control character in the data neither acts on the terminal nor breaks the columns.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from typing import TYPE_CHECKING, Any

from wcwidth import wcswidth, wcwidth

from evcards.cli.terminal_text import escaped
from evcards.kb.quotes import QuoteStatus
from evcards.kb.verdicts import Verdict
from evcards.translation import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from collections.abc import Sequence

    from evcards.kb.loaded import LoadedKnowledgeBase
    from evcards.kb.model import Entity

HEADER = (
    QT_TRANSLATE_NOOP("cli", "ID"),
    QT_TRANSLATE_NOOP("cli", "KIND"),
    QT_TRANSLATE_NOOP("cli", "NAME"),
    QT_TRANSLATE_NOOP("cli", "CLAIMS"),
)


def display_width(text: str) -> int:
    """Terminal cells `text` takes (emoji sequences as wcwidth sizes them); a character wcwidth
    cannot size counts as one."""
    width = wcswidth(text)
    return width if width >= 0 else sum(max(wcwidth(ch), 1) for ch in text)


def _pad(cell: str, width: int, *, right: bool = False) -> str:
    fill = " " * (width - display_width(cell))
    return fill + cell if right else cell + fill


def table_lines(rows: Sequence[Sequence[str]], right_aligned: frozenset[int] = frozenset()) -> list[str]:
    """`rows` (the header first) in columns two spaces apart; the last column is not padded
    on the right, so no line ends in spaces."""
    widths = [max(display_width(row[column]) for row in rows) for column in range(len(rows[0]))]
    last = len(widths) - 1
    lines = []
    for row in rows:
        cells = [
            _pad(cell, width, right=column in right_aligned) if column < last or column in right_aligned else cell
            for column, (cell, width) in enumerate(zip(row, widths))
        ]
        lines.append("  ".join(cells))
    return lines


def entity_lines(kb: LoadedKnowledgeBase, entities: Sequence[Entity] | None = None) -> list[str]:
    """The table of `entities` (default: every entity, in file order)."""
    listed = kb.entities if entities is None else entities
    rows = [
        tuple(translate("cli", word) for word in HEADER),
        *((e.id, escaped(e.kind), escaped(e.name), str(len(e.claims))) for e in listed),
    ]
    return table_lines(rows, right_aligned=frozenset({3}))


def _record(kb: LoadedKnowledgeBase, entity: Entity) -> dict[str, Any]:
    claims = range(len(entity.claims))
    statuses = Counter(check.status for index in claims for check in kb.checks(entity, index))
    verdicts = Counter(kb.verdict(entity, index) for index in claims)
    return {
        "id": entity.id,
        "name": entity.name,
        "native_name": entity.native_name,
        "names": dict(entity.names or {}),
        "aliases": list(entity.aliases),
        "kind": entity.kind,
        "claims": len(entity.claims),
        "quotes": {status.value: statuses[status] for status in QuoteStatus},
        "verdicts": {verdict.value: verdicts[verdict] for verdict in Verdict},
    }


def entities_json(kb: LoadedKnowledgeBase, entities: Sequence[Entity] | None = None) -> str:
    """A JSON array, one object per entity in file order: what `list --json` prints. Each has
    its id, name, native name, names by language tag, aliases, kind, number of claims, its
    evidence quotes counted by status and its claims counted by verdict."""
    listed = kb.entities if entities is None else entities
    # JSON escapes C0 controls itself; the escape of the rest (DEL, C1, bidi controls) is JSON
    # too, so the text reads the same to a parser and harms no terminal.
    text = json.dumps([_record(kb, entity) for entity in listed], ensure_ascii=False, indent=2)
    return "\n".join(escaped(line) for line in text.split("\n"))  # its own line breaks kept


def write_out(text: str, *, utf8: bool = False) -> None:
    """`text` and a line break on standard output; with `utf8`, as UTF-8 whatever the locale
    says (JSON is UTF-8). A reader that stops early (`evcards list | head`) is no error."""
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    try:
        if not utf8 or buffer is None or stream.encoding.replace("-", "").lower() == "utf8":
            print(text, flush=True)
        else:
            stream.flush()
            buffer.write((text + "\n").encode("utf-8"))
            buffer.flush()
    except BrokenPipeError:
        # What Python's documentation advises: standard output to nowhere, so that the flush
        # at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
