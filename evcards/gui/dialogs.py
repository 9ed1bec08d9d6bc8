"""Small dialogs: the problem report, the keyboard shortcuts, About."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evcards import __version__
from evcards.gui import counts
from evcards.kb.problems import preview_lines
from evcards.translation import fill

if TYPE_CHECKING:
    from evcards.kb.loader import LoadResult

REPORT_PREVIEW_LINES = 8


def problem_report_box(parent: QWidget, result: LoadResult, kept: str | None) -> QMessageBox:
    """The same lines `evcards validate` prints; opened non-modally by the caller."""
    lines = result.lines()
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Dialogs", "Cannot open knowledge base"),
        "",
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("problem_report")
    box.setTextFormat(Qt.TextFormat.PlainText)
    count = len(lines)
    box.setText(
        fill(
            QCoreApplication.translate("Dialogs", "%1 is not a valid knowledge base (%2)."), Path(result.path).name, counts.problems(count)
        )
    )
    shown = "\n".join(preview_lines(lines, REPORT_PREVIEW_LINES))
    kept_note = "\n\n" + fill(QCoreApplication.translate("Dialogs", "Still showing %1."), kept) if kept else ""
    box.setInformativeText(shown + kept_note)
    box.setDetailedText("\n".join(lines))
    return box


class ShortcutsDialog(QDialog):
    """Two aligned columns, keys then action, under a heading per menu."""

    def __init__(self, groups: list[tuple[str, list[tuple[str, str]]]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.setObjectName("shortcuts_dialog")
        count = sum(1 + len(rows) for _, rows in groups)
        self.table = QTableWidget(count, 2, self)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)  # a list to read, not to pick from
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        heading_font = QFont(self.table.font())
        heading_font.setBold(True)
        row = 0
        for menu, rows in groups:
            heading = QTableWidgetItem(menu)
            heading.setFont(heading_font)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)  # not selectable: a heading, not a shortcut
            self.table.setItem(row, 0, heading)
            self.table.setSpan(row, 0, 1, 2)
            row += 1
            for keys, action in rows:
                self.table.setItem(row, 0, QTableWidgetItem(keys))
                self.table.setItem(row, 1, QTableWidgetItem(action))
                row += 1
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnToContents(0)
        gap = self.table.fontMetrics().horizontalAdvance("M") * 2  # keys and action read as two columns
        self.table.setColumnWidth(0, self.table.columnWidth(0) + gap)
        self.table.resizeColumnToContents(1)
        self.table.setCurrentIndex(QModelIndex())  # no row looks picked: nothing here is to be picked
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        # every row in sight when the screen allows: no scrolling to find a shortcut
        rows_height = self.table.verticalHeader().length() + self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        columns_width = self.table.horizontalHeader().length() + 2 * self.table.frameWidth()
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        height = rows_height + buttons.sizeHint().height() + 40
        self.resize(max(420, columns_width + 60), min(height, screen.height() - 80) if screen is not None else height)

    def groups(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """What the table shows, read back from it: each heading with its (keys, action) rows."""
        shown: list[tuple[str, list[tuple[str, str]]]] = []
        for row in range(self.table.rowCount()):
            first, second = self.table.item(row, 0), self.table.item(row, 1)
            if first is not None and self.table.columnSpan(row, 0) == 2:
                shown.append((first.text(), []))
            elif shown and first is not None and second is not None:
                shown[-1][1].append((first.text(), second.text()))
        return shown


def about_text() -> str:
    what = QCoreApplication.translate("Dialogs", "Knowledge cards whose every quote is checked against its source text.")
    font = QCoreApplication.translate("Dialogs", "Chinese text is shown with Noto Sans CJK (SIL Open Font License 1.1).")
    return f"<h3>evcards {__version__}</h3><p>{what}</p><p>{font}</p>"
