"""The card area when no knowledge base is open: what went wrong, in words, and the ways forward.

A missing or refused file used to leave a blank window; this pane names the problem and offers
Open…, Open Recent and Open the Example, so that a reader is never stuck.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from evcards.gui import counts
from evcards.gui.recent_menu import RecentFilesMenu
from evcards.gui.settings import Settings
from evcards.translation import fill

MAX_PROBLEM_LINES = 6


class WelcomePane(QWidget):
    """Shown in place of the card; `failed_path` is the file F5 tries again."""

    open_requested = Signal()
    example_requested = Signal()
    recent_requested = Signal(Path)
    details_requested = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self.setAccessibleName(self.tr("No knowledge base open"))
        self.failed_path: Path | None = None
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # names a file
        self.heading.setObjectName("welcome_heading")
        heading_font = self.heading.font()
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.4)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.problem = QLabel(self)
        self.problem.setObjectName("welcome_problem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.setMaximumWidth(640)
        self.problem.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.open_button = self._button(self.tr("&Open…"), "welcome_open", self.open_requested.emit)
        self.recent_button = self._button(self.tr("Open &Recent"), "welcome_recent", None)
        self.recent_menu = RecentFilesMenu(settings, self.recent_button)
        self.recent_menu.open_requested.connect(self.recent_requested)
        self.recent_button.setMenu(self.recent_menu)
        self.example_button = self._button(self.tr("Open the &Example"), "welcome_example", self.example_requested.emit)
        self.example_button.setToolTip(self.tr("The bundled knowledge base about Xiaomi's move into electric vehicles"))
        self.details_button = self._button(self.tr("Show &Problems…"), "welcome_details", self.details_requested.emit)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        for button in (self.open_button, self.recent_button, self.example_button, self.details_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.setSpacing(12)
        column.addWidget(self.heading)
        column.addWidget(self.problem)
        column.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 32, 32, 32)
        outer.addStretch(1)
        outer.addLayout(column)
        outer.addStretch(2)
        self.show_welcome()

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        if callable(slot):
            button.clicked.connect(lambda _checked=False: slot())
        return button

    def show_welcome(self) -> None:
        """Nothing opened yet, and nothing went wrong."""
        self.failed_path = None
        self.heading.setText(self.tr("Open a knowledge base"))
        self.problem.setText(self.tr("Open a knowledge base file (.json), pick one you opened before, or read the example."))
        self.details_button.hide()

    def show_problem(self, path: Path, lines: list[str]) -> None:
        """`path` could not be opened: say why (the first problems), keep it for F5."""
        from evcards.kb.problems import preview_lines  # not at start: the window opens on a card

        self.failed_path = path
        self.heading.setText(fill(self.tr("Cannot open %1"), path.name))
        if not path.exists():
            summary = fill(self.tr("There is no file %1: it may have been moved, renamed or deleted."), path)
            lines = []
        else:
            summary = fill(self.tr("%1 is not a valid knowledge base (%2):"), path, counts.problems(len(lines)))
        shown = preview_lines([line.removeprefix(f"{path}: ") for line in lines], MAX_PROBLEM_LINES)
        retry = self.tr("Press F5 to try this file again, or open another.")
        self.problem.setText("\n\n".join(part for part in (summary, "\n".join(shown), retry) if part))
        self.details_button.setVisible(bool(lines))
