"""The entities around one entity, or a whole knowledge base, as a graph of directed relations.

Relations are stored on the entity they start from; a neighbour is also an entity whose relation
points at this one, so `RelationIndex` keeps both directions, built once per knowledge base.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from evcards.kb.loaded import LoadedKnowledgeBase

EGO_LIMIT = 300
"""At most this many entities around one entity: a hub's two-hop neighbourhood can be the
whole file, and a picture of hundreds of labels is not read; the nearest are kept."""
OVERVIEW_LIMIT = 2000
"""At most this many entities in the overview (issue 17), in the knowledge base's order."""


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    name: str
    kind: str
    hops: int
    """Relations between this entity and the centre; 0 for the centre and in the overview."""


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    type: str


@dataclass(frozen=True, slots=True)
class Graph:
    centre: str | None
    """The entity the graph is drawn around; None for the overview."""
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    left_out: int = 0
    """Entities that qualified but were left out by the limit."""

    def node(self, node_id: str) -> Node | None:
        return next((node for node in self.nodes if node.id == node_id), None)


class RelationIndex:
    """Each entity's relations in both directions, for one knowledge base."""

    def __init__(self, kb: LoadedKnowledgeBase) -> None:
        self.kb = kb
        self._out: dict[str, list[Edge]] = {}
        self._in: dict[str, list[Edge]] = {}
        for entity in kb.entities:
            for relation in entity.relations:
                if kb.entity(relation.target) is None:
                    continue
                edge = Edge(entity.id, relation.target, relation.type)
                self._out.setdefault(entity.id, []).append(edge)
                self._in.setdefault(relation.target, []).append(edge)

    def edges_of(self, entity_id: str) -> list[Edge]:
        return self._out.get(entity_id, []) + self._in.get(entity_id, [])

    def neighbourhood(self, entity_id: str, hops: int = 1, limit: int = EGO_LIMIT) -> Graph:
        """`entity_id` and the entities up to `hops` relations away (either direction), nearest
        first, with every relation between them."""
        distance = {entity_id: 0}
        frontier = [entity_id]
        left_out = 0
        for hop in range(1, hops + 1):
            following: list[str] = []
            for current in frontier:
                for edge in self.edges_of(current):
                    other = edge.target if edge.source == current else edge.source
                    if other in distance or other in following:
                        continue
                    if len(distance) + len(following) >= limit:
                        left_out += 1
                        continue
                    following.append(other)
            distance.update((other, hop) for other in following)
            frontier = following
        return self._graph(entity_id, distance, left_out)

    def overview(self, entity_ids: Iterable[str] | None = None, kinds: Collection[str] | None = None, limit: int = OVERVIEW_LIMIT) -> Graph:
        """Every entity of `entity_ids` (default: all) whose kind is one of `kinds` (default:
        any), up to `limit`, with the relations between them."""
        wanted = set(entity_ids) if entity_ids is not None else None
        chosen = [e.id for e in self.kb.entities if (wanted is None or e.id in wanted) and (kinds is None or e.kind.casefold() in kinds)]
        return self._graph(None, dict.fromkeys(chosen[:limit], 0), max(0, len(chosen) - limit))

    def _graph(self, centre: str | None, distance: dict[str, int], left_out: int) -> Graph:
        nodes = []
        for node_id, hops in distance.items():
            entity = self.kb.entity(node_id)
            if entity is not None:
                nodes.append(Node(node_id, entity.name, entity.kind, hops))
        edges = tuple(edge for node_id in distance for edge in self._out.get(node_id, []) if edge.target in distance)
        return Graph(centre, tuple(nodes), edges, left_out)


def kinds_of(kb: LoadedKnowledgeBase) -> list[str]:
    """The knowledge base's kinds, folded, in order of first appearance: the overview's filter."""
    return list(dict.fromkeys(entity.kind.casefold() for entity in kb.entities))
