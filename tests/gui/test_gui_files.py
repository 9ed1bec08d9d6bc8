"""Files and state: Open, invalid files, drag and drop, reload on change, recent files, settings."""

from __future__ import annotations

import io
import json
import os
import threading
from contextlib import redirect_stderr
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QByteArray, QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QToolBar

from evcards.cli import main as cli
from evcards.gui.file_watcher import DEBOUNCE_MS
from evcards.gui.main_window import MainWindow
from evcards.gui.settings import MAX_RECENT_FILES, Settings
from evcards.resources import bundled_data
from tests.conftest import WINDOW_TIMEOUT_MS, KbWriter, minimal_kb, open_window
from tests.gui_helpers import click_entity, row_texts, shown_card_id, shown_ids

Key = Qt.Key
Mod = Qt.KeyboardModifier


def wait_for_file(qtbot: Any, window: MainWindow, path: Path) -> None:
    qtbot.waitUntil(lambda: window.kb is not None and window.kb.path == path.resolve(), timeout=WINDOW_TIMEOUT_MS)


def validate_lines(path: Path) -> list[str]:
    """What `evcards validate FILE` prints about each problem (without its summary line)."""
    err = io.StringIO()
    with redirect_stderr(err):
        assert cli.main(["validate", str(path)]) == 1
    return err.getvalue().splitlines()[:-1]


def test_open_loads_another_file(qtbot: Any, window: MainWindow, write_kb: KbWriter, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_kb()
    asked: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda parent, title, start, filters: asked.append(start) or (str(path), ""))
    )
    click_entity(qtbot, window, "tesla")
    qtbot.keyClick(window, Key.Key_O, Mod.ControlModifier)
    wait_for_file(qtbot, window, path)
    assert asked == [str(bundled_data().resolve().parent)]  # starts in the folder of the open file
    assert shown_ids(window) == ["lei-jun", "xiaomi"]
    assert shown_card_id(window) == "xiaomi"  # as connected as Lei Jun, and first in the file
    assert window.windowTitle() == "Xiaomi — Test KB — evcards"
    assert window.status.file_label.text() == str(path.resolve())
    assert window.status.count_label.text() == "2 of 2 entities"
    assert not window.action_registry["back"].isEnabled()  # a new file starts a new history
    assert window.settings.last_file == path.resolve()


def test_cancelling_the_open_dialog_changes_nothing(qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: ("", "")))
    before = window.kb
    window.action_registry["open"].trigger()
    qtbot.wait(50)
    assert window.kb is before and not window.loader.is_busy()


@pytest.mark.parametrize(
    "breakage",
    ["relation", "syntax", "missing_source_text", "not_utf8"],
)
def test_an_invalid_file_shows_the_problem_report_and_keeps_what_was_open(
    qtbot: Any, window: MainWindow, write_kb: KbWriter, breakage: str
) -> None:
    data = minimal_kb()
    if breakage == "relation":
        data["entities"][0]["relations"][0]["target"] = "nobody"
        data["entities"][1]["claims"][0]["source"] = "nowhere"
        path = write_kb(data)
    elif breakage == "syntax":
        path = write_kb('{"format": 1, "entities": [')
    elif breakage == "missing_source_text":
        path = write_kb(data, source_text=None, name="alone.json")
        (path.parent / "article.txt").unlink(missing_ok=True)
    else:
        path = write_kb(b'{"format": 1, "entities": [], "title": "\xff"}')
    click_entity(qtbot, window, "china")
    kb = window.kb
    window.open_file(path)
    qtbot.waitUntil(lambda: window.problem_dialog is not None and window.problem_dialog.isVisible(), timeout=WINDOW_TIMEOUT_MS)
    dialog = window.problem_dialog
    lines = validate_lines(path)
    assert lines and dialog.detailedText() == "\n".join(lines)
    assert path.name in dialog.text() and "not a valid knowledge base" in dialog.text()
    assert lines[0] in dialog.informativeText()
    assert f"Still showing {bundled_data().name}." in dialog.informativeText()
    assert dialog.textFormat() == Qt.TextFormat.PlainText
    # what was open stays, untouched
    assert window.kb is kb
    assert shown_card_id(window) == "china"
    assert window.status.file_label.text() == str(bundled_data().resolve())
    dialog.close()


