"""The search language in the filter field: results, errors under the field, history, help."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from evcards.gui.main_window import MainWindow
from tests.conftest import open_window
from tests.gui_helpers import click_entity, focus_widget, shown_ids

Key = Qt.Key


def type_query(qtbot: Any, window: MainWindow, text: str) -> None:
    field = window.entity_pane.filter_field
    field.setFocus()
    field.clear()
    qtbot.keyClicks(field, text)


def test_field_queries_list_the_right_entities(qtbot: Any, window: MainWindow) -> None:
    type_query(qtbot, window, '-kind:person "electric vehicle"')
    assert shown_ids(window) == ["xiaomi"]
    type_query(qtbot, window, "kind:product")
    assert shown_ids(window) == ["su7", "su7-max", "xiaomi-14"]
    type_query(qtbot, window, "kind:product has:approximate")
    assert shown_ids(window) == []
    assert window.entity_pane.empty_label.isVisible()


def test_a_query_that_does_not_parse_keeps_the_list_and_says_where(qtbot: Any, window: MainWindow) -> None:
    type_query(qtbot, window, "kind:product")
    error = window.entity_pane.query_error
    assert not error.isVisible()
    qtbot.keyClicks(window.entity_pane.filter_field, " (")
    assert error.isVisible() and "not closed" in error.text() and "character 14" in error.text()
    assert shown_ids(window) == ["su7", "su7-max", "xiaomi-14"]
    qtbot.keyClicks(window.entity_pane.filter_field, "su7 OR tesla)")
    assert not error.isVisible()
    assert shown_ids(window) == ["su7", "su7-max"]


def test_up_in_an_empty_field_recalls_queries_kept_in_settings(qtbot: Any, window: MainWindow, settings: Any) -> None:
    field = window.entity_pane.filter_field
    for query in ("kind:person", "su7"):
        type_query(qtbot, window, query)
        qtbot.keyClick(field, Key.Key_Return)
    assert settings.query_history[:2] == ["su7", "kind:person"]
    field.setFocus()
    field.clear()
    qtbot.keyClick(field, Key.Key_Up)
    assert field.text() == "su7" and focus_widget() is field
    qtbot.keyClick(field, Key.Key_Up)
    assert field.text() == "kind:person"
    assert shown_ids(window) == ["lei-jun", "steve-jobs"]
    qtbot.keyClick(field, Key.Key_Down)
    assert field.text() == "su7"
    qtbot.keyClick(field, Key.Key_Down)
    assert field.text() == ""
    qtbot.keyClicks(field, "lei")
    qtbot.keyClick(field, Key.Key_Down)  # not in the history: Down moves into the list, as before
    assert focus_widget() is window.entity_pane.list_view


def test_the_history_survives_a_restart(qtbot: Any, window: MainWindow, settings: Any) -> None:
    type_query(qtbot, window, "has:relations")
    qtbot.keyClick(window.entity_pane.filter_field, Key.Key_Return)
    window.close()
    again = open_window(qtbot, settings)
    field = again.entity_pane.filter_field
    field.setFocus()
    qtbot.keyClick(field, Key.Key_Up)
    assert field.text() == "has:relations"
    again.close()


def test_shift_f1_and_the_button_show_the_syntax(qtbot: Any, window: MainWindow) -> None:
    field = window.entity_pane.filter_field
    field.setFocus()
    qtbot.keyClick(field, Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    popup = QApplication.activePopupWidget()
    assert popup is not None and popup.objectName() == "query_help"
    text = popup.findChild(type(window.entity_pane.query_error)).text()
    for example in ("kind:person", "has:approximate", "date:2019..2021", "rel:founder_of", "OR"):
        assert example in text
    popup.close()
    qtbot.mouseClick(window.entity_pane.help_button, Qt.MouseButton.LeftButton)
    assert QApplication.activePopupWidget() is popup


def test_the_card_marks_a_field_query_s_words(qtbot: Any, window: MainWindow) -> None:
    click_entity(qtbot, window, "xiaomi")
    type_query(qtbot, window, '"electric vehicle" -kind:person')
    marked = [s.cursor.selectedText().lower() for s in window.card.extraSelections()]
    assert marked and all(text == "electric vehicle" for text in marked)
