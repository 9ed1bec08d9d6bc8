"""The window's start with the first card from the second process (`evcards.gui.first_card`):
the card is drawn before the file is loaded, and the file's own load decides what follows."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest

from evcards.card.content import card_parts
from evcards.card.parts import card_text
from evcards.card.preview import FirstCardProcess, Preview
from evcards.gui.first_card import FirstCard
from evcards.gui.main_window import MainWindow
from evcards.kb.limits import Limits
from evcards.resources import bundled_data
from tests.conftest import WINDOW_TIMEOUT_MS, load_kb, minimal_kb


class _Answer:
    """Stands for the child process: answers with `preview` (the window cannot tell)."""

    def __init__(self, preview: Preview | None) -> None:
        self.preview = preview

    def answered(self, timeout_s: float) -> bool:
        return True

    def result(self) -> Preview | None:
        return self.preview

    def stop(self) -> None:
        pass


def _bare_window(qtbot: Any, settings: Any) -> MainWindow:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _preview(path: Path, entity_id: str) -> Preview:
    kb = load_kb(path)
    entity = kb.entity(entity_id)
    assert entity is not None
    return Preview(str(path), entity.id, entity.name, card_parts(kb, entity))


def _plain(window: MainWindow) -> str:
    return window.card.toPlainText()


def test_the_first_card_is_drawn_then_the_file_opens_on_it(qtbot: Any, settings: Any) -> None:
    window = _bare_window(qtbot, settings)
    process = FirstCardProcess.start()
    assert process is not None and process.request(bundled_data(), "lei-jun", "en", Limits())
    FirstCard(window, process, bundled_data(), patience_ms=WINDOW_TIMEOUT_MS).start()  # a busy test machine: wait for the child
    qtbot.waitUntil(lambda: window.card.shows_card, timeout=WINDOW_TIMEOUT_MS)
    first = _plain(window)
    assert first.startswith("Lei Jun")
    qtbot.waitUntil(lambda: window.kb is not None and window.card.entity is not None, timeout=WINDOW_TIMEOUT_MS)
    assert window.card.entity is not None and window.card.entity.id == "lei-jun"
    assert _plain(window) == first  # the file's own card reads the same
    assert window.entity_pane.model.rowCount() == 9


def test_a_first_card_already_made_is_in_the_window_s_first_paint(qtbot: Any, settings: Any) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    FirstCard(window, _Answer(_preview(bundled_data(), "lei-jun")), bundled_data()).start()  # type: ignore[arg-type]
    assert window.card.shows_card and _plain(window).startswith("Lei Jun")  # before the window is shown
    window.show()
    qtbot.waitUntil(lambda: window.kb is not None and window.card.entity is not None, timeout=WINDOW_TIMEOUT_MS)
    assert window.card.entity is not None and window.card.entity.id == "lei-jun"


def test_a_link_followed_on_the_first_card_opens_once_the_file_is_loaded(qtbot: Any, settings: Any) -> None:
    window = _bare_window(qtbot, settings)
    FirstCard(window, _Answer(_preview(bundled_data(), "lei-jun")), bundled_data()).start()  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: window.card.shows_card, timeout=WINDOW_TIMEOUT_MS)
    window.card.entity_requested.emit("su7")  # a click on "SU7" in Lei Jun's relations
    qtbot.waitUntil(lambda: window.kb is not None and window.card.entity is not None, timeout=WINDOW_TIMEOUT_MS)
    assert window.card.entity is not None and window.card.entity.id == "su7"


def test_no_answer_opens_the_file_as_usual(qtbot: Any, settings: Any) -> None:
    window = _bare_window(qtbot, settings)
    FirstCard(window, _Answer(None), bundled_data()).start()  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: window.kb is not None and window.card.entity is not None, timeout=WINDOW_TIMEOUT_MS)
    assert window.card.entity is not None and window.card.entity.id == "xiaomi"


def test_a_file_found_invalid_by_its_load_takes_the_first_card_away(qtbot: Any, settings: Any, tmp_path: Path, write_kb: Any) -> None:
    path = write_kb()
    preview = _preview(path, minimal_kb()["entities"][0]["id"])
    broken = minimal_kb()
    broken["entities"][0]["misspelt"] = True
    path.write_text(json.dumps(broken), encoding="utf-8")  # changed between the child's load and the window's
    window = _bare_window(qtbot, settings)
    FirstCard(window, _Answer(preview), path).start()  # type: ignore[arg-type]
    qtbot.waitUntil(window.welcome.isVisible, timeout=WINDOW_TIMEOUT_MS)
    assert window.kb is None
    assert not window.card.shows_card and "misspelt" not in _plain(window)


@pytest.mark.parametrize("zoom", [0, 3])
def test_the_first_card_reads_as_the_entity_card(qtbot: Any, settings: Any, zoom: int) -> None:
    window = _bare_window(qtbot, settings)
    window.card.set_zoom(zoom)
    kb = load_kb(bundled_data())
    tesla = kb.entity("tesla")
    assert tesla is not None
    window.card.show_preview(card_parts(kb, tesla), tesla.name, tesla.id)
    previewed = _plain(window)
    window.card.show_card(kb, tesla)
    assert previewed == _plain(window)
    assert card_text(card_parts(kb, tesla)).splitlines()[0] in previewed


class _SlowAnswer(_Answer):
    """A child that answers only once `ready` is set (a busy machine)."""

    def __init__(self, preview: Preview | None) -> None:
        super().__init__(preview)
        self.ready = threading.Event()

    def answered(self, timeout_s: float) -> bool:
        return self.ready.wait(timeout_s)

    def result(self) -> Preview | None:
        self.ready.wait(WINDOW_TIMEOUT_MS / 1000)
        return self.preview


def test_a_slow_child_is_not_waited_for_and_its_card_comes_while_the_window_loads(
    qtbot: Any, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import evcards.kb.loader

    gate = threading.Event()  # holds the window's own load, so the child's card comes during it
    real = evcards.kb.loader.load
    monkeypatch.setattr(evcards.kb.loader, "load", lambda *a, **k: (gate.wait(WINDOW_TIMEOUT_MS / 1000), real(*a, **k))[1])
    window = _bare_window(qtbot, settings)
    child = _SlowAnswer(_preview(bundled_data(), "lei-jun"))
    FirstCard(window, child, bundled_data(), patience_ms=10).start()  # type: ignore[arg-type]
    qtbot.waitUntil(window.loader.is_busy, timeout=WINDOW_TIMEOUT_MS)  # not waiting for the child
    child.ready.set()
    qtbot.waitUntil(lambda: window.card.shows_card, timeout=WINDOW_TIMEOUT_MS)
    assert _plain(window).startswith("Lei Jun") and window.kb is None
    gate.set()
    qtbot.waitUntil(lambda: window.kb is not None and window.card.entity is not None, timeout=WINDOW_TIMEOUT_MS)
    assert window.card.entity is not None and window.card.entity.id == "lei-jun"


def test_a_child_slower_than_the_window_s_own_load_is_ignored(qtbot: Any, settings: Any) -> None:
    window = _bare_window(qtbot, settings)
    child = _SlowAnswer(_preview(bundled_data(), "lei-jun"))
    FirstCard(window, child, bundled_data(), patience_ms=10).start()  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: window.kb is not None and window.card.entity is not None, timeout=WINDOW_TIMEOUT_MS)
    child.ready.set()
    qtbot.wait(100)
    assert window.card.entity is not None and window.card.entity.id == "xiaomi"  # the file's own start entity stays


def test_a_first_card_coming_after_the_reader_opened_another_file_is_not_drawn(qtbot: Any, settings: Any, write_kb: Any) -> None:
    other = write_kb()
    window = _bare_window(qtbot, settings)
    child = _SlowAnswer(_preview(bundled_data(), "lei-jun"))
    FirstCard(window, child, bundled_data()).start()  # type: ignore[arg-type]
    window.open_file(other)  # dropped on the window before the first card came
    qtbot.waitUntil(lambda: window.kb is not None and window.card.entity is not None, timeout=WINDOW_TIMEOUT_MS)
    shown = window.card.entity.id
    child.ready.set()
    qtbot.wait(100)
    assert window.kb.path == other and window.card.entity is not None and window.card.entity.id == shown
