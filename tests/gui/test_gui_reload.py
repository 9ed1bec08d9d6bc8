"""While a reload reads the file, the reader keeps the card and the list (the knowledge base
itself is let go of, see `evcards.gui.reloading`); what they do meanwhile takes effect with
the new version, and a reload that fails or is cancelled leaves the previous version working.

Each test holds the loading thread at a gate, so "during the reload" is a state the test
controls, not a race with a load of a few milliseconds."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from evcards.gui.main_window import MainWindow
from tests.conftest import WINDOW_TIMEOUT_MS, KbWriter, minimal_kb, open_window
from tests.gui.test_gui_files import rewrite
from tests.gui_helpers import click_entity, shown_card_id, shown_ids

Key = Qt.Key


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Open: loads run. Cleared: the next load waits in its thread until it is set again."""
    import evcards.kb.loader

    opened = threading.Event()
    opened.set()
    real = evcards.kb.loader.load

    def held(*args: Any, **kwargs: Any) -> Any:
        opened.wait(WINDOW_TIMEOUT_MS / 1000)
        return real(*args, **kwargs)

    monkeypatch.setattr(evcards.kb.loader, "load", held)
    yield opened
    opened.set()


@pytest.fixture
def reloading(qtbot: Any, settings: Any, write_kb: KbWriter, gate: threading.Event) -> Iterator[tuple[MainWindow, Any]]:
    """A window on a two-entity file showing Xiaomi's card, the file changed on disk (Lei Jun's
    claim reworded, a third entity) and a reload started, held at the gate."""
    path = write_kb()
    window = open_window(qtbot, settings, path)
    click_entity(qtbot, window, "xiaomi")
    data = minimal_kb(title="Second version")
    data["entities"][1]["claims"][0]["statement"] = "Founded Xiaomi, says the second version."
    data["entities"].append({"id": "aaa", "name": "AAA first", "kind": "place"})
    rewrite(path, data)
    gate.clear()
    window.reload()
    yield window, path
    gate.set()
    qtbot.waitUntil(lambda: not window.loader.is_busy(), timeout=WINDOW_TIMEOUT_MS)
    window.close()


def finish(qtbot: Any, window: MainWindow, gate: threading.Event) -> None:
    gate.set()
    qtbot.waitUntil(lambda: window.kb is not None and not window.loader.is_busy(), timeout=WINDOW_TIMEOUT_MS)


def test_during_a_reload_the_card_and_the_list_stay_and_the_old_version_is_freed(
    qtbot: Any, settings: Any, write_kb: KbWriter, gate: threading.Event
) -> None:
    path = write_kb()
    window = open_window(qtbot, settings, path)
    click_entity(qtbot, window, "xiaomi")
    card, rows, title = window.card.toPlainText(), shown_ids(window), window.windowTitle()
    old = weakref.ref(window.kb)
    gate.clear()
    window.reload()
    gc.collect()
    assert old() is None  # freed before the new version is built: the memory is the new one's
    assert window.card.toPlainText() == card and shown_card_id(window) == "xiaomi"
    assert shown_ids(window) == rows and window.entity_pane.current_entity_id() == "xiaomi"
    assert window.windowTitle() == title
    finish(qtbot, window, gate)
    assert shown_card_id(window) == "xiaomi" and window.kb.data.title == "Test KB"
    window.close()


def test_an_entity_picked_during_a_reload_shows_its_card_as_the_new_version_has_it(
    qtbot: Any, reloading: tuple[MainWindow, Any], gate: threading.Event
) -> None:
    window, _path = reloading
    click_entity(qtbot, window, "lei-jun")
    assert window.entity_pane.current_entity_id() == "lei-jun"
    finish(qtbot, window, gate)
    assert shown_card_id(window) == "lei-jun"
    assert "says the second version" in window.card.toPlainText()
    assert window.history.entries[-1] == "lei-jun" and window.action_registry["back"].isEnabled()


def test_a_query_typed_during_a_reload_lists_the_new_versions_matches(
    qtbot: Any, reloading: tuple[MainWindow, Any], gate: threading.Event
) -> None:
    window, _path = reloading
    window.entity_pane.focus_filter()
    qtbot.keyClicks(window.entity_pane.filter_field, "AAA")
    finish(qtbot, window, gate)
    qtbot.waitUntil(lambda: shown_ids(window) == ["aaa"], timeout=WINDOW_TIMEOUT_MS)
    assert shown_card_id(window) == "xiaomi"  # typing picks nothing


