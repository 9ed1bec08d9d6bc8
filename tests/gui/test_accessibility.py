"""What a screen reader finds: every control named, the card's and the source's text, the list's
rows, the graph's and the timeline's current node or mark; in the window and in each dialog."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QApplication, QTableView, QWidget

from tests.conftest import open_window

MULTILINGUAL = Path(__file__).parent.parent / "data" / "multilingual" / "kb.json"


def tree(root: QAccessibleInterface) -> Iterator[QAccessibleInterface]:
    """Every interface under `root`, as an assistive technology walks it."""
    yield root
    for index in range(root.childCount()):
        child = root.child(index)
        if child is not None and child.isValid():
            yield from tree(child)


def of(widget: QWidget) -> QAccessibleInterface:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None and interface.isValid()
    return interface


def under_a_span(interface: QAccessibleInterface) -> bool:
    """A table cell drawn over by a spanning cell (the shortcut list's headings): Qt lists it,
    but nothing of it is on screen and the spanning cell carries the name."""
    cell = interface.tableCellInterface()
    if cell is None or cell.columnIndex() == 0:
        return False
    table = cell.table().object()
    return isinstance(table, QTableView) and table.columnSpan(cell.rowIndex(), 0) > cell.columnIndex()


def unnamed_focusable(widget: QWidget) -> list[str]:
    """Each object a reader can focus that has no name, described by its role and class."""
    found = []
    for interface in tree(of(widget)):
        state = interface.state()
        if under_a_span(interface):
            continue
        if state.focusable and not state.invisible and not interface.text(QAccessible.Text.Name).strip():
            obj = interface.object()
            found.append(f"{interface.role().name} {type(obj).__name__ if obj else ''} {obj.objectName() if obj else ''}")
    return found


def text_of(widget: QWidget) -> str:
    """The text an assistive technology reads through the text interface."""
    text = of(widget).textInterface()
    assert text is not None, f"{type(widget).__name__} exposes no text"
    return text.text(0, text.characterCount())


@pytest.fixture
def full_window(qtbot: Any, settings: Any):
    """The window with every pane shown: source, timeline, graph."""
    window = open_window(qtbot, settings, MULTILINGUAL)
    window.resize(1200, 800)
    window.go_to("小米")
    qtbot.waitUntil(lambda: window.card.entity is not None and window.card.entity.id == "小米")
    for name in ("source_pane", "timeline", "graph_pane"):
        window.action_registry[name].trigger()
    qtbot.waitUntil(lambda: window.timeline_dock.isVisible() and window.graph_dock.isVisible() and window.source_dock.isVisible())
    yield window
    window.close()


def test_every_focusable_object_of_the_window_has_a_name(full_window: Any) -> None:
    assert unnamed_focusable(full_window) == []
    roles = {interface.role() for interface in tree(of(full_window))}
    assert {QAccessible.Role.List, QAccessible.Role.EditableText, QAccessible.Role.PushButton} <= roles


def test_the_card_the_source_and_the_list_expose_their_text(full_window: Any, qtbot: Any) -> None:
    card = text_of(full_window.card)
    assert full_window.card.entity.name in card and full_window.card.entity.claims[0].statement in card
    source = full_window.source_dock.widget()
    qtbot.waitUntil(
        lambda: any(interface.textInterface() is not None and "小米于2010年成立" in _text(interface) for interface in tree(of(source)))
    )
    rows = of(full_window.entity_pane.list_view)
    cells = [rows.child(index) for index in range(rows.childCount())]
    names = [cell.text(QAccessible.Text.Name) for cell in cells if cell.role() in (QAccessible.Role.Cell, QAccessible.Role.ListItem)]
    assert len(names) == full_window.entity_pane.model.rowCount()
    assert any(name.startswith(f"{full_window.card.entity.name}, ") and "claim" in name for name in names), names


def _text(interface: QAccessibleInterface) -> str:
    text = interface.textInterface()
    return text.text(0, text.characterCount())


def test_the_graph_and_the_timeline_say_which_node_and_mark_is_current(full_window: Any, qtbot: Any) -> None:
    from PySide6.QtWidgets import QGraphicsView

    graph = full_window.findChild(QGraphicsView, "graph_view")
    qtbot.waitUntil(lambda: graph.current() is not None)
    graph.setFocus()
    first = of(graph).text(QAccessible.Text.Description)
    assert first.startswith(f"{full_window.card.entity.name} (") and "of" in first
    visited = {first.split(" (")[0]}
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_Down):
        qtbot.keyClick(graph, key)
        visited.add(of(graph).text(QAccessible.Text.Description).split(" (")[0])
    assert len(visited) > 1  # the arrow keys reach other nodes, and the reader is told which
    canvas = full_window.timeline_pane().canvas
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Home)
    described = []
    for _ in canvas.claims():
        described.append(of(canvas).text(QAccessible.Text.Description).splitlines()[0])
        qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert described == [claim.statement for claim in canvas.claims()]


def _walk_modal(qtbot: Any, open_it: Callable[[], None]) -> list[str]:
    """Open a modal dialog, walk it while it is shown, close it; its unnamed focusable objects."""
    found: list[list[str]] = []

    def walk() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, walk)
            return
        found.append(unnamed_focusable(dialog))
        dialog.close()

    QTimer.singleShot(0, walk)
    open_it()
    qtbot.waitUntil(lambda: bool(found))
    return found[0]


def test_every_dialog_names_its_controls(full_window: Any, qtbot: Any) -> None:
    assert _walk_modal(qtbot, full_window.action_registry["shortcuts"].trigger) == []
    assert _walk_modal(qtbot, full_window.action_registry["about"].trigger) == []
    pane = full_window.entity_pane
    pane.filter_field.setFocus()
    qtbot.keyClick(pane.filter_field, Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    help_popup = full_window.findChild(QWidget, "query_help")
    qtbot.waitUntil(help_popup.isVisible)
    assert of(help_popup).text(QAccessible.Text.Name) == "Search syntax" and unnamed_focusable(help_popup) == []
    help_popup.close()


def test_the_export_progress_dialog_names_its_controls(
    full_window: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

    from evcards.gui import pdf_actions
    from evcards.pdf import export as pdf_export

    monkeypatch.setattr(pdf_actions, "PROGRESS_DELAY_MS", 0)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "all.pdf"), "")))
    walked: list[list[str]] = []

    def walk_then_write(target: Path, produce: Any) -> None:
        produce()
        [dialog] = [d for d in full_window.findChildren(QProgressDialog) if d.isVisible()]
        walked.append(unnamed_focusable(dialog))
        raise pdf_export.ExportError("stopped by the test")

    monkeypatch.setattr(pdf_export, "write_atomically", walk_then_write)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: None)
    full_window.action_registry["export_cards"].trigger()
    assert walked == [[]]


def test_the_welcome_state_names_its_controls(qtbot: Any, settings: Any, tmp_path: Path) -> None:
    from evcards.gui.main_window import MainWindow

    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_file(tmp_path / "missing.json")
    welcome = window.findChild(QWidget, "welcome")
    qtbot.waitUntil(lambda: welcome is not None and welcome.isVisible())
    assert unnamed_focusable(window) == []
    assert "missing.json" in " ".join(i.text(QAccessible.Text.Name) for i in tree(of(welcome)))


def _children(view: QWidget) -> list[QAccessibleInterface]:
    interface = of(view)
    children = [interface.child(index) for index in range(interface.childCount())]
    assert all(child is not None and child.isValid() for child in children)
    return children  # type: ignore[return-value]


def _selected(view: QWidget) -> list[str]:
    return [child.text(QAccessible.Text.Name) for child in _children(view) if child.state().selected]


def test_a_reader_walks_the_graph_s_nodes_and_finds_the_current_one(full_window: Any, qtbot: Any) -> None:
    from PySide6.QtWidgets import QGraphicsView

    graph = full_window.findChild(QGraphicsView, "graph_view")
    qtbot.waitUntil(lambda: graph.current() is not None)
    graph.setFocus()
    qtbot.waitUntil(graph.hasFocus)
    assert of(graph).role() == QAccessible.Role.List
    children = _children(graph)
    nodes = {node.name: node for node in graph.graph.nodes}
    assert sorted(child.text(QAccessible.Text.Name) for child in children) == sorted(nodes)
    assert {child.role() for child in children} == {QAccessible.Role.ListItem}
    for child in children:
        node = nodes[child.text(QAccessible.Text.Name)]
        assert child.text(QAccessible.Text.Description).startswith(f"{node.kind}, ")
        assert "relation" in child.text(QAccessible.Text.Description)
        assert child.parent().object() is graph and of(graph).indexOfChild(child) == children.index(child)
    centre = full_window.card.entity.name
    assert _selected(graph) == [centre]
    current = next(child for child in children if child.state().selected)
    assert current.state().focused and of(graph).focusChild().text(QAccessible.Text.Name) == centre
    assert not current.rect().isEmpty() and of(graph).rect().contains(current.rect().center())
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_Down):
        qtbot.keyClick(graph, key)
        if graph.current() != full_window.card.entity.id:
            break
    moved_to = graph.graph.node(graph.current()).name
    assert moved_to != centre and _selected(graph) == [moved_to]  # the arrow keys move the current node


def test_a_reader_walks_the_timeline_s_marks_in_time_order(full_window: Any, qtbot: Any) -> None:
    canvas = full_window.timeline_pane().canvas
    canvas.setFocus()
    qtbot.waitUntil(canvas.hasFocus)
    qtbot.keyClick(canvas, Qt.Key.Key_Home)
    claims = canvas.claims()
    children = _children(canvas)
    assert [child.text(QAccessible.Text.Name) for child in children] == [claim.statement for claim in claims]
    assert all(claim.date_text in child.text(QAccessible.Text.Description) for claim, child in zip(claims, children, strict=True))
    assert {child.role() for child in children} == {QAccessible.Role.ListItem}
    assert _selected(canvas) == [claims[0].statement] and children[0].state().focused
    assert of(canvas).rect().contains(children[0].rect().center())
    qtbot.keyClick(canvas, Qt.Key.Key_End)
    assert _selected(canvas) == [claims[-1].statement]
    assert not children[0].state().focused and children[-1].state().focused


def test_the_nodes_follow_the_card_through_a_reload_and_the_window_closes_with_them_walked(full_window: Any, qtbot: Any) -> None:
    import gc
    import weakref

    from PySide6.QtWidgets import QGraphicsView

    graph = full_window.findChild(QGraphicsView, "graph_view")
    qtbot.waitUntil(lambda: graph.current() is not None)
    walked = list(tree(of(full_window)))
    before = {child.text(QAccessible.Text.Name) for child in _children(graph)}
    neighbour = next(node for node in graph.graph.nodes if node.id != graph.current())
    full_window.go_to(neighbour.id)
    qtbot.waitUntil(lambda: graph.current() == neighbour.id)
    assert _selected(graph) == [neighbour.name]
    old = weakref.ref(full_window.kb)
    full_window.reload()
    qtbot.waitUntil(lambda: full_window.kb is not None and full_window.kb is not old() and not full_window.loader.is_busy())
    qtbot.waitUntil(lambda: graph.current() == neighbour.id)
    gc.collect()
    assert old() is None  # the children keep nothing of the old knowledge base
    assert _selected(graph) == [neighbour.name] and before & {child.text(QAccessible.Text.Name) for child in _children(graph)}
    walked += list(tree(of(full_window)))
    full_window.close()
    full_window.deleteLater()
    QApplication.processEvents()
    del walked
    gc.collect()


@pytest.fixture
def reader_running(qapp: Any) -> Iterator[None]:
    """Qt as it runs beside a screen reader: it makes interfaces and sends events as widgets change."""
    QAccessible.setActive(True)
    yield
    QAccessible.setActive(False)


def test_with_a_reader_running_the_arrow_keys_move_the_focus_among_the_items(reader_running: None, full_window: Any, qtbot: Any) -> None:
    from PySide6.QtWidgets import QGraphicsView

    graph = full_window.findChild(QGraphicsView, "graph_view")
    qtbot.waitUntil(lambda: graph.current() is not None)
    canvas = full_window.timeline_pane().canvas
    for view, keys in ((graph, (Qt.Key.Key_Right, Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_Down)), (canvas, (Qt.Key.Key_End,))):
        view.setFocus()
        qtbot.waitUntil(view.hasFocus)
        assert of(view).role() == QAccessible.Role.List and of(view).childCount() > 1
        for key in keys:
            qtbot.keyClick(view, key)
            focused = of(view).focusChild()
            assert focused is not None and focused.state().focused and _selected(view) == [focused.text(QAccessible.Text.Name)]
