"""The timeline: the dated claims of the card's entity, or of the whole knowledge base, on a
horizontal time axis, and the undated ones listed apart below it.

`TimelineCanvas` is painted by hand (no QGraphicsScene: thousands of items would cost more to
keep than to draw): one `render` paints the screen, a QImage, a PDF or an SVG alike. A claim
dated to a year or a month is a bar over that period with its mark in the middle; one dated to
a day is its mark alone. The mark's shape says the verdict (as the card's symbols do: ● ◐ ◆ ✗ ▲ ○)
and its colour repeats it, so that colour is never the only sign. Marks that would overlap go
on lanes below one another. Keys: Left/Right (Home/End) move between marks, Enter opens the
claim on the card, Ctrl+= / Ctrl+- zoom, Ctrl+0 fits; Ctrl+wheel zooms around the pointer, the
wheel and a drag pan.
"""

from __future__ import annotations

import heapq
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QKeySequence, QPainter, QPainterPath, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from evcards.card.timeline_axis import FIRST, LAST, Step, Tick, ticks
from evcards.card.timeline_data import TimelineClaim, entity_timeline, knowledge_base_timeline
from evcards.gui import counts
from evcards.gui.accessible import announce
from evcards.gui.accessible_items import Item, items_changed
from evcards.gui.plain_text import plain_message, plain_tooltip
from evcards.kb.verdicts import Verdict
from evcards.translation import fill, translate

if TYPE_CHECKING:
    from PySide6.QtGui import QHelpEvent, QKeyEvent, QMouseEvent, QPaintDevice, QPaintEvent, QResizeEvent, QWheelEvent

    from evcards.kb.loaded import LoadedKnowledgeBase
    from evcards.kb.model import Entity

MARK = 11.0  # pixels: a mark's size
SPRITE = MARK + 6  # the side of a mark's stamped image, its outline included
LANE = 18.0  # pixels between lanes
MARGIN = 12.0
AXIS_TOP = 6.0
ZOOM_STEP = 1.5
MIN_DAYS = 3.0  # the narrowest view: a few days
PADDING = 0.06  # of the claims' span, each side, when fitted
EMPTY_AXIS_AT = date(2024, 1, 1).toordinal()


class VerdictStyle(NamedTuple):
    shape: str  # "disc", "half", "diamond", "cross", "triangle", "ring"
    light: str
    dark: str
    name: str


VERDICT_STYLES: dict[Verdict, VerdictStyle] = {
    Verdict.SUPPORTED: VerdictStyle("disc", "#1a7f37", "#3fb950", "supported"),
    Verdict.PARTLY_SUPPORTED: VerdictStyle("half", "#0969da", "#6cb6ff", "partly supported"),
    Verdict.CONTESTED: VerdictStyle("diamond", "#9a6700", "#d29922", "contested"),
    Verdict.REFUTED: VerdictStyle("cross", "#cf222e", "#f85149", "refuted"),
    Verdict.UNCONFIRMED: VerdictStyle("triangle", "#6e7781", "#9da7b3", "unconfirmed"),
    Verdict.NO_SOURCE_QUOTE: VerdictStyle("ring", "#6e7781", "#9da7b3", "no source quote"),
}


def _shape_path(shape: str, size: float) -> QPainterPath:
    """The filled outline of a mark, centred on (0, 0)."""
    half = size / 2
    path = QPainterPath()
    if shape in ("disc", "ring"):
        path.addEllipse(QPointF(0, 0), half, half)
    elif shape == "half":  # the left half of a disc; its outline is drawn whole
        path.moveTo(0, -half)
        path.arcTo(QRectF(-half, -half, size, size), 90, 180)
        path.closeSubpath()
    elif shape == "diamond":
        path.moveTo(0, -half - 1)
        path.lineTo(half + 1, 0)
        path.lineTo(0, half + 1)
        path.lineTo(-half - 1, 0)
        path.closeSubpath()
    elif shape == "triangle":
        path.moveTo(0, -half)
        path.lineTo(half, half)
        path.lineTo(-half, half)
        path.closeSubpath()
    else:  # a cross: two thick diagonals
        bar = size / 5
        for sign in (1.0, -1.0):
            corners = [(-half, -half + bar), (-half + bar, -half), (half, half - bar), (half - bar, half)]
            path.addPolygon(QPolygonF([QPointF(x, y * sign) for x, y in corners]))
        path.setFillRule(Qt.FillRule.WindingFill)
    return path


