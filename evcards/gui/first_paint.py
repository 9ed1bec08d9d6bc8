"""Run something once a view has been painted, on the event loop's next turn.

The window defers what its first frame does not need until that frame is on screen (the
scroll bars' caching style, the file's own load after the first card); the benchmark hook
reports the first card the same way. The callback runs after the paint has ended, so the
frame reaches the screen first.

Views say they were painted with a signal (`CardView.painted`) rather than being watched by an
event filter on their viewport: the first time Python gets hold of a viewport that Qt made,
PySide6 builds the Python classes of every widget type (~9 ms) to find out which one it is,
and the window's first frame need not wait for that.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, SignalInstance


def after_first_paint(
    painted: SignalInstance, context: QObject, then: Callable[[], None], when: Callable[[], bool] = lambda: True
) -> Callable[[], None]:
    """Call `then` on the turn after the first emission of `painted` for which `when()` holds
    (not at all once `context` is gone). Returns a function that stops the wait."""

    def on_paint() -> None:
        if when():
            stop()
            QTimer.singleShot(0, context, then)  # once this paint has ended

    def stop() -> None:
        with contextlib.suppress(RuntimeError, TypeError):  # already stopped
            painted.disconnect(on_paint)

    painted.connect(on_paint)
    return stop
