"""Check boxes whose box shows in a dark palette.

Fusion outlines an unchecked box in the window colour made darker: on evcards' dark window
(#1e2228) that is #181b1f, and the box all but disappears (the graph's "Overview" and "Listed
only" looked like bare words). In a dark palette the box gets an outline halfway between the
window and its text instead, which stands out from both by more than WCAG's 3:1 for the
parts of a control; a light palette, and a box with the keyboard's focus, keep Fusion's own.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QProxyStyle, QStyle, QStyleOption, QWidget

__all__ = ["VisibleCheckBoxStyle", "box_outline", "show_boxes_in_dark"]


def box_outline(palette: QPalette) -> QColor | None:
    """The outline a check box gets in `palette`; None where Fusion's own shows (light palettes)."""
    window, text = palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.WindowText)
    if window.lightness() >= 128:
        return None
    return QColor((window.red() + text.red()) // 2, (window.green() + text.green()) // 2, (window.blue() + text.blue()) // 2)


class VisibleCheckBoxStyle(QProxyStyle):
    """Fusion, with the outline of `box_outline` drawn over a check box's box.

    Set on the check boxes themselves (`show_boxes_in_dark`), not on the application: a
    `drawPrimitive` written in Python is called for every frame, panel and row any widget
    draws, which made each card shown ~3 ms slower."""

    def drawPrimitive(
        self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter, widget: QWidget | None = None
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        focused = QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_KeyboardFocusChange
        if element != QStyle.PrimitiveElement.PE_IndicatorCheckBox or option.state & focused == focused:
            return  # a box with the keyboard's focus keeps Fusion's highlighted outline
        outline = box_outline(option.palette)
        if outline is None:
            return
        painter.save()
        painter.setPen(outline)
        painter.setBrush(QColor(0, 0, 0, 0))
        painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
        painter.restore()


def show_boxes_in_dark(*boxes: QCheckBox) -> None:
    """Give `boxes` the outline of `box_outline` when the application draws with Fusion (as
    evcards does by default; another style draws its own boxes, left as they are)."""
    if not boxes or QApplication.style().name().lower() not in ("fusion", ""):  # "": the Fusion proxy of scroll_bar_style
        return
    style = VisibleCheckBoxStyle("fusion")
    style.setParent(boxes[0])  # a widget's style is not owned by it: this one lives as long as the boxes
    for box in boxes:
        box.setStyle(style)
