"""The relation graph's layouts (issue 17): a 200-node two-hop neighbourhood, and the overview
of 2,000 entities, both from the generator's size-M knowledge base (2,000 entities)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from evcards.graph.layout import layout, overview_layout
from evcards.graph.neighbourhood import Edge, Graph, Node, RelationIndex
from tests.benchmarks.stats import median
from tests.conftest import load_kb

FIRST_HOP = 14
SECOND_HOP = 13  # 1 + 14 + 14 * 13 = 197 nodes


def two_hop_graph(entities: list[Any]) -> Graph:
    """A centre, 14 neighbours and 13 of theirs each, named and typed as the generator's
    entities: a generated file links each entity to 0-3 others, too few for a 200-node neighbourhood."""
    nodes = [Node(entities[0].id, entities[0].name, entities[0].kind, 0)]
    edges = []
    cursor = 1
    for _ in range(FIRST_HOP):
        first = entities[cursor]
        cursor += 1
        nodes.append(Node(first.id, first.name, first.kind, 1))
        edges.append(Edge(entities[0].id, first.id, "associated_with"))
        for _ in range(SECOND_HOP):
            second = entities[cursor]
            cursor += 1
            nodes.append(Node(second.id, second.name, second.kind, 2))
            edges.append(Edge(second.id, first.id, "made_by"))
    return Graph(entities[0].id, tuple(nodes), tuple(edges))


def _ms(action: Any) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def graph_figures(kb_path: Path, runs: int = 7, overview_runs: int = 3) -> dict[str, Any]:
    kb = load_kb(kb_path)
    ego = two_hop_graph(kb.entities)
    ego_ms = [_ms(lambda: layout(ego)) for _ in range(runs)]
    overview = RelationIndex(kb).overview()
    overview_ms = [_ms(lambda: overview_layout(overview)) for _ in range(overview_runs)]
    return {
        "ego_nodes": len(ego.nodes),
        "ego_ms": [round(t, 1) for t in ego_ms],
        "ego_ms_median": round(median(ego_ms), 1),
        "overview_entities": len(overview.nodes),
        "overview_relations": len(overview.edges),
        "overview_ms": [round(t, 1) for t in overview_ms],
        "overview_ms_median": round(median(overview_ms), 1),
    }
