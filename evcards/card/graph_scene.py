"""The relation graph drawn as a QGraphicsScene: shared by the window's graph view and the card's PDF.

Each kind has a shape AND a colour (colour is never the only sign); names and relation types are
drawn in the palette's text colour on its base colour, so they read in light and dark schemes.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontInfo, QFontMetricsF, QPainter, QPainterPath, QPalette, QPen, QPolygonF
from PySide6.QtGui import Qt as GuiQt  # convertFromPlainText lives in QtGui
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsScene, QGraphicsSimpleTextItem, QStyleOptionGraphicsItem, QWidget

from evcards.card.basics import kind_label, relation_label
from evcards.file_saving import check_target, save_bytes
from evcards.graph.layout import Position
from evcards.graph.neighbourhood import Edge, Graph, Node

PIXELS_PER_UNIT = 60.0
RADIUS = 14.0
# Okabe-Ito colours: told apart by colour-blind readers, mid-tone enough for both schemes.
KIND_STYLE: dict[str, tuple[str, str]] = {
    "organization": ("rect", "#0072B2"),
    "person": ("circle", "#E69F00"),
    "product": ("hexagon", "#009E73"),
    "place": ("diamond", "#CC79A7"),
    "event": ("triangle", "#D55E00"),
}
OTHER_STYLE = ("octagon", "#999999")


def edge_words(relation_type: str) -> str:
    """ "made by" on an edge: the relation's label as a phrase, in the reader's language."""
    words = relation_label(relation_type)
    return words[:1].lower() + words[1:]


def kind_style(kind: str) -> tuple[str, str]:
    """(shape, colour) of a kind; kinds are free text, so unknown ones share one style."""
    return KIND_STYLE.get(kind.casefold(), OTHER_STYLE)


def _polygon(sides: int, radius: float, turn: float = 0.0) -> QPolygonF:
    return QPolygonF(
        [
            QPointF(radius * math.cos(turn + 2 * math.pi * i / sides), radius * math.sin(turn + 2 * math.pi * i / sides))
            for i in range(sides)
        ]
    )


def shape_path(shape: str, radius: float = RADIUS) -> QPainterPath:
    path = QPainterPath()
    if shape == "circle":
        path.addEllipse(QPointF(0, 0), radius, radius)
    elif shape == "rect":
        path.addRoundedRect(QRectF(-radius, -radius * 0.8, 2 * radius, 1.6 * radius), 3, 3)
    else:
        sides, turn = {"hexagon": (6, 0.0), "diamond": (4, 0.0), "triangle": (3, -math.pi / 2), "octagon": (8, math.pi / 8)}[shape]
        path.addPolygon(_polygon(sides, radius * (1.2 if shape == "triangle" else 1.0), turn))
        path.closeSubpath()
    return path


class NodeItem(QGraphicsItem):
    """An entity: its kind's shape and colour, its name and kind beneath."""

    def __init__(self, node: Node, palette: QPalette, centre: bool) -> None:
        super().__init__()
        self.node = node
        self.centre = centre
        self._palette = palette
        shape, colour = kind_style(node.kind)
        self._path = shape_path(shape, RADIUS * (1.3 if centre else 1.0))
        self._colour = QColor(colour)
        self._font = QFont()
        self._font.setBold(centre)
        self._small = QFont()
        self._small.setPointSizeF(max(6.0, self._small.pointSizeF() * 0.8))
        self._small.setItalic(True)
        for font in (self._font, self._small):
            # In pixels, as the screen has them: a point size is made anew for each device, so a
            # PDF (1,200 dpi) drew the words 12 times too large, clipped away to nothing.
            font.setPixelSize(max(1, QFontInfo(font).pixelSize()))
        self.current = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
        self.setAcceptHoverEvents(True)
        self.setToolTip(GuiQt.convertFromPlainText(f"{node.name} ({kind_label(node.kind)})"))  # a name is never markup
        self.setZValue(1)

    def boundingRect(self) -> QRectF:
        return self._path.boundingRect().adjusted(-90, -4, 90, 40)

    def shape(self) -> QPainterPath:
        return self._path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        text = self._palette.color(QPalette.ColorRole.Text)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.current:
            painter.setPen(QPen(self._palette.color(QPalette.ColorRole.Highlight), 4))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(shape_path("circle", self._path.boundingRect().width() / 2 + 6))
        painter.setPen(QPen(text, 2 if self.centre else 1))
        painter.setBrush(QBrush(self._colour))
        painter.drawPath(self._path)
        top = self._path.boundingRect().bottom() + 2
        centred = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        name_box, kind_box = QRectF(-90, top, 180, 18), QRectF(-90, top + 17, 180, 16)
        # a plate of the background behind the words, so that relation lines never cross them
        plate = QColor(self._palette.color(QPalette.ColorRole.Base))
        plate.setAlphaF(0.85)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(plate)
        for font, box, words in ((self._font, name_box, self.node.name), (self._small, kind_box, kind_label(self.node.kind))):
            painter.setFont(font)
            metrics = QFontMetricsF(font)
            width = metrics.horizontalAdvance(words) + 6
            painter.drawRoundedRect(QRectF(-width / 2, box.top(), width, metrics.height()), 3, 3)
        painter.setPen(text)
        painter.setFont(self._font)
        painter.drawText(name_box, centred, self.node.name)
        painter.setFont(self._small)
        painter.drawText(kind_box, centred, kind_label(self.node.kind))


