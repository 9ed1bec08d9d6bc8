"""Start the window: the QApplication, fonts, settings, and the first file to open."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from evcards import __version__
from evcards.fonts import install_application_font
from evcards.gui.main_window import MainWindow
from evcards.gui.settings import Settings
from evcards.resources import icons_dir

EXIT_AFTER_SHOWN = "EVCARDS_EXIT_AFTER_SHOWN"  # benchmarks: quit as soon as the window is shown


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName("evcards")
    app.setOrganizationName("evcards")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("evcards")
    icon = icons_dir() / "evcards.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    install_application_font(app)
    return app


def run_app(path: Path, settings: Settings | None = None) -> int:
    app = create_application()
    window = MainWindow(settings or Settings())
    window.show()
    window.open_file(path)
    if os.environ.get(EXIT_AFTER_SHOWN):
        QTimer.singleShot(0, app.quit)
    return app.exec()
