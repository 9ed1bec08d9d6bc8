"""Fusion's scroll bars, drawn the same but without repainting their groove line by line.

Fusion paints a scroll bar's groove as a gradient across the bar, which Qt's raster engine
fills one scan line at a time: 2-3 ms for a window-high bar, at every repaint (each card
shown, each step of scrolling). The groove depends only on its size, state and colours, so
this proxy draws it once into a pixmap and copies that afterwards, at whole pixel ratios (1x,
2x), where the copy gives exactly Fusion's pixels. Everything else, and every other style, is
left to Qt.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOptionComplex, QStyleOptionSlider, QWidget

CACHED_GROOVES = 16  # bars of different sizes or states: a few per window
GrooveKey = tuple[int, int, float, int, int, int, int, int]


class GrooveCachingStyle(QProxyStyle):
    """A Fusion style whose scroll bar grooves are drawn once per size, state and palette."""

    def __init__(self) -> None:
        super().__init__("fusion")
        self._grooves: OrderedDict[GrooveKey, QPixmap] = OrderedDict()
        self.grooves_drawn = 0  # how often the base style drew a groove: tests read it

    def drawComplexControl(
        self, control: QStyle.ComplexControl, option: QStyleOptionComplex, painter: QPainter, widget: QWidget | None = None
    ) -> None:
        if (
            control != QStyle.ComplexControl.CC_ScrollBar
            or not isinstance(option, QStyleOptionSlider)
            or not option.subControls & QStyle.SubControl.SC_ScrollBarGroove
            or option.rect.isEmpty()
            or self.styleHint(QStyle.StyleHint.SH_ScrollBar_Transient, option, widget)  # fades: not cacheable
            or not (ratio := _pixel_ratio(painter)).is_integer()  # at 1.5x a copy lands between pixels
        ):
            super().drawComplexControl(control, option, painter, widget)
            return
        painter.drawPixmap(option.rect.topLeft(), self._groove(option, ratio, widget))
        rest = QStyleOptionSlider(option)
        rest.subControls = option.subControls & ~QStyle.SubControl.SC_ScrollBarGroove
        super().drawComplexControl(control, rest, painter, widget)

    def _groove(self, option: QStyleOptionSlider, ratio: float, widget: QWidget | None) -> QPixmap:
        size = option.rect.size()
        key = (
            size.width(),
            size.height(),
            ratio,
            option.orientation.value,
            int(option.state.value),
            option.direction.value,
            option.palette.cacheKey(),
            option.palette.currentColorGroup().value,
        )
        pixmap = self._grooves.get(key)
        if pixmap is not None:
            self._grooves.move_to_end(key)
            return pixmap
        pixmap = QPixmap(size * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(option.palette.window().color())  # opaque, as the window it is copied to: the same arithmetic
        groove = QStyleOptionSlider(option)
        groove.rect = QRect(QPoint(0, 0), size)
        groove.subControls = QStyle.SubControl.SC_ScrollBarGroove
        painter = QPainter(pixmap)
        super().drawComplexControl(QStyle.ComplexControl.CC_ScrollBar, groove, painter, widget)
        painter.end()
        self.grooves_drawn += 1
        self._grooves[key] = pixmap
        while len(self._grooves) > CACHED_GROOVES:
            self._grooves.popitem(last=False)
        return pixmap


def _pixel_ratio(painter: QPainter) -> float:
    """The ratio of the pixels being drawn: the engine's target, which differs from
    `painter.device()` when a widget is rendered into a pixmap of another ratio."""
    engine = painter.paintEngine()
    target = engine.paintDevice() if engine is not None else None
    return (target or painter.device()).devicePixelRatioF()


def speed_up_scroll_bars(app: QApplication) -> None:
    """Use the caching proxy when the application's style is Fusion (other styles are kept)."""
    if app.style().name().lower() == "fusion":  # a proxy's own name is empty: never wrapped twice
        app.setStyle(GrooveCachingStyle())
