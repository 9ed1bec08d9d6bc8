"""A source text with one quote highlighted and scrolled into view.

Offsets from the loader count code points; Qt's text cursor counts UTF-16 units, so an emoji
(two units) before the quote would shift a naive highlight. `utf16_offset` converts, and also
counts a Windows line end (CR LF) as the one position `setPlainText` makes of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from evcards.card.content import citation_text

if TYPE_CHECKING:
    from evcards.kb.model import Source
    from evcards.kb.quotes import QuoteCheck


def utf16_offset(text: str, code_point_offset: int) -> int:
    """The position in a Qt document made with `setPlainText(text)` of a code-point offset in `text`."""
    prefix = text[:code_point_offset]
    return code_point_offset + sum(1 for ch in prefix if ord(ch) > 0xFFFF) - prefix.count("\r\n")


class SourceView(QDialog):
    """Non-modal: the reader can keep it open beside the card."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("source_view")
        self.setAccessibleName("Source text")
        self.resize(720, 560)
        self._heading = QLabel(self)
        self._heading.setWordWrap(True)
        self._heading.setTextFormat(Qt.TextFormat.PlainText)  # titles come from data files
        self._heading.setAccessibleName("Source title")
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName("Source text with the quote highlighted")
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self._heading)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)

    def show_quote(self, source: Source, source_text: str, check: QuoteCheck) -> None:
        self.setWindowTitle(f"Source: {source.display_title}")
        self._heading.setText(citation_text(source))
        self.text.setPlainText(source_text)
        if check.start is None or check.end is None:
            self.text.setExtraSelections([])
            return
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(utf16_offset(source_text, check.start))
        cursor.setPosition(utf16_offset(source_text, check.end), QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        highlight = QTextCharFormat()
        highlight.setBackground(QColor("#ffd33d"))
        highlight.setForeground(QColor("#1f2328"))
        selection.format = highlight
        self.text.setExtraSelections([selection])
        start = QTextCursor(cursor)
        start.setPosition(cursor.selectionStart())  # scrolled to, not selected: a click in the text keeps the highlight
        self.text.setTextCursor(start)
        self.text.centerCursor()

    def highlighted_text(self) -> str:
        """The highlighted characters as plain text (a line break as "\n", not Qt's U+2029)."""
        selections = self.text.extraSelections()
        return selections[0].cursor.selectedText().replace("\u2029", "\n") if selections else ""
