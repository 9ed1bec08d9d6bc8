"""The filter keeps the reader's place: what the card shows, what it marks, the window's title."""

from __future__ import annotations

import json
from typing import Any

import pytest
from PySide6.QtCore import Qt

from evcards.gui.main_window import MainWindow
from evcards.search.folding import fold_for_search
from tests.conftest import WINDOW_TIMEOUT_MS, KbWriter, minimal_kb, open_window
from tests.gui_helpers import click_entity, marked_texts, shown_card_id, shown_ids

Key = Qt.Key
KB_TITLE = "Xiaomi's move into electric vehicles"


def type_query(qtbot: Any, window: MainWindow, text: str) -> None:
    qtbot.keyClick(window, Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.entity_pane.filter_field, text)


def mark_is_in_view(window: MainWindow, index: int) -> bool:
    selection = window.card.extraSelections()[index]
    return window.card.viewport().rect().contains(window.card.cursorRect(selection.cursor))


def test_the_title_begins_with_the_entity_on_the_card(qtbot: Any, window: MainWindow) -> None:
    click_entity(qtbot, window, "lei-jun")
    assert window.windowTitle() == f"Lei Jun — {KB_TITLE} — evcards"
    click_entity(qtbot, window, "su7-max")
    assert window.windowTitle() == f"SU7 Max — {KB_TITLE} — evcards"


def test_without_a_card_the_title_is_the_knowledge_base(qtbot: Any, window: MainWindow, write_kb: KbWriter) -> None:
    path = write_kb(minimal_kb(entities=[]))
    window.open_file(path)
    qtbot.waitUntil(lambda: window.kb is not None and window.kb.path == path.resolve(), timeout=WINDOW_TIMEOUT_MS)
    assert window.card.entity is None and window.windowTitle() == "Test KB — evcards"


def test_picking_a_match_marks_what_matched_and_scrolls_to_the_first_matching_claim(qtbot: Any, window: MainWindow) -> None:
    click_entity(qtbot, window, "lei-jun")
    type_query(qtbot, window, "CAPACITY")  # in two of Xiaomi's 17 claims
    assert shown_card_id(window) == "lei-jun" and marked_texts(window) == []  # nothing matched on Lei Jun's card
    qtbot.keyClick(window.entity_pane.filter_field, Key.Key_Return)
    assert shown_card_id(window) == "xiaomi"
    marks = marked_texts(window)
    assert len(marks) >= 2 and all(fold_for_search(mark) == "capacity" for mark in marks)
    assert window.card.verticalScrollBar().value() > 0
    assert mark_is_in_view(window, 0)
    assert "Claims (17)" not in window.card.cursorForPosition(window.card.viewport().rect().topLeft()).block().text()


def test_names_aliases_and_statements_are_marked_as_the_filter_folds_them(qtbot: Any, window: MainWindow) -> None:
    click_entity(qtbot, window, "china")
    type_query(qtbot, window, "LËI")
    qtbot.keyClick(window.entity_pane.filter_field, Key.Key_Down)
    assert shown_card_id(window) == "lei-jun"
    marks = marked_texts(window)
    assert set(marks) == {"Lei", "雷军"}  # 雷军 by its pinyin, "lei jun"
    # the title, the alias, and each of the nine statements; quotes too ("Lei Jun", "Lei’s vision…")
    assert len(marks) >= 2 + 9
    assert window.card.extraSelections()[0].cursor.block().text().startswith("Lei Jun")  # the title first
    assert mark_is_in_view(window, 0)


def test_the_marks_follow_the_filter_and_survive_a_new_zoom(qtbot: Any, window: MainWindow) -> None:
    click_entity(qtbot, window, "china")
    type_query(qtbot, window, "8 million")
    assert window.entity_pane.current_entity_id() == "china"  # still matches: still current
    assert marked_texts(window) == ["8 million", "8 million"]  # statement and quote, as the reader types
    qtbot.keyClick(window, Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)  # zoom in: the card is written again
    assert marked_texts(window) == ["8 million", "8 million"]
    qtbot.keyClick(window.entity_pane.filter_field, Key.Key_Escape)
    assert marked_texts(window) == [] and shown_card_id(window) == "china"


