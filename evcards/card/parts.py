"""The parts a card is made of: paragraphs of styled text runs, quote boxes, a relations table.

Plain data with no Qt and no model: `evcards.card.content` makes them from a knowledge base,
`evcards.card.document` draws them into a `QTextDocument`, and the start-up's first card
(`evcards.card.preview`) sends them from another process, so the window can draw a card
before it has imported pydantic.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

# The card's styles by name; `evcards.card.formats` gives each one its Qt format.
CharStyle = Literal[
    "text",
    "bold",
    "muted",
    "link",
    "quote",
    "quote_context",  # the source's words around a quote, dimmed
    "quote_diff",  # a character that differs between a quote and its source
    "verified",
    "approximate",
    "missing",
    "title",
    "title_native",
    "kind",
    "section",
    "stance",
    "supported",
    "partly_supported",
    "contested",
    "refuted",
    "unconfirmed",
    "no_source_quote",
]
BlockStyle = Literal["title", "kind", "aliases", "paragraph", "note", "section", "statement", "citation", "source"]


class Run(NamedTuple):
    """A piece of text in one character style; `href` makes it a link, `anchor` a place a
    `#anchor` link scrolls to, and `language` (a BCP 47 tag) picks the glyph forms of its CJK
    characters (`evcards.card.fonts.families_for_language`)."""

    text: str
    style: CharStyle = "text"
    href: str = ""
    anchor: str = ""
    language: str = ""


class LineBreak(NamedTuple):
    """A line break inside a paragraph, in the style of the text around it. (Data text never
    breaks a line: the writer shows its line and paragraph separators as spaces.)"""

    style: CharStyle = "text"


class Paragraph(NamedTuple):
    """A paragraph in a block style, made of runs."""

    style: BlockStyle
    runs: tuple[Run | LineBreak, ...]


class QuoteBox(NamedTuple):
    """A quote, set off in a shaded box with a bar on its left. `runs`, when given, are what the
    box shows (the quote in its context, differences marked: `evcards.card.quote_view`);
    `text` is the quote alone."""

    text: str
    runs: tuple[Run | LineBreak, ...] = ()


class RelationRow(NamedTuple):
    label: str
    targets: tuple[Run, ...]


class RelationTable(NamedTuple):
    rows: tuple[RelationRow, ...]


Part = Paragraph | QuoteBox | RelationTable


class CardColors(NamedTuple):
    """Colours the card is drawn with; the window passes its palette's, print uses `PRINT_COLORS`."""

    text: str = "#1f2328"
    muted: str = "#59636e"
    link: str = "#0b5cad"
    quote_background: str = "#f3f4f6"
    quote_bar: str = "#8c959f"
    verified: str = "#1a7f37"
    approximate: str = "#9a6700"
    missing: str = "#cf222e"


PRINT_COLORS = CardColors()


# A verdict's sign and word: never colour alone. The style gives the colour as well. A sign
# and its word never part at the end of a line: a no-break space between them.
NBSP = "\u00a0"


def parts_text(parts: list[Part]) -> str:
    """Every character of `parts`, unformatted: what `needs_shaping` checks at each card shown
    (a third of the time `card_text` takes: it neither flattens nor lays out lines)."""
    pieces: list[str] = []
    for part in parts:
        if isinstance(part, Paragraph):
            pieces += [run.text if isinstance(run, Run) else "\n" for run in part.runs]
        elif isinstance(part, QuoteBox):
            pieces += [run.text if isinstance(run, Run) else "\n" for run in part.runs] if part.runs else [part.text]
        else:
            for label, runs in part.rows:
                pieces += (label, *(run.text for run in runs))
        pieces.append("\n")
    return "".join(pieces)


# Characters that start a new line or paragraph (in Qt's text too: `QTextCursor.insertText`
# makes a new paragraph or frame of some), and tabs. A card shows a data field's lines as one
# line, each break (with the white space around it) as a single space.
_BREAKS = re.compile("[ \t]*[\t\n\v\f\r\x85\u2028\u2029\ufdd0\ufdd1][ \t\n\v\f\r\x85\u2028\u2029\ufdd0\ufdd1]*")
_TEXT_INDENT = "   "  # under a claim's statement: its quote, citation and check
_INDENTED_BREAK = "\n" + _TEXT_INDENT
_TEXT_GAP_BEFORE: frozenset[BlockStyle] = frozenset({"paragraph", "note", "section", "statement", "source"})


def one_line(text: str) -> str:
    """`text` as the card shows it: each line break or tab, with the white space around it, as a
    single space; other spaces as written."""
    return text if text.isprintable() else _BREAKS.sub(" ", text)  # the test is the fast path: no break


def card_text(parts: list[Part]) -> str:
    """The card as plain text, for the clipboard: all it says, in its order, no-break spaces
    as spaces (as Qt's `toPlainText` gives them).

    A claim's quote, citation and check are indented under its statement; a blank line comes
    before the summary, each section, claim and source, and the note of a card with no claims."""
    lines: list[str] = []
    for part in parts:
        if isinstance(part, QuoteBox):
            box = "".join(_run_text(run, _INDENTED_BREAK) for run in part.runs) if part.runs else one_line(part.text)
            lines.append(_TEXT_INDENT + box)
        elif isinstance(part, RelationTable):
            lines += (f"{row.label}: {one_line(''.join(run.text for run in row.targets))}" for row in part.rows)
        elif part.style == "title":  # "Lei Jun (雷军)"
            name = one_line("".join(run.text for run in part.runs if isinstance(run, Run) and run.style == "title").strip())
            native = one_line("".join(run.text for run in part.runs if isinstance(run, Run) and run.style == "title_native"))
            lines.append(f"{name} ({native})" if native else name)
        else:
            if part.style in _TEXT_GAP_BEFORE and lines:
                lines.append("")
            indented = part.style == "citation"
            line_break = _INDENTED_BREAK if indented else "\n"
            lines.append(_TEXT_INDENT * indented + "".join(_run_text(run, line_break) for run in part.runs))
    return "\n".join(lines).replace(NBSP, " ") + "\n"


def _run_text(run: Run | LineBreak, line_break: str) -> str:
    return line_break if isinstance(run, LineBreak) else one_line(run.text)
