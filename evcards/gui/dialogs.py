"""Small dialogs: the problem report, the keyboard shortcuts, About."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evcards import __version__
from evcards.gui import counts
from evcards.kb.problems import preview_lines

if TYPE_CHECKING:
    from evcards.kb.loader import LoadResult

REPORT_PREVIEW_LINES = 8


def problem_report_box(parent: QWidget, result: LoadResult, kept: str | None) -> QMessageBox:
    """The same lines `evcards validate` prints; opened non-modally by the caller."""
    lines = result.lines()
    box = QMessageBox(QMessageBox.Icon.Warning, "Cannot open knowledge base", "", QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("problem_report")
    box.setTextFormat(Qt.TextFormat.PlainText)
    count = len(lines)
    box.setText(f"{Path(result.path).name} is not a valid knowledge base ({counts.problems(count)}).")
    shown = "\n".join(preview_lines(lines, REPORT_PREVIEW_LINES))
    kept_note = f"\n\nStill showing {kept}." if kept else ""
    box.setInformativeText(shown + kept_note)
    box.setDetailedText("\n".join(lines))
    return box


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        self.setObjectName("shortcuts_dialog")
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setHorizontalHeaderLabels(["Menu", "Action", "Shortcut"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 520)


def about_text() -> str:
    return (
        f"<h3>evcards {__version__}</h3>"
        "<p>Knowledge cards whose every quote is checked against its source text.</p>"
        "<p>Chinese text is shown with Noto Sans CJK (SIL Open Font License 1.1).</p>"
    )
