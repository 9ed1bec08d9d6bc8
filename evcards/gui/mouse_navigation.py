"""The mouse's back and forward buttons, anywhere in a window: an application-wide event filter."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

_MOUSE_BUTTON_EVENTS = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick)


class MouseNavigation(QObject):
    """Calls `back`/`forward` on those buttons' release; swallows their press too, or a list
    would select the row under the pointer."""

    def __init__(self, window: QWidget, back: Callable[[], None], forward: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._actions = {Qt.MouseButton.BackButton: back, Qt.MouseButton.ForwardButton: forward}
        self._watching = False

    def start_soon(self) -> None:
        """Watch from the next turn of the event loop.

        The filter sees every event of the application. Installed before the window is shown,
        it would also see the hundreds of polish and layout events of showing it, tens of
        milliseconds of Python calls that the window would wait for; no button can be pressed
        on the window before it is on screen."""
        if not self._watching:
            self._watching = True
            QTimer.singleShot(0, self, self._install)

    def stop(self) -> None:
        QApplication.instance().removeEventFilter(self)
        self._watching = False

    def _install(self) -> None:
        if self._watching:  # not stopped in the meantime
            QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _MOUSE_BUTTON_EVENTS and isinstance(watched, QWidget) and watched.window() is self._window:
            action = self._actions.get(QMouseEvent.button(event))  # type: ignore[arg-type]
            if action is not None:
                if kind == QEvent.Type.MouseButtonRelease:
                    action()
                return True
        return False
