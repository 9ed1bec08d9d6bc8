"""A dock beside the card whose pane is made when first shown: the source pane, the timeline, the graph.

The dock itself exists from the start, so that `QMainWindow.restoreState` brings back its place,
size and visibility; its pane (and the module behind it) is made the first time it is shown,
so a reader who never opens it never pays for it. While shown, the pane follows the card.

Docks opened in the same column (the source pane and the graph on the right) share its height:
without that, Qt gives the one opened second what the first leaves, ~70 px of graph under a
source pane.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

__all__ = ["LazyDock", "share_column"]

PaneT = TypeVar("PaneT", bound=QWidget)


class LazyDock(QObject, Generic[PaneT]):
    """One dock, toggled by the checkable `action` (and its shortcut).

    `make(dock)` makes the pane; `follow(pane)` brings it up to date with the card, called when
    the dock is shown and on `follow()` while it is shown. `focus(pane)`, when given, is the
    widget that takes the keyboard when the reader opens the dock with the action; `raise_on_show`
    brings the dock to the front of a tabbed group whenever it is shown."""

    def __init__(
        self,
        window: QMainWindow,
        name: str,
        title: str,
        area: Qt.DockWidgetArea,
        action: QAction,
        make: Callable[[QDockWidget], PaneT],
        follow: Callable[[PaneT], None],
        *,
        accessible_name: str | None = None,
        min_width: int = 0,
        focus: Callable[[PaneT], QWidget] | None = None,
        raise_on_show: bool = False,
    ) -> None:
        super().__init__(window)
        self._window = window
        self.dock = QDockWidget(title, window)
        self.dock.setObjectName(f"{name}_dock")
        self.dock.setAccessibleName(accessible_name or title)
        if min_width:
            self.dock.setMinimumWidth(min_width)
        self.dock.hide()
        window.addDockWidget(area, self.dock)
        self.pane: PaneT | None = None
        self._make, self._follow, self._focus, self._raise = make, follow, focus, raise_on_show
        action.setCheckable(True)
        action.toggled.connect(self.show)
        if focus is not None:
            action.triggered.connect(lambda checked: self._take_focus() if checked else None)
        self.dock.toggleViewAction().toggled.connect(action.setChecked)
        self.dock.visibilityChanged.connect(lambda visible: self.follow() if visible else None)

    def made(self) -> PaneT:
        """The pane, made now if it was not yet."""
        if self.pane is None:
            self.pane = self._make(self.dock)
            self.dock.setWidget(self.pane)
        return self.pane

    def show(self, visible: bool = True) -> None:
        opening = visible and self.dock.isHidden()  # not a dock that `restoreState` brought back with its size
        if visible:
            self.made()  # before the dock is shown, so that it opens as wide as the pane asks
        self.dock.setVisible(visible)
        if visible and self._raise:
            self.dock.raise_()
        if opening:  # once the layout has placed it: its column's height is known then
            QTimer.singleShot(0, self, lambda: share_column(self._window, self.dock))

    def follow(self) -> None:
        """The shown pane follows the card; a hidden one catches up when it is shown."""
        if not self.dock.isHidden():
            self._follow(self.made())

    def _take_focus(self) -> None:
        if self._focus is not None:
            self._focus(self.made()).setFocus(Qt.FocusReason.ShortcutFocusReason)


def _column_docks(window: QMainWindow, dock: QDockWidget) -> list[QDockWidget]:
    """The docks shown in `dock`'s area, docked, one per tabbed group: those that share its
    column (or row, at the top or bottom)."""
    area = window.dockWidgetArea(dock)
    found: list[QDockWidget] = []
    for other in window.findChildren(QDockWidget):
        if other.isHidden() or other.isFloating() or window.dockWidgetArea(other) != area:
            continue
        if not any(other in window.tabifiedDockWidgets(kept) for kept in found):
            found.append(other)
    return found


def share_column(window: QMainWindow, dock: QDockWidget) -> None:
    """Give the docks of `dock`'s column even shares of its height (of its row's width, at the
    top or bottom), each at least its minimum size."""
    docks = _column_docks(window, dock)
    if len(docks) < 2:
        return
    vertical = window.dockWidgetArea(dock) in (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)
    total = sum(d.height() if vertical else d.width() for d in docks)
    orientation = Qt.Orientation.Vertical if vertical else Qt.Orientation.Horizontal
    window.resizeDocks(docks, [max(1, total // len(docks))] * len(docks), orientation)
