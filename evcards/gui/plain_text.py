"""Showing data as text, never as markup.

Qt guesses: a QLabel, a QMessageBox or a tooltip whose text "looks like" HTML is rendered as rich
text, so a name such as `<img src="/tmp/x.png">` would draw a file from disk, and a menu entry
turns `&` into a mnemonic. Every widget that shows text from a knowledge base (or a file name)
goes through one of these helpers.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(parent: QWidget | None = None, text: str = "") -> QLabel:
    """A QLabel that shows `text` (and anything set later) literally."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def literal_html(text: str) -> str:
    """`text` as rich text that shows it literally, for the places where Qt guesses the format."""
    return QtGui.convertFromPlainText(text) if QtGui.mightBeRichText(text) else text  # Qt shows the rest as it is


def plain_tooltip(text: str) -> str:
    """`text` as a tooltip: Qt treats a tooltip that looks like markup as rich text."""
    return literal_html(text)


def plain_message(text: str) -> str:
    """`text` for QMessageBox's static functions, which guess the format as a QLabel does."""
    return literal_html(text)


def menu_text(text: str) -> str:
    """`text` for a menu entry or button: `&` marks a mnemonic there, so a literal one is doubled."""
    return text.replace("&", "&&")


def window_title(text: str) -> str:
    """`text` for setWindowTitle: Qt hides "[*]" there (the unsaved-changes mark) unless doubled."""
    return text.replace("[*]", "[*][*]")