def test_problem_report_is_plain_text_and_shortened(qtbot: Any, window: MainWindow, write_kb: KbWriter) -> None:
    data = minimal_kb()
    data["entities"] = [
        {"id": f"e{i}", "name": f"<b>{i}</b>", "kind": "person", "relations": [{"type": "knows", "target": "nobody"}]} for i in range(12)
    ]
    path = write_kb(data)
    window.open_file(path)
    qtbot.waitUntil(lambda: window.problem_dialog is not None and window.problem_dialog.isVisible(), timeout=WINDOW_TIMEOUT_MS)
    dialog = window.problem_dialog
    assert dialog.informativeText().count("no entity has the id") == 8
    assert "… and 4 more" in dialog.informativeText()
    assert dialog.detailedText().count("no entity has the id") == 12
    dialog.close()


def drag_and_drop(window: MainWindow, paths: list[Path]) -> tuple[bool, bool]:
    """Drag files over the window and drop them; returns whether the enter and the drop were accepted."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    target = window.card.viewport()
    point = target.rect().center()
    position = QPointF(point)
    enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Mod.NoModifier)
    QApplication.sendEvent(target, enter)
    move = QDragMoveEvent(point + QPoint(3, 3), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Mod.NoModifier)
    move.setAccepted(enter.isAccepted())  # as Qt's drag manager does
    QApplication.sendEvent(target, move)
    drop = QDropEvent(position, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Mod.NoModifier)
    QApplication.sendEvent(target, drop)
    assert move.isAccepted() == enter.isAccepted()
    return enter.isAccepted(), drop.isAccepted()


def test_dropping_a_json_file_opens_it(qtbot: Any, window: MainWindow, write_kb: KbWriter) -> None:
    path = write_kb()
    assert drag_and_drop(window, [path]) == (True, True)
    wait_for_file(qtbot, window, path)
    assert shown_ids(window) == ["lei-jun", "xiaomi"]


def test_dropping_something_else_is_refused(qtbot: Any, window: MainWindow, write_kb: KbWriter, tmp_path: Path) -> None:
    path = write_kb()
    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    for paths in ([text], [path, write_kb(name="other.json")]):
        enter_accepted, drop_accepted = drag_and_drop(window, paths)
        assert not enter_accepted and not drop_accepted
    qtbot.wait(100)
    assert window.kb is not None and window.kb.path == bundled_data().resolve()


# --- reload on change -------------------------------------------------------------------------


def rewrite(path: Path, data: dict[str, Any] | str) -> None:
    """Write a new version, making sure its time stamp differs from the last one."""
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    stamp = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    if path.stat().st_mtime_ns == stamp:
        os.utime(path, ns=(stamp + 1_000_000, stamp + 1_000_000))


@pytest.fixture
def kb_window(qtbot: Any, settings: Settings, write_kb: KbWriter) -> Any:
    path = write_kb()
    window = open_window(qtbot, settings, path)
    yield window, path
    window.close()


def test_a_changed_file_is_reloaded_keeping_the_selected_entity(qtbot: Any, kb_window: Any) -> None:
    window, path = kb_window
    click_entity(qtbot, window, "xiaomi")
    click_entity(qtbot, window, "lei-jun")
    history = (window.history.entries, window.history.position)
    data = minimal_kb()
    data["entities"][0]["summary"] = "A company, now with a longer summary."
    data["entities"].append({"id": "aaa", "name": "AAA first", "kind": "place"})
    starts: list[Path] = []
    window.loader.started.connect(starts.append)
    rewrite(path, data)
    qtbot.waitUntil(
        lambda: window.kb is not None and "AAA first" in [window.kb.entity(i).name for i in shown_ids(window)], timeout=WINDOW_TIMEOUT_MS
    )
    assert shown_card_id(window) == "lei-jun"  # still the same entity
    assert window.entity_pane.current_entity_id() == "lei-jun"
    assert (window.history.entries, window.history.position) == history
    assert len(starts) == 1
    click_entity(qtbot, window, "xiaomi")
    assert "now with a longer summary" in window.card.toPlainText()  # the new data, not the old


def test_a_reload_frees_the_previous_knowledge_base(qtbot: Any, kb_window: Any) -> None:
    """Nothing (list, card, history, filter, caches) keeps the old version alive: reloading a
    big file again and again must not pile up old copies of it."""
    import gc
    import weakref

    window, _path = kb_window
    click_entity(qtbot, window, "lei-jun")
    old_entities = [weakref.ref(entity) for entity in window.kb.entities]
    old_knowledge_base = weakref.ref(window.kb)
    window.reload()
    qtbot.waitUntil(lambda: window.kb is not old_knowledge_base() and not window.loader.is_busy(), timeout=WINDOW_TIMEOUT_MS)
    gc.collect()
    assert old_knowledge_base() is None
    assert [ref() for ref in old_entities] == [None] * len(old_entities)
    assert shown_card_id(window) == "lei-jun"


@pytest.mark.parametrize("kept", [True, False])
def test_a_reload_under_a_filter_that_matches_nothing_shows_the_new_file_on_the_card(qtbot: Any, kb_window: Any, kept: bool) -> None:
    """The card never pairs the old file's quotes with the new file's verdicts: with nothing
    selected in the list, it shows its entity as the new file has it, or says it is gone."""
    window, path = kb_window
    click_entity(qtbot, window, "lei-jun")
    qtbot.keyClick(window, Key.Key_Slash)
    qtbot.keyClicks(window.entity_pane.filter_field, "qqqq")
    assert shown_ids(window) == [] and shown_card_id(window) == "lei-jun"
    data = minimal_kb(title="Changed")
    lei = data["entities"][1]
    if kept:
        lei["claims"][0]["statement"] = "Founded Xiaomi, says the new version."
        lei["claims"][0]["quote"] = "no such words in the source"
    else:
        data["entities"].remove(lei)
        data["entities"][0]["relations"] = []
    rewrite(path, data)
    qtbot.waitUntil(lambda: window.kb is not None and window.kb.data.title == "Changed", timeout=WINDOW_TIMEOUT_MS)
    card = window.card.toPlainText()
    if kept:
        assert shown_card_id(window) == "lei-jun"
        assert "Founded Xiaomi, says the new version." in card and "no such words in the source" in card
        assert "not found" in card.lower()
    else:
        assert window.card.entity is None and "not in this file" in card
    window.copy_card()  # nothing of the old file is left to trip over


def test_a_reloaded_entity_is_listed_with_its_new_name_and_claim_count(qtbot: Any, kb_window: Any) -> None:
    window, path = kb_window
    assert row_texts(window, "lei-jun") == ["Lei Jun  雷军", "Person · 1 claim"]
    data = minimal_kb()
    data["entities"][1]["name"] = "Lei Jun (CEO)"
    data["entities"][1]["claims"].append(dict(data["entities"][1]["claims"][0], statement="Again."))
    rewrite(path, data)
    qtbot.waitUntil(lambda: window.kb is not None and window.kb.entity("lei-jun").name == "Lei Jun (CEO)", timeout=WINDOW_TIMEOUT_MS)
    assert row_texts(window, "lei-jun") == ["Lei Jun (CEO)  雷军", "Person · 2 claims"]


def test_a_burst_of_writes_reloads_once(qtbot: Any, kb_window: Any) -> None:
    window, path = kb_window
    debounce = 4 * DEBOUNCE_MS  # a longer quiet time than the app's, so a slow test machine keeps the burst in it
    window.watcher.debounce_ms = debounce
    starts: list[Path] = []
    window.loader.started.connect(starts.append)
    for i in range(5):
        data = minimal_kb(title=f"Version {i}")
        rewrite(path, data)
        qtbot.wait(DEBOUNCE_MS // 10)  # each write is noticed: the quiet time starts again
    assert not starts
    qtbot.waitUntil(lambda: window.kb is not None and window.kb.data.title == "Version 4", timeout=WINDOW_TIMEOUT_MS)
    qtbot.wait(debounce + DEBOUNCE_MS)
    assert len(starts) == 1
    assert window.windowTitle() == f"{window.card.entity.name} — Version 4 — evcards"  # type: ignore[union-attr]


def test_reload_keeps_the_entity_while_a_filter_is_on(qtbot: Any, kb_window: Any) -> None:
    window, path = kb_window
    click_entity(qtbot, window, "xiaomi")
    qtbot.keyClick(window, Key.Key_Slash)
    qtbot.keyClicks(window.entity_pane.filter_field, "i")
    assert shown_card_id(window) == "xiaomi"  # typing does not move the card
    history = (window.history.entries, window.history.position)
    rewrite(path, minimal_kb(title="Changed"))
    qtbot.waitUntil(lambda: window.kb is not None and window.kb.data.title == "Changed", timeout=WINDOW_TIMEOUT_MS)
    assert window.entity_pane.filter_field.text() == "i"
    assert shown_card_id(window) == "xiaomi"
    assert (window.history.entries, window.history.position) == history  # a reload is not a visit


def test_an_entity_removed_on_disk_moves_to_the_first_one(qtbot: Any, kb_window: Any) -> None:
    window, path = kb_window
    click_entity(qtbot, window, "xiaomi")
    data = minimal_kb()
    data["entities"] = [data["entities"][1]]
    data["entities"][0]["relations"] = []
    rewrite(path, data)
    qtbot.waitUntil(lambda: shown_ids(window) == ["lei-jun"], timeout=WINDOW_TIMEOUT_MS)
    assert shown_card_id(window) == "lei-jun"
    assert not window.action_registry["back"].isEnabled()  # xiaomi is gone from the history


def test_an_invalid_new_version_keeps_the_old_data_and_says_why(qtbot: Any, kb_window: Any) -> None:
    window, path = kb_window
    click_entity(qtbot, window, "xiaomi")
    kb = window.kb
    rewrite(path, '{"format": 1, "entities": [}')
    qtbot.waitUntil(window.message_bar.isVisible, timeout=WINDOW_TIMEOUT_MS)
    text = window.message_bar.label.text()
    assert "changed on disk but is not valid" in text and "still showing the previous version" in text
    assert "invalid JSON" in text
    assert window.kb is not None and window.kb.data == kb.data and shown_card_id(window) == "xiaomi"
    assert window.problem_dialog is None  # not modal: the reader goes on reading
    # fixed again: reloaded, and the bar goes away
    rewrite(path, minimal_kb(title="Fixed"))
    qtbot.waitUntil(lambda: window.kb is not None and window.kb.data.title == "Fixed", timeout=WINDOW_TIMEOUT_MS)
    assert not window.message_bar.isVisible()
    assert shown_card_id(window) == "xiaomi"


def test_a_changed_source_text_is_reloaded(qtbot: Any, kb_window: Any) -> None:
    window, path = kb_window
    click_entity(qtbot, window, "xiaomi")
    source = path.parent / "article.txt"
    stamp = source.stat().st_mtime_ns
    source.write_text("Nothing of the quotes is here any more.\n", encoding="utf-8")
    if source.stat().st_mtime_ns == stamp:
        os.utime(source, ns=(stamp + 1_000_000, stamp + 1_000_000))
    qtbot.waitUntil(lambda: "✗ quote not found in source" in window.card.toPlainText(), timeout=WINDOW_TIMEOUT_MS)
    assert window.message_bar.isVisible() and "could not be verified" in window.message_bar.label.text()


def test_a_file_replaced_by_rename_is_reloaded_each_time(qtbot: Any, kb_window: Any) -> None:
    """Editors save to a temporary file and rename it over the original."""
    window, path = kb_window
    for version in range(3):
        temporary = path.with_name(f".kb.json.{version}.tmp")
        temporary.write_text(json.dumps(minimal_kb(title=f"Saved {version}")), encoding="utf-8")
        os.replace(temporary, path)
        qtbot.waitUntil(lambda v=version: window.kb is not None and window.kb.data.title == f"Saved {v}", timeout=WINDOW_TIMEOUT_MS)


def test_reload_shortcut_reads_the_file_again(qtbot: Any, kb_window: Any) -> None:
    window, path = kb_window
    window.watcher.blockSignals(True)  # only the shortcut reloads here
    try:
        rewrite(path, minimal_kb(title="By hand"))
        qtbot.keyClick(window, Key.Key_F5)
        qtbot.waitUntil(lambda: window.kb is not None and window.kb.data.title == "By hand", timeout=WINDOW_TIMEOUT_MS)
    finally:
        window.watcher.blockSignals(False)


# --- background loading ----------------------------------------------------------------------


def test_a_load_overtaken_by_another_is_never_shown(qtbot: Any, window: MainWindow, write_kb: KbWriter) -> None:
    first = write_kb(minimal_kb(title="First"), name="first.json")
    second = write_kb(minimal_kb(title="Second"), name="second.json")
    results: list[Any] = []
    window.loader.finished.connect(lambda result, _reload: results.append(result))
    done = threading.Event()
    window.loader.start(first)
    window.loader._worker.done.connect(lambda _result: done.set(), Qt.ConnectionType.DirectConnection)
    assert done.wait(WINDOW_TIMEOUT_MS / 1000)  # the first load is done; its result waits in the event queue
    window.loader.start(second)
    qtbot.waitUntil(lambda: window.kb is not None and window.kb.data.title == "Second", timeout=WINDOW_TIMEOUT_MS)
    qtbot.wait(100)
    assert [r.knowledge_base.data.title for r in results] == ["Second"]
    assert window.kb.data.title == "Second" and not window.loader.is_busy()


def test_cancelling_a_load_keeps_what_was_open(qtbot: Any, window: MainWindow, write_kb: KbWriter) -> None:
    data = minimal_kb()
    data["entities"] += [{"id": f"extra-{i}", "name": f"Extra {i}", "kind": "place"} for i in range(3000)]
    path = write_kb(data)
    kb = window.kb
    with qtbot.waitSignal(window.loader.finished, timeout=WINDOW_TIMEOUT_MS) as blocker:
        window.open_file(path)
        window.status.cancel_button.click()
    assert blocker.args[0] is None
    assert window.kb is kb
    assert "cancelled" in window.statusBar().currentMessage()
    assert not window.status.progress.isVisible() and not window.status.cancel_button.isVisible()


# --- recent files and settings ----------------------------------------------------------------


def test_open_recent_lists_the_last_ten_files(qtbot: Any, window: MainWindow, write_kb: KbWriter) -> None:
    paths = [write_kb(minimal_kb(title=f"KB {i}"), name=f"kb{i:02}.json") for i in range(12)]
    for path in paths:
        window.open_file(path)
        wait_for_file(qtbot, window, path)
    window.recent_menu.aboutToShow.emit()
    entries = [a for a in window.recent_menu.actions() if not a.isSeparator()]
    files = entries[:-1]
    assert len(files) == MAX_RECENT_FILES
    assert [a.statusTip() for a in files] == [str(p.resolve()) for p in reversed(paths[-MAX_RECENT_FILES:])]
    assert files[0].text().startswith("&1 kb11.json")
    assert files[-1].text().startswith("&0 kb02.json")
    assert entries[-1].text() == "&Clear Menu"
    files[3].trigger()
    wait_for_file(qtbot, window, paths[8])
    window.recent_menu.aboutToShow.emit()
    assert window.recent_menu.actions()[0].statusTip() == str(paths[8].resolve())  # moved to the top
    assert len([a for a in window.recent_menu.actions() if a.statusTip()]) == MAX_RECENT_FILES
    window.recent_menu.actions()[-1].trigger()
    window.recent_menu.aboutToShow.emit()
    (empty,) = window.recent_menu.actions()
    assert empty.text() == "No recent files" and not empty.isEnabled()


def test_open_recent_is_in_the_file_menu(window: MainWindow) -> None:
    from PySide6.QtWidgets import QMenu

    file_menu = window.findChild(QMenu, "menu_file")
    assert window.recent_menu.menuAction() in file_menu.actions()


def test_settings_round_trip(qtbot: Any, tmp_path: Path, write_kb: KbWriter) -> None:
    store = tmp_path / "settings.ini"
    path = write_kb()
    window = open_window(qtbot, Settings(store), path)
    window.resize(700, 500)  # (the offscreen screen is 800 pixels wide: restoreGeometry fits a window to it)
    toolbar = window.findChild(QToolBar, "navigation_toolbar")
    window.addToolBar(Qt.ToolBarArea.BottomToolBarArea, toolbar)  # the window state: where the toolbar is
    window.splitter.setSizes([233, 467])
    sizes = window.splitter.sizes()
    click_entity(qtbot, window, "xiaomi")
    qtbot.keyClick(window, Key.Key_Plus, Mod.ControlModifier)
    qtbot.keyClick(window, Key.Key_Equal, Mod.ControlModifier)
    qtbot.keyClick(window, Key.Key_Plus, Mod.ControlModifier)
    qtbot.keyClick(window, Key.Key_Minus, Mod.ControlModifier)
    point_size = window.card.document().defaultFont().pointSizeF()
    geometry = window.geometry()
    window.close()

    raw = QSettings(str(store), QSettings.Format.IniFormat)
    assert raw.value("view/zoom") in (2, "2")
    assert raw.value("session/last_file") == str(path.resolve())
    assert isinstance(raw.value("window/geometry"), QByteArray)

    again = Settings(store)
    assert again.zoom == 2 and again.last_entity(path) == "xiaomi" and again.last_file == path.resolve()
    assert again.recent_files[:2] == [path.resolve(), bundled_data().resolve()] or again.recent_files[0] == path.resolve()
    second = open_window(qtbot, again, path)
    assert second.size().toTuple() == (700, 500)
    assert second.toolBarArea(second.findChild(QToolBar, "navigation_toolbar")) == Qt.ToolBarArea.BottomToolBarArea
    assert second.geometry().size() == geometry.size()  # (offscreen, the position is the platform's choice)
    assert second.splitter.sizes() == sizes
    assert shown_card_id(second) == "xiaomi"  # the last entity, restored
    assert second.card.document().defaultFont().pointSizeF() == point_size
    qtbot.keyClick(second, Key.Key_0, Mod.ControlModifier)
    assert second.settings.zoom == 0
    second.close()
    assert Settings(store).zoom == 0


def test_settings_survive_garbage(tmp_path: Path) -> None:
    store = tmp_path / "settings.ini"
    store.write_text("[view]\nzoom=lots\n[session]\nrecent_files=/a/one.json\nlast_file=\n", encoding="utf-8")
    settings = Settings(store)
    assert settings.zoom == 0
    assert settings.recent_files == [Path("/a/one.json")]
    assert settings.last_file is None and settings.geometry is None
    settings.zoom = 99
    assert settings.zoom == 10  # clamped to the zoom range


def test_zoom_stops_at_its_limits(qtbot: Any, window: MainWindow) -> None:
    for _ in range(30):
        qtbot.keyClick(window, Key.Key_Minus, Mod.ControlModifier)
    assert window.settings.zoom == -5 and window.card.document().defaultFont().pointSizeF() >= 6
    for _ in range(30):
        qtbot.keyClick(window, Key.Key_Plus, Mod.ControlModifier)
    assert window.settings.zoom == 10


def test_tests_never_touch_the_users_settings(window: MainWindow, tmp_path: Path) -> None:
    assert window.settings.path == tmp_path / "settings.ini"


def test_a_second_invalid_file_replaces_the_first_report(qtbot: Any, window: MainWindow, write_kb: KbWriter) -> None:
    from PySide6.QtWidgets import QMessageBox

    first = write_kb('{"format": 1', name="first.json")
    second = write_kb("[]", name="second.json")
    for path in (first, second):
        window.open_file(path)
        qtbot.waitUntil(
            lambda p=path: window.problem_dialog is not None and p.name in window.problem_dialog.text(), timeout=WINDOW_TIMEOUT_MS
        )
    qtbot.waitUntil(lambda: len([b for b in window.findChildren(QMessageBox) if b.isVisible()]) == 1)
    qtbot.wait(50)
    assert len(window.findChildren(QMessageBox, "problem_report")) == 1  # not one more per invalid file
    window.problem_dialog.close()


def test_evcards_without_a_file_reopens_the_last_one(tmp_path: Path, write_kb: KbWriter, monkeypatch: pytest.MonkeyPatch) -> None:
    from evcards.gui import app

    settings = Settings(tmp_path / "settings.ini")
    assert app.initial_file(None, settings) == bundled_data()  # first start: the bundled data
    path = write_kb()
    settings.last_file = path.resolve()
    assert app.initial_file(None, settings) == path.resolve()
    other = write_kb(name="other.json")
    assert app.initial_file(other, settings) == other  # a file on the command line wins
    path.unlink()
    assert app.initial_file(None, settings) == bundled_data()  # the last file is gone
    asked: list[Path | None] = []
    monkeypatch.setattr(app, "run_app", lambda file, settings=None, **_options: asked.append(file) or 0)
    assert cli.main([]) == 0 and cli.main([str(other)]) == 0 and cli.main(["--data", str(other)]) == 0
    assert asked == [None, other, other]


@pytest.mark.slow
def test_evcards_file_json_opens_it_and_the_next_start_reopens_it(tmp_path: Path, write_kb: KbWriter) -> None:
    import subprocess
    import sys

    path = write_kb()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "EVCARDS_EXIT_AFTER_SHOWN": "1", "XDG_CONFIG_HOME": str(tmp_path / "config")}

    def start(*args: str) -> str:
        run = subprocess.run([sys.executable, "-m", "evcards", *args], capture_output=True, text=True, env=env, timeout=120)
        assert run.returncode == 0, run.stderr[-2000:]
        return run.stdout

    assert "evcards: loaded 9 entities" in start()  # nothing remembered yet: the bundled data
    assert "evcards: loaded 2 entities" in start(str(path))
    assert "evcards: loaded 2 entities" in start()  # the file opened last
    assert (tmp_path / "config" / "evcards" / "evcards.ini").is_file()  # the settings went where XDG says


def test_a_knowledge_base_without_entities(qtbot: Any, window: MainWindow, write_kb: KbWriter) -> None:
    path = write_kb(minimal_kb(entities=[]))
    window.open_file(path)
    wait_for_file(qtbot, window, path)
    pane = window.entity_pane
    assert pane.empty_label.isVisible() and pane.empty_label.text() == "This knowledge base has no entities."
    assert window.card.entity is None and window.card.toPlainText() == "This knowledge base has no entities."
    assert window.status.count_label.text() == "0 of 0 entities"
    for name in ("copy_card", "export_pdf", "print", "print_preview", "show_in_source", "back", "forward"):
        assert not window.action_registry[name].isEnabled(), name
    qtbot.keyClick(window, Key.Key_Slash)
    qtbot.keyClicks(pane.filter_field, "x")
    assert "No entity matches" in pane.empty_label.text()
    qtbot.keyClick(pane.filter_field, Key.Key_Escape)
    assert pane.empty_label.text() == "This knowledge base has no entities."


def test_export_card_as_pdf_from_the_window(qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QDesktopServices

    proposed: list[str] = []
    target = tmp_path / "out" / "lei"
    target.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda parent, title, start, filters: proposed.append(start) or (str(target), ""))
    )
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile()) or True))
    click_entity(qtbot, window, "lei-jun")
    qtbot.keyClick(window, Key.Key_E, Mod.ControlModifier)
    pdf = target.with_suffix(".pdf")
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")
    assert proposed[0].endswith("lei-jun.pdf")
    assert window.pdf.notice.label.text() == f"Exported Lei Jun to {pdf.name}"
    assert window.pdf.open_button.isVisible()
    qtbot.mouseClick(window.pdf.open_button, Qt.MouseButton.LeftButton)
    assert opened == [str(pdf)]
    assert window.settings.last_export_folder == pdf.parent
    window.action_registry["export_pdf"].trigger()
    assert Path(proposed[1]).parent == pdf.parent  # the next export starts in the same folder


def test_an_invalid_reload_with_many_problems_keeps_the_bar_short(qtbot: Any, settings: Any, write_kb: KbWriter) -> None:
    path = write_kb()
    window = open_window(qtbot, settings, path)
    broken = minimal_kb()
    for entity in broken["entities"]:
        entity["relations"] = [{"type": "founded_by", "target": f"nobody-{k}"} for k in range(40)]
    path.write_text(json.dumps(broken), encoding="utf-8")
    window.reload()
    qtbot.waitUntil(window.message_bar.isVisible, timeout=WINDOW_TIMEOUT_MS)
    lines = window.message_bar.label.text().splitlines()
    assert "not valid" in lines[0] and lines[-1] == "… and 75 more" and len(lines) == 7
    assert window.kb is not None and window.kb.entity("xiaomi") is not None  # the old data stays


def test_a_change_on_disk_does_not_cancel_an_open_in_progress(qtbot: Any, settings: Any, write_kb: KbWriter, tmp_path: Path) -> None:
    first = write_kb()
    window = open_window(qtbot, settings, first)
    other = write_kb(minimal_kb(title="Other KB"), name="other.json")
    window.open_file(other)
    window.reload()  # as the watcher would, while the other file loads
    qtbot.waitUntil(lambda: window.kb is not None and window.kb.data.title == "Other KB", timeout=WINDOW_TIMEOUT_MS)
