"""The search language's help: a popover under the filter field ("?" button or Shift+F1 in the field;
F1 stays the window's list of shortcuts)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from evcards.translation import QT_TRANSLATE_NOOP

SYNTAX: tuple[tuple[str, str], ...] = (
    ("lei jun", QT_TRANSLATE_NOOP("QueryHelp", "words alone: names, aliases, pinyin, kind and claims, as always")),
    ('"electric vehicle"', QT_TRANSLATE_NOOP("QueryHelp", "an exact phrase (case and accents still folded)")),
    ("xiaomi -tesla", QT_TRANSLATE_NOOP("QueryHelp", "every term must match; -term excludes")),
    ("su7 OR tesla", QT_TRANSLATE_NOOP("QueryHelp", "either (OR in capitals); ( ) group")),
    ("kind:person", QT_TRANSLATE_NOOP("QueryHelp", "the kind starts with this (kind:org finds organization)")),
    ("name:lei  alias:mi", QT_TRANSLATE_NOOP("QueryHelp", "in the names (with pinyin) / in the aliases only")),
    ("claim:battery  quote:“cost”", QT_TRANSLATE_NOOP("QueryHelp", "in a claim's statement / in a quote")),
    ("source:reuters-2024", QT_TRANSLATE_NOOP("QueryHelp", "a claim quotes this source (its id)")),
    ("rel:founder_of", QT_TRANSLATE_NOOP("QueryHelp", "has a relation of this type")),
    ("date:2019..2021  date:2020  date:..2019", QT_TRANSLATE_NOOP("QueryHelp", "a claim dated then (else its source's date)")),
    ("has:approximate  has:notfound", QT_TRANSLATE_NOOP("QueryHelp", "a quote found only approximately / not at all")),
    ("has:noquote  has:refutes  has:relations", QT_TRANSLATE_NOOP("QueryHelp", "a claim with no quote / a refuting quote / relations")),
)


def help_html() -> str:
    meanings = [QCoreApplication.translate("QueryHelp", meaning) for _, meaning in SYNTAX]
    rows = "".join(
        f"<tr><td><code>{escape(example)}</code></td><td>{escape(meaning)}</td></tr>" for (example, _), meaning in zip(SYNTAX, meanings)
    )
    title = QCoreApplication.translate("QueryHelp", "Search language")
    return f"<b>{title}</b><table cellspacing='4'>{rows}</table>" + QCoreApplication.translate(
        "QueryHelp",
        "<p>Example: <code>kind:product has:approximate</code> or <code>-kind:person &quot;electric vehicle&quot;</code>.<br>"
        "Up in an empty field recalls earlier queries; Esc closes this.</p>",
    )


class QueryHelp(QFrame):
    """A popup (closes on Esc or a click elsewhere) listing the syntax with examples."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("query_help")
        self.setAccessibleName(self.tr("Search syntax"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(help_html(), self)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)

    def show_under(self, widget: QWidget) -> None:
        self.adjustSize()
        self.move(widget.mapToGlobal(QPoint(0, widget.height())))
        self.show()
