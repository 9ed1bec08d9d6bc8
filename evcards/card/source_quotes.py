"""Which quotes of a card come from which source, and where they stand in it.

The source pane highlights every quote of the card that comes from the source it shows and
steps through them in text order; it opens on a card's first source. Both questions are
answered here, from the loaded knowledge base alone.
"""

from __future__ import annotations

from typing import NamedTuple

from evcards.kb.loaded import LoadedKnowledgeBase
from evcards.kb.model import Entity


class QuoteSpan(NamedTuple):
    """One evidence item's quote found in its source: code-point offsets, and which item it is."""

    start: int
    end: int
    claim_index: int
    evidence_index: int


def quoted_sources(kb: LoadedKnowledgeBase, entity: Entity) -> list[str]:
    """The ids of the sources the card quotes and evcards has the text of, in claim order."""
    seen: dict[str, None] = {}
    for claim in entity.claims:
        for item in claim.evidence_items:
            if item.source not in seen and kb.source_text(item.source) is not None:
                seen[item.source] = None
    return list(seen)


def quote_spans(kb: LoadedKnowledgeBase, entity: Entity, source_id: str) -> list[QuoteSpan]:
    """The card's quotes found in `source_id`, in text order; a passage two items quote is one
    stop (the first item's), so stepping through them never seems to stand still."""
    spans: dict[tuple[int, int], QuoteSpan] = {}
    for claim_index in range(len(entity.claims)):
        for evidence_index, (item, check) in enumerate(kb.evidence(entity, claim_index)):
            if item.source == source_id and check.start is not None and check.end is not None:
                spans.setdefault((check.start, check.end), QuoteSpan(check.start, check.end, claim_index, evidence_index))
    return sorted(spans.values())


def first_quote(spans: list[QuoteSpan]) -> QuoteSpan | None:
    """The span of the card's first claim (in card order) that quotes the source."""
    return min(spans, key=lambda s: (s.claim_index, s.evidence_index), default=None)