def _edge_path(start: QPointF, end: QPointF, offset: float) -> tuple[QPainterPath, QPointF, float]:
    """A line from `start` to `end` shortened to the nodes' edges, moved `offset` to its left,
    with an arrowhead; and where its label goes (a third of the way) and at what angle."""
    dx, dy = end.x() - start.x(), end.y() - start.y()
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    nx_, ny_ = -uy * offset, ux * offset
    a = QPointF(start.x() + ux * RADIUS + nx_, start.y() + uy * RADIUS + ny_)
    b = QPointF(end.x() - ux * (RADIUS + 2) + nx_, end.y() - uy * (RADIUS + 2) + ny_)
    path = QPainterPath(a)
    path.lineTo(b)
    for side in (1, -1):
        path.moveTo(b)
        path.lineTo(b.x() - ux * 9 - uy * 4 * side, b.y() - uy * 9 + ux * 4 * side)
    label_at = QPointF(a.x() + (b.x() - a.x()) * 0.35, a.y() + (b.y() - a.y()) * 0.35)
    return path, label_at, math.degrees(math.atan2(dy, dx))


def build_scene(
    scene: QGraphicsScene, graph: Graph, positions: Mapping[str, Position], palette: QPalette, *, edge_labels: bool = True
) -> dict[str, NodeItem]:
    """Draw `graph` into `scene` (cleared first); the node items by entity id."""
    scene.clear()
    scene.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))
    text = palette.color(QPalette.ColorRole.Text)
    line = QColor(text)
    line.setAlphaF(0.55)
    items: dict[str, NodeItem] = {}
    for node in graph.nodes:
        x, y = positions.get(node.id, (0.0, 0.0))
        item = NodeItem(node, palette, node.id == graph.centre)
        item.setPos(x * PIXELS_PER_UNIT, y * PIXELS_PER_UNIT)
        scene.addItem(item)
        items[node.id] = item
    pairs = {(e.source, e.target) for e in graph.edges}
    label_font = QFont()
    label_font.setPointSizeF(max(6.0, label_font.pointSizeF() * 0.75))
    for edge in graph.edges:
        _add_edge(scene, edge, items, (edge.target, edge.source) in pairs, line, text, label_font if edge_labels else None)
    return items


