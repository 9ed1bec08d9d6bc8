"""View > Language: System, English, 简体中文; applied at once and remembered in the settings.

Qt's widgets take their words when they are made, so the window is made again in the new
language (`switch_language`): the old one closes, saving its place, docks and entity as it
does on quitting, and a new one opens the same file and comes back to all of that. Remaking
it retranslates every widget, those a later change adds too, with no retranslate code to keep
in step. `--lang` on the command line wins over the setting until a language is chosen here.
Each language is named in itself, so that a reader who cannot read the current one finds theirs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

from evcards.gui.settings import Settings
from evcards.translation import explicit_language, language, set_language
from evcards.translators import install_translators

if TYPE_CHECKING:
    from evcards.gui.entity_list import EntityListPane
    from evcards.gui.loading import Loader
    from evcards.gui.reloading import ReloadState
    from evcards.gui.welcome import WelcomePane
    from evcards.kb.loaded import LoadedKnowledgeBase


class MainWindow(Protocol):
    """What a switch needs of `evcards.gui.main_window.MainWindow` (a QMainWindow), which imports this module."""

    settings: Settings
    kb: LoadedKnowledgeBase | None
    welcome: WelcomePane
    entity_pane: EntityListPane
    loader: Loader
    reloading: ReloadState

    def open_file(self, path: Path) -> None: ...


# (setting, label): "System" is translated, the languages are not (each in its own words).
CHOICES = (("system", None), ("en", "English"), ("zh_CN", "简体中文"))
_SHOWN: list[MainWindow] = []  # the window made by a switch, kept alive while it is open


def add_language_menu(view_menu: QMenu, settings: Settings, window: MainWindow) -> QMenu:
    """Add View > Language to `view_menu`; the actions are named "action_language_<choice>"."""
    menu = view_menu.addMenu(QCoreApplication.translate("LanguageMenu", "&Language"))
    menu.setObjectName("menu_language")
    group = QActionGroup(menu)  # exclusive: one choice checked
    for choice, label in CHOICES:
        text = label or QCoreApplication.translate("LanguageMenu", "&System")
        action = QAction(text, group)
        action.setObjectName(f"action_language_{choice}")
        action.setCheckable(True)
        action.setChecked(choice == settings.language)
        action.setStatusTip(QCoreApplication.translate("LanguageMenu", "The language of the window, the PDFs and the messages"))
        menu.addAction(action)

        def choose(_checked: bool = False, choice: str = choice) -> None:
            settings.language = choice
            if set_language(None if choice == "system" else choice) != shown_language(window):
                switch_language(window)

        action.triggered.connect(choose)
    if (forced := explicit_language()) is not None:
        menu.setToolTip(QCoreApplication.translate("LanguageMenu", "Set by --lang %1").replace("%1", forced))
    cast(QMainWindow, window).setProperty("evcards_language", language())
    return menu


def shown_language(window: MainWindow) -> str:
    """The language `window`'s words were made in."""
    return str(cast(QMainWindow, window).property("evcards_language") or language())


def switch_language(window: MainWindow) -> MainWindow:
    """Make `window` again in the chosen language, on the same file, where it was; returns the new one."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translators(app)
    path: Path | None = window.kb.path if window.kb is not None else window.reloading.path or window.welcome.failed_path
    query = window.entity_pane.filter_field.text()
    quits = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)  # between the two windows none is shown
    cast(QMainWindow, window).close()  # saves the place, docks and entity, as on quitting
    fresh = cast(Callable[[Settings], MainWindow], type(window))(window.settings)  # the same class, not imported here
    cast(QMainWindow, fresh).show()
    if path is not None:
        fresh.open_file(path)
        if query:  # the filter as the reader left it, once the file is there to filter

            def restore_query(*_: object) -> None:
                fresh.loader.finished.disconnect(restore_query)
                fresh.entity_pane.filter_field.setText(query)

            fresh.loader.finished.connect(restore_query)
    app.setQuitOnLastWindowClosed(quits)
    cast(QMainWindow, window).deleteLater()
    _SHOWN[:] = [fresh]
    return fresh
