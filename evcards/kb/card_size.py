"""Entities whose card would be too big to lay out quickly (see `evcards.kb.limits`)."""

from __future__ import annotations

from evcards.kb.limits import EVIDENCE_PER_ENTITY, TEXT_PER_ENTITY
from evcards.kb.model import Entity, KnowledgeBase
from evcards.kb.problems import Problem


def entity_problems(shown: str, kb: KnowledgeBase, file_bytes: int) -> list[Problem]:
    """A problem for each entity whose card would be too big to lay out quickly.

    Claims and evidence lists are bounded by the models one at a time; here they are added up
    over the entity. A file of `file_bytes` up to `TEXT_PER_ENTITY` cannot hold an entity
    that is over (a character takes at least a byte of JSON), so only bigger files are measured."""
    if file_bytes <= TEXT_PER_ENTITY:
        return []
    return [problem for i, entity in enumerate(kb.entities) if (problem := _measured(shown, i, entity)) is not None]


def _measured(shown: str, i: int, entity: Entity) -> Problem | None:
    items = 0
    text = len(entity.name) + len(entity.summary) + sum(map(len, entity.aliases))
    for claim in entity.claims:
        quote = claim.quote
        text += len(claim.statement)
        if quote is not None:
            items += 1
            text += len(quote) if quote.__class__ is str else len(quote.exact)  # type: ignore[union-attr]
        for item in claim.evidence:
            items += 1
            text += len(item.exact)
    if items > EVIDENCE_PER_ENTITY:
        message = f"has {items:,} evidence items over its claims, more than the {EVIDENCE_PER_ENTITY:,} a card can show"
        return Problem(shown, f"entities[{i}]", message)
    if text > TEXT_PER_ENTITY:
        message = (
            f"its card would hold {text:,} characters of text, more than the {TEXT_PER_ENTITY:,} it can lay out quickly: "
            "split the entity, or shorten its claims"
        )
        return Problem(shown, f"entities[{i}]", message)
    return None
