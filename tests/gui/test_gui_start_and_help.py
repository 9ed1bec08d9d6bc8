"""Where the window starts, what it shows with no file open, and the color scheme chosen in View."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from evcards.gui.main_window import MainWindow
from evcards.gui.settings import Settings
from evcards.resources import bundled_data
from tests.conftest import WINDOW_TIMEOUT_MS, KbWriter, minimal_kb, open_window
from tests.gui_helpers import click_entity, shown_card_id

Key = Qt.Key


def window_opening(qtbot: Any, settings: Settings, path: Path) -> MainWindow:
    """A shown window asked to open `path`, once the welcome state or a card is up."""
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_file(path)
    qtbot.waitUntil(lambda: window.welcome.isVisible() or window.card.entity is not None, timeout=WINDOW_TIMEOUT_MS)
    return window


def test_the_bundled_data_opens_on_its_most_connected_entity(window: MainWindow) -> None:
    assert shown_card_id(window) == "xiaomi"  # not Apple, the first by name
    assert window.entity_pane.current_entity_id() == "xiaomi"


def test_each_file_reopens_on_the_entity_last_viewed_in_it(qtbot: Any, settings: Settings, write_kb: KbWriter) -> None:
    other = write_kb(minimal_kb())
    window = open_window(qtbot, settings)
    click_entity(qtbot, window, "tesla")
    window.open_file(other)
    qtbot.waitUntil(lambda: window.kb is not None and window.kb.path == other.resolve(), timeout=WINDOW_TIMEOUT_MS)
    assert shown_card_id(window) == "xiaomi"  # never viewed: the most connected (a tie, first in the file)
    click_entity(qtbot, window, "lei-jun")
    window.open_file(bundled_data())
    qtbot.waitUntil(lambda: window.kb is not None and window.kb.path == bundled_data().resolve(), timeout=WINDOW_TIMEOUT_MS)
    assert shown_card_id(window) == "tesla"
    window.close()

    again = open_window(qtbot, Settings(settings.path), other)
    assert shown_card_id(again) == "lei-jun"
    again.close()


def test_a_missing_file_shows_the_welcome_state_and_the_example_opens(qtbot: Any, settings: Settings, tmp_path: Path) -> None:
    missing = tmp_path / "gone.json"
    window = window_opening(qtbot, settings, missing)
    assert window.welcome.isVisible() and not window.card.isVisible()
    assert "gone.json" in window.welcome.heading.text()
    assert str(missing) in window.welcome.problem.text() and "no file" in window.welcome.problem.text()
    buttons = [window.welcome.open_button, window.welcome.recent_button, window.welcome.example_button]
    assert [b.text().replace("&", "") for b in buttons] == ["Open…", "Open Recent", "Open the Example"]
    assert all(b.isVisible() for b in buttons)
    qtbot.mouseClick(window.welcome.example_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.kb is not None, timeout=WINDOW_TIMEOUT_MS)
    assert window.kb is not None and window.kb.path == bundled_data().resolve()
    assert shown_card_id(window) == "xiaomi"
    assert window.card.isVisible() and not window.welcome.isVisible()
    window.close()


def test_open_recent_in_the_welcome_state_lists_the_recent_files(qtbot: Any, settings: Settings, tmp_path: Path) -> None:
    settings.add_recent_file(bundled_data())
    window = window_opening(qtbot, settings, tmp_path / "gone.json")
    menu = window.welcome.recent_button.menu()
    assert isinstance(menu, QMenu)
    menu.aboutToShow.emit()
    (first, *_) = [a for a in menu.actions() if not a.isSeparator()]
    assert bundled_data().name in first.text()
    first.trigger()
    qtbot.waitUntil(lambda: window.kb is not None, timeout=WINDOW_TIMEOUT_MS)
    assert window.kb is not None and window.kb.path == bundled_data().resolve()
    window.close()


def test_a_broken_file_says_what_is_wrong_and_f5_tries_it_again(qtbot: Any, settings: Settings, write_kb: KbWriter) -> None:
    path = write_kb('{"format": 1, "entities": [')
    window = window_opening(qtbot, settings, path)
    assert window.welcome.isVisible()
    problem = window.welcome.problem.text()
    assert "not a valid knowledge base" in problem and "the file ends in the middle of the JSON" in problem
    assert "F5" in problem
    qtbot.mouseClick(window.welcome.details_button, Qt.MouseButton.LeftButton)
    assert isinstance(window.problem_dialog, QMessageBox) and "the file ends in the middle" in window.problem_dialog.detailedText()
    window.problem_dialog.close()

    write_kb(minimal_kb())  # fixed on disk
    assert window.action_registry["reload"].isEnabled()
    qtbot.keyClick(window, Key.Key_F5)
    qtbot.waitUntil(lambda: window.kb is not None, timeout=WINDOW_TIMEOUT_MS)
    assert window.kb is not None and window.kb.path == path.resolve()
    assert shown_card_id(window) == "xiaomi" and not window.welcome.isVisible()
    window.close()


def test_a_broken_file_opened_over_a_good_one_keeps_the_good_one(qtbot: Any, window: MainWindow, write_kb: KbWriter) -> None:
    kb = window.kb
    window.open_file(write_kb("{"))
    qtbot.waitUntil(lambda: window.problem_dialog is not None and window.problem_dialog.isVisible(), timeout=WINDOW_TIMEOUT_MS)
    assert window.kb is kb and not window.welcome.isVisible() and window.card.isVisible()
    window.problem_dialog.close()


@pytest.fixture
def restore_palette() -> Iterator[None]:
    """The scheme tests change the application's palette: give the other tests the system one back."""
    yield
    from evcards.gui.palette import apply_color_scheme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_color_scheme(app, "system")


