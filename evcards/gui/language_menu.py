"""View > Language: System, English, 简体中文; remembered in the settings, used from the next start.

The window's words are set once, as each widget is made, so a new language shows when evcards
starts again (the status bar says so); `--lang` on the command line wins over this setting.
Each language is named in itself, so that a reader who cannot read the current one finds theirs.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QStatusBar

from evcards.gui.settings import Settings
from evcards.translation import explicit_language, language

# (setting, label): "System" is translated, the languages are not (each in its own words).
CHOICES = (("system", None), ("en", "English"), ("zh_CN", "简体中文"))


def add_language_menu(view_menu: QMenu, settings: Settings, status_bar: QStatusBar) -> QMenu:
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
            status_bar.showMessage(restart_note(choice), 8000)

        action.triggered.connect(choose)
    if (forced := explicit_language()) is not None:
        menu.setToolTip(QCoreApplication.translate("LanguageMenu", "Set by --lang %1").replace("%1", forced))
    return menu


def restart_note(choice: str) -> str:
    """What the status bar says after a choice: the language in use stays until the next start."""
    if choice != "system" and choice == language():
        return QCoreApplication.translate("LanguageMenu", "evcards is shown in this language.")
    return QCoreApplication.translate("LanguageMenu", "The new language is used when evcards starts again.")
