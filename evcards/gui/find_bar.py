"""A small find bar: a field, the match count, previous/next and close.

It only reports what the reader asks for (a query, next, previous, close); the pane it sits in
does the finding. Enter is next, Shift+Enter previous, Esc closes; F3 and Shift+F3 mean next
and previous here too, rather than the window's next-quote action.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from evcards.translation import fill


class FindBar(QWidget):
    query_changed = Signal(str)
    next_requested = Signal()
    previous_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("source_find_bar")
        self.field = QLineEdit(self)
        self.field.setObjectName("source_find_field")
        self.field.setPlaceholderText(self.tr("Find in source"))
        self.field.setAccessibleName(self.tr("Find in source"))
        self.field.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("source_find_count")
        self.count_label.setAccessibleName(self.tr("Matches"))
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().horizontalAdvance(fill(self.tr("%1 of %2"), 9999, 9999)))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count_label)
        for text, name, tip, signal in (
            ("▲", self.tr("Previous match"), self.tr("Previous match (Shift+Enter)"), self.previous_requested),
            ("▼", self.tr("Next match"), self.tr("Next match (Enter)"), self.next_requested),
            ("✕", self.tr("Close find"), self.tr("Close (Esc)"), self.closed),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setAccessibleName(name)
            button.setToolTip(tip)
            button.clicked.connect(signal.emit)
            layout.addWidget(button)
        self.field.textChanged.connect(self.query_changed.emit)
        self.field.installEventFilter(self)
        self.hide()

    def set_count(self, current: int | None, total: int) -> None:
        """'3 of 12', 'No match', or nothing for an empty query."""
        if not self.field.text().strip():
            self.count_label.setText("")
        elif total == 0:
            self.count_label.setText(self.tr("No match"))
        else:
            self.count_label.setText(fill(self.tr("%1 of %2"), (current or 0) + 1, total))

    def open(self) -> None:
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            assert isinstance(event, QKeyEvent)
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            key = event.key()
            ours = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape, Qt.Key.Key_F3) or event.matches(
                QKeySequence.StandardKey.Find
            )
            if not ours:
                return False
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()  # the key comes here as a key press, not to a window shortcut
                return True
            if key == Qt.Key.Key_Escape:
                self.closed.emit()
            elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F3):
                (self.previous_requested if shift else self.next_requested).emit()
            else:
                self.field.selectAll()
            return True
        return False
