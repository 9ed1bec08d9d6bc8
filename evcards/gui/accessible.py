"""What a screen reader is told about the parts of evcards that Qt cannot describe by itself.

The relation graph (a QGraphicsView) and the timeline (a hand-painted canvas) draw their nodes
and marks: they are not widgets, so Qt's accessibility tree has no child for them. evcards says
which node or mark is current, the one the arrow keys move between, in the widget's accessible
description and tells assistive technology that it changed (see docs/architecture.md for why
this rather than QAccessibleInterface subclasses).
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QComboBox, QWidget


def announce(widget: QWidget, description: str) -> None:
    """Describe the current node or mark of `widget`, and have a screen reader that follows
    the focus speak it (Qt sends DescriptionChanged; the Focus event makes it read again)."""
    if widget.accessibleDescription() == description:
        return
    widget.setAccessibleDescription(description)
    if widget.hasFocus() and QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.Focus))


def name_popup(combo: QComboBox) -> None:
    """Give a combo box's popup list the combo's name: the list takes the focus when it opens."""
    combo.view().setAccessibleName(combo.accessibleName())
