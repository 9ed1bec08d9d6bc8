"""Hostile or broken input in the window: every load finishes, the problem is shown, F5 tries
again once the file is fixed; sources outside the folder wait for the user's permission."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from evcards.gui.main_window import MainWindow
from evcards.gui.settings import Settings
from tests.conftest import SOURCE_TEXT, WINDOW_TIMEOUT_MS, KbWriter, minimal_kb, outside_kb
from tests.gui.test_gui_start_and_help import window_opening

Key = Qt.Key


def kb_with_text_file(write_kb: KbWriter, text_file: str) -> Path:
    data = minimal_kb()
    data["sources"][0]["text_file"] = text_file
    return write_kb(data)  # article.txt is written beside it too


def fix_and_press_f5(qtbot: Any, window: MainWindow, path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    data["sources"][0]["text_file"] = "article.txt"
    path.write_text(json.dumps(data), encoding="utf-8")
    window.activateWindow()
    qtbot.keyClick(window, Key.Key_F5)
    qtbot.waitUntil(lambda: window.kb is not None and window.card.entity is not None, timeout=WINDOW_TIMEOUT_MS)


@pytest.mark.parametrize("broken", ["nul", "folder", "fifo", "not utf-8", "huge name"])
def test_a_broken_source_is_shown_as_a_problem_and_f5_works_after_the_fix(
    qtbot: Any, settings: Settings, write_kb: KbWriter, tmp_path: Path, broken: str
) -> None:
    said = {
        "nul": "sources[0].text_file: is not a usable path: it holds a NUL character",
        "folder": "sources[0].text_file: is a folder, not a file",
        "fifo": "sources[0].text_file: is not a regular file",
        "not utf-8": "sources[0].text_file (line 1, column 1): is not UTF-8 text",
        "huge name": "entities[0].name: is too long: at most 1,000 characters",
    }[broken]
    text_file = {"nul": "article\u0000.txt", "folder": "texts", "fifo": "pipe.txt", "not utf-8": "latin1.txt"}.get(broken, "article.txt")
    path = kb_with_text_file(write_kb, text_file)
    if broken == "folder":
        (tmp_path / "texts").mkdir()
    elif broken == "fifo":
        os.mkfifo(tmp_path / "pipe.txt")
    elif broken == "not utf-8":
        (tmp_path / "latin1.txt").write_bytes(b"\xe9t\xe9")
    elif broken == "huge name":
        data = json.loads(path.read_text(encoding="utf-8"))
        data["entities"][0]["name"] = "x" * 1_000_000
        path.write_text(json.dumps(data), encoding="utf-8")
    window = window_opening(qtbot, settings, path)
    assert window.welcome.isVisible() and window.kb is None
    assert said in window.welcome.problem.text()
    if broken == "huge name":
        data = json.loads(path.read_text(encoding="utf-8"))
        data["entities"][0]["name"] = "Xiaomi"
        path.write_text(json.dumps(data), encoding="utf-8")
    fix_and_press_f5(qtbot, window, path)
    assert window.card.isVisible() and not window.welcome.isVisible()
    window.close()


def allow_action(window: MainWindow) -> QAction:
    action = window.findChild(QAction, "allow_outside_sources")
    assert isinstance(action, QAction)
    return action


def test_a_source_outside_the_folder_is_refused_until_the_user_allows_it(qtbot: Any, settings: Settings, tmp_path: Path) -> None:
    window = window_opening(qtbot, settings, outside_kb(tmp_path))
    problem = window.welcome.problem.text()
    assert "sources[0].text_file: is outside the knowledge base's folder" in problem
    assert "File > Allow Sources Outside the Folder" in problem  # the message offers the way out
    action = allow_action(window)
    file_menu = window.menuBar().findChild(QMenu, "menu_file")
    assert not action.isChecked() and isinstance(file_menu, QMenu) and action in file_menu.actions()
    action.trigger()  # reads the file again, now allowed
    qtbot.waitUntil(lambda: window.kb is not None and window.card.entity is not None, timeout=WINDOW_TIMEOUT_MS)
    assert settings.allow_outside_sources
    window.close()
    again = window_opening(qtbot, settings, outside_kb(tmp_path / "second"))  # remembered
    assert again.kb is not None and allow_action(again).isChecked()
    again.close()


def test_the_command_line_allows_outside_sources_for_one_run(qtbot: Any, settings: Settings, tmp_path: Path) -> None:
    import argparse

    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.outside_sources.use_options(argparse.Namespace(allow_outside_sources=True, max_source_mb=None))
    window.show()
    window.open_file(outside_kb(tmp_path))
    qtbot.waitUntil(lambda: window.kb is not None, timeout=WINDOW_TIMEOUT_MS)
    assert allow_action(window).isChecked() and not settings.allow_outside_sources  # not saved
    window.close()


def test_the_settings_size_limit_applies_to_the_window(qtbot: Any, settings: Settings, write_kb: KbWriter) -> None:
    settings.max_source_mb = 0.5
    path = write_kb(source_text=SOURCE_TEXT + "padding " * 100_000)  # 0.8 MB
    window = window_opening(qtbot, settings, path)
    assert "sources[0].text_file: is 0.8 MB, over the limit of 0.5 MB" in window.welcome.problem.text()
    window.close()


def test_the_window_command_line_takes_the_load_options(write_kb: KbWriter, monkeypatch: pytest.MonkeyPatch) -> None:
    from evcards.cli import main as cli
    from evcards.gui import app

    given: list[Any] = []
    monkeypatch.setattr(app, "run_app", lambda file, settings=None, load_options=None, first_card=None: given.append(load_options) or 0)
    path = write_kb()
    assert cli.main(["--allow-outside-sources", "--max-source-mb", "5", str(path)]) == 0
    [options] = given
    assert options.allow_outside_sources and options.max_source_mb == 5
    limits = Settings(path.parent / "settings.ini").limits(options)
    assert limits.outside_sources and limits.source_bytes == 5_000_000


def test_the_window_answers_and_cancels_while_a_file_on_one_line_is_validated(
    qtbot: Any, window: MainWindow, write_kb: KbWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    from evcards.kb import loader, piecewise

    monkeypatch.setattr(loader, "SLICES_FROM_BYTES", 0)  # every file is big
    monkeypatch.setattr(piecewise, "SLICE_BYTES", 1)  # one entity a slice
    data = minimal_kb()
    data["entities"] += [{"id": f"extra-{i}", "name": f"Extra {i}", "kind": "place"} for i in range(3000)]
    path = write_kb(json.dumps(data, ensure_ascii=False, separators=(",", ":")))  # minified: no entity per line
    claims = sum(len(entity.get("claims", [])) for entity in data["entities"])
    not_validating = {path.stat().st_size, (path.parent / "article.txt").stat().st_size, claims}  # read, anchored
    kb = window.kb
    seen_while_validating: list[int] = []

    def cancel_while_validating(done: int, total: int) -> None:
        if total not in not_validating and 0 < done < total and not seen_while_validating:
            seen_while_validating.append(done)
            window.status.cancel_button.click()

    window.loader.progress.connect(cancel_while_validating)
    with qtbot.waitSignal(window.loader.finished, timeout=WINDOW_TIMEOUT_MS) as blocker:
        window.open_file(path)
    assert seen_while_validating, "the window saw the load's progress while the file was validated"
    assert blocker.args[0] is None and window.kb is kb
    assert "cancelled" in window.statusBar().currentMessage()