def _scheme_actions(window: MainWindow) -> dict[str, Any]:
    menu = window.findChild(QMenu, "menu_color_scheme")
    assert menu is not None and menu.menuAction() in window.findChild(QMenu, "menu_view").actions()
    return {a.text().replace("&", ""): a for a in menu.actions()}


def test_the_color_scheme_is_chosen_in_view_applied_at_once_and_remembered(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch, restore_palette: None
) -> None:
    monkeypatch.delenv("EVCARDS_COLOR_SCHEME", raising=False)
    actions = _scheme_actions(window)
    assert list(actions) == ["System", "Light", "Dark"]
    assert all(a.isCheckable() for a in actions.values()) and actions["System"].isChecked()
    light_window = window.palette().color(QPalette.ColorRole.Window).lightness()
    actions["Dark"].trigger()
    assert actions["Dark"].isChecked() and not actions["System"].isChecked()  # exclusive
    qtbot.waitUntil(lambda: window.palette().color(QPalette.ColorRole.Window).lightness() < 60 < light_window)
    assert window.card.palette().color(QPalette.ColorRole.Base).lightness() < 60
    assert Settings(window.settings.path).color_scheme == "dark"
    actions["Light"].trigger()
    qtbot.waitUntil(lambda: window.palette().color(QPalette.ColorRole.Window).lightness() > 180)
    assert Settings(window.settings.path).color_scheme == "light"
    actions["Dark"].trigger()
    actions["System"].trigger()  # offscreen, the platform's palette is light
    qtbot.waitUntil(lambda: window.palette().color(QPalette.ColorRole.Window).lightness() == light_window)
    assert Settings(window.settings.path).color_scheme == "system"


def test_a_scheme_in_the_environment_wins_over_the_menu(
    qtbot: Any, settings: Settings, monkeypatch: pytest.MonkeyPatch, restore_palette: None
) -> None:
    monkeypatch.setenv("EVCARDS_COLOR_SCHEME", "dark")
    settings.color_scheme = "light"
    window = open_window(qtbot, settings)
    actions = _scheme_actions(window)
    assert actions["Dark"].isChecked() and not any(a.isEnabled() for a in actions.values())
    window.close()


def test_the_entity_remembered_by_evcards_0_1_still_opens(qtbot: Any, settings: Settings) -> None:
    from PySide6.QtCore import QSettings

    raw = QSettings(str(settings.path), QSettings.Format.IniFormat)
    raw.setValue("session/last_file", str(bundled_data().resolve()))
    raw.setValue("session/last_entity", "tesla")
    raw.sync()
    window = open_window(qtbot, Settings(settings.path))
    assert shown_card_id(window) == "tesla"
    window.close()
