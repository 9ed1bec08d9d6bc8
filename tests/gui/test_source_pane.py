"""The source pane beside the card: non-modal, the card's quotes lit, stepping, find, citation."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel

from evcards.card.basics import source_link
from tests.conftest import KbWriter, open_window
from tests.gui_helpers import click_entity, click_link

ARTICLE = (
    "Emoji first: 😀🚗 and 👍🏽, then 𠀀 (CJK Ext B).\r\n"
    "Lei Jun founded Xiaomi in 2010. The SU7 🚙 launch was in Beijing.\n\n"
    "Later, the company’s founder said Xiaomi would build cars. XIAOMI grew fast; Xiaomi’s fans cheered.\n"
)
OTHER = "A second source, about Tesla. Tesla makes cars.\n"
QUOTES_IN_TEXT_ORDER = ["Lei Jun founded Xiaomi", "SU7 🚙 launch", "the company’s founder said Xiaomi would build cars"]


def _kb() -> dict[str, Any]:
    def evidence(quote: str, source: str = "article") -> dict[str, Any]:
        return {"source": source, "quote": quote}

    return {
        "format": 2,
        "title": "Pane KB",
        "sources": [
            {
                "id": "article",
                "title": "Xiaomi’s road to cars",
                "text": ARTICLE,
                "author": "Ann Writer",
                "publisher": "Car Weekly",
                "published": "2024-03-28",
                "accessed": "2024-05-01",
                "url": "https://example.com/xiaomi/cars",
                "language": "en",
            },
            {"id": "other", "title": "Tesla notes", "text": OTHER, "url": "javascript:alert(1)"},
        ],
        "entities": [
            {
                "id": "xiaomi",
                "name": "Xiaomi",
                "kind": "organization",
                "claims": [  # card order differs from text order
                    {"statement": "It will build cars.", "evidence": [evidence(QUOTES_IN_TEXT_ORDER[2])]},
                    {
                        "statement": "Founded by Lei Jun.",
                        "evidence": [evidence(QUOTES_IN_TEXT_ORDER[0]), evidence("Tesla makes cars", "other")],
                    },
                    {"statement": "Launched the SU7.", "evidence": [evidence(QUOTES_IN_TEXT_ORDER[1])]},
                    {"statement": "Not in the text.", "evidence": [evidence("a sentence nobody wrote")]},
                ],
            },
            {
                "id": "tesla",
                "name": "Tesla",
                "kind": "organization",
                "claims": [{"statement": "Makes cars.", "evidence": [evidence("Tesla makes cars", "other")]}],
            },
            {
                "id": "lei-jun",
                "name": "Lei Jun",
                "kind": "person",
                "claims": [{"statement": "Founded Xiaomi.", "evidence": [evidence("Lei Jun founded Xiaomi")]}],
            },
            {"id": "nobody", "name": "Nobody", "kind": "person", "claims": [{"statement": "Unsourced."}]},
        ],
    }


def _open(qtbot: Any, settings: Any, write_kb: KbWriter) -> Any:
    window = open_window(qtbot, settings, write_kb(_kb(), source_text=None))
    click_entity(qtbot, window, "xiaomi")
    return window


def test_a_card_link_opens_the_pane_beside_the_card_without_blocking(qtbot: Any, settings: Any, write_kb: KbWriter) -> None:
    window = _open(qtbot, settings, write_kb)
    assert window.source_dock.isHidden()
    click_link(qtbot, window.card, source_link("xiaomi", 2))
    pane = window.source_view
    qtbot.waitUntil(lambda: pane is not None and pane.isVisible())
    assert QApplication.activeModalWidget() is None
    assert window.action_registry["source_pane"].isChecked()
    # every quote of the card from this source, in text order, exactly as the text has them (after emoji, CJK Ext B, CR LF)
    assert pane.highlighted_quotes() == QUOTES_IN_TEXT_ORDER
    assert pane.highlighted_text() == "SU7 🚙 launch"
    assert pane.position_label.text().startswith("Quote 2 of 3")
    # the reader keeps reading the card: a click in the card and one in the text leave the highlights
    click_entity(qtbot, window, "xiaomi")
    qtbot.mouseClick(pane.text.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert window.card.entity is not None and window.card.entity.id == "xiaomi"
    assert pane.highlighted_quotes() == QUOTES_IN_TEXT_ORDER and pane.highlighted_text() == "SU7 🚙 launch"
    assert len(pane.text.extraSelections()) == 3
    window.close()


def test_f3_and_shift_f3_step_through_the_quotes_in_text_order(qtbot: Any, settings: Any, write_kb: KbWriter) -> None:
    window = _open(qtbot, settings, write_kb)
    window.card.setFocus()
    qtbot.keyClick(window.card, Qt.Key.Key_F3)  # a hidden pane opens on the card's first quote (card order)
    pane = window.source_view
    assert pane is not None and pane.isVisible()
    assert pane.highlighted_text() == QUOTES_IN_TEXT_ORDER[2]
    seen = []
    for _ in range(3):
        qtbot.keyClick(window.card, Qt.Key.Key_F3)
        seen.append(pane.highlighted_text())
    assert seen == [QUOTES_IN_TEXT_ORDER[0], QUOTES_IN_TEXT_ORDER[1], QUOTES_IN_TEXT_ORDER[2]]  # wraps round
    qtbot.keyClick(window.card, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert pane.highlighted_text() == QUOTES_IN_TEXT_ORDER[1]
    qtbot.mouseClick(pane.previous_button, Qt.MouseButton.LeftButton)
    assert pane.highlighted_text() == QUOTES_IN_TEXT_ORDER[0]
    # the current quote is scrolled into view
    cursor = pane.text.textCursor()
    assert pane.text.viewport().rect().intersects(pane.text.cursorRect(cursor))
    window.close()


def test_find_counts_folded_matches_steps_and_closes_with_esc(qtbot: Any, settings: Any, write_kb: KbWriter) -> None:
    window = _open(qtbot, settings, write_kb)
    window.show_in_source("xiaomi", 1)
    pane = window.source_view
    assert pane is not None
    pane.text.setFocus()
    qtbot.keyClick(pane.text, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    field = pane.find_bar.field
    assert pane.find_bar.isVisible() and field.hasFocus()
    assert window.entity_pane.filter_field.text() == ""  # Ctrl+F here did not go to the entity filter
    qtbot.keyClicks(field, "xiaomi")
    assert pane.match_count() == 4  # Xiaomi, Xiaomi, XIAOMI, Xiaomi’s: case-insensitive
    count = pane.find_bar.count_label
    assert count.text() == "1 of 4"  # the first after the current quote ("Lei Jun founded Xiaomi")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert count.text() == "2 of 4"
    qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert count.text() == "4 of 4"
    field.clear()
    qtbot.keyClicks(field, "companys")  # no match: the apostrophe is a letter of the text
    assert pane.match_count() == 0 and count.text() == "No match"
    field.clear()
    qtbot.keyClicks(field, "company's founder")  # a straight apostrophe finds the curly one
    assert pane.match_count() == 1
    assert len(pane.text.extraSelections()) == 3 + 1
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert not pane.find_bar.isVisible() and pane.match_count() == 0
    assert len(pane.text.extraSelections()) == 3  # the quotes stay lit
    assert pane.highlighted_text() == QUOTES_IN_TEXT_ORDER[0]
    assert pane.text.hasFocus()
    window.card.setFocus()  # outside the pane, Ctrl+F is the window's: the entity filter
    qtbot.keyClick(window.card, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.entity_pane.filter_field.hasFocus() and not pane.find_bar.isVisible()
    pane.next_button.setFocus()  # anywhere inside the pane, it is the pane's
    qtbot.keyClick(pane.next_button, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert pane.find_bar.isVisible() and field.hasFocus()
    window.close()


def test_the_citation_names_the_source_and_links_only_web_urls(qtbot: Any, settings: Any, write_kb: KbWriter, monkeypatch: Any) -> None:
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    window = _open(qtbot, settings, write_kb)
    window.show_in_source("xiaomi", 0)
    pane = window.source_view
    assert pane is not None
    heading = pane.heading
    text = heading.text()
    for part in ("Xiaomi’s road to cars", "Ann Writer", "Car Weekly", "published 2024-03-28", "accessed 2024-05-01"):
        assert part in text, part
    assert '<a href="https://example.com/xiaomi/cars">' in text and heading.url == "https://example.com/xiaomi/cars"
    heading.linkActivated.emit("https://example.com/xiaomi/cars")
    assert opened == ["https://example.com/xiaomi/cars"]
    window.show_in_source("xiaomi", 1, 1)  # the other source: its javascript: URL is text, not a link
    assert pane.source_title() == "Tesla notes"
    assert "<a " not in heading.text() and "javascript:alert(1)" in heading.text() and heading.url is None
    heading.linkActivated.emit("javascript:alert(1)")
    assert opened == ["https://example.com/xiaomi/cars"]
    window.close()


def test_the_pane_follows_the_card(qtbot: Any, settings: Any, write_kb: KbWriter) -> None:
    window = _open(qtbot, settings, write_kb)
    window.show_in_source("xiaomi", 1, 1)  # Tesla notes
    pane = window.source_view
    assert pane is not None and pane.source_title() == "Tesla notes"
    click_entity(qtbot, window, "tesla")  # quotes the same source: kept
    assert pane.source_title() == "Tesla notes" and pane.highlighted_quotes() == ["Tesla makes cars"]
    click_entity(qtbot, window, "lei-jun")  # does not: its own first source
    assert pane.source_title() == "Xiaomi’s road to cars" and pane.highlighted_text() == "Lei Jun founded Xiaomi"
    click_entity(qtbot, window, "nobody")
    empty = pane.findChild(QLabel, "source_empty")
    assert empty is not None and empty.isVisible() and empty.text() == "The card of Nobody quotes no source."
    window.close()


def test_the_quote_not_found_says_so_and_lights_the_others(qtbot: Any, settings: Any, write_kb: KbWriter) -> None:
    window = _open(qtbot, settings, write_kb)
    window.show_in_source("xiaomi", 3)  # the card has no link for it; a caller may still ask
    pane = window.source_view
    assert pane is not None and pane.isVisible()
    assert pane.highlighted_text() == "" and pane.highlighted_quotes() == QUOTES_IN_TEXT_ORDER
    assert "not found" in pane.position_label.text()
    window.close()


def test_the_text_has_no_caret_is_selectable_and_keeps_a_measure(qtbot: Any, settings: Any, write_kb: KbWriter) -> None:
    window = _open(qtbot, settings, write_kb)
    window.resize(2400, 900)
    window.show_in_source("xiaomi", 0)
    window.resizeDocks([window.source_dock], [1600], Qt.Orientation.Horizontal)
    pane = window.source_view
    assert pane is not None
    text = pane.text
    qtbot.waitUntil(lambda: text.width() > 1200)
    flags = text.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse and not flags & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert text.isReadOnly() and text.lineWrapMode() == text.LineWrapMode.WidgetWidth
    column = text.viewport().width()
    assert column <= text.measure() + 2 and column < text.width() - 200  # centred: margins on both sides
    assert text.viewport().x() > 100
    assert text.fontMetrics().averageCharWidth() * 70 < column < text.fontMetrics().averageCharWidth() * 95
    window.close()


def test_the_pane_and_its_size_are_remembered(qtbot: Any, settings: Any, write_kb: KbWriter) -> None:
    path = write_kb(_kb(), source_text=None)
    window = open_window(qtbot, settings, path)
    click_entity(qtbot, window, "lei-jun")
    window.action_registry["source_pane"].trigger()
    assert not window.source_dock.isHidden()
    window.resizeDocks([window.source_dock], [430], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: abs(window.source_dock.width() - 430) <= 2)
    window.close()
    again = open_window(qtbot, settings, path)
    assert not again.source_dock.isHidden() and again.action_registry["source_pane"].isChecked()
    qtbot.waitUntil(lambda: again.source_view is not None and again.source_view.highlighted_text() == "Lei Jun founded Xiaomi")
    assert abs(again.source_dock.width() - 430) <= 2
    again.action_registry["source_pane"].trigger()  # hidden, and remembered hidden
    assert again.source_dock.isHidden()
    again.close()
    third = open_window(qtbot, settings, path)
    assert third.source_dock.isHidden()
    third.close()


def test_a_passage_selected_with_the_mouse_is_copied(qtbot: Any, settings: Any, write_kb: KbWriter) -> None:
    from PySide6.QtGui import QGuiApplication, QTextCursor

    window = _open(qtbot, settings, write_kb)
    window.show_in_source("xiaomi", 1)
    pane = window.source_view
    assert pane is not None
    text = pane.text
    found = text.document().find("Lei Jun founded")
    ends = []
    for position in (found.selectionStart(), found.selectionEnd()):
        cursor = QTextCursor(text.document())
        cursor.setPosition(position)
        ends.append(text.cursorRect(cursor).center())
    first, last = ends
    qtbot.mousePress(text.viewport(), Qt.MouseButton.LeftButton, pos=first)
    qtbot.mouseMove(text.viewport(), last)
    qtbot.mouseRelease(text.viewport(), Qt.MouseButton.LeftButton, pos=last)
    assert text.textCursor().selectedText() == "Lei Jun founded"
    qtbot.keyClick(text, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "Lei Jun founded"
    assert pane.highlighted_text() == "Lei Jun founded Xiaomi"  # selecting did not take the highlight away
    window.close()


def test_a_reloaded_file_keeps_the_quote_being_read(qtbot: Any, settings: Any, write_kb: KbWriter) -> None:
    window = _open(qtbot, settings, write_kb)
    window.show_in_source("xiaomi", 2)
    pane = window.source_view
    assert pane is not None and pane.highlighted_text() == "SU7 🚙 launch"
    data = _kb()
    data["sources"][0]["text"] = "A new first paragraph 😀.\n\n" + ARTICLE
    write_kb(data, source_text=None)
    window.reload()
    qtbot.waitUntil(lambda: pane.text.toPlainText().startswith("A new first paragraph"))
    assert pane.highlighted_text() == "SU7 🚙 launch" and pane.position_label.text().startswith("Quote 2 of 3")
    window.close()
