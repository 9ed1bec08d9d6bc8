"""The scroll bar style that keeps Fusion's grooves: same pixels, drawn once."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QScrollBar, QStyleFactory

from evcards.gui.app import dark_palette
from evcards.gui.scroll_bar_style import GrooveCachingStyle, speed_up_scroll_bars


def _bar(
    orientation: Qt.Orientation,
    style,
    palette: QPalette | None = None,
    size: tuple[int, int] | None = None,
    enabled: bool = True,
    direction: Qt.LayoutDirection = Qt.LayoutDirection.LeftToRight,
) -> QScrollBar:
    bar = QScrollBar(orientation)
    bar.setStyle(style)
    if palette is not None:
        bar.setPalette(palette)
    bar.setEnabled(enabled)
    bar.setLayoutDirection(direction)
    bar.resize(*(size or ((16, 400) if orientation == Qt.Orientation.Vertical else (400, 16))))
    bar.setRange(0, 3000)
    bar.setPageStep(600)
    bar.setValue(700)
    return bar


def _pixels(bar: QScrollBar, ratio: float = 1) -> QImage:
    """The bar drawn on a device of this pixel ratio (a 2x screen's, for 2)."""
    pixmap = QPixmap(round(bar.width() * ratio), round(bar.height() * ratio))
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
    fusion = QStyleFactory.create("Fusion")
    for pixels, palette in ((shorter, None), (darker, dark_palette())):
        plain = _bar(Qt.Orientation.Vertical, fusion, palette, size=(16, 300))
        plain.setValue(2000)
        assert pixels == _pixels(plain)


def test_one_bar_changed_one_way_at_a_time_gets_the_right_groove(qapp: QApplication) -> None:
    """One bar of one size, changed in one respect at a time and drawn by one style: a cache key
    that missed that respect would hand it the groove drawn before the change."""
    palette = QPalette(qapp.palette())
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button, QColor("#c04040"))
    caching = GrooveCachingStyle()
    bar = _bar(Qt.Orientation.Vertical, caching, palette, size=(60, 60))
    steps: list[tuple[str, Callable[[QScrollBar], None], float]] = [
        ("vertical", lambda b: None, 1),
        ("at 2x", lambda b: None, 2),
        ("horizontal", lambda b: b.setOrientation(Qt.Orientation.Horizontal), 1),
        ("right to left", lambda b: b.setLayoutDirection(Qt.LayoutDirection.RightToLeft), 1),
        ("disabled", lambda b: b.setEnabled(False), 1),
    ]
    plain = _bar(Qt.Orientation.Vertical, QStyleFactory.create("Fusion"), palette, size=(60, 60))
    for step, change, ratio in steps:
        change(bar)
        change(plain)
        assert _pixels(bar, ratio) == _pixels(plain, ratio), step
    assert caching.grooves_drawn == len(steps)


def test_fractional_pixel_ratios_are_left_to_fusion(qapp: QApplication) -> None:
    """At 1.5x a kept groove would be copied between device pixels: Fusion draws it instead."""
    caching = GrooveCachingStyle()
    bar = _bar(Qt.Orientation.Vertical, caching)
    assert _pixels(bar, 1.5) == _pixels(_bar(Qt.Orientation.Vertical, QStyleFactory.create("Fusion")), 1.5)
    assert caching.grooves_drawn == 0


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
