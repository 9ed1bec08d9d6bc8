"""Entities whose card would be too big to lay out quickly (see `evcards.kb.limits`)."""

from __future__ import annotations

from collections.abc import Iterable

from evcards.kb.limits import EVIDENCE_PER_ENTITY, TEXT_PER_ENTITY
from evcards.kb.model import Entity, KnowledgeBase
from evcards.kb.problems import Problem


def entity_problems(shown: str, kb: KnowledgeBase, file_bytes: int, only: Iterable[int] | None = None) -> list[Problem]:
    """A problem for each entity whose card would be too big to lay out quickly.

    Claims and evidence lists are bounded by the models one at a time; here they are added up
    over the entity. An entity of fewer bytes of JSON than `TEXT_PER_ENTITY` cannot be over (a
    character takes at least a byte), so a file of `file_bytes` up to that is not measured, and
    `only` names the entities that could be over when the caller knows (the slices of
    `evcards.kb.piecewise`): measuring every one of 200,000 claims took 140 ms, 5 % of the load."""
    if file_bytes <= TEXT_PER_ENTITY:
        return []
    entities = kb.entities
    indices = range(len(entities)) if only is None else only
    return [problem for i in indices if (problem := _measured(shown, i, entities[i])) is not None]


def _measured(shown: str, i: int, entity: Entity) -> Problem | None:
    items = 0
    text = len(entity.name) + len(entity.summary) + sum(map(len, entity.aliases))
    for claim in entity.claims:
        quote = claim.quote
        text += len(claim.statement)
        if quote is not None:
            items += 1
            text += len(quote) if isinstance(quote, str) else len(quote.exact)
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
