"""The graph's nodes and the timeline's marks as accessible children of their views.

The nodes and marks are drawn, not widgets, so Qt's accessibility tree ends at the view. A
factory (`QAccessible.installFactory`) gives a view that has `accessible_items` a `List`
interface whose children are the items, as `ListItem`s: Orca reads a list item by its name and
description and says "N of M", and moves with the focus event the view sends for the current
item (`evcards.gui.accessible.announce`). A node is not a button (Enter opens it, but Orca
would call every node "push button") nor a graphic (Orca does not follow the focus onto one).

Ownership: PySide6 keeps an interface made in Python owned by Python even once Qt's cache holds
it (which hands it to AT-SPI and deletes it too): collected while the cache holds it, it
crashes the next reader. So the views' interfaces are kept referenced until their view goes,
and each child is registered when made and kept referenced by its view's interface; when the items change or the view is destroyed, each is
deleted through the cache (`QAccessible.deleteAccessibleInterface`), which also invalidates its
Python wrapper, so neither side deletes it twice and the cache never keeps a dead one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import Protocol, runtime_checkable

import shiboken6
from PySide6.QtCore import QObject, QRect
from PySide6.QtGui import QAccessible, QAccessibleInterface, QWindow
from PySide6.QtWidgets import QAccessibleWidget, QWidget


@dataclass(frozen=True, slots=True)
class Item:
    """What a screen reader says of one node or mark."""

    name: str
    description: str


@runtime_checkable
class ItemsView(Protocol):
    """A widget whose drawn items are exposed; the view calls `items_changed` when they change."""

    def accessible_items(self) -> Sequence[Item]: ...

    def accessible_item_rect(self, index: int) -> QRect:
        """Where item `index` is drawn, in the widget's coordinates; empty if out of view."""
        ...

    def accessible_current(self) -> int:
        """The item the keyboard is on, -1 if none."""
        ...


def _forget(ids: list[int], _object: QObject | None = None) -> None:
    """Delete the registered children through Qt's cache (see the module's docstring)."""
    for unique_id in ids:
        if QAccessible.accessibleInterface(unique_id) is not None:
            QAccessible.deleteAccessibleInterface(unique_id)
    ids.clear()


class ItemAccessible(QAccessibleInterface):
    """One node or mark: a list item of its view's interface."""

    def __init__(self, view: ViewAccessible, index: int) -> None:
        super().__init__()
        self._view = view
        self.index = index

    def _item(self) -> Item | None:
        items = self._view.items()
        return items[self.index] if self._view.isValid() and self.index < len(items) else None

    def isValid(self) -> bool:
        return self._item() is not None

    def object(self) -> QObject | None:  # type: ignore[override]  # Qt returns nullptr; the stubs say never None
        return None

    def window(self) -> QWindow | None:  # type: ignore[override]  # Qt returns nullptr; the stubs say never None
        return self._view.window() if self._view.isValid() else None

    def parent(self) -> QAccessibleInterface:
        return self._view

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]  # Qt returns nullptr; the stubs say never None
        return None

    def childCount(self) -> int:
        return 0

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]  # Qt returns nullptr; the stubs say never None
        return None

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]  # Qt returns nullptr; the stubs say never None
        return None

    def relations(
        self, match: QAccessible.RelationFlag = QAccessible.RelationFlag.AllRelations
    ) -> list[tuple[QAccessibleInterface, QAccessible.RelationFlag]]:
        return []

    def text(self, kind: QAccessible.Text) -> str:
        item = self._item()
        if item is None:
            return ""
        if kind == QAccessible.Text.Name:
            return item.name
        if kind == QAccessible.Text.Description:
            return item.description
        return ""

    def setText(self, kind: QAccessible.Text, text: str) -> None:
        """The items are read only."""

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.ListItem

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        state.focusable = state.selectable = True
        current = self._view.isValid() and self._view.current() == self.index
        state.selected = current
        state.focused = current and self._view.widget().hasFocus()
        state.invisible = state.offscreen = self.rect().isEmpty()
        return state

    def rect(self) -> QRect:
        """The item's rectangle on screen."""
        view = self._view.view()
        if view is None:
            return QRect()
        widget = self._view.widget()
        local = view.accessible_item_rect(self.index).intersected(widget.rect())
        return QRect() if local.isEmpty() else local.translated(widget.mapToGlobal(local.topLeft()) - local.topLeft())


class ViewAccessible(QAccessibleWidget):
    """A graph view or timeline canvas: a list whose children are its items."""

    def __init__(self, widget: QWidget, view: ItemsView) -> None:
        """`view` is `widget`, as the items' view (the factory checked it once)."""
        super().__init__(widget, QAccessible.Role.List)
        self._view = view
        self._items: Sequence[Item] | None = None
        self._children: dict[int, ItemAccessible] = {}
        self._ids: list[int] = []
        widget.destroyed.connect(partial(_forget, self._ids))

    def view(self) -> ItemsView | None:
        """The view, while it exists."""
        return self._view if self.isValid() else None

    def items(self) -> Sequence[Item]:
        if self._items is None:
            view = self.view()
            self._items = list(view.accessible_items()) if view is not None else []
        return self._items

    def current(self) -> int:
        view = self.view()
        return view.accessible_current() if view is not None else -1

    def reset(self) -> None:
        """The items changed: the children made for the old ones go."""
        _forget(self._ids)
        self._children.clear()
        self._items = None

    def childCount(self) -> int:
        return len(self.items())

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]  # Qt returns nullptr; the stubs say never None
        if not 0 <= index < len(self.items()):
            return None
        if index not in self._children:
            child = ItemAccessible(self, index)
            self._children[index] = child
            self._ids.append(QAccessible.registerAccessibleInterface(child))
        return self._children[index]

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return child.index if isinstance(child, ItemAccessible) and self._children.get(child.index) is child else -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]  # Qt returns nullptr; the stubs say never None
        for index in range(self.childCount()):
            child = self.child(index)
            if child is not None and child.rect().contains(x, y):
                return child
        return None

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]  # Qt returns nullptr; the stubs say never None
        current = self.current()
        return self.child(current) if current >= 0 else None


_made: list[ViewAccessible] = []
"""Each view's interface, kept from Python's collector: Python owns it, Qt's cache holds it and
deletes it with its view (which invalidates the wrapper, dropped at the next one made)."""


def _factory(key: str, obj: QObject) -> QAccessibleInterface | None:
    if not isinstance(obj, QWidget) or not isinstance(obj, ItemsView):
        return None
    _made[:] = [made for made in _made if shiboken6.isValid(made)]
    _made.append(ViewAccessible(obj, obj))
    return _made[-1]


QAccessible.installFactory(_factory)  # on import: before a view asks Qt for its interface


def items_changed(widget: QWidget) -> None:
    """The view shows other items: the children a reader may hold are made again on demand."""
    interface = QAccessible.queryAccessibleInterface(widget)
    if isinstance(interface, ViewAccessible):
        interface.reset()
