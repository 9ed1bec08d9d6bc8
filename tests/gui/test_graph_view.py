"""The relation graph beside the card: keys, clicks, zoom, the overview and export, as a reader uses them."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from evcards.gui.graph_view import GraphPane
from evcards.gui.main_window import MainWindow
from tests.gui_helpers import click_entity

Key = Qt.Key
Mod = Qt.KeyboardModifier


def open_graph(qtbot: Any, window: MainWindow) -> GraphPane:
    qtbot.keyClick(window, Key.Key_G, Mod.ControlModifier)
    pane = window.findChild(GraphPane)
    assert pane is not None and pane.isVisible()
    qtbot.waitUntil(lambda: pane.view.graph is not None)
    return pane


def walk_to(qtbot: Any, pane: GraphPane, target: str) -> None:
    """Arrow keys toward `target` until it is current, as a reader steering by eye."""
    view = pane.view
    for _ in range(12):
        if view.current() == target:
            return
        here, there = view.node_center(view.current() or ""), view.node_center(target)
        assert here is not None and there is not None, f"{target} is not drawn"
        dx, dy = there.x() - here.x(), there.y() - here.y()
        key = (Key.Key_Right if dx > 0 else Key.Key_Left) if abs(dx) >= abs(dy) else (Key.Key_Down if dy > 0 else Key.Key_Up)
        qtbot.keyClick(view, key)
    assert view.current() == target


def test_xiaomi_to_lei_jun_to_su7_by_keyboard_alone_and_back_through_history(qtbot: Any, window: MainWindow) -> None:
    click_entity(qtbot, window, "xiaomi")
    pane = open_graph(qtbot, window)
    assert pane.view.hasFocus() and pane.view.current() == "xiaomi"
    walk_to(qtbot, pane, "lei-jun")
    qtbot.keyClick(pane.view, Key.Key_Return)
    assert window.card.entity is not None and window.card.entity.id == "lei-jun"
    assert pane.view.graph is not None and pane.view.graph.centre == "lei-jun"
    qtbot.keyClick(pane.view, Key.Key_2)  # two hops: SU7 is Xiaomi's
    assert pane.view.node_center("su7") is not None
    walk_to(qtbot, pane, "su7")
    qtbot.keyClick(pane.view, Key.Key_Enter)
    assert window.card.entity is not None and window.card.entity.id == "su7"
    qtbot.keyClick(window, Key.Key_Left, Mod.AltModifier)
    assert window.card.entity.id == "lei-jun"
    assert pane.view.graph is not None and pane.view.graph.centre == "lei-jun"


def test_moving_to_a_neighbour_keeps_the_entities_that_stay_in_place(qtbot: Any, window: MainWindow) -> None:
    click_entity(qtbot, window, "xiaomi")
    pane = open_graph(qtbot, window)
    before = dict(pane.view.positions)
    qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=pane.view.node_center("lei-jun").toPoint())  # type: ignore[union-attr]
    assert window.card.entity is not None and window.card.entity.id == "lei-jun"
    assert pane.view.positions["xiaomi"] == before["xiaomi"] and pane.view.positions["lei-jun"] == before["lei-jun"]


def test_zoom_keys_and_ctrl_wheel_change_the_graph_scale_not_the_card(qtbot: Any, window: MainWindow) -> None:
    pane = open_graph(qtbot, window)
    card_zoom = window.settings.zoom
    scale = pane.view.scale_factor()
    qtbot.keyClick(pane.view, Key.Key_Equal, Mod.ControlModifier)
    assert pane.view.scale_factor() > scale
    qtbot.keyClick(pane.view, Key.Key_Minus, Mod.ControlModifier)
    qtbot.keyClick(pane.view, Key.Key_Minus, Mod.ControlModifier)
    assert pane.view.scale_factor() < scale
    assert window.settings.zoom == card_zoom
    qtbot.keyClick(pane.view, Key.Key_0, Mod.ControlModifier)  # fit: the whole graph in view
    rect = pane.view.mapFromScene(pane.view.scene().itemsBoundingRect()).boundingRect()
    assert pane.view.viewport().rect().adjusted(-2, -2, 2, 2).contains(rect)


def test_the_overview_is_laid_out_with_progress_and_filtered_by_kind(qtbot: Any, window: MainWindow) -> None:
    pane = open_graph(qtbot, window)
    pane.overview.setChecked(True)
    qtbot.waitUntil(lambda: not pane.is_laying_out() and pane.view.graph is not None and pane.view.graph.centre is None, timeout=10000)
    assert len(pane.view.graph.nodes) == len(window.kb.entities)  # type: ignore[union-attr]
    pane.kind.setCurrentIndex(pane.kind.findData("product"))
    qtbot.waitUntil(lambda: not pane.is_laying_out() and len(pane.view.graph.nodes) == 3, timeout=10000)  # type: ignore[union-attr]
    assert {n.kind for n in pane.view.graph.nodes} == {"product"}  # type: ignore[union-attr]


def test_the_overview_can_show_only_what_the_list_shows(qtbot: Any, window: MainWindow) -> None:
    pane = open_graph(qtbot, window)
    qtbot.keyClicks(window.entity_pane.filter_field, "xiaomi")
    qtbot.waitUntil(window.entity_pane.search_done)
    listed = {e.id for e in window.entity_pane.listed_entities()}
    pane.listed_only.setChecked(True)
    pane.overview.setChecked(True)
    qtbot.waitUntil(lambda: not pane.is_laying_out() and pane.view.graph is not None and pane.view.graph.centre is None, timeout=10000)
    assert {n.id for n in pane.view.graph.nodes} == listed  # type: ignore[union-attr]


def test_the_graph_exports_as_svg_png_and_pdf(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    pane = open_graph(qtbot, window)
    for suffix in ("svg", "png", "pdf"):
        pane.export(str(tmp_path / f"graph.{suffix}"))
    svg = ElementTree.parse(tmp_path / "graph.svg").getroot()
    assert svg.tag.endswith("svg")
    image = QImage(str(tmp_path / "graph.png"))
    assert not image.isNull() and image.width() > 100
    reader = PdfReader(tmp_path / "graph.pdf")
    assert len(reader.pages) == 1
    assert window.card.entity is not None and window.card.entity.name in (reader.pages[0].extract_text() or "")


def test_the_card_pdf_can_end_with_its_relation_graph(qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QFileDialog, QMenu

    window.entity_pane.select_entity("lei-jun")
    targets = iter([tmp_path / "plain.pdf", tmp_path / "with-graph.pdf"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(next(targets)), "PDF files (*.pdf)"))
    qtbot.keyClick(window, Key.Key_E, Mod.ControlModifier)
    option = window.action_registry["pdf_with_graph"]
    assert option in window.findChild(QMenu, "menu_file").actions() and not option.isChecked()
    option.trigger()
    qtbot.keyClick(window, Key.Key_E, Mod.ControlModifier)
    plain, with_graph = PdfReader(tmp_path / "plain.pdf"), PdfReader(tmp_path / "with-graph.pdf")
    assert len(with_graph.pages) == len(plain.pages) + 1
    last = " ".join((with_graph.pages[-1].extract_text() or "").split())  # pypdf reads some spaces as tabs
    assert "Lei Jun" in last and "Xiaomi" in last and "Steve Jobs" in last


def test_the_overview_layout_can_be_cancelled_and_stops_when_the_dock_or_window_closes(qtbot: Any, settings: Any, write_kb: Any) -> None:
    from tests.conftest import minimal_kb, open_window

    count = 1500  # a layout of about a second: long enough to be caught running
    entities = [
        {
            "id": f"e{i}",
            "name": f"Entity {i}",
            "kind": "organization",
            "claims": [],
            "relations": [{"type": "partner_of", "target": f"e{(i * 7 + 1) % count}"}],
        }
        for i in range(count)
    ]
    window = open_window(qtbot, settings, write_kb(minimal_kb(entities=entities, sources=[]), source_text=None))
    pane = open_graph(qtbot, window)
    pane.overview.setChecked(True)
    assert pane.is_laying_out() and pane.progress.isVisible() and pane.cancel_button.isVisible()
    qtbot.mouseClick(pane.cancel_button, Qt.MouseButton.LeftButton)
    assert not pane.is_laying_out() and not pane.progress.isVisible() and not pane.overview.isChecked()
    assert pane.view.graph is not None and window.card.entity is not None and pane.view.graph.centre == window.card.entity.id
    pane.overview.setChecked(True)
    qtbot.keyClick(window, Key.Key_G, Mod.ControlModifier)  # the dock closes: nobody will see the layout
    assert window.graph_dock.isHidden() and not pane.is_laying_out()
    qtbot.keyClick(window, Key.Key_G, Mod.ControlModifier)  # open again: the overview is laid out anew
    assert pane.is_laying_out()
    window.close()  # mid-layout: waits for the cancelled thread, no crash
    assert not pane.is_laying_out()


def test_the_pdf_draws_names_at_the_size_of_the_relation_labels(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    """Names drawn 12 times too large on a 1,200 dpi page were clipped to nothing: present in the text, invisible."""
    import math

    pane = open_graph(qtbot, window)
    pane.export(str(tmp_path / "graph.pdf"))
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: Any, size: float) -> None:
        if text.strip():
            sizes.append(size * math.sqrt(abs(tm[0] * tm[3] - tm[1] * tm[2])) * math.sqrt(abs(cm[0] * cm[3] - cm[1] * cm[2])))

    page = PdfReader(tmp_path / "graph.pdf").pages[0]
    text = " ".join(page.extract_text(visitor_text=visit).split())  # pypdf reads some spaces as tabs
    assert "Lei Jun" in text and "founded by" in text
    assert max(sizes) < 3 * min(sizes)
