"""A Russian reader types е for ё (most Russian text does): "ежик" finds "Ёжик в тумане" in the
list, marks it on the card and finds it in the source text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from tests.conftest import minimal_kb, open_window
from tests.gui_helpers import marked_texts, shown_ids, type_text

SOURCE = "«Ёжик в тумане» — мультфильм Юрия Норштейна. Ёжик идёт в гости к Медвежонку.\n"


def test_typing_e_for_yo_finds_lists_and_marks_the_hedgehog(qtbot: Any, settings: Any, write_kb: Any) -> None:
    data = minimal_kb()
    hedgehog = data["entities"][0]
    hedgehog["name"] = "Ёжик в тумане"
    hedgehog["claims"] = [{"statement": "Мультфильм Норштейна.", "quote": "Ёжик в тумане", "source": "article"}]
    window = open_window(qtbot, settings, write_kb(data, source_text=SOURCE))
    type_text(qtbot, window.entity_pane.filter_field, "ежик")
    qtbot.waitUntil(window.entity_pane.search_done)
    assert shown_ids(window) == ["xiaomi"]
    qtbot.waitUntil(lambda: "Ёжик" in marked_texts(window))
    window.show_in_source("xiaomi", 0)
    pane = window.source_view
    assert pane is not None
    qtbot.waitUntil(pane.isVisible)
    pane.open_find()
    type_text(qtbot, pane.find_bar.field, "ежик")
    assert pane.match_count() == 2  # both «Ёжик»s of the source text
    qtbot.keyClick(pane.find_bar.field, Qt.Key.Key_Escape)
