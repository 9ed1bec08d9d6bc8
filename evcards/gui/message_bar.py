"""A non-modal bar above the card that says why something did not happen, until dismissed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

MAX_DETAIL_LINES = 5


class MessageBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message_bar")
        self.setAccessibleName(self.tr("Message"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#message_bar { background: palette(alternate-base); border-left: 4px solid #d29922; }")
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAccessibleName(self.tr("Message"))  # replaced by the message itself when shown
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setWordWrap(True)
        close = QToolButton(self)
        close.setText("✕")
        close.setAccessibleName(self.tr("Dismiss message"))
        close.setToolTip(self.tr("Dismiss"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        close_column = QVBoxLayout()  # keeps the button at the top beside a message of several lines
        close_column.addWidget(close)
        close_column.addStretch(1)
        layout.addLayout(close_column)
        # The stretch makes the bar willing to grow; it stays as tall as its text because the
        # card below has the window's stretch.
        self.hide()

    def show_message(self, text: str, details: list[str] | None = None) -> None:
        """`text`, then the first few `details` lines: the bar must not push the card away."""
        from evcards.kb.problems import preview_lines  # with the first message: not at start-up

        self.label.setText("\n".join([text, *preview_lines(details or [], MAX_DETAIL_LINES)]))
        self.label.setAccessibleName(text)
        self.show()
