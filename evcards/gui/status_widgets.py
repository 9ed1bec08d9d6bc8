"""The permanent widgets of the window's status bar: loading progress with Cancel, the entity
count and the open file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar

from evcards.gui import counts


class StatusWidgets:
    def __init__(self, bar: QStatusBar) -> None:
        parent = bar.parentWidget() or bar
        self.progress = QProgressBar(parent)
        self.progress.setAccessibleName(QCoreApplication.translate("StatusWidgets", "Loading progress"))
        self.progress.setMaximumWidth(180)
        self.cancel_button = QPushButton(QCoreApplication.translate("StatusWidgets", "Cancel"), parent)
        self.cancel_button.setAccessibleName(QCoreApplication.translate("StatusWidgets", "Cancel loading"))
        self.count_label = QLabel(parent)
        self.count_label.setAccessibleName(QCoreApplication.translate("StatusWidgets", "Entity count"))
        # Wide enough for any count, so a new count while typing repaints the label, not the window.
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().horizontalAdvance(counts.entities_shown(888888, 888888)))
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.file_label = QLabel(parent)
        self.file_label.setAccessibleName(QCoreApplication.translate("StatusWidgets", "Open file"))
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        for widget in (self.progress, self.cancel_button, self.count_label, self.file_label):
            bar.addPermanentWidget(widget)
        self.show_progress(False)

    def show_progress(self, visible: bool) -> None:
        self.progress.setVisible(visible)
        self.cancel_button.setVisible(visible)

    def set_progress(self, done: int, total: int) -> None:
        self.show_progress(True)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def set_count(self, shown: int, total: int) -> None:
        self.count_label.setText(counts.entities_shown(shown, total))

    def set_file(self, path: Path) -> None:
        self.file_label.setText(str(path))
