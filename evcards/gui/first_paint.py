"""Run something once a widget has been painted, on the event loop's next turn.

The window defers what its first frame does not need until that frame is on screen (the
scroll bars' caching style, the file's own load after the first card); the benchmark hook
reports the first card the same way. The callback runs after the paint has ended, so the
frame reaches the screen first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _PaintWatch(QObject):
    def __init__(self, widget: QWidget, then: Callable[[], None], when: Callable[[], bool]) -> None:
        super().__init__(widget)
        self._then = then
        self._when = when

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._when():
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._then)  # once this paint has ended
        return False


def after_first_paint(widget: QWidget, then: Callable[[], None], when: Callable[[], bool] = lambda: True) -> QObject:
    """Call `then` after the first paint of `widget` for which `when()` holds; the returned
    watcher (a child of `widget`) stops watching when removed: `widget.removeEventFilter(it)`."""
    watch = _PaintWatch(widget, then, when)
    widget.installEventFilter(watch)
    return watch
