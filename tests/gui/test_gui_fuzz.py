"""Thousands of random keys, clicks and actions at the window: nothing escapes, and it still answers.

pytest-qt fails a test on any exception raised inside a Qt virtual or slot, so an exception
anywhere in the window's code fails this test. The steps are seeded: set EVCARDS_FUZZ_SEED to
try other sequences; a failure prints the seed and the last steps.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import time
from collections import deque
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QContextMenuEvent, QDesktopServices, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QToolBar, QWidget

from evcards.gui.actions import ACTION_SPECS
from evcards.resources import bundled_data, resources_dir
from tests.conftest import WINDOW_TIMEOUT_MS, minimal_kb, open_window
from tests.gui_helpers import click_through_window, type_text

STEPS = 2500
SEED = int(os.environ.get("EVCARDS_FUZZ_SEED", "20240601"))
Key = Qt.Key
Mod = Qt.KeyboardModifier

PLAIN_KEYS = [
    Key.Key_Tab,
    Key.Key_Backtab,
    Key.Key_Return,
    Key.Key_Enter,
    Key.Key_Escape,
    Key.Key_Up,
    Key.Key_Down,
    Key.Key_PageUp,
    Key.Key_PageDown,
    Key.Key_Home,
    Key.Key_End,
    Key.Key_Left,
    Key.Key_Right,
    Key.Key_Backspace,
    Key.Key_Delete,
    Key.Key_Space,
    Key.Key_Slash,
    Key.Key_Menu,
    Key.Key_F10,
]
TYPED = ["lei", "xiaomi", "su7", "product", "ë", "zz", "a", "steve", "雷", "小米", "<b>", "  ", "🚗"]


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """The bundled data in a temporary folder, so the test may change it on disk."""
    shutil.copytree(resources_dir() / "data" / "sources", tmp_path / "data" / "sources")
    target = tmp_path / "data" / bundled_data().name
    shutil.copy(bundled_data(), target)
    return target


def test_random_keys_clicks_and_actions(
    qtbot: Any, settings: Any, data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewDialog

    rng = random.Random(SEED)
    small = tmp_path / "small" / "kb.json"
    small.parent.mkdir()
    (small.parent / "article.txt").write_text(
        "Since its inception in 2010, Xiaomi has disrupted the smartphone industry. Lei Jun founded Xiaomi.\n", encoding="utf-8"
    )
    small.write_text(json.dumps(minimal_kb(), ensure_ascii=False), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": 1, "entities": [{"id": "x"}]}', encoding="utf-8")
    files = [data_copy, small, broken]

    opened_urls: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(rng.choice(files)), "") if rng.random() < 0.5 else ("", ""))
    )
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QDialog, "exec", lambda self: 0)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: 0)
    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda self: 0)
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda *a: None))
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened_urls.append(QUrl(url).toString()) or True))

    window = open_window(qtbot, settings, data_copy)
    names = [spec.name for spec in ACTION_SPECS if spec.name != "quit"]
    shortcuts = [s for name in names for s in window.action_registry[name].shortcuts()]
    log: deque[str] = deque(maxlen=40)

    def target() -> QWidget:
        widget = QApplication.focusWidget()
        return widget if widget is not None and widget.isVisible() else window

    def random_point(widget: QWidget) -> QPoint:
        return QPoint(rng.randrange(max(1, widget.width())), rng.randrange(max(1, widget.height())))

    def tidy() -> None:
        """What a reader does now and then: close dialogs and menus, come back to the window."""
        for widget in QApplication.topLevelWidgets():
            if widget is not window and widget.isVisible():
                widget.close()
        window.activateWindow()

    def check_invariants(step: int) -> None:
        current = window.entity_pane.current_entity_id()
        if current is not None and not window.loader.is_busy():
            shown = window.current_entity()
            assert shown is not None and shown.id == current, (step, list(log))
        shown, _, total = window.status.count_label.text().partition(" of ")
        assert int(shown) == window.entity_pane.model.rowCount(), (step, list(log))
        assert total == f"{window.entity_pane.model.total()} entities", (step, list(log))

    steps = {
        "key": 30,
        "shortcut": 14,
        "type": 8,
        "click_row": 10,
        "dclick_row": 3,
        "click_card": 10,
        "action": 8,
        "mouse_nav": 3,
        "toolbar": 3,
        "context_menu": 3,
        "drop": 1,
        "touch_file": 1,
        "resize": 1,
        "tidy": 4,
        "wait": 2,
    }
    kinds = list(steps)
    weights = list(steps.values())
    started = time.monotonic()
    for step in range(STEPS):
        kind = rng.choices(kinds, weights)[0]
        widget = target()
        if kind == "key":
            key = rng.choice(PLAIN_KEYS + [Key(ord(c)) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"])
            modifiers = rng.choice([Mod.NoModifier] * 6 + [Mod.ShiftModifier, Mod.ControlModifier, Mod.AltModifier])
            if key == Key.Key_Q and modifiers == Mod.ControlModifier:
                continue  # Quit: tested on its own
            log.append(f"{step} key {key.name} {modifiers} -> {widget.objectName() or type(widget).__name__}")
            qtbot.keyClick(widget, key, modifiers)
        elif kind == "shortcut":
            combination = rng.choice(shortcuts)[0]
            log.append(f"{step} shortcut {QKeySequence(combination).toString()} -> {widget.objectName() or type(widget).__name__}")
            qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())
        elif kind == "type":
            text = rng.choice(TYPED)
            log.append(f"{step} type {text!r} -> {widget.objectName() or type(widget).__name__}")
            type_text(qtbot, widget, text)
        elif kind in ("click_row", "dclick_row"):
            view = window.entity_pane.list_view
            rows = window.entity_pane.model.rowCount()
            point = (
                view.visualRect(window.entity_pane.model.index(rng.randrange(rows), 0)).center()
                if rows and rng.random() < 0.8
                else random_point(view.viewport())
            )
            log.append(f"{step} {kind} at {point.toTuple()}")
            if kind == "click_row":
                qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
            else:
                qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
        elif kind == "click_card":
            point = random_point(window.card.viewport())
            log.append(f"{step} click card at {point.toTuple()}")
            qtbot.mouseClick(window.card.viewport(), Qt.MouseButton.LeftButton, pos=point)
        elif kind == "action":
            name = rng.choice(names)
            log.append(f"{step} action {name}")
            window.action_registry[name].trigger()
        elif kind == "mouse_nav":
            button = rng.choice([Qt.MouseButton.BackButton, Qt.MouseButton.ForwardButton])
            on = rng.choice([window.card.viewport(), window.entity_pane.list_view.viewport(), window.entity_pane.filter_field, window])
            log.append(f"{step} mouse {button.name} on {on.objectName() or type(on).__name__}")
            click_through_window(window, on, button, random_point(on))
        elif kind == "toolbar":
            toolbar = window.findChild(QToolBar, "navigation_toolbar")
            button = toolbar.widgetForAction(rng.choice(toolbar.actions()))
            log.append(f"{step} toolbar {button.text()}")
            if button.text() != "Open…" or rng.random() < 0.3:
                qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        elif kind == "context_menu":
            viewport = window.entity_pane.list_view.viewport()
            point = random_point(viewport)
            log.append(f"{step} context menu at {point.toTuple()}")
            QApplication.sendEvent(viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point)))
            if window.context_menu.isVisible():
                actions = window.context_menu.actions()
                window.context_menu.close()
                if rng.random() < 0.5:
                    rng.choice(actions).trigger()
        elif kind == "drop":
            path = rng.choice(files)
            log.append(f"{step} drop {path.name}")
            mime_target = window.card.viewport()
            from PySide6.QtCore import QMimeData

            mime = QMimeData()
            mime.setUrls([QUrl.fromLocalFile(str(path))])
            center = mime_target.rect().center()
            enter = QDragEnterEvent(center, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Mod.NoModifier)
            QApplication.sendEvent(mime_target, enter)
            QApplication.sendEvent(
                mime_target, QDropEvent(QPointF(center), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Mod.NoModifier)
            )
        elif kind == "touch_file":
            path = rng.choice([data_copy, small])
            log.append(f"{step} touch {path.name}")
            stamp = time.time_ns() + rng.randrange(1, 10**9)
            os.utime(path, ns=(stamp, stamp))
        elif kind == "resize":
            size = (rng.randrange(300, 800), rng.randrange(200, 700))
            log.append(f"{step} resize {size}")
            window.resize(*size)
        elif kind == "tidy":
            log.append(f"{step} tidy")
            tidy()
        else:
            log.append(f"{step} wait")
            qtbot.wait(rng.randrange(1, 30))
        QApplication.processEvents()
        assert window.isVisible(), (step, list(log))
        if step % 25 == 0:
            check_invariants(step)
    elapsed = time.monotonic() - started

    # the window still answers: a filter query by keyboard finds Lei Jun and shows the card
    tidy()
    qtbot.waitUntil(lambda: not window.loader.is_busy(), timeout=WINDOW_TIMEOUT_MS)
    qtbot.waitUntil(window.isActiveWindow, timeout=WINDOW_TIMEOUT_MS)
    if window.kb is None or window.kb.path != data_copy.resolve():
        window.open_file(data_copy)
        qtbot.waitUntil(lambda: window.kb is not None and window.kb.path == data_copy.resolve(), timeout=WINDOW_TIMEOUT_MS)
    qtbot.keyClick(window, Key.Key_F, Mod.ControlModifier)
    assert QApplication.focusWidget() is window.entity_pane.filter_field, list(log)
    qtbot.keyClicks(window.entity_pane.filter_field, "lei jun")
    qtbot.keyClick(window.entity_pane.filter_field, Key.Key_Return)
    assert window.entity_pane.current_entity_id() == "lei-jun", list(log)
    assert window.card.entity is not None and window.card.entity.id == "lei-jun"
    assert window.card.toPlainText().startswith("Lei Jun")
    qtbot.keyClick(window.entity_pane.filter_field, Key.Key_Escape)
    assert window.entity_pane.model.rowCount() == window.entity_pane.model.total()
    assert all(url.startswith(("http://", "https://")) for url in opened_urls)
    print(f"seed {SEED}: {STEPS} steps in {elapsed:.1f} s")
    window.close()
