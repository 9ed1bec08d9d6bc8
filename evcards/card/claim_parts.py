"""One claim of a card with its citation: what "Copy Claim with Citation" puts on the clipboard.

No Qt here. The claim's parts are cut from the printed card (`card_parts(..., for_print=True)`),
so the claim reads as it does on the card: its statement and verdict, each quote with what its
check found and its reference ("[1]"), then the full citation of each source it quotes, under
the card's own numbers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from evcards.card.content import card_parts, source_anchor, used_sources
from evcards.card.parts import Paragraph, Run

if TYPE_CHECKING:
    from evcards.card.parts import Part
    from evcards.kb.loaded import LoadedKnowledgeBase
    from evcards.kb.model import Entity


def claim_parts(kb: LoadedKnowledgeBase, entity: Entity, index: int) -> list[Part]:
    """Claim `index` of `entity`'s card and the citations of its sources; [] for no such claim."""
    if not 0 <= index < len(entity.claims):
        return []
    parts = card_parts(kb, entity, for_print=True)
    statements = [k for k, part in enumerate(parts) if isinstance(part, Paragraph) and part.style == "statement"]
    start = statements[index]
    end = start + 1
    while end < len(parts) and not (isinstance(part := parts[end], Paragraph) and part.style in ("statement", "section")):
        end += 1
    numbers = {source.id: n for n, source in enumerate(used_sources(kb, entity), 1)}
    anchors = {source_anchor(numbers[sid]) for sid in entity.claims[index].sources if sid in numbers}
    citations = [p for p in parts[end:] if isinstance(p, Paragraph) and p.style == "source" and _anchor(p) in anchors]
    return parts[start:end] + citations


def _anchor(paragraph: Paragraph) -> str:
    first = paragraph.runs[0] if paragraph.runs else None
    return first.anchor if isinstance(first, Run) else ""
