"""What a screen reader is told about the parts of evcards that Qt cannot describe by itself.

The relation graph (a QGraphicsView) and the timeline (a hand-painted canvas) draw their nodes
and marks: they are not widgets, so Qt's accessibility tree has no child for them. evcards says
which node or mark is current, the one the arrow keys move between, in the widget's accessible
description too, and moves the accessibility focus to its child (`evcards.gui.accessible_items`).
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QComboBox, QWidget


def announce(widget: QWidget, description: str, child: int = -1) -> None:
    """Describe the current node or mark of `widget`, and have a screen reader that follows
    the focus speak it: the focus moves to accessible child `child` (see
    `evcards.gui.accessible_items`), or to the widget again when there is none."""
    if widget.accessibleDescription() == description:
        return
    widget.setAccessibleDescription(description)
    if widget.hasFocus() and QAccessible.isActive():
        event = QAccessibleEvent(widget, QAccessible.Event.Focus)
        event.setChild(child)
        QAccessible.updateAccessibility(event)


def name_popup(combo: QComboBox) -> None:
    """Give a combo box's popup list the combo's name: the list takes the focus when it opens."""
    combo.view().setAccessibleName(combo.accessibleName())
