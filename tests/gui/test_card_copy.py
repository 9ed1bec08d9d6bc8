"""Copying from the card: Ctrl+C (the whole card, or the selection) and a claim with its citation."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QMenu

from evcards.card.content import card_parts
from evcards.card.parts import card_text
from evcards.gui.main_window import MainWindow
from tests.gui_helpers import click_entity

FORMATS = {"text/plain", "text/html", "text/markdown"}


def _clipboard() -> tuple[set[str], str, str, str]:
    data = QGuiApplication.clipboard().mimeData()
    return set(data.formats()), data.text(), bytes(data.data("text/markdown").data()).decode("utf-8"), data.html()


def _clear_clipboard() -> None:
    QGuiApplication.clipboard().setText("")


def test_ctrl_c_with_no_selection_copies_the_whole_card_in_three_formats(qtbot: Any, window: MainWindow) -> None:
    click_entity(qtbot, window, "lei-jun")
    window.card.setFocus()
    _clear_clipboard()
    qtbot.keyClick(window.card, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    formats, plain, markdown, html = _clipboard()
    assert formats >= FORMATS
    lei = window.card.entity
    assert lei is not None and window.kb is not None
    assert plain == card_text(card_parts(window.kb, lei, for_print=True))
    assert markdown.startswith("# Lei Jun 雷军\n\nPerson\n") and "\n## Sources\n" in markdown
    assert html.startswith("<!DOCTYPE html>") and '<h1 id="card-lei-jun">Lei Jun <span class="native">雷军</span></h1>' in html
    assert "Copied the card of Lei Jun" in window.statusBar().currentMessage()


def test_copy_card_action_puts_the_three_formats_too(qtbot: Any, window: MainWindow) -> None:
    click_entity(qtbot, window, "xiaomi")
    _clear_clipboard()
    qtbot.keyClick(window, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    formats, plain, markdown, html = _clipboard()
    assert formats >= FORMATS and plain.startswith("Xiaomi (小米)\n") and markdown.startswith("# Xiaomi 小米\n") and "Xiaomi" in html


def test_ctrl_c_with_a_selection_copies_only_the_selection(qtbot: Any, window: MainWindow) -> None:
    click_entity(qtbot, window, "lei-jun")
    found = window.card.document().find("founder of Xiaomi")
    assert not found.isNull()
    window.card.setTextCursor(found)
    window.card.setFocus()
    _clear_clipboard()
    qtbot.keyClick(window.card, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    formats, plain, markdown, _ = _clipboard()
    assert plain == "founder of Xiaomi"
    assert formats >= FORMATS and markdown.strip() == "founder of Xiaomi"


def _point_of(window: MainWindow, text: str) -> QPoint:
    """Where `text` is shown in the card, scrolled into view."""
    found = window.card.document().find(text)
    assert not found.isNull(), text
    cursor = QTextCursor(found)
    cursor.clearSelection()
    window.card.setTextCursor(cursor)
    window.card.ensureCursorVisible()
    return window.card.cursorRect(cursor).center()


def _menu_action(menu: QMenu, name: str) -> Any:
    return next((action for action in menu.actions() if action.objectName() == name), None)


def test_the_context_menu_of_a_claim_copies_that_claim_with_its_citation(qtbot: Any, window: MainWindow) -> None:
    click_entity(qtbot, window, "lei-jun")
    lei, kb = window.card.entity, window.kb
    assert lei is not None and kb is not None
    quote = lei.claims[3].exact  # claim 4's quote, in its box
    menu = window.card.context_menu_at(_point_of(window, quote))
    copy_claim = _menu_action(menu, "action_copy_claim")
    assert copy_claim is not None and copy_claim.text() == "Copy Claim with Citation"
    _clear_clipboard()
    copy_claim.trigger()
    formats, plain, markdown, html = _clipboard()
    source = kb.source(lei.claims[3].sources[0])
    assert source is not None and source.title is not None
    assert plain.startswith(f"4. {lei.claims[3].statement}  ✓ Supported\n   “{quote}”\n   [1] · ✓ quote found in source\n")
    assert plain.endswith(f"\n[1] {source.title}\n")
    assert lei.claims[2].statement not in plain and lei.claims[4].statement not in plain
    assert formats >= FORMATS
    assert markdown.startswith(f"**4\\.** {lei.claims[3].statement}  ✓ Supported\n\n> “{quote}”\n")
    assert '<span class="verdict supported">✓\u00a0Supported</span>' in html and source.title in html
    assert "Copied claim 4 of Lei Jun" in window.statusBar().currentMessage()


def test_the_context_menu_keeps_the_standard_items_and_offers_no_claim_off_the_claims(qtbot: Any, window: MainWindow) -> None:
    click_entity(qtbot, window, "lei-jun")
    for place in ("Also known as Lei", "Sources"):
        menu = window.card.context_menu_at(_point_of(window, place))
        assert _menu_action(menu, "action_copy_claim") is None, place
        assert _menu_action(menu, "action_copy_whole_card") is not None
        texts = [action.text().replace("&", "") for action in menu.actions()]
        assert any((text.startswith("Copy") and "\t" in text) or text == "Copy" for text in texts), texts  # Qt's own Copy
        assert any(text.startswith("Select All") for text in texts), texts


def test_the_menu_key_on_a_claims_link_offers_that_claim(qtbot: Any, window: MainWindow) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    from evcards.card.basics import source_link
    from tests.gui_helpers import anchors

    click_entity(qtbot, window, "lei-jun")
    window.card.setFocus()
    _href, _text, start, end = next(a for a in anchors(window.card.document()) if a[0] == source_link("lei-jun", 6))
    cursor = QTextCursor(window.card.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)  # the link Tab gives focus to
    window.card.setTextCursor(cursor)
    corner = QPoint(0, 0)  # where the event says it is: not the claim (the focus says which)
    assert window.card.claim_at(corner) != 6
    QCoreApplication.sendEvent(
        window.card.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, corner, window.card.viewport().mapToGlobal(corner))
    )
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    copy_claim = _menu_action(menu, "action_copy_claim")
    menu.close()
    assert copy_claim is not None
    _clear_clipboard()
    copy_claim.trigger()
    assert QGuiApplication.clipboard().text().startswith("7. Lei Jun acknowledges")