def test_copying_the_card_during_a_reload_copies_it_once_the_file_is_read(
    qtbot: Any, reloading: tuple[MainWindow, Any], gate: threading.Event
) -> None:
    from PySide6.QtWidgets import QApplication

    window, _path = reloading
    QApplication.clipboard().clear()
    window.action_registry["copy_card"].trigger()
    assert "Reading the file again" in window.statusBar().currentMessage()
    finish(qtbot, window, gate)
    assert "Xiaomi" in QApplication.clipboard().text()


def test_f5_during_a_reload_reads_the_newest_version(qtbot: Any, reloading: tuple[MainWindow, Any], gate: threading.Event) -> None:
    window, path = reloading
    rewrite(path, minimal_kb(title="Third version"))
    qtbot.keyClick(window, Key.Key_F5)
    finish(qtbot, window, gate)
    qtbot.wait(50)
    assert window.kb.data.title == "Third version" and shown_card_id(window) == "xiaomi"
    assert not window.message_bar.isVisible()


def test_a_reload_that_fails_leaves_the_previous_version_working(
    qtbot: Any, reloading: tuple[MainWindow, Any], gate: threading.Event
) -> None:
    window, path = reloading
    rewrite(path, '{"format": 1, "entities": [}')
    qtbot.keyClick(window, Key.Key_F5)  # the version on disk is broken now
    finish(qtbot, window, gate)
    qtbot.waitUntil(window.message_bar.isVisible, timeout=WINDOW_TIMEOUT_MS)
    assert "still showing the previous version" in window.message_bar.label.text()
    assert window.kb.data.title == "Test KB" and shown_card_id(window) == "xiaomi"
    assert shown_ids(window) == ["lei-jun", "xiaomi"]
    click_entity(qtbot, window, "lei-jun")  # the window works on the previous version
    assert shown_card_id(window) == "lei-jun" and "Founded Xiaomi." in window.card.toPlainText()
    qtbot.keyClicks(window.entity_pane.filter_field, "Xia")
    qtbot.waitUntil(lambda: shown_ids(window)[:1] == ["xiaomi"], timeout=WINDOW_TIMEOUT_MS)  # the best match first


def test_a_cancelled_reload_leaves_the_previous_version_working(
    qtbot: Any, reloading: tuple[MainWindow, Any], gate: threading.Event
) -> None:
    window, _path = reloading
    window.status.cancel_button.click()
    finish(qtbot, window, gate)
    assert "cancelled" in window.statusBar().currentMessage()
    assert window.kb.data.title == "Test KB" and shown_card_id(window) == "xiaomi"
    click_entity(qtbot, window, "lei-jun")
    assert shown_card_id(window) == "lei-jun"


def test_opening_a_broken_file_during_a_reload_keeps_the_open_one(
    qtbot: Any, reloading: tuple[MainWindow, Any], gate: threading.Event, write_kb: KbWriter
) -> None:
    window, _path = reloading
    broken = write_kb("{", name="broken.json")
    window.open_file(broken)
    finish(qtbot, window, gate)
    qtbot.waitUntil(lambda: window.problem_dialog is not None and window.problem_dialog.isVisible(), timeout=WINDOW_TIMEOUT_MS)
    assert "broken.json" in window.problem_dialog.text()
    assert "Still showing kb.json." in window.problem_dialog.informativeText()
    assert window.kb.data.title == "Test KB" and shown_card_id(window) == "xiaomi"


def test_switching_the_language_during_a_reload_opens_the_same_file(
    qtbot: Any, settings: Any, write_kb: KbWriter, gate: threading.Event
) -> None:
    from PySide6.QtGui import QAction

    from tests.gui.test_translations import _shown_window

    path = write_kb()
    window = MainWindow(settings)  # not the test's to close: the switch closes and deletes it
    window.show()
    window.open_file(path)
    qtbot.waitUntil(lambda: window.kb is not None and window.card.entity is not None, timeout=WINDOW_TIMEOUT_MS)
    rewrite(path, minimal_kb(title="Second version"))
    gate.clear()
    window.reload()
    threading.Timer(0.3, gate.set).start()  # while the switch waits for the closing window's load
    window.findChild(QAction, "action_language_zh_CN").trigger()  # while the reload waits at the gate
    chinese = _shown_window(window)
    try:
        qtbot.waitUntil(lambda: chinese.kb is not None and not chinese.loader.is_busy(), timeout=WINDOW_TIMEOUT_MS)
        assert chinese.kb.path == path and chinese.kb.data.title == "Second version"
    finally:
        chinese.findChild(QAction, "action_language_en").trigger()
        _shown_window(chinese).close()
    assert settings.language == "en"
