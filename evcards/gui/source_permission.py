"""File > Allow Sources Outside the Folder: the user's permission for a knowledge base to read
source texts outside its own folder (refused by default, see `evcards.kb.source_files`).

The choice is kept in the settings (`Settings.allow_outside_sources`); `--allow-outside-sources`
and `--max-source-mb` on the window's command line apply to that run. Turning it on or off
reads the open file again, or tries again the one that could not be opened, so that a refusal
the problem report explains is one click from being lifted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

if TYPE_CHECKING:
    from evcards.gui.loading import Loader
    from evcards.gui.settings import Settings


class OutsideSourcesOption(QObject):
    """The checkable action in the File menu (before `before`), and the limits `loader` uses."""

    def __init__(self, window: QMainWindow, settings: Settings, loader: Loader, before: QAction, reload: Callable[[], None]) -> None:
        super().__init__(window)
        self._settings, self._loader, self._reload = settings, loader, reload
        loader.limits = settings.limits()
        self.action = QAction(self.tr("Allow Sources Outside the &Folder"), window)
        self.action.setObjectName("allow_outside_sources")
        self.action.setCheckable(True)
        self.action.setChecked(loader.limits.outside_sources)
        tip = self.tr("Let a knowledge base read source texts outside its own folder (only for files you trust)")
        self.action.setStatusTip(tip)
        self.action.setToolTip(tip)
        self.action.toggled.connect(self._toggled)
        file_menu = window.menuBar().findChild(QMenu, "menu_file")
        if isinstance(file_menu, QMenu):
            file_menu.insertAction(before, self.action)

    def use_options(self, options: object) -> None:
        """The command line's load options, for this run (None: the settings' alone)."""
        self._loader.limits = self._settings.limits(options)
        self.action.blockSignals(True)
        self.action.setChecked(self._loader.limits.outside_sources)
        self.action.blockSignals(False)

    def _toggled(self, allowed: bool) -> None:
        self._settings.allow_outside_sources = allowed
        self._loader.limits = replace(self._loader.limits or self._settings.limits(), outside_sources=allowed)
        self._reload()
