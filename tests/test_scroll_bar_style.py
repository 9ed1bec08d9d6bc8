"""The scroll bar style that keeps Fusion's grooves: same pixels, drawn once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QScrollBar, QStyleFactory

from evcards.gui.app import dark_palette
from evcards.gui.scroll_bar_style import GrooveCachingStyle, speed_up_scroll_bars


def _bar(orientation: Qt.Orientation, style, palette: QPalette | None = None) -> QScrollBar:
    bar = QScrollBar(orientation)
    bar.setStyle(style)
    if palette is not None:
        bar.setPalette(palette)
    bar.resize(*((16, 400) if orientation == Qt.Orientation.Vertical else (400, 16)))
    bar.setRange(0, 3000)
    bar.setPageStep(600)
    bar.setValue(700)
    return bar


def _pixels(bar: QScrollBar, ratio: float = 1) -> QImage:
    """The bar drawn on a device of this pixel ratio (a 2x screen's, for 2)."""
    pixmap = QPixmap(bar.size() * ratio)
    pixmap.setDevicePixelRatio(ratio)
    bar.render(pixmap)
    return pixmap.toImage()


@pytest.mark.parametrize("orientation", [Qt.Orientation.Vertical, Qt.Orientation.Horizontal])
@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("ratio", [1, 2], ids=["1x", "2x"])
def test_bars_look_exactly_as_fusion_draws_them(qapp: QApplication, orientation: Qt.Orientation, dark: bool, ratio: float) -> None:
    palette = dark_palette() if dark else None
    fusion = QStyleFactory.create("Fusion")
    caching = GrooveCachingStyle()
    plain = _pixels(_bar(orientation, fusion, palette), ratio)
    cached_bar = _bar(orientation, caching, palette)
    first, second = _pixels(cached_bar, ratio), _pixels(cached_bar, ratio)
    assert first == plain
    assert second == plain  # drawn from the kept groove
    assert caching.grooves_drawn == 1


def test_a_new_size_or_palette_draws_a_new_groove(qapp: QApplication) -> None:
    caching = GrooveCachingStyle()
    bar = _bar(Qt.Orientation.Vertical, caching)
    _pixels(bar)
    bar.setValue(2000)  # the handle moves over the same groove
    _pixels(bar)
    assert caching.grooves_drawn == 1
    bar.resize(16, 300)
    shorter = _pixels(bar)
    assert caching.grooves_drawn == 2
    bar.setPalette(dark_palette())
    darker = _pixels(bar)
    assert caching.grooves_drawn == 3
    assert shorter != darker


def test_only_fusion_is_wrapped(qapp: QApplication) -> None:
    try:
        qapp.setStyle("Windows")
        speed_up_scroll_bars(qapp)
        assert not isinstance(qapp.style(), GrooveCachingStyle)
        qapp.setStyle("Fusion")
        speed_up_scroll_bars(qapp)
        speed_up_scroll_bars(qapp)  # once is enough: no proxy around the proxy
        assert isinstance(qapp.style(), GrooveCachingStyle)
        assert qapp.style().baseStyle().name().lower() == "fusion"
    finally:
        qapp.setStyle("Fusion")
