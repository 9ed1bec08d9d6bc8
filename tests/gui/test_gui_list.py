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
def test_typing_a_name_selects_the_match_and_shows_its_card(qtbot: Any, window: MainWindow, query: str) -> None:
    type_filter(qtbot, window, query)
    assert window.entity_pane.filter_field.text() == query
    assert shown_ids(window)[0] == "lei-jun"
    assert window.entity_pane.current_entity_id() == "lei-jun"
    assert shown_card_id(window) == "lei-jun"
    assert "Lei Jun" in window.card.toPlainText()
    assert focus_widget() is window.entity_pane.filter_field  # typing goes on in the field


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
    type_filter(qtbot, window, query)
    assert shown_ids(window)[0] == entity_id  # a name match first; "xiaomi" is also in a claim of Lei Jun's
    assert shown_card_id(window) == entity_id


def test_the_first_match_is_selected_at_every_keystroke(qtbot: Any, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Slash)
    for typed in ("s", "su", "su7", "su7 ", "su7 m"):
        qtbot.keyClick(window.entity_pane.filter_field, typed[-1])
        first = shown_ids(window)[0]
        assert window.entity_pane.current_entity_id() == first, typed
        assert shown_card_id(window) == first, typed
    assert window.entity_pane.filter_field.text() == "su7 m"  # "/" focused the field, it typed nothing
    assert shown_ids(window)[0] == "su7-max"


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
    assert shown_card_id(window) == "china"
    assert window.status.count_label.text() == "1 of 9 entities"


def test_alias_filter(qtbot: Any, window: MainWindow) -> None:
    type_filter(qtbot, window, "xiaomi su7")  # an alias of the SU7
    assert shown_ids(window)[0] == "su7"


def test_no_match_says_so_in_the_list_area(qtbot: Any, window: MainWindow) -> None:
    type_filter(qtbot, window, "zzqx")
    pane = window.entity_pane
    assert pane.empty_label.isVisible() and not pane.list_view.isVisible()
    assert "No entity matches" in pane.empty_label.text() and "zzqx" in pane.empty_label.text()
    assert window.status.count_label.text() == "0 of 9 entities"
    qtbot.keyClick(pane.filter_field, Qt.Key.Key_Backspace)
    qtbot.keyClick(pane.filter_field, Qt.Key.Key_Backspace)
    qtbot.keyClick(pane.filter_field, Qt.Key.Key_Backspace)
    assert pane.filter_field.text() == "z"
    assert pane.list_view.isVisible() and not pane.empty_label.isVisible()
    qtbot.keyClick(pane.filter_field, Qt.Key.Key_Escape)
    assert pane.filter_field.text() == "" and window.status.count_label.text() == "9 of 9 entities"


def test_clicking_a_row_selects_it(qtbot: Any, window: MainWindow) -> None:
    click_entity(qtbot, window, "tesla")
    assert window.entity_pane.current_entity_id() == "tesla"
    assert shown_card_id(window) == "tesla"
    click_entity(qtbot, window, "lei-jun")
    assert shown_card_id(window) == "lei-jun"


def test_clearing_the_filter_keeps_the_selected_entity(qtbot: Any, window: MainWindow) -> None:
    type_filter(qtbot, window, "steve")
    assert shown_card_id(window) == "steve-jobs"
    qtbot.keyClick(window.entity_pane.filter_field, Qt.Key.Key_Escape)
    assert len(shown_ids(window)) == 9
    assert window.entity_pane.current_entity_id() == "steve-jobs"
    assert shown_card_id(window) == "steve-jobs"
    qtbot.keyClick(window.entity_pane.list_view, Qt.Key.Key_Down)  # moves on from Steve Jobs, not from the top
    assert window.entity_pane.current_entity_id() == shown_ids(window)[shown_ids(window).index("steve-jobs") + 1]


def test_a_list_row_is_drawn_with_name_native_name_kind_and_claim_count(window: MainWindow) -> None:
    claims = len(window.kb.entity("lei-jun").claims)  # type: ignore[union-attr]
    assert row_texts(window, "lei-jun") == ["Lei Jun  雷军", f"Person · {claims} claims"]
