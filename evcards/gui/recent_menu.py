"""File > Open Recent: the last files opened, read from the settings each time the menu opens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QWidget

from evcards.gui.plain_text import menu_text
from evcards.gui.settings import Settings


class RecentFilesMenu(QMenu):
    open_requested = Signal(Path)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Open &Recent"))
        self.setObjectName("menu_recent")
        self._settings = settings
        self.aboutToShow.connect(self._fill)

    def _fill(self) -> None:
        self.clear()
        recent = self._settings.recent_files
        for number, path in enumerate(recent, 1):
            action = self.addAction(f"&{number % 10} {menu_text(path.name)}  —  {menu_text(str(path.parent))}")
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_requested.emit(p))
        if not recent:
            self.addAction(self.tr("No recent files")).setEnabled(False)
        else:
            self.addSeparator()
            self.addAction(self.tr("&Clear Menu"), self._settings.clear_recent_files)
