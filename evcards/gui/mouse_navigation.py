"""The mouse's back and forward buttons, anywhere in a window: an event filter on its QWindow.

A mouse press in a window reaches its QWindow before Qt hands it to the widget under the
pointer (the window's widgets have no native windows of their own), so one filter there sees
them, along with the window's key presses and mouse moves. An application-wide filter would
see the same, but also every paint, timer and layout event of every widget: tens of Python
calls each time a card is shown. Qt may replace a window's QWindow (a native child such as an
OpenGL view needs a new one); the filter then follows to the new one when the window is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QWindow  # the window's own, once it is shown

_MOUSE_BUTTON_EVENTS = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick)


class MouseNavigation(QObject):
    """Calls `back`/`forward` on those buttons' release; swallows their press too, or a list
    would select the row under the pointer."""

    def __init__(self, window: QWidget, back: Callable[[], None], forward: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._back, self._forward = back, forward
        self._watching = False
        self._watched: QWindow | None = None

    def start_soon(self) -> None:
        """Watch from the next turn of the event loop, once the window has its QWindow and
        the events of showing it have been handled: no button can be pressed on the window
        before it is on screen."""
        self._watching = True
        QTimer.singleShot(0, self, self._install)  # the QWindow is asked for then: it may be a new one

    def stop(self) -> None:
        self._unwatch()
        self._watching = False

    def _install(self) -> None:
        handle = self._window.windowHandle()
        if self._watching and handle is not None and self._watched is not handle:  # not stopped in the meantime
            self._unwatch()
            handle.installEventFilter(self)
            handle.destroyed.connect(self._forget)
            self._watched = handle

    def _unwatch(self) -> None:
        if self._watched is not None:
            self._watched.removeEventFilter(self)
            self._watched.destroyed.disconnect(self._forget)
            self._watched = None

    def _forget(self) -> None:
        """The QWindow is being deleted (Qt replaced it): nothing to remove the filter from."""
        self._watched = None

    def _action_for(self, button: Qt.MouseButton) -> Callable[[], None] | None:
        """What `button` does, if anything."""
        if button == Qt.MouseButton.BackButton:
            return self._back
        if button == Qt.MouseButton.ForwardButton:
            return self._forward
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _MOUSE_BUTTON_EVENTS:
            action = self._action_for(QMouseEvent.button(event))  # type: ignore[arg-type]
            if action is not None:
                if kind == QEvent.Type.MouseButtonRelease:
                    action()
                return True
        return False
