"""What the Markdown and HTML writers share: how a card, its parts and its links are named in a
document that holds one card or several.

No Qt here. A card is written from `evcards.card.content.card_parts(..., for_print=True)`: the
printed card, whose only links are a source's web URL and a relation's target entity. A
relation links to its target's card when the document holds that card (as the PDF does), and
a quote's reference ("[1]") to its source's citation in the same card.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import quote as url_quote

from evcards.card.basics import entity_link_target
from evcards.card.content import card_parts
from evcards.card.parts import Paragraph, Run, one_line

if TYPE_CHECKING:
    from collections.abc import Iterable

    from evcards.card.parts import LineBreak, Part
    from evcards.kb.loaded import LoadedKnowledgeBase
    from evcards.kb.model import Entity

_REFERENCE = re.compile(r"\[([0-9]+)\]")


class CardSection(NamedTuple):
    """One card of a document: its entity, its parts (as printed) and the name of its place."""

    entity: Entity
    parts: list[Part]
    anchor: str


def card_anchor(entity_id: str) -> str:
    """The name of the place where the card of `entity_id` starts in a document."""
    return f"card-{entity_id}"


def fragment(anchor: str) -> str:
    """A link to `anchor` in the same document ("#card-%E9%9B%B7%E5%86%9B"): every id character
    is safe in a URL this way, and browsers match the decoded name."""
    return "#" + url_quote(anchor, safe="-_.")


def card_sections(kb: LoadedKnowledgeBase, entities: Iterable[Entity]) -> list[CardSection]:
    return [CardSection(e, card_parts(kb, e, for_print=True), card_anchor(e.id)) for e in entities]


def internal_target(run: Run, held: set[str]) -> str | None:
    """The anchor a relation's target run links to: its card's, when the document holds it."""
    entity_id = entity_link_target(run.href) if run.href else None
    return card_anchor(entity_id) if entity_id is not None and entity_id in held else None


def reference_number(run: Run | LineBreak) -> int | None:
    """The source number a run of a claim's citation line stands for, if it is the quote's
    reference ("[1]"), else None."""
    if not isinstance(run, Run) or run.style != "muted":
        return None
    found = _REFERENCE.fullmatch(run.text)
    return int(found.group(1)) if found else None


def source_place(card: str, anchor: str) -> str:
    """The name of a source's citation in a document: the card's anchor, then the source's
    (several cards each have a "source-1")."""
    return f"{card}-{anchor}"


def title_text(parts: list[Part]) -> str:
    """A card's title as one line of plain text ("Lei Jun 雷军")."""
    first = parts[0] if parts else None
    if not isinstance(first, Paragraph):
        return ""
    return one_line("".join(run.text for run in first.runs if isinstance(run, Run)))
