"""The relation graph beside the card (View ▸ Relation Graph): the card's entity centred, its
neighbours one or two hops away, or an overview of the knowledge base laid out in a thread.

Keys in the view: arrows move to the nearest entity in that direction, Enter (or a click) opens
it on the card, 1 / 2 choose one or two hops, Ctrl+= / Ctrl+- zoom, Ctrl+0 fits, Shift+arrows pan.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Mapping

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, Qt, QThread, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QKeySequence, QMouseEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from evcards.card.graph_scene import NodeItem, build_scene, save_scene
from evcards.graph.layout import LayoutCancelled, Position, layout, overview_layout
from evcards.graph.neighbourhood import Graph, RelationIndex, kinds_of
from evcards.gui.accessible import announce, name_popup
from evcards.gui.accessible_items import Item, items_changed
from evcards.gui.check_box_style import show_boxes_in_dark
from evcards.kb.loaded import LoadedKnowledgeBase
from evcards.translation import fill

ZOOM_STEP = 1.25
MIN_VIEW_LINES = 8  # the view is never less than this many lines of text high: a few nodes still show
PAN_STEP = 60
OVERVIEW_EDGE_LABELS = 300  # more relations than this: the overview leaves their labels out
_DIRECTIONS = {Qt.Key.Key_Left: (-1.0, 0.0), Qt.Key.Key_Right: (1.0, 0.0), Qt.Key.Key_Up: (0.0, -1.0), Qt.Key.Key_Down: (0.0, 1.0)}


class GraphView(QGraphicsView):
    """Draws a `Graph`; one entity is current (outlined), Enter or a click opens it."""

    entity_activated = Signal(str)
    hops_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("graph_view")
        self.setAccessibleName(self.tr("Relation graph"))
        self.viewport().setAccessibleName(self.tr("Relation graph"))
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.graph: Graph | None = None
        self.positions: dict[str, Position] = {}
        self._items: dict[str, NodeItem] = {}
        self._current: str | None = None
        self._in_order: list[NodeItem] = []
        self._order: dict[str, int] = {}

    def show_graph(self, graph: Graph, positions: Mapping[str, Position]) -> None:
        """Draw `graph`; the zoom stays, the centre (if any) is current and in the middle."""
        self.graph, self.positions = graph, dict(positions)
        labels = graph.centre is not None or len(graph.edges) <= OVERVIEW_EDGE_LABELS
        self._items = build_scene(self.scene(), graph, positions, self.palette(), edge_labels=labels)
        self._in_order = list(self._items.values())  # a reader's children, and each one's index:
        self._order = {node_id: index for index, node_id in enumerate(self._items)}
        items_changed(self)
        self.scene().setSceneRect(self.scene().itemsBoundingRect().adjusted(-200, -200, 200, 200))
        self._current = None
        first = graph.centre or (graph.nodes[0].id if graph.nodes else None)
        if first is not None:
            self.set_current(first)
        if graph.centre is None:
            self.fit()

    def clear(self) -> None:
        """Draw nothing (no knowledge base): no node is left for a reader either."""
        self.scene().clear()
        self._items, self._in_order, self._order, self._current = {}, [], {}, None
        items_changed(self)

    def current(self) -> str | None:
        """The entity outlined in the view, which Enter opens."""
        return self._current

    def set_current(self, entity_id: str) -> None:
        if entity_id not in self._items:
            return
        for node_id in (self._current, entity_id):
            if node_id is not None and node_id in self._items:
                self._items[node_id].current = node_id == entity_id
                self._items[node_id].update()
        self._current = entity_id
        self._describe_current()
        self.ensureVisible(self._items[entity_id], 40, 40)
        if self.graph is not None and entity_id == self.graph.centre:
            self.centerOn(self._items[entity_id])

    def _describe_current(self) -> None:
        """The current entity, for a screen reader: the nodes are drawn, not widgets."""
        item = self._items.get(self._current or "")
        if item is None:
            return
        text = self.tr("{name} ({kind}), entity {index} of {count}; arrow keys move, Enter opens")
        index = self._order[item.node.id] + 1
        announce(self, text.format(name=item.node.name, kind=item.node.kind, index=index, count=len(self._items)), index - 1)

    # --- what a screen reader walks (see evcards.gui.accessible_items) ------------------
    def accessible_items(self) -> list[Item]:
        """Each node: its name; its kind and how many of the drawn relations it has."""
        relations = dict.fromkeys(self._items, 0)
        for edge in self.graph.edges if self.graph is not None else ():
            for end in {edge.source, edge.target}:
                if end in relations:
                    relations[end] += 1
        return [
            Item(item.node.name, fill(self.tr("%1, %n relation(s)", "", relations[node_id]), item.node.kind))
            for node_id, item in self._items.items()
        ]

    def accessible_item_rect(self, index: int) -> QRect:
        if not 0 <= index < len(self._in_order):
            return QRect()
        drawn = self.mapFromScene(self._in_order[index].sceneBoundingRect()).boundingRect()
        return drawn.translated(self.viewport().pos())

    def accessible_current(self) -> int:
        return self._order.get(self._current or "", -1)

    def node_center(self, entity_id: str) -> QPointF | None:
        """Where an entity is drawn, in the view's (viewport) coordinates: for clicks and tests."""
        item = self._items.get(entity_id)
        return None if item is None else QPointF(self.mapFromScene(item.pos()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The card's entity stays in the middle when the dock is resized (another dock opened
        in its column shrinks it)."""
        super().resizeEvent(event)
        if self.graph is not None and self.graph.centre in self._items:
            self.centerOn(self._items[self.graph.centre])

    def scale_factor(self) -> float:
        return self.transform().m11()

    # --- zoom and pan ------------------------------------------------------------------
    def zoom(self, factor: float) -> None:
        if 0.05 <= self.scale_factor() * factor <= 8:
            self.scale(factor, factor)

    def fit(self) -> None:
        rect = self.scene().itemsBoundingRect()
        if not rect.isEmpty():
            self.fitInView(rect.adjusted(-20, -20, 20, 20), Qt.AspectRatioMode.KeepAspectRatio)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP)
            event.accept()
        else:
            super().wheelEvent(event)

    def _zoom_key(self, event: QKeyEvent) -> float | None:
        """The zoom a key asks for: a factor, 0.0 to fit, None for another key."""
        if event.matches(QKeySequence.StandardKey.ZoomIn) or (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier and event.key() in (Qt.Key.Key_Equal, Qt.Key.Key_Plus)
        ):
            return ZOOM_STEP
        if event.matches(QKeySequence.StandardKey.ZoomOut) or (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier and event.key() == Qt.Key.Key_Minus
        ):
            return 1 / ZOOM_STEP
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and event.key() == Qt.Key.Key_0:
            return 0.0
        return None

    def event(self, event: QEvent) -> bool:
        # The window's Zoom In/Out/Actual Size act on the card; in the graph these keys zoom the graph.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and self._zoom_key(event) is not None:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = Qt.Key(event.key()), event.modifiers()
        zoom = self._zoom_key(event)
        if zoom is not None:
            self.fit() if zoom == 0.0 else self.zoom(zoom)
        elif key in _DIRECTIONS and modifiers & Qt.KeyboardModifier.ShiftModifier:
            dx, dy = _DIRECTIONS[key]
            bar_x, bar_y = self.horizontalScrollBar(), self.verticalScrollBar()
            bar_x.setValue(bar_x.value() + int(dx * PAN_STEP))
            bar_y.setValue(bar_y.value() + int(dy * PAN_STEP))
        elif key in _DIRECTIONS and not modifiers & ~Qt.KeyboardModifier.KeypadModifier:
            found = self._nearest(*_DIRECTIONS[key])
            if found is not None:
                self.set_current(found)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._current is not None:
            self.entity_activated.emit(self._current)
        elif key in (Qt.Key.Key_1, Qt.Key.Key_2) and not modifiers & Qt.KeyboardModifier.ControlModifier:
            self.hops_requested.emit(1 if key == Qt.Key.Key_1 else 2)
        else:
            super().keyPressEvent(event)

    def _nearest(self, dx: float, dy: float) -> str | None:
        """The entity nearest the current one in a direction: ahead of it, the one whose
        distance plus twice its sideways offset is least."""
        if self._current is None:
            return None
        origin = self._items[self._current].pos()
        best: tuple[float, str] | None = None
        for node_id, item in self._items.items():
            vx, vy = item.pos().x() - origin.x(), item.pos().y() - origin.y()
            ahead = vx * dx + vy * dy
            if node_id == self._current or ahead <= 0:
                continue
            score = math.hypot(vx, vy) + 2 * abs(vx * dy - vy * dx)
            if best is None or score < best[0]:
                best = (score, node_id)
        return None if best is None else best[1]

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        item = self.itemAt(event.position().toPoint())
        while item is not None and not isinstance(item, NodeItem):
            item = item.parentItem()
        moved = (event.position() - getattr(self, "_pressed_at", event.position())).manhattanLength() > 4
        super().mouseReleaseEvent(event)
        if isinstance(item, NodeItem) and event.button() == Qt.MouseButton.LeftButton and not moved:
            self.set_current(item.node.id)
            self.entity_activated.emit(item.node.id)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed_at = event.position()
        super().mousePressEvent(event)


class OverviewLayout(QThread):
    """Lays out the overview off the GUI thread; `progress` and `laid_out` arrive queued.
    `cancel` stops it at the next step (a few hundred ms at most); a cancelled one emits nothing."""

    progress = Signal(int, int)
    laid_out = Signal(object, object)  # (Graph, positions)

    def __init__(self, graph: Graph, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._graph = graph
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            positions = overview_layout(self._graph, self.progress.emit, self._cancel.is_set)
        except LayoutCancelled:
            return
        if not self._cancel.is_set():
            self.laid_out.emit(self._graph, positions)


class GraphPane(QWidget):
    """The dock's contents: hops, overview (by kind, listed only), export, progress, the view."""

    entity_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("graph_pane")
        self.kb: LoadedKnowledgeBase | None = None
        self.index: RelationIndex | None = None
        self.entity_id: str | None = None
        self.listed_source: Callable[[], list[str]] | None = None
        """Gives the ids of the entities the list shows (set by the window), for "Listed only"."""
        self._thread: OverviewLayout | None = None
        self._running: set[OverviewLayout] = set()
        self.view = GraphView(self)
        self.view.setMinimumHeight(MIN_VIEW_LINES * self.view.fontMetrics().height())
        self.hops = QComboBox(self)
        self.hops.setObjectName("graph_hops")
        self.hops.setAccessibleName(self.tr("Neighbours"))
        self.hops.addItems([self.tr("%n hop(s)", "", 1), self.tr("%n hop(s)", "", 2)])
        self.overview = QCheckBox(self.tr("&Overview"), self)
        self.overview.setObjectName("graph_overview")
        self.kind = QComboBox(self)
        self.kind.setObjectName("graph_kind")
        self.kind.setAccessibleName(self.tr("Kind"))
        name_popup(self.hops)
        name_popup(self.kind)
        self.listed_only = QCheckBox(self.tr("&Listed only"), self)
        self.listed_only.setToolTip(self.tr("Only the entities the list shows under the current search"))
        show_boxes_in_dark(self.overview, self.listed_only)
        self.export_button = QToolButton(self)
        self.export_button.setText(self.tr("Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        for suffix in ("svg", "png", "pdf"):
            action = menu.addAction(fill(self.tr("As %1…"), suffix.upper()))
            action.triggered.connect(lambda _checked=False, suffix=suffix: self.choose_export(suffix))
        self.export_button.setMenu(menu)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("graph_progress")
        self.progress.setFormat(self.tr("Laying out… %p%"))
        self.progress.setAccessibleName(self.tr("Laying out the overview"))
        self.cancel_button = QToolButton(self)
        self.cancel_button.setObjectName("graph_cancel")
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop laying out the overview and go back to the card's neighbours"))
        self.cancel_button.clicked.connect(lambda: self.overview.setChecked(False))
        self.progress.hide()
        self.cancel_button.hide()
        self.note = QLabel(self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)  # an export error names a file
        self.note.setWordWrap(True)
        controls = QHBoxLayout()
        for widget in (self.hops, self.overview, self.kind, self.listed_only, self.export_button):
            controls.addWidget(widget)
        controls.addStretch(1)
        layout_ = QVBoxLayout(self)
        layout_.setContentsMargins(2, 2, 2, 2)
        layout_.addLayout(controls)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        layout_.addLayout(progress_row)
        layout_.addWidget(self.note)
        layout_.addWidget(self.view, 1)
        self.hops.currentIndexChanged.connect(lambda _i: self.redraw())
        self.overview.toggled.connect(lambda _on: self.redraw())
        self.kind.currentIndexChanged.connect(lambda _i: self.redraw() if self.overview.isChecked() else None)
        self.listed_only.toggled.connect(lambda _on: self.redraw() if self.overview.isChecked() else None)
        self.view.entity_activated.connect(self.entity_activated)
        self.view.hops_requested.connect(lambda hops: self.hops.setCurrentIndex(hops - 1))
        self.setFocusProxy(self.view)

    def let_go_of_knowledge_base(self) -> None:
        """Keep what is drawn without the knowledge base it came from (a reload: see
        `evcards.gui.reloading`); the next `follow` brings the new version."""
        self.kb = self.index = None

    def follow(self, kb: LoadedKnowledgeBase | None, entity_id: str | None) -> None:
        """The card shows `entity_id` of `kb`: centre it (the overview stays as it is)."""
        if kb is not self.kb:
            self.kb, self.index = kb, RelationIndex(kb) if kb is not None else None
            self.view.positions = {}
            self.kind.blockSignals(True)
            self.kind.clear()
            self.kind.addItem(self.tr("All kinds"), None)
            for kind in kinds_of(kb) if kb is not None else []:
                self.kind.addItem(kind, kind)
            self.kind.blockSignals(False)
        changed = entity_id != self.entity_id
        self.entity_id = entity_id
        if self.overview.isChecked():
            if self._thread is None and (self.view.graph is None or self.view.graph.centre is not None):
                self.redraw()  # its layout was cancelled when the dock was closed
            elif entity_id is not None:
                self.view.set_current(entity_id)
        elif changed or self.view.graph is None or self.view.graph.centre != entity_id:
            self.redraw()

    def listed_changed(self) -> None:
        """The list shows other entities: an overview of the listed ones is drawn again."""
        if self.overview.isChecked() and self.listed_only.isChecked():
            self.redraw()

    def redraw(self) -> None:
        self.cancel_layout()  # the overview unchecked, another kind or search: the running one is not wanted
        if self.index is None:
            self.view.clear()
            return
        if self.overview.isChecked():
            self._start_overview()
            return
        if self.entity_id is None:
            return
        graph = self.index.neighbourhood(self.entity_id, hops=self.hops.currentIndex() + 1)
        previous = self.view.positions if self.view.graph is not None and self.view.graph.centre is not None else None
        self.view.show_graph(graph, layout(graph, previous))
        self.note.setText(self.tr("%n more entity(-ies) not shown.", "", graph.left_out) if graph.left_out else "")
        self.note.setVisible(bool(graph.left_out))

    def _start_overview(self) -> None:
        if self.index is None:
            return
        kind = self.kind.currentData()
        ids = self.listed_source() if self.listed_only.isChecked() and self.listed_source is not None else None
        graph = self.index.overview(ids, {kind} if kind else None)
        thread = OverviewLayout(graph, self)
        self._thread = thread
        self._running.add(thread)
        thread.finished.connect(lambda: self._running.discard(thread))
        thread.progress.connect(self._progress)
        thread.laid_out.connect(self._overview_done)
        thread.finished.connect(thread.deleteLater)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        thread.start()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _overview_done(self, graph: Graph, positions: dict[str, Position]) -> None:
        self._thread = None
        self.progress.hide()
        self.cancel_button.hide()
        self.view.show_graph(graph, positions)
        if self.entity_id is not None:
            self.view.set_current(self.entity_id)
        self.note.setText(self.tr("%n more entity(-ies) not shown (at most 2,000).", "", graph.left_out) if graph.left_out else "")
        self.note.setVisible(bool(graph.left_out))

    def is_laying_out(self) -> bool:
        return self._thread is not None

    def cancel_layout(self) -> None:
        """Stop the overview being laid out, if any; its result is never shown."""
        if self._thread is not None:
            self._thread.laid_out.disconnect()
            self._thread.progress.disconnect()
            self._thread.cancel()
            self._thread = None
        self.progress.hide()
        self.cancel_button.hide()

    def wait(self) -> None:
        """Cancel and wait for every running layout (closing the window): a QThread destroyed
        while it runs aborts the process."""
        self.cancel_layout()
        for thread in list(self._running):
            thread.cancel()
            thread.wait()

    def hideEvent(self, event: QHideEvent) -> None:
        """The dock closed (or the window): a layout nobody will see is stopped."""
        self.cancel_layout()
        super().hideEvent(event)

    # --- export --------------------------------------------------------------------------
    def export(self, path: str) -> None:
        """Save the graph as shown, as SVG, PNG or PDF by the file's suffix."""
        entity = self.kb.entity(self.entity_id) if self.kb is not None and self.entity_id is not None else None
        title = fill(self.tr("Relation graph: %1"), entity.name) if entity is not None else self.tr("Relation graph")
        save_scene(self.view.scene(), path, title)

    def choose_export(self, suffix: str) -> None:
        stem = self.entity_id or "graph"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export Graph"), f"{stem}-graph.{suffix}", f"{suffix.upper()} (*.{suffix})")
        if not path:
            return
        if not path.lower().endswith(f".{suffix}"):
            path += f".{suffix}"
        try:
            self.export(path)
        except OSError as error:
            self.note.setText(fill(self.tr("Could not export the graph: %1"), error))
            self.note.show()
