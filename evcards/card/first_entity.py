"""Which card a file opens on: the one the reader last viewed there, else the most connected one.

The first entity by name (Apple, in the bundled data) is seldom where a reader wants to begin;
the entity with the most relations, in and out, is the hub the others are read from.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the window imports this module at start, before pydantic is needed
    from evcards.kb.loaded import LoadedKnowledgeBase
    from evcards.kb.model import Entity


def most_connected(entities: Sequence[Entity]) -> Entity | None:
    """The entity with the most relations (its own plus those that point at it); the first in
    file order among equals. None when there are no entities."""
    if not entities:
        return None
    degree: Counter[str] = Counter()
    for entity in entities:
        degree[entity.id] += len(entity.relations)
        degree.update(relation.target for relation in entity.relations)
    return max(entities, key=lambda entity: degree[entity.id])  # max keeps the first of equals


def start_entity_id(kb: LoadedKnowledgeBase, remembered: str | None) -> str | None:
    """The entity a newly opened file starts on: `remembered` (the one last viewed in it) if the
    file still has it, else the most connected one; None for a file with no entities."""
    if remembered is not None and kb.entity(remembered) is not None:
        return remembered
    hub = most_connected(kb.entities)
    return hub.id if hub is not None else None