def _add_edge(
    scene: QGraphicsScene, edge: Edge, items: Mapping[str, NodeItem], both_ways: bool, line: QColor, text: QColor, font: QFont | None
) -> None:
    start, end = items[edge.source].pos(), items[edge.target].pos()
    path, label_at, angle = _edge_path(start, end, 4.0 if both_ways else 0.0)
    edge_item = QGraphicsPathItem(path)
    edge_item.setPen(QPen(line, 1.2))
    words = edge_words(edge.type)
    edge_item.setToolTip(GuiQt.convertFromPlainText(f"{items[edge.source].node.name} — {words} → {items[edge.target].node.name}"))
    scene.addItem(edge_item)
    if font is None:
        return
    label = QGraphicsSimpleTextItem(words)
    label.setFont(font)
    label.setBrush(text)
    if angle > 90 or angle < -90:  # never upside down
        angle += 180
    label.setRotation(angle)
    rect = label.boundingRect()
    label.setTransformOriginPoint(rect.center())
    # Beside its line, on the side the line is moved to: the two labels of a relation both
    # ways (founder of / founded by) stand on either side of the pair, never on each other.
    length = math.hypot(end.x() - start.x(), end.y() - start.y()) or 1.0
    away = rect.height() * 0.6 + 2.0
    beside = QPointF(-(end.y() - start.y()) / length * away, (end.x() - start.x()) / length * away)
    label.setPos(label_at + beside - rect.center())
    scene.addItem(label)


def render_scene(scene: QGraphicsScene, painter: QPainter, target: QRectF) -> None:
    """Paint the whole graph into `target`, kept in proportion (export: SVG, PNG, PDF)."""
    source = scene.itemsBoundingRect().adjusted(-20, -20, 20, 20)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)


GRAPH_FORMATS = ("svg", "png", "pdf")


def scene_bytes(scene: QGraphicsScene, suffix: str, title: str = "Relation graph") -> bytes:
    """The graph as an SVG, PNG or PDF file's bytes, by `suffix` ("svg", "png", "pdf");
    ValueError for another suffix, OSError when Qt cannot draw it."""
    from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QSize
    from PySide6.QtGui import QImage, QImageWriter, QPageLayout, QPageSize, QPdfWriter

    source = scene.itemsBoundingRect().adjusted(-20, -20, 20, 20)
    suffix = suffix.casefold().lstrip(".")
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    painter = QPainter()
    if suffix == "svg":
        from PySide6.QtSvg import QSvgGenerator

        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(source.size().toSize())
        generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
        generator.setTitle(title)
        painter.begin(generator)
        render_scene(scene, painter, QRectF(0, 0, source.width(), source.height()))
        ok = painter.end()
    elif suffix == "png":
        size = QSize(max(1, round(source.width() * 2)), max(1, round(source.height() * 2)))
        image = QImage(size, QImage.Format.Format_ARGB32)
        image.fill(scene.backgroundBrush().color())
        painter.begin(image)
        render_scene(scene, painter, QRectF(0, 0, size.width(), size.height()))
        painter.end()
        ok = QImageWriter(buffer, b"png").write(image)
    elif suffix == "pdf":
        writer = QPdfWriter(buffer)
        writer.setTitle(title)
        landscape = source.width() > source.height()
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait,
                QMarginsF(15, 15, 15, 15),
            )
        )
        painter.begin(writer)
        area = writer.pageLayout().paintRectPixels(writer.resolution())
        render_scene(scene, painter, QRectF(0, 0, area.width(), area.height()))
        ok = painter.end()
        del writer  # the PDF is complete in the buffer once its writer is gone
    else:
        raise ValueError(f"a graph is saved as SVG, PNG or PDF, not {suffix!r}")
    if not ok:
        raise OSError(f"the {suffix.upper()} of the graph could not be drawn")
    return bytes(buffer.data().data())


def save_scene(scene: QGraphicsScene, path: str, title: str = "Relation graph") -> None:
    """Write the graph as SVG, PNG or PDF, by `path`'s suffix, through `evcards.file_saving`
    (never replacing a device, FIFO or folder; a link written through); OSError (its text for
    the user) when it cannot be written."""
    check_target(Path(path))  # before the drawing: a device or a FIFO is refused at once
    suffix = path.rsplit(".", 1)[-1] if "." in Path(path).name else ""
    try:
        data = scene_bytes(scene, suffix, title)
    except ValueError as error:
        raise OSError(f"{path}: {error}") from error
    save_bytes(Path(path), data)