class Mark(NamedTuple):
    """Where one claim is drawn: its period from `x0` to `x1` (pixels) and its mark's centre
    at (`x`, `y`); plain numbers, made for thousands of claims at each zoom step."""

    claim: TimelineClaim
    x0: float
    x1: float
    x: float
    y: float

    @property
    def centre(self) -> QPointF:
        return QPointF(self.x, self.y)

    @property
    def bar(self) -> QRectF:
        return QRectF(self.x0, self.y - 3, max(0.0, self.x1 - self.x0), 6)


def _draw_shape(painter: QPainter, path: QPainterPath, shape: str, color: QColor, base: QColor) -> None:
    """One mark at the painter's origin: filled, hollow (on the background) or half filled."""
    painter.setPen(QPen(color, 1.5))
    painter.setBrush(base if shape in ("ring", "triangle", "half") else color)
    painter.drawPath(path)
    if shape == "half":
        painter.fillPath(path, color)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QPointF(0, 0), MARK / 2, MARK / 2)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


class TimelineCanvas(QWidget):
    """The axis and the marks. `claim_activated` on click or Enter; `view_changed` on zoom or pan."""

    claim_activated = Signal(object)  # a TimelineClaim
    view_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline_canvas")
        self.setAccessibleName(self.tr("Timeline"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(190)  # six lanes at least: a small file's claims all in view
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._claims: list[TimelineClaim] = []
        self._low, self._high = 0.0, 1.0  # the visible span, as ordinals
        self._spans: list[tuple[float, float]] = []  # each claim's period, as ordinals
        self._marks: list[Mark] | None = None  # laid out for the current size and span
        self._hidden: list[float] = []  # where claims are that the lanes had no room for (x)
        self._sprites: dict[tuple[Verdict, str, str, float], QImage] = {}
        self._laid_for: tuple[float, float, float, float] | None = None
        self._current = -1  # index in `_claims` of the mark with keyboard focus
        self._drag_x: float | None = None
        self._shapes = {style.shape: _shape_path(style.shape, MARK) for style in VERDICT_STYLES.values()}
        self._marks_by_claim: tuple[list[Mark], dict[int, Mark]] | None = None  # for a reader's rects

    # --- what is shown ----------------------------------------------------------------------
    def set_claims(self, claims: list[TimelineClaim]) -> None:
        """Show these (dated) claims, in time order, and fit the view to them."""
        self._claims = [c for c in claims if c.period is not None]
        self._spans = [(c.period.start.toordinal(), c.period.end.toordinal()) for c in self._claims if c.period]
        self._current = 0 if self._claims else -1
        items_changed(self)
        self.fit()

    def claims(self) -> list[TimelineClaim]:
        return list(self._claims)

    def current_claim(self) -> TimelineClaim | None:
        """The claim whose mark has keyboard focus (drawn with a ring)."""
        return self._claims[self._current] if 0 <= self._current < len(self._claims) else None

    def visible_span(self) -> tuple[float, float]:
        """The first and last day shown, as ordinals."""
        return self._low, self._high

    def tick_labels(self) -> list[str]:
        """The labels the axis shows now."""
        return [t.label for t in self._ticks(self.width())[1]]

    def marks(self) -> list[Mark]:
        """Where each claim within the view is drawn, in widget coordinates."""
        return self._layout(self.width(), self.height())

    def hidden_count(self) -> int:
        """How many claims in view the lanes have no room for (zoom in to see them)."""
        self.marks()
        return len(self._hidden)

    def hidden_near(self, x: float, reach: float = 4) -> int:
        """How many of the claims with no room on the lanes are within `reach` pixels of `x`."""
        self.marks()
        return sum(1 for at in self._hidden if abs(at - x) <= reach)

    def _band_y(self) -> float:
        """Where the band of claims with no room on the lanes is drawn."""
        return self._lanes_top() + self._lane_count(self.height()) * LANE + 2

    def mark_at(self, point: QPointF) -> Mark | None:
        for mark in reversed(self.marks()):
            if abs(point.x() - mark.x) <= MARK / 2 + 2 and abs(point.y() - mark.y) <= MARK / 2 + 2:
                return mark
        for mark in reversed(self.marks()):  # else anywhere on a bar
            if mark.bar.adjusted(0, -2, 0, 2).contains(point):
                return mark
        return None

    # --- zoom and pan -----------------------------------------------------------------------
    def fit(self) -> None:
        """Every claim in view, with a little room each side."""
        low: float
        high: float
        if self._spans:
            low = min(start for start, _ in self._spans)
            high = max(end for _, end in self._spans)
        else:
            low = high = float(EMPTY_AXIS_AT)  # an empty axis: a year or so around it
        pad = max((high - low) * PADDING, 15.0)
        self._set_span(low - pad, high + pad)

    def zoom_by(self, factor: float, anchor_x: float | None = None) -> None:
        """Zoom in (factor > 1) or out around `anchor_x` (pixels; the middle by default)."""
        width = max(1.0, self._axis_width())
        x = (anchor_x - MARGIN) if anchor_x is not None else width / 2
        at = self._low + (self._high - self._low) * x / width
        span = max(MIN_DAYS, min(LAST - FIRST, (self._high - self._low) / factor))
        low = at - span * x / width
        self._set_span(low, low + span)

    def pan_by(self, pixels: float) -> None:
        days = pixels * (self._high - self._low) / max(1.0, self._axis_width())
        self._set_span(self._low - days, self._high - days)

    def _set_span(self, low: float, high: float) -> None:
        span = high - low
        low = max(FIRST - span / 2, min(low, LAST - span / 2))
        self._low, self._high = low, low + span
        self._marks = None
        self.update()
        self.view_changed.emit()

    def _axis_width(self) -> float:
        return self.width() - 2 * MARGIN

    # --- layout -----------------------------------------------------------------------------
    def _ticks(self, width: float) -> tuple[Step, list[Tick]]:
        char_width = QFontMetricsF(self.font()).averageCharWidth()
        step, shown = ticks(self._low, self._high, width - 2 * MARGIN, char_width)
        return step, shown if self._claims else []  # no dates to read against: no axis labels

    def _lanes_top(self) -> float:
        return AXIS_TOP + QFontMetricsF(self.font()).height() + 10

    def _layout(self, width: float, height: float) -> list[Mark]:
        """Marks of the claims in view, each on a lane where it overlaps no other (the lane that
        frees first). When every lane is taken, the claim is not drawn but counted, and a band
        below the lanes shows where such claims are; the mark with keyboard focus is always drawn."""
        key = (width, height, self._low, self._high)
        if self._marks is not None and self._laid_for == key:
            return self._marks
        scale = (width - 2 * MARGIN) / (self._high - self._low)
        low, top = self._low, self._lanes_top()
        lanes = self._lane_count(height)
        free: list[tuple[float, int]] = []  # (where the lane frees, lane)
        marks: list[Mark] = []
        hidden: list[float] = []
        half = MARK / 2
        claims, current = self._claims, self._current
        for n, (start, end) in enumerate(self._spans):
            x0 = MARGIN + (start - low) * scale
            x1 = MARGIN + (end - low) * scale
            middle = (x0 + x1) / 2
            left = x0 if x0 < middle - half else middle - half
            right = x1 if x1 > middle + half else middle + half
            if right < 0 or left > width:
                continue
            if free and free[0][0] <= left:
                lane = heapq.heappop(free)[1]
            elif len(free) < lanes:
                lane = len(free)
            elif n == current:
                lane = heapq.heappop(free)[1]
            else:
                hidden.append(middle)
                continue
            heapq.heappush(free, (right + 3, lane))
            marks.append(Mark(claims[n], x0, x1, middle, top + lane * LANE + LANE / 2))
        self._marks, self._laid_for, self._hidden = marks, key, hidden
        return marks

    def _lane_count(self, height: float) -> int:
        return max(1, int((height - self._lanes_top() - self._legend_height() - MARGIN) // LANE))

    def _legend_height(self) -> float:
        return QFontMetricsF(self.font()).height() + 8

    # --- painting ---------------------------------------------------------------------------
    def render_to(self, device: QPaintDevice, size: QSize | None = None, *, vector: bool = True) -> None:
        """Paint the timeline as shown onto `device` (a QImage, QPdfWriter, QSvgGenerator),
        scaled to fill `size` (the device's own size by default). `vector` draws each mark as a
        path (for PDF, SVG and enlarged images); else as the screen does, a stamped image."""
        painter = QPainter(device)
        target = size or QSize(device.width(), device.height())
        painter.scale(target.width() / max(1, self.width()), target.height() / max(1, self.height()))
        self.render_with(painter, vector=vector)
        painter.end()

    def render_with(self, painter: QPainter, *, vector: bool = False) -> None:
        """Paint the background, the axis, the marks and the legend at the widget's size."""
        width, height = float(self.width()), float(self.height())
        palette = self.palette()
        dark = is_dark(palette)
        text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
        grid = QColor(text)
        grid.setAlpha(40)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.font())
        painter.fillRect(QRectF(0, 0, width, height), base)
        metrics = QFontMetricsF(self.font())
        axis_y = AXIS_TOP + metrics.height() + 4
        scale = (width - 2 * MARGIN) / (self._high - self._low)
        painter.setPen(QPen(text, 1))
        painter.drawLine(QPointF(MARGIN, axis_y), QPointF(width - MARGIN, axis_y))
        bottom = height - self._legend_height()
        for tick in self._ticks(width)[1]:
            x = MARGIN + (tick.at - self._low) * scale
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(x, axis_y), QPointF(x, bottom))
            painter.setPen(QPen(text, 1))
            painter.drawLine(QPointF(x, axis_y - 4), QPointF(x, axis_y))
            painter.drawText(QPointF(x + 3, AXIS_TOP + metrics.ascent()), tick.label)
        self._paint_marks(painter, dark, vector)
        self._paint_legend(painter, dark, text, bottom)
        if not self._claims:
            painter.setPen(QPen(text, 1))
            painter.drawText(QRectF(0, axis_y, width, bottom - axis_y), Qt.AlignmentFlag.AlignCenter, self.tr("No dated claims"))

    def _paint_marks(self, painter: QPainter, dark: bool, vector: bool) -> None:
        """Bars first, under every mark; then the marks: stamped from an image drawn once per
        verdict (thousands of paths cost too much per frame), or as paths for vector output."""
        marks = self._layout(self.width(), self.height())
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        colors = {v: QColor(style.dark if dark else style.light) for v, style in VERDICT_STYLES.items()}
        bars = {}
        for verdict, color in colors.items():
            bars[verdict] = QColor(color)
            bars[verdict].setAlpha(70)
        painter.setPen(Qt.PenStyle.NoPen)
        for mark in marks:
            if mark.x1 - mark.x0 > MARK:
                painter.fillRect(QRectF(mark.x0, mark.y - 3, mark.x1 - mark.x0, 6), bars[mark.claim.verdict])
        if self._hidden:
            self._paint_hidden(painter, colors[Verdict.UNCONFIRMED])
        if vector:
            for mark in marks:
                style = VERDICT_STYLES[mark.claim.verdict]
                painter.save()
                painter.translate(mark.x, mark.y)
                _draw_shape(painter, self._shapes[style.shape], style.shape, colors[mark.claim.verdict], base)
                painter.restore()
        else:
            ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
            sprites = {v: self._sprite(v, colors[v], base, ratio) for v in VERDICT_STYLES}
            offset = SPRITE / 2
            for mark in marks:
                painter.drawImage(QPointF(mark.x - offset, mark.y - offset), sprites[mark.claim.verdict])
        current = self.current_claim()
        if current is not None and self.hasFocus():
            for mark in marks:
                if mark.claim is current:
                    painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawEllipse(mark.centre, MARK / 2 + 4, MARK / 2 + 4)

    def _sprite(self, verdict: Verdict, color: QColor, base: QColor, ratio: float) -> QImage:
        key = (verdict, color.name(), base.name(), ratio)
        if (image := self._sprites.get(key)) is None:
            side = round(SPRITE * ratio)
            image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
            image.setDevicePixelRatio(ratio)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.translate(SPRITE / 2, SPRITE / 2)
            shape = VERDICT_STYLES[verdict].shape
            _draw_shape(painter, self._shapes[shape], shape, color, base)
            painter.end()
            self._sprites[key] = image
        return image

    def _paint_hidden(self, painter: QPainter, color: QColor) -> None:
        """A dotted band under the lanes where claims are that had no room: zoom in to see them."""
        y = self._band_y()
        painter.setPen(QPen(color, 3))
        for x in sorted({round(x) for x in self._hidden}):
            painter.drawPoint(QPointF(x, y))

    def _paint_legend(self, painter: QPainter, dark: bool, text: QColor, bottom: float) -> None:
        metrics = QFontMetricsF(self.font())
        x, y = MARGIN, bottom + 4 + metrics.height() / 2
        for style in VERDICT_STYLES.values():
            color = QColor(style.dark if dark else style.light)
            painter.save()
            painter.translate(QPointF(x + MARK / 2, y))
            _draw_shape(painter, self._shapes[style.shape], style.shape, color, self.palette().color(QPalette.ColorRole.Base))
            painter.restore()
            painter.setPen(QPen(text, 1))
            name = translate("Verdict", style.name)
            painter.drawText(QPointF(x + MARK + 4, y - metrics.height() / 2 + metrics.ascent()), name)
            x += MARK + 16 + metrics.horizontalAdvance(name)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.render_with(painter)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._marks = None
        super().resizeEvent(event)

    # --- the reader ---------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            help_event: QHelpEvent = event  # type: ignore[assignment]
            mark = self.mark_at(QPointF(help_event.pos()))
            hidden = self.hidden_near(help_event.pos().x()) if abs(help_event.pos().y() - self._band_y()) <= 4 else 0
            if mark is not None:
                QToolTip.showText(help_event.globalPos(), plain_tooltip(hover_text(mark.claim)), self)
            elif hidden:
                QToolTip.showText(
                    help_event.globalPos(), fill(self.tr("%1 here with no room on the lanes: zoom in"), counts.claims(hidden)), self
                )
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        if event.type() == QEvent.Type.ShortcutOverride:  # the window's zoom keys zoom the card
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if self._zoom_key(key_event) is not None:
                event.accept()
                return True
        return super().event(event)

    @staticmethod
    def _zoom_key(event: QKeyEvent) -> str | None:
        if event.matches(QKeySequence.StandardKey.ZoomIn) or (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier and event.key() in (Qt.Key.Key_Equal, Qt.Key.Key_Plus)
        ):
            return "in"
        if event.matches(QKeySequence.StandardKey.ZoomOut) or (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier and event.key() == Qt.Key.Key_Minus
        ):
            return "out"
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and event.key() == Qt.Key.Key_0:
            return "fit"
        return None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        zoom = self._zoom_key(event)
        key = event.key()
        if zoom == "in":
            self.zoom_by(ZOOM_STEP)
        elif zoom == "out":
            self.zoom_by(1 / ZOOM_STEP)
        elif zoom == "fit":
            self.fit()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Left, Qt.Key.Key_Home, Qt.Key.Key_End) and self._claims:
            moves = {Qt.Key.Key_Right: self._current + 1, Qt.Key.Key_Left: self._current - 1, Qt.Key.Key_Home: 0}
            self.set_current(moves.get(Qt.Key(key), len(self._claims) - 1))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.current_claim() is not None:
            self.claim_activated.emit(self.current_claim())
        else:
            super().keyPressEvent(event)

    def set_current(self, index: int) -> None:
        """Give mark `index` keyboard focus, panning to bring it into view; the status tip says what it is."""
        if not self._claims:
            return
        self._current = max(0, min(len(self._claims) - 1, index))
        claim = self._claims[self._current]
        assert claim.period is not None
        if not self._low <= claim.period.middle <= self._high:
            span = self._high - self._low
            self._set_span(claim.period.middle - span / 2, claim.period.middle + span / 2)
        self.setStatusTip(hover_text(claim))
        announce(self, hover_text(claim), self._current)
        self.update()

    # --- what a screen reader walks (see evcards.gui.accessible_items) --------------------------
    def accessible_items(self) -> list[Item]:
        """Each dated claim, in time order: its statement; whose, when and its verdict."""
        return [Item(*hover_text(claim).rsplit("\n", 1)) for claim in self._claims]

    def accessible_item_rect(self, index: int) -> QRect:
        marks = self.marks()
        if self._marks_by_claim is None or self._marks_by_claim[0] is not marks:  # laid out again
            self._marks_by_claim = (marks, {id(mark.claim): mark for mark in marks})
        mark = self._marks_by_claim[1].get(id(self._claims[index])) if 0 <= index < len(self._claims) else None
        if mark is None:
            return QRect()
        return QRectF(mark.x - MARK / 2, mark.y - MARK / 2, MARK, MARK).united(mark.bar).toAlignedRect()

    def accessible_current(self) -> int:
        return self._current

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if delta.y():
                self.zoom_by(ZOOM_STEP ** (delta.y() / 120), event.position().x())
        else:
            self.pan_by((delta.x() or delta.y()) / 2)
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            mark = self.mark_at(event.position())
            if mark is not None:
                self._current = self._claims.index(mark.claim)
                self.update()
                self.claim_activated.emit(mark.claim)
            else:
                self._drag_x = event.position().x()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_x is not None:
            self.pan_by(event.position().x() - self._drag_x)
            self._drag_x = event.position().x()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._drag_x = None
        super().mouseReleaseEvent(event)


def hover_text(claim: TimelineClaim) -> str:
    """What the tooltip and the status tip say of a claim: its statement, whose, when, verdict."""
    when = claim.date_text or QCoreApplication.translate("Timeline", "undated")
    if claim.dated_by_source:
        when = fill(QCoreApplication.translate("Timeline", "%1 (its source's publication date)"), when)
    whose = fill(
        QCoreApplication.translate("Timeline", "%1, claim %2 · %3 · %4"),
        claim.entity_name,
        claim.claim_index + 1,
        when,
        claim.verdict.label,
    )
    return f"{claim.statement}\n{whose}"


class TimelinePane(QWidget):
    """The dock's content: scope, zoom and export buttons, the canvas, and the undated claims."""

    claim_requested = Signal(str, int)  # entity id, claim index

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline_pane")
        self._kb: LoadedKnowledgeBase | None = None
        self._entity: Entity | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        bar = QHBoxLayout()
        self.entity_scope = QRadioButton(self.tr("This &entity"), self)
        self.kb_scope = QRadioButton(self.tr("&Whole knowledge base"), self)
        self.entity_scope.setChecked(True)
        self._scope = QButtonGroup(self)
        for scope in (self.entity_scope, self.kb_scope):
            self._scope.addButton(scope)
            bar.addWidget(scope)
        bar.addStretch(1)
        self.canvas = TimelineCanvas(self)
        for text, tip, slot in (
            ("−", self.tr("Zoom out (Ctrl+-)"), lambda: self.canvas.zoom_by(1 / ZOOM_STEP)),
            ("+", self.tr("Zoom in (Ctrl+=)"), lambda: self.canvas.zoom_by(ZOOM_STEP)),
            (self.tr("Fit"), self.tr("Show every dated claim (Ctrl+0)"), self.canvas.fit),
            (self.tr("Export…"), self.tr("Save the timeline as PNG, PDF or SVG"), self.choose_export),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip.split(" (")[0])
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            bar.addWidget(button)
        layout.addLayout(bar)
        layout.addWidget(self.canvas, 1)
        self.undated_label = QLabel(self)
        layout.addWidget(self.undated_label)
        self.undated_list = QListWidget(self)
        self.undated_list.setObjectName("timeline_undated")
        self.undated_list.setAccessibleName(self.tr("Undated claims"))
        self.undated_list.setMaximumHeight(96)
        layout.addWidget(self.undated_list)
        self.undated_label.setBuddy(self.undated_list)
        self.canvas.claim_activated.connect(self._request)
        self.undated_list.itemActivated.connect(self._undated_activated)
        self.undated_list.itemClicked.connect(self._undated_activated)
        self._scope.buttonToggled.connect(lambda _button, checked: self._refresh() if checked else None)

    def let_go_of_knowledge_base(self) -> None:
        """Keep what is drawn without the knowledge base it came from (a reload: see
        `evcards.gui.reloading`); the next `show_entity` brings the new version."""
        self._kb = None

    def show_entity(self, kb: LoadedKnowledgeBase | None, entity: Entity | None) -> None:
        """Follow the card: its entity's claims, or the whole knowledge base's (redrawn only when
        the file changes)."""
        same_kb = kb is self._kb
        self._kb, self._entity = kb, entity
        if not (same_kb and self.kb_scope.isChecked()):
            self._refresh()

    def set_whole_knowledge_base(self, whole: bool) -> None:
        (self.kb_scope if whole else self.entity_scope).setChecked(True)

    def _refresh(self) -> None:
        kb, entity = self._kb, self._entity
        dated: list[TimelineClaim] = []
        undated: list[TimelineClaim] = []
        if kb is not None and self.kb_scope.isChecked():
            dated, undated = knowledge_base_timeline(kb)
        elif kb is not None and entity is not None:
            dated, undated = entity_timeline(kb, entity)
        self.canvas.set_claims(dated)
        self.undated_list.clear()
        whole = self.kb_scope.isChecked()
        for claim in undated:
            text = f"{claim.claim_index + 1}. {claim.statement}"
            item = QListWidgetItem(f"{claim.entity_name}: {text}" if whole else text)
            item.setData(Qt.ItemDataRole.UserRole, (claim.entity_id, claim.claim_index))
            item.setToolTip(plain_tooltip(hover_text(claim)))
            self.undated_list.addItem(item)
        self.undated_label.setText(fill(self.tr("&Undated claims (%1)"), len(undated)) if undated else self.tr("No undated claims"))
        self.undated_list.setVisible(bool(undated))

    def _request(self, claim: TimelineClaim) -> None:
        self.claim_requested.emit(claim.entity_id, claim.claim_index)

    def _undated_activated(self, item: QListWidgetItem) -> None:
        entity_id, index = item.data(Qt.ItemDataRole.UserRole)
        self.claim_requested.emit(entity_id, index)

    # --- export -------------------------------------------------------------------------------
    def export(self, path: Path) -> None:
        """Save the timeline as shown, by the file's suffix: .png, .pdf or .svg; OSError when it
        cannot be written."""
        from evcards.gui.timeline_export import export_canvas

        export_canvas(self.canvas, Path(path))

    def choose_export(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from evcards.gui.timeline_export import EXPORT_FILTER

        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export Timeline"), "timeline.png", self.tr(EXPORT_FILTER))
        if not path:
            return
        try:
            self.export(Path(path))
        except (OSError, ValueError) as error:
            QMessageBox.warning(self, self.tr("Export Timeline"), plain_message(str(error)))  # names the file and the cause
