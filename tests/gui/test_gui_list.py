"""The entity list and its filter, driven with keys and clicks."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from evcards.gui.main_window import MainWindow
from evcards.resources import bundled_data
from evcards.search.entity_filter import fold_for_search
from tests.conftest import KbWriter, minimal_kb, open_window
from tests.gui_helpers import click_entity, focus_widget, row_texts, shown_card_id, shown_ids, type_text


def type_filter(qtbot: Any, window: MainWindow, text: str) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert focus_widget() is window.entity_pane.filter_field
    type_text(qtbot, window.entity_pane.filter_field, text)


def test_list_shows_every_entity_sorted_by_name(window: MainWindow) -> None:
    assert window.kb is not None
    ids = shown_ids(window)
    assert sorted(ids) == sorted(e.id for e in window.kb.entities)
    names = [window.kb.entity(i).name for i in ids]  # type: ignore[union-attr]
    assert names == sorted(names, key=fold_for_search)
    assert window.status.count_label.text() == f"{len(ids)} of {len(ids)} entities"
    assert window.status.file_label.text() == str(bundled_data().resolve())
    assert window.entity_pane.list_view.isVisible() and not window.entity_pane.empty_label.isVisible()


@pytest.mark.parametrize("query", ["lei", "雷", "LËI", "Lei J", "  lei  ", "雷军", "leijun", "lei jun", "Léi Jūn", "ＬＥＩ"])
def test_typing_a_name_lists_the_match_first_and_enter_shows_its_card(qtbot: Any, window: MainWindow, query: str) -> None:
    click_entity(qtbot, window, "apple")
    type_filter(qtbot, window, query)
    assert window.entity_pane.filter_field.text() == query
    assert shown_ids(window)[0] == "lei-jun"
    assert shown_card_id(window) == "apple"  # typing does not move the card
    assert focus_widget() is window.entity_pane.filter_field  # typing goes on in the field
    qtbot.keyClick(window.entity_pane.filter_field, Qt.Key.Key_Return)  # no row is current: Enter picks the first match
    assert window.entity_pane.current_entity_id() == "lei-jun"
    assert shown_card_id(window) == "lei-jun"
    assert "Lei Jun" in window.card.toPlainText()


@pytest.mark.parametrize(
    ("query", "entity_id"), [("lazaro bruzon", "bruzon"), ("2018-19", "season"), ("xiaomi", "xiaomi"), ("zengguofan", "zeng")]
)
def test_typing_what_readers_type_finds_what_is_written(qtbot: Any, settings: Any, write_kb: KbWriter, query: str, entity_id: str) -> None:
    data = minimal_kb()
    data["entities"][0].update(name="小米", native_name=None)
    data["entities"] += [
        {"id": "bruzon", "name": "Lázaro Bruzón", "kind": "person", "claims": []},
        {"id": "season", "name": "2018–19 season", "kind": "event", "claims": []},
        {"id": "zeng", "name": "曾国藩", "kind": "person", "claims": []},
    ]
    window = open_window(qtbot, settings, write_kb(data))
    click_entity(qtbot, window, "season" if entity_id == "bruzon" else "bruzon")  # on an entity the query does not match
    type_filter(qtbot, window, query)
    assert shown_ids(window)[0] == entity_id  # a name match first; "xiaomi" is also in a claim of Lei Jun's
    qtbot.keyClick(window.entity_pane.filter_field, Qt.Key.Key_Down)
    assert shown_card_id(window) == entity_id


def test_typing_never_moves_the_card_and_keeps_its_row_current_while_it_matches(qtbot: Any, window: MainWindow) -> None:
    click_entity(qtbot, window, "su7")
    history = (window.history.entries, window.history.position)
    qtbot.keyClick(window, Qt.Key.Key_Slash)
    for typed in ("s", "su", "su7", "su7 ", "su7 m"):
        qtbot.keyClick(window.entity_pane.filter_field, typed[-1])
        assert shown_card_id(window) == "su7", typed
        listed = "su7" in shown_ids(window)
        assert window.entity_pane.current_entity_id() == ("su7" if listed else None), typed
    assert window.entity_pane.filter_field.text() == "su7 m"  # "/" focused the field, it typed nothing
    assert shown_ids(window)[0] == "su7-max"
    assert (window.history.entries, window.history.position) == history  # filtering is not a visit


@pytest.mark.parametrize("query", ["battery", "product"])  # no match at all; matches, not Lei Jun
def test_a_query_that_hides_the_card_leaves_it_with_a_note(qtbot: Any, window: MainWindow, query: str) -> None:
    click_entity(qtbot, window, "lei-jun")
    title = window.windowTitle()
    type_filter(qtbot, window, query)
    assert "lei-jun" not in shown_ids(window)
    assert shown_card_id(window) == "lei-jun" and window.windowTitle() == title
    assert window.entity_pane.current_entity_id() is None  # no row stands for the card
    assert window.filter_note.isVisible()
    assert "Lei Jun is not in the list" in window.filter_note.text() and f"“{query}”" in window.filter_note.text()
    if not shown_ids(window):
        return
    qtbot.keyClick(window.entity_pane.filter_field, Qt.Key.Key_Down)  # the reader moves: the first match
    first = shown_ids(window)[0]
    assert shown_card_id(window) == first == window.entity_pane.current_entity_id()
    assert not window.filter_note.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert shown_card_id(window) == "lei-jun"  # one visit back: the query left no entry of its own


def test_tabbing_into_a_list_that_hides_the_card_picks_nothing(qtbot: Any, window: MainWindow) -> None:
    click_entity(qtbot, window, "lei-jun")
    type_filter(qtbot, window, "product")
    qtbot.keyClick(window.entity_pane.filter_field, Qt.Key.Key_Tab)
    assert focus_widget() is window.entity_pane.list_view
    assert shown_card_id(window) == "lei-jun" and window.entity_pane.current_entity_id() is None
    qtbot.keyClick(window.entity_pane.list_view, Qt.Key.Key_Down)
    assert shown_card_id(window) == shown_ids(window)[0]


def test_kind_filter(qtbot: Any, window: MainWindow) -> None:
    assert window.kb is not None
    type_filter(qtbot, window, "product")
    products = {e.id for e in window.kb.entities if e.kind == "product"}
    assert products == {"su7", "su7-max", "xiaomi-14"}
    assert set(shown_ids(window)) >= products
    assert window.status.count_label.text() == f"{len(shown_ids(window))} of {len(window.kb.entities)} entities"


def test_claim_text_filter(qtbot: Any, window: MainWindow) -> None:
    type_filter(qtbot, window, "8 MILLION vehicles")
    assert shown_ids(window) == ["china"]
    assert window.status.count_label.text() == "1 of 9 entities"
    qtbot.keyClick(window.entity_pane.filter_field, Qt.Key.Key_Enter)
    assert shown_card_id(window) == "china"


def test_alias_filter(qtbot: Any, window: MainWindow) -> None:
    type_filter(qtbot, window, "xiaomi su7")  # an alias of the SU7
    assert shown_ids(window)[0] == "su7"


def test_no_match_says_so_and_escape_returns_to_the_entity_before_typing(qtbot: Any, window: MainWindow) -> None:
    click_entity(qtbot, window, "tesla")
    title, card = window.windowTitle(), window.card.toPlainText()
    type_filter(qtbot, window, "zzqx")
    pane = window.entity_pane
    assert pane.empty_label.isVisible() and not pane.list_view.isVisible()
    assert pane.empty_label.text() == "No entity matches “zzqx”."
    assert window.status.count_label.text() == "0 of 9 entities"
    assert window.windowTitle() == title and title.startswith("Tesla — ")
    assert shown_card_id(window) == "tesla" and window.card.toPlainText() == card  # where the reader was
    assert window.filter_note.isVisible() and "Tesla" in window.filter_note.text()
    qtbot.keyClick(pane.filter_field, Qt.Key.Key_Backspace)
    qtbot.keyClick(pane.filter_field, Qt.Key.Key_Backspace)
    qtbot.keyClick(pane.filter_field, Qt.Key.Key_Backspace)
    assert pane.filter_field.text() == "z"
    assert pane.list_view.isVisible() and not pane.empty_label.isVisible()
    qtbot.keyClick(pane.filter_field, Qt.Key.Key_Escape)
    assert pane.filter_field.text() == "" and window.status.count_label.text() == "9 of 9 entities"
    assert pane.current_entity_id() == "tesla" and shown_card_id(window) == "tesla"
    view = pane.list_view
    assert view.viewport().rect().contains(view.visualRect(view.currentIndex()))  # in view
    assert not window.filter_note.isVisible() and focus_widget() is view


def test_the_note_offers_to_show_every_entity(qtbot: Any, window: MainWindow) -> None:
    click_entity(qtbot, window, "tesla")
    type_filter(qtbot, window, "zzqx")
    window.filter_note.linkActivated.emit("evcards:clear-filter")  # as a click on "Show all entities"
    assert window.entity_pane.filter_field.text() == "" and window.entity_pane.current_entity_id() == "tesla"
    assert not window.filter_note.isVisible()


def test_clicking_a_row_selects_it(qtbot: Any, window: MainWindow) -> None:
    click_entity(qtbot, window, "tesla")
    assert window.entity_pane.current_entity_id() == "tesla"
    assert shown_card_id(window) == "tesla"
    click_entity(qtbot, window, "lei-jun")
    assert shown_card_id(window) == "lei-jun"


def test_clearing_the_filter_keeps_the_entity_picked_from_it(qtbot: Any, window: MainWindow) -> None:
    type_filter(qtbot, window, "steve")
    qtbot.keyClick(window.entity_pane.filter_field, Qt.Key.Key_Return)
    assert shown_card_id(window) == "steve-jobs"
    window.entity_pane.filter_field.setFocus()
    qtbot.keyClick(window.entity_pane.filter_field, Qt.Key.Key_Escape)
    assert len(shown_ids(window)) == 9
    assert window.entity_pane.current_entity_id() == "steve-jobs"
    assert shown_card_id(window) == "steve-jobs"
    qtbot.keyClick(window.entity_pane.list_view, Qt.Key.Key_Down)  # moves on from Steve Jobs, not from the top
    assert window.entity_pane.current_entity_id() == shown_ids(window)[shown_ids(window).index("steve-jobs") + 1]


def test_a_list_row_is_drawn_with_name_native_name_kind_and_claim_count(window: MainWindow) -> None:
    claims = len(window.kb.entity("lei-jun").claims)  # type: ignore[union-attr]
    assert row_texts(window, "lei-jun") == ["Lei Jun  雷军", f"Person · {claims} claims"]
