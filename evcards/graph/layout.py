"""Where each entity of a `Graph` is drawn: networkx's spring layout with a fixed seed.

The same knowledge base draws the same picture (the seed), and moving to a neighbour keeps the
entities that stay where they were: their places are passed back as fixed starting positions,
and only the newcomers are placed around them. Positions are in layout units: linked entities
stand about `UNIT` apart whatever the graph's size; the view decides how many pixels a unit is.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping

import networkx as nx

from evcards.graph.neighbourhood import Graph

SEED = 17
UNIT = 2.0
ITERATIONS = 30
OVERVIEW_STEPS = 4
Position = tuple[float, float]
Progress = Callable[[int, int], object]
"""Called with (steps done, steps in all) while a layout runs, from the thread running it."""


class LayoutCancelled(Exception):
    """Raised by `overview_layout` between two steps once its `cancelled` says so."""


def _nx_graph(graph: Graph) -> nx.Graph[str]:
    """Undirected: direction says nothing about closeness; node order is the graph's, so the
    seed gives the same picture."""
    result: nx.Graph[str] = nx.Graph()
    result.add_nodes_from(node.id for node in graph.nodes)
    result.add_edges_from((edge.source, edge.target) for edge in graph.edges)
    return result


def layout(graph: Graph, previous: Mapping[str, Position] | None = None) -> dict[str, Position]:
    """Each node's position around one entity; nodes in `previous` keep their place there."""
    g = _nx_graph(graph)
    count = g.number_of_nodes()
    if count == 0:
        return {}
    kept = [node for node in g if previous is not None and node in previous]
    if kept and previous is not None:
        found = nx.spring_layout(
            g, k=UNIT, pos={node: previous[node] for node in kept}, fixed=kept, iterations=ITERATIONS, seed=SEED, method="force"
        )
    else:  # a first drawing, rescaled so that linked nodes stand about UNIT apart
        found = nx.spring_layout(g, iterations=ITERATIONS, seed=SEED, scale=UNIT * math.sqrt(count) / 2, method="force")
    return {node: (float(x), float(y)) for node, (x, y) in found.items()}


def _spectral_start(g: nx.Graph[str], scale: float) -> Mapping[str, Collection[float]]:
    """The spectral layout, or, when its eigenvalue solver does not converge (ARPACK does
    not, now and then, on a graph of many small components), seeded random positions that
    the force steps then refine: the overview is drawn either way."""
    import numpy as np

    try:
        return nx.spectral_layout(g, scale=scale)
    except (RuntimeError, ArithmeticError, np.linalg.LinAlgError):  # scipy's ArpackNoConvergence is a RuntimeError
        return nx.rescale_layout_dict(nx.random_layout(g, seed=SEED), scale=scale)


def overview_layout(graph: Graph, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> dict[str, Position]:
    """Each node's position in an overview of up to 2,000 entities, within two seconds.

    networkx's force layout costs O(n²) a step, about 300 ms at 2,000 nodes, so the overview
    starts from the spectral layout (sparse, fast, already groups what is linked) and refines it
    by `OVERVIEW_STEPS` force steps, each reported to `progress`. Between steps, a true
    `cancelled()` stops it with `LayoutCancelled` (the reader closed the dock or went back).
    """
    g = _nx_graph(graph)
    count = g.number_of_nodes()
    if count == 0:
        return {}
    scale = UNIT * math.sqrt(count) / 2
    if count < 3:
        return layout(graph)
    pos = _spectral_start(g, scale)
    if progress is not None:
        progress(1, OVERVIEW_STEPS + 1)
    for step in range(OVERVIEW_STEPS):
        if cancelled is not None and cancelled():
            raise LayoutCancelled
        pos = nx.spring_layout(g, k=UNIT, pos=pos, iterations=1, seed=SEED, scale=None, method="force")
        if progress is not None:
            progress(step + 2, OVERVIEW_STEPS + 1)
    return {node: (float(x), float(y)) for node, (x, y) in pos.items()}
