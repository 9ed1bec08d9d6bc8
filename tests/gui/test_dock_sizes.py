"""The docks beside the card share the window: a reader who opens the source pane and the
relation graph together sees both at a usable size, and the card stays readable."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from evcards.gui.main_window import MainWindow

Key = Qt.Key
Mod = Qt.KeyboardModifier
OPEN = {"source": (Key.Key_F9, Mod.NoModifier), "graph": (Key.Key_G, Mod.ControlModifier)}


@pytest.mark.parametrize("order", [("source", "graph"), ("graph", "source")])
def test_the_source_pane_and_the_graph_opened_together_both_keep_a_usable_size(
    qtbot: Any, window: MainWindow, order: tuple[str, str]
) -> None:
    for name in order:
        key, modifier = OPEN[name]
        qtbot.keyClick(window, key, modifier)
    qtbot.waitUntil(lambda: window.graph_pane is not None and window.graph_pane.isVisible())
    qtbot.waitUntil(lambda: window.source_view is not None and window.source_view.isVisible())
    assert window.graph_pane is not None and window.source_view is not None
    graph, source = window.graph_pane.view, window.source_view.text
    line = graph.fontMetrics().height()
    qtbot.waitUntil(lambda: graph.height() >= 10 * line and source.height() >= 6 * source.fontMetrics().height(), timeout=2000)
    column = window.graph_dock.height() + window.source_dock.height()
    assert graph.height() >= 10 * line, f"the graph is {graph.height()} px high"  # was ~70 px under the source pane
    assert source.height() >= 6 * source.fontMetrics().height(), f"the source text is {source.height()} px high"
    assert min(window.graph_dock.height(), window.source_dock.height()) >= column // 3  # shared, not squeezed
    centre = graph.node_center(window.card.entity.id if window.card.entity else "")
    assert centre is not None and graph.viewport().rect().contains(centre.toPoint())  # the card's entity still in view
    card = window.card.viewport()
    assert card.width() >= 40 * window.card.fontMetrics().averageCharWidth()  # still a readable measure