@pytest.mark.parametrize("query", ["zzqx", "lei"])  # no match; matches in both files
def test_opening_a_file_clears_the_filter_and_the_card_and_count_agree(
    qtbot: Any, window: MainWindow, write_kb: KbWriter, query: str
) -> None:
    click_entity(qtbot, window, "tesla")
    type_query(qtbot, window, query)
    path = write_kb()
    window.open_file(path)
    qtbot.waitUntil(lambda: window.kb is not None and window.kb.path == path.resolve(), timeout=WINDOW_TIMEOUT_MS)
    pane = window.entity_pane
    assert pane.filter_field.text() == "" and shown_ids(window) == ["lei-jun", "xiaomi"]
    assert window.status.count_label.text() == "2 of 2 entities"
    assert window.card.knowledge_base is window.kb  # nothing of the previous file on the card
    assert shown_card_id(window) == pane.current_entity_id() is not None
    assert window.windowTitle() == f"{window.card.entity.name} — Test KB — evcards"  # type: ignore[union-attr]
    assert not window.filter_note.isVisible() and marked_texts(window) == []


def test_a_reload_keeps_the_query_and_the_card_it_hides(qtbot: Any, settings: Any, write_kb: KbWriter) -> None:
    path = write_kb()
    window = open_window(qtbot, settings, path)
    click_entity(qtbot, window, "xiaomi")
    type_query(qtbot, window, "lei")  # lists Lei Jun, not Xiaomi
    history = (window.history.entries, window.history.position)
    data = minimal_kb(title="Changed")
    data["entities"][0]["summary"] = "A company, as the new version says."
    path.write_text(json.dumps(data), encoding="utf-8")  # the window notices the change
    qtbot.waitUntil(lambda: window.kb is not None and window.kb.data.title == "Changed", timeout=WINDOW_TIMEOUT_MS)
    assert window.entity_pane.filter_field.text() == "lei" and shown_ids(window) == ["lei-jun"]
    assert shown_card_id(window) == "xiaomi" and "as the new version says" in window.card.toPlainText()
    assert window.entity_pane.current_entity_id() is None and window.filter_note.isVisible()
    assert (window.history.entries, window.history.position) == history
    qtbot.keyClick(window.entity_pane.filter_field, Key.Key_Escape)
    assert window.entity_pane.current_entity_id() == "xiaomi"


def test_marks_are_placed_in_qt_units_after_characters_beyond_the_bmp(qtbot: Any, settings: Any, write_kb: KbWriter) -> None:
    data = minimal_kb()
    data["entities"][1]["name"] = "Lei Jun 𠮷𠮷"  # each takes two UTF-16 units in Qt's text
    data["entities"][1]["claims"][0]["statement"] = "𝔸𝔹 founded Xiaomi."
    window = open_window(qtbot, settings, write_kb(data))
    click_entity(qtbot, window, "xiaomi")
    type_query(qtbot, window, "founded xiaomi")
    qtbot.keyClick(window.entity_pane.filter_field, Key.Key_Return)
    assert shown_card_id(window) == "lei-jun"
    assert marked_texts(window) == ["founded Xiaomi", "founded Xiaomi"]  # statement and quote


def test_enter_opens_the_first_match_even_while_the_card_still_matches(qtbot: Any, window: MainWindow) -> None:
    click_entity(qtbot, window, "xiaomi")
    type_query(qtbot, window, "su7")  # Xiaomi's claims name the SU7: it stays current, below the SU7s
    assert window.entity_pane.current_entity_id() == "xiaomi" and shown_ids(window)[0] == "su7"
    assert window.entity_pane.list_view.selectionModel().isRowSelected(shown_ids(window).index("xiaomi"))
    qtbot.keyClick(window.entity_pane.filter_field, Key.Key_Return)
    assert shown_card_id(window) == "su7" and window.entity_pane.current_entity_id() == "su7"
    assert window.windowTitle() == f"SU7 — {KB_TITLE} — evcards"


def test_enter_on_the_cards_own_best_match_scrolls_to_what_matched(qtbot: Any, window: MainWindow) -> None:
    click_entity(qtbot, window, "xiaomi")
    type_query(qtbot, window, "capacity")  # Xiaomi only: its row stays current, the card at its top
    assert window.entity_pane.current_entity_id() == "xiaomi" and window.card.verticalScrollBar().value() == 0
    qtbot.keyClick(window.entity_pane.filter_field, Key.Key_Return)
    assert shown_card_id(window) == "xiaomi" and window.card.verticalScrollBar().value() > 0
    assert mark_is_in_view(window, 0)


def test_a_name_found_by_its_pinyin_is_marked(qtbot: Any, window: MainWindow) -> None:
    click_entity(qtbot, window, "china")
    type_query(qtbot, window, "leijun")
    qtbot.keyClick(window.entity_pane.filter_field, Key.Key_Return)
    assert shown_card_id(window) == "lei-jun"
    assert "雷军" in marked_texts(window)
