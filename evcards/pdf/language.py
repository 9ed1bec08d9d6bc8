"""The language a PDF declares (/Lang): that of the knowledge base, else of the sources it cites.

Screen readers choose their voice and search tools their word rules by it. The card's own
labels are English, but its names, statements and quotes are what a reader reads there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from evcards.kb.loaded import LoadedKnowledgeBase
from evcards.kb.model import Entity

DEFAULT_LANGUAGE = "en"  # the card's own words (headings, labels), see evcards.card.content


def _cited_source_ids(entity: Entity) -> Iterator[str]:
    """The source of each quote on the entity's card: a claim's evidence items (format 2) or
    its single source (format 1)."""
    for claim in entity.claims:
        evidence = getattr(claim, "evidence", None)
        if evidence:
            yield from (str(item.source) for item in evidence)
        elif getattr(claim, "source", None):
            yield str(claim.source)


def document_language(kb: LoadedKnowledgeBase, entities: Sequence[Entity]) -> str:
    """The knowledge base's `language`; else the language most quotes on these cards come
    from (the first cited, on a tie); else English, the language of the card's labels."""
    declared = getattr(kb.data, "language", None)
    if declared:
        return str(declared)
    counts: Counter[str] = Counter()
    for entity in entities:
        for source_id in _cited_source_ids(entity):
            source = kb.source(source_id)
            language = getattr(source, "language", None) if source is not None else None
            if language:
                counts[str(language)] += 1
    return counts.most_common(1)[0][0] if counts else DEFAULT_LANGUAGE
