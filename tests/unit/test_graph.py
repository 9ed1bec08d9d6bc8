"""The relation graph without Qt: who is a neighbour, and where each is drawn."""

from __future__ import annotations

import math

import pytest

from evcards.graph.layout import layout, overview_layout
from evcards.graph.neighbourhood import RelationIndex, kinds_of
from evcards.resources import bundled_data
from tests.conftest import load_kb


def index() -> RelationIndex:
    return RelationIndex(load_kb(bundled_data()))


def test_one_hop_holds_the_entity_its_neighbours_both_ways_and_labelled_directed_edges() -> None:
    graph = index().neighbourhood("lei-jun", hops=1)
    assert graph.centre == "lei-jun"
    assert {node.id for node in graph.nodes} == {"lei-jun", "xiaomi", "steve-jobs"}
    assert ("lei-jun", "xiaomi", "founder_of") in {(e.source, e.target, e.type) for e in graph.edges}
    assert ("xiaomi", "lei-jun", "founded_by") in {(e.source, e.target, e.type) for e in graph.edges}
    # apple links to steve-jobs, but is two hops away: not in a one-hop graph, nor its edges
    assert all(e.source in {"lei-jun", "xiaomi", "steve-jobs"} and e.target in {"lei-jun", "xiaomi", "steve-jobs"} for e in graph.edges)


def test_two_hops_reach_the_neighbours_of_neighbours_and_say_how_far() -> None:
    graph = index().neighbourhood("lei-jun", hops=2)
    hops = {node.id: node.hops for node in graph.nodes}
    assert hops["lei-jun"] == 0 and hops["xiaomi"] == 1 and hops["su7"] == 2 and hops["apple"] == 2
    assert graph.node("su7") is not None and graph.node("su7").kind == "product"  # type: ignore[union-attr]


def test_the_limit_keeps_the_nearest_and_counts_the_rest() -> None:
    graph = index().neighbourhood("lei-jun", hops=2, limit=3)
    assert [node.id for node in graph.nodes] == ["lei-jun", "xiaomi", "steve-jobs"]
    assert graph.left_out > 0


def test_the_overview_is_filtered_by_kind_and_by_the_listed_entities() -> None:
    relations = index()
    assert {n.id for n in relations.overview(kinds={"product"}).nodes} == {"su7", "su7-max", "xiaomi-14"}
    listed = relations.overview(entity_ids=["xiaomi", "su7", "china"])
    assert {n.id for n in listed.nodes} == {"xiaomi", "su7", "china"}
    assert {(e.source, e.target) for e in listed.edges} == {("xiaomi", "su7"), ("su7", "xiaomi"), ("xiaomi", "china")}
    assert len(relations.overview(limit=4).nodes) == 4 and relations.overview(limit=4).left_out == 5
    assert "person" in kinds_of(relations.kb)


def test_the_same_graph_draws_the_same_picture() -> None:
    graph = index().neighbourhood("xiaomi", hops=2)
    assert layout(graph) == layout(graph)
    assert overview_layout(index().overview()) == overview_layout(index().overview())


def test_moving_to_a_neighbour_keeps_the_entities_that_stay_in_place() -> None:
    relations = index()
    before = layout(relations.neighbourhood("xiaomi", hops=1))
    after = layout(relations.neighbourhood("lei-jun", hops=1), previous=before)
    assert after["xiaomi"] == before["xiaomi"] and after["lei-jun"] == before["lei-jun"]
    assert "steve-jobs" in after and "steve-jobs" not in before


def test_linked_entities_are_spread_apart_not_piled_up() -> None:
    positions = layout(index().neighbourhood("xiaomi", hops=2))
    points = list(positions.values())
    closest = min(math.dist(a, b) for i, a in enumerate(points) for b in points[i + 1 :])
    assert closest > 0.3


def test_the_overview_reports_its_progress_to_the_end() -> None:
    seen: list[tuple[int, int]] = []
    positions = overview_layout(index().overview(), lambda done, total: seen.append((done, total)))
    assert len(positions) == 9
    assert seen and seen[-1][0] == seen[-1][1] and [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_the_overview_is_drawn_even_when_the_spectral_solver_does_not_converge(monkeypatch: pytest.MonkeyPatch) -> None:
    """ARPACK fails to converge now and then on a graph of many small parts; the reader still
    gets an overview, every entity placed at a finite position."""
    import networkx as nx
    from scipy.sparse.linalg import ArpackNoConvergence

    def no_convergence(*args: object, **kwargs: object) -> None:
        raise ArpackNoConvergence("No convergence (15001 iterations)", None, None)

    monkeypatch.setattr(nx, "spectral_layout", no_convergence)
    graph = index().overview()
    positions = overview_layout(graph)
    assert set(positions) == {node.id for node in graph.nodes}
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in positions.values())
