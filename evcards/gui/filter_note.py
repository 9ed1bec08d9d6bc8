"""A quiet line above the card when the filter hides the card's entity from the list.

Typing a query never changes the card (the reader keeps their place), so the card can show an
entity the list does not: this line says so, and offers the way back (Esc, or its link).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QWidget

from evcards.translation import fill

CLEAR_LINK = "evcards:clear-filter"


class FilterNote(QLabel):
    clear_requested = Signal()  # the reader followed "Show all entities"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filter_note")
        self.setAccessibleName(self.tr("Filter note"))
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setContentsMargins(8, 3, 8, 3)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.linkActivated.connect(lambda _href: self.clear_requested.emit())
        self.hide()

    def show_hidden(self, name: str, query: str) -> None:
        """Say that the filter `query` hides `name`, the entity on the card."""
        show_all = self.tr("Show all entities")
        self.setText(
            fill(self.tr("%1 is not in the list: the filter “%2” does not match it."), escape(name), escape(query))
            + f' <a href="{CLEAR_LINK}">{show_all}</a> (Esc)'
        )
        self.show()
