"""Cards as Markdown (CommonMark, as GitHub renders it), for the clipboard and `evcards export`.

No Qt here. The writer works from the card's parts (`evcards.card.content`), so a Markdown
card says what the window's card says, in its order. Every string from the data is escaped
(`escape`): its ASCII punctuation that Markdown reads (`*`, `[`, `<`, `&`, ...) gets a
backslash, its line breaks become spaces, and what would start a block at the start of a
line (`# `, `- `, `1. `, `>`, an indent) is made plain text; so a name such as `*x*`,
`<script>` or `[a](javascript:...)` shows exactly those characters and links nowhere. The
only links are a source's http(s) URL and, in a document of several cards, a relation to
another card of the document.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from evcards.card.content import source_anchor
from evcards.card.parts import NBSP, LineBreak, QuoteBox, RelationTable, Run, one_line
from evcards.card.shared_document import (
    CardSection,
    card_sections,
    fragment,
    internal_target,
    reference_number,
    source_place,
    title_text,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from evcards.card.parts import Part
    from evcards.kb.loaded import LoadedKnowledgeBase
    from evcards.kb.model import Entity

# Every ASCII punctuation character CommonMark or GitHub's extensions give a meaning inline.
# `(`, `)` and `!` only mean something beside a `[` or `]`, which is escaped, so they stay
# as written and the Markdown stays readable as text ("Claims (9)").
_INLINE = re.compile(r"([\\`*_\[\]<>&|~#])")
# What starts a block at the start of a line: a list item, a setext underline, an ordered item.
_BLOCK_START = re.compile(r"^([-+=])|^([0-9]{1,9})([.)])")
_HARD_BREAK = "\\\n"  # CommonMark's line break inside a paragraph


def escape(text: str, *, line_start: bool = False) -> str:
    """`text` from the data as inert Markdown: on one line, every character shown as written.
    `line_start`: the text starts a line, where `- `, `1. ` or spaces would start a block."""
    text = _INLINE.sub(r"\\\1", one_line(text))
    if line_start:
        text = _BLOCK_START.sub(lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", text.lstrip(" "))
    return text


def _web_link(text: str, url: str) -> str:
    """An autolink, or the URL as text when it holds what an autolink cannot (a space, `<`)."""
    if any(c in url for c in "<> \t") or not url.isprintable():
        return escape(text)
    return f"<{url}>" if text == url else f"[{escape(text)}](<{url}>)"


def _run(run: Run, held: set[str], line_start: bool) -> str:
    text = escape(run.text, line_start=line_start)
    if run.href and (anchor := internal_target(run, held)) is not None:
        return f"[{text}]({fragment(anchor)})"
    if run.style == "link" and run.href.startswith(("http://", "https://")):
        return _web_link(run.text, run.href)
    if run.style == "bold" and text.strip():
        return f"**{text}**"
    if run.style == "quote_diff" and text.strip():  # raw HTML: no emphasis rule can break it
        return f"<b>{text}</b>"
    return text


def _runs(runs: tuple[Run | LineBreak, ...], held: set[str], line_prefix: str = "", card: CardSection | None = None) -> str:
    """Runs as Markdown; a line break continues on a line starting with `line_prefix`. In a
    claim's citation line of `card`, its reference ("[1]") links to the source's citation."""
    pieces: list[str] = []
    line_start = True
    for run in runs:
        if isinstance(run, LineBreak):
            pieces.append(_HARD_BREAK + line_prefix)
            line_start = True
            continue
        if card is not None and (number := reference_number(run)) is not None:
            pieces.append(f"[{escape(run.text)}]({fragment(source_place(card.anchor, source_anchor(number)))})")
        else:
            pieces.append(_run(run, held, line_start))
        line_start = False
    return "".join(pieces).replace(NBSP, " ").rstrip(" ")


def _anchor(name: str) -> str:
    """A place a link can lead to: GitHub keeps an `<a name>` (as `user-content-NAME`) and
    follows links to it."""
    return f'<a name="{escape_attribute(name)}"></a>'


def escape_attribute(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def _part(part: Part, card: CardSection, held: set[str], level: int) -> str:
    if isinstance(part, QuoteBox):
        runs = part.runs or (Run(part.text, "quote"),)
        return "> " + _runs(runs, held, "> ")
    if isinstance(part, RelationTable):
        return "\n".join(f"- **{escape(row.label)}:** {_runs(row.targets, held)}" for row in part.rows)
    if part.style == "title":
        return f"{'#' * level} {_anchor(card.anchor)}{_runs(part.runs, held)}" if level > 1 else f"# {_runs(part.runs, held)}"
    if part.style == "section":
        return f"{'#' * (level + 1)} {_runs(part.runs, held)}"
    if part.style == "source":
        first = part.runs[0]
        anchor = _anchor(source_place(card.anchor, first.anchor)) if isinstance(first, Run) and first.anchor else ""
        return anchor + _runs(part.runs, held)
    return _runs(part.runs, held, card=card if part.style == "citation" else None)


def _card(card: CardSection, held: set[str], level: int) -> list[str]:
    return [_part(part, card, held, level) for part in card.parts]


def parts_markdown(parts: list[Part], entity: Entity) -> str:
    """Some of a card's parts (a claim with its citation) as Markdown."""
    card = CardSection(entity, parts, "claim")
    return "\n\n".join(_part(part, card, set(), 2) for part in parts) + "\n"


def card_markdown(kb: LoadedKnowledgeBase, entity: Entity) -> str:
    """One card as a Markdown document."""
    return cards_markdown(kb, [entity])


def cards_markdown(kb: LoadedKnowledgeBase, entities: Sequence[Entity]) -> str:
    """Cards as one Markdown document: one card alone, or several after a title and a list of
    contents that links to each, relations linking to the cards the document holds."""
    cards = card_sections(kb, entities)
    if len(cards) == 1:
        return "\n\n".join(_card(cards[0], {cards[0].entity.id}, 1)) + "\n"
    held = {card.entity.id for card in cards}
    blocks = [f"# {escape(kb.display_title)}", "## Contents"]
    blocks.append("\n".join(f"{n}. [{escape(title_text(c.parts))}]({fragment(c.anchor)})" for n, c in enumerate(cards, 1)))
    for card in cards:
        blocks += ("---", *_card(card, held, 2))
    return "\n\n".join(blocks) + "\n"
