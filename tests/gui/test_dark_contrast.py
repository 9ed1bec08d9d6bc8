"""In the dark palette what a reader must see stands out: the graph's check boxes, and the
source pane's current quote (dark ink on its yellow), measured in the pixels drawn."""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QTextCursor
from PySide6.QtWidgets import QApplication, QCheckBox, QStyle, QStyleOptionButton

from evcards.gui.main_window import MainWindow
from evcards.gui.palette import dark_palette
from evcards.gui.scroll_bar_style import speed_up_scroll_bars
from tests.gui_helpers import contrast


def _pixels(image: QImage, rect: QRect) -> list[QColor]:
    return [QColor(image.pixel(x, y)) for y in range(rect.top(), rect.bottom() + 1) for x in range(rect.left(), rect.right() + 1)]


def _box_contrast(box: QCheckBox) -> float:
    """How much the box's outline stands out from what is around it, outside and inside (the least of the two)."""
    image = box.grab().toImage()
    option = QStyleOptionButton()
    box.initStyleOption(option)
    indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    outline = Counter(c.name() for c in _pixels(image, QRect(indicator.left() + 2, indicator.top(), indicator.width() - 4, 1)))
    inside = Counter(c.name() for c in _pixels(image, indicator.adjusted(3, 3, -3, -3)))
    around = box.palette().color(box.backgroundRole())
    edge = QColor(outline.most_common(1)[0][0])
    return min(contrast(edge, around), contrast(edge, QColor(inside.most_common(1)[0][0])))


def test_the_graph_check_boxes_show_their_box_in_the_dark_palette(qtbot: Any, qapp: QApplication, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    pane = window.graph_pane
    assert pane is not None
    try:
        speed_up_scroll_bars(qapp)  # the style the application runs with
        window.setPalette(dark_palette())
        for box in (pane.overview, pane.listed_only):
            assert not box.isChecked()
            assert _box_contrast(box) >= 3.0, box.text()  # WCAG 2.1 1.4.11: parts of a control, 3:1
    finally:
        qapp.setStyle("Fusion")


def test_the_current_quote_reads_dark_on_yellow_in_the_dark_palette(qtbot: Any, window: MainWindow) -> None:
    window.setPalette(dark_palette())
    entity = window.card.entity
    assert entity is not None
    window.show_in_source(entity.id, 0)
    pane = window.source_view
    assert pane is not None and pane.highlighted_text()
    qtbot.waitUntil(pane.isVisible)
    text = pane.text
    found = text.document().find(pane.highlighted_text())
    start = QTextCursor(text.document())
    start.setPosition(found.selectionStart())
    line = text.cursorRect(start)
    width = text.fontMetrics().horizontalAdvance(pane.highlighted_text()[:12])
    colours = _pixels(text.viewport().grab().toImage(), QRect(line.left() + 2, line.top() + 1, width, line.height() - 2))
    background = QColor(Counter(c.name() for c in colours).most_common(1)[0][0])
    ink = max(colours, key=lambda c: contrast(c, background))
    assert background.name() == "#ffc83d"  # the bright yellow of the quote being read
    assert ink.lightness() < background.lightness() and contrast(ink, background) >= 4.5, ink.name()
