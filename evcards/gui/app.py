"""Start the window: the QApplication, fonts, settings, and the first file to open."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from evcards import __version__, start_pause
from evcards.card.fonts import install_application_font
from evcards.gui import counts
from evcards.gui.first_card import FirstCard
from evcards.gui.first_paint import after_first_paint
from evcards.gui.main_window import MainWindow
from evcards.gui.palette import COLOR_SCHEME, apply_color_scheme, dark_palette, forced_scheme
from evcards.gui.settings import Settings
from evcards.resources import bundled_data, icons_dir
from evcards.translation import explicit_language, language, set_language

if TYPE_CHECKING:
    from evcards.card.preview import FirstCardProcess

__all__ = ["COLOR_SCHEME", "create_application", "dark_palette", "initial_file", "run_app"]

EXIT_AFTER_SHOWN = "EVCARDS_EXIT_AFTER_SHOWN"  # benchmarks: report shown, loaded, first card painted; then quit


def create_application(argv: list[str] | None = None, fast_scroll_bars: bool = True) -> QApplication:
    """The application, styled and with its fonts and translations. `fast_scroll_bars=False`
    leaves out the scroll bars' caching style (`speed_up_scroll_bars`), for a caller that
    installs it once the window is first painted: building PySide6's style classes for it
    costs the first card ~10-20 ms, and the first frame draws the same without it."""
    running = QApplication.instance()
    app = running if isinstance(running, QApplication) else QApplication(argv or [sys.argv[0]])
    app.setApplicationName("evcards")
    app.setOrganizationName("evcards")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("evcards")
    icon = icons_dir() / "evcards.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    install_application_font(app)
    counts.install_translator()  # before the first row is painted
    if forced_scheme():
        app.setStyle("Fusion")
    if fast_scroll_bars:
        install_fast_scroll_bars(app)
    if forced_scheme():
        apply_color_scheme(app, "system")  # the environment's scheme
    return app


def install_fast_scroll_bars(app: QApplication) -> None:
    from evcards.gui.scroll_bar_style import speed_up_scroll_bars

    speed_up_scroll_bars(app)


def _report_shown_then_quit(app: QApplication, window: MainWindow) -> None:
    """Benchmarks: say when the window is shown, the file loaded and the first card painted; then quit.

    "evcards: shown" is printed on the first turn of the event loop after `show()`;
    "evcards: loaded N entities" once the background load has ended and its result is
    displayed (or refused); "evcards: first card painted" on the turn after the card view
    first painted a card (not its placeholder), which is what a reader waits for. The app
    quits after the last line it will print: quitting earlier would destroy the loading
    thread while it runs.
    """
    QTimer.singleShot(0, lambda: print("evcards: shown", flush=True))
    done: set[str] = set()  # "painted", "loaded": the app quits once both are (a first card may come before the load)

    def finish(step: str) -> None:
        done.add(step)
        if done == {"painted", "loaded"}:
            app.quit()

    def painted() -> None:
        print("evcards: first card painted", flush=True)
        finish("painted")

    stop_watching = after_first_paint(window.card.painted, window, painted, when=lambda: window.card.shows_card)

    def loaded(*_: object) -> None:
        window.loader.finished.disconnect(loaded)
        count = len(window.kb.entities) if window.kb is not None else 0
        print(f"evcards: loaded {count} entities", flush=True)
        if not window.card.shows_card and "painted" not in done:  # no card to wait for: an empty or refused file
            stop_watching()
            done.add("painted")
        QTimer.singleShot(0, lambda: finish("loaded"))

    window.loader.finished.connect(loaded)


def initial_file(path: Path | None, settings: Settings) -> Path:
    """The file to open at start: the one asked for, else the last one opened (if it is still there), else the bundled data."""
    if path is not None:
        return path
    last = settings.last_file
    return last if last is not None and last.is_file() else bundled_data()


def run_app(
    path: Path | None, settings: Settings | None = None, load_options: object = None, first_card: FirstCardProcess | None = None
) -> int:
    """Show the window and open the first file. `load_options`: the command line's
    `--max-source-mb` and `--allow-outside-sources`, for this run; `first_card`: the process
    started to make the first card meanwhile (`evcards.card.preview`), if any."""
    settings = settings or Settings()
    if explicit_language() is None:  # `--lang` wins over View > Language
        set_language(None if settings.language == "system" else settings.language)
    first_file = initial_file(path, settings)
    asked_for_first_card = first_card is not None and first_card.request(
        first_file, settings.last_entity(first_file), language(), settings.limits(load_options)
    )  # asked before the window is built, which takes about as long as the answer
    app = create_application(fast_scroll_bars=False)
    QTimer.singleShot(0, start_pause.resume)  # the first of the first turn's timers: before the file's load starts
    if settings.color_scheme != "system":
        apply_color_scheme(app, settings.color_scheme)
    window = MainWindow(settings)
    window.outside_sources.use_options(load_options)
    if os.environ.get(EXIT_AFTER_SHOWN):
        _report_shown_then_quit(app, window)
    if first_card is not None and asked_for_first_card:
        FirstCard(window, first_card, first_file).start()  # opens the file once that card is drawn
    else:
        # Loading starts on the event loop's first turn, after the events of showing the window
        # (polish, layout) have been handled without a loading thread competing for the interpreter.
        QTimer.singleShot(0, window, lambda: window.open_file(first_file))
    after_first_paint(window.card.painted, window, lambda: install_fast_scroll_bars(app))
    window.show()
    return app.exec()
