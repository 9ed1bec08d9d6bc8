"""The search language's help: a popover under the filter field ("?" button or Shift+F1 in the field;
F1 stays the window's list of shortcuts)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

SYNTAX: tuple[tuple[str, str], ...] = (
    ("lei jun", "words alone: names, aliases, pinyin, kind and claims, as always"),
    ('"electric vehicle"', "an exact phrase (case and accents still folded)"),
    ("xiaomi -tesla", "every term must match; -term excludes"),
    ("su7 OR tesla", "either (OR in capitals); ( ) group"),
    ("kind:person", "the kind starts with this (kind:org finds organization)"),
    ("name:lei  alias:mi", "in the names (with pinyin) / in the aliases only"),
    ("claim:battery  quote:“cost”", "in a claim's statement / in a quote"),
    ("source:reuters-2024", "a claim quotes this source (its id)"),
    ("rel:founder_of", "has a relation of this type"),
    ("date:2019..2021  date:2020  date:..2019", "a claim dated then (else its source's date)"),
    ("has:approximate  has:notfound", "a quote found only approximately / not at all"),
    ("has:noquote  has:refutes  has:relations", "a claim with no quote / a refuting quote / relations"),
)


def help_html() -> str:
    rows = "".join(f"<tr><td><code>{escape(example)}</code></td><td>{escape(meaning)}</td></tr>" for example, meaning in SYNTAX)
    return (
        "<b>Search language</b>"
        f"<table cellspacing='4'>{rows}</table>"
        "<p>Example: <code>kind:product has:approximate</code> or <code>-kind:person &quot;electric vehicle&quot;</code>.<br>"
        "Up in an empty field recalls earlier queries; Esc closes this.</p>"
    )


class QueryHelp(QFrame):
    """A popup (closes on Esc or a click elsewhere) listing the syntax with examples."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("query_help")
        self.setAccessibleName("Search syntax")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(help_html(), self)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)

    def show_under(self, widget: QWidget) -> None:
        self.adjustSize()
        self.move(widget.mapToGlobal(QPoint(0, widget.height())))
        self.show()
