"""On screen: a quote among the words of its source, the characters that differ marked by more
than colour, and the source view highlighting exactly the quote's characters after emoji."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFont, QTextCursor, QTextDocument

from evcards.card.basics import ENTITY_SCHEME
from tests.conftest import KbWriter, minimal_kb, open_window
from tests.gui_helpers import click_entity, click_link, shown_card_id

# Astral characters (emoji, a skin tone, CJK Extension B) before the quotes: each is two UTF-16
# units in Qt's text, one code point in Python.
SOURCE = (
    "😀🚗 👍🏽 𠀀𠮷 and 𝔘𝔫𝔦.\n\n"
    "Years later the company’s founder, Lei\nJun, is known for long keynotes and for his\n"
    "last entrepreneurship, the car maker Xiaomi EV.\n"
)


def _kb() -> dict[str, Any]:
    data = minimal_kb()
    data["entities"][0]["claims"] = [
        {"statement": "Wrapped.", "quote": "Lei Jun, is known for long keynotes", "source": "article"},
        {"statement": "Straight apostrophe.", "quote": "the company's founder", "source": "article"},
    ]
    return data


def _format_at(document: QTextDocument, text: str, offset: int = 0) -> Any:
    """The character format of the character at `offset` in the first `text` of the document."""
    cursor = document.find(text)
    assert not cursor.isNull(), text
    at = QTextCursor(document)
    at.setPosition(cursor.selectionStart() + offset + 1)  # the format of the character before the position
    return at.charFormat()


def test_the_card_shows_each_quote_in_its_context_and_marks_what_differs(qtbot: Any, settings: Any, write_kb: KbWriter) -> None:
    window = open_window(qtbot, settings, write_kb(_kb(), source_text=SOURCE))
    click_entity(qtbot, window, "xiaomi")
    assert shown_card_id(window) == "xiaomi"
    document = window.card.document()
    text = document.toPlainText()
    assert "Years later the company’s founder, “Lei Jun, is known for long keynotes” and for his last entrepreneurship, the …" in text
    assert "“the company's founder”" in text
    assert "the source says: Years later “the company’s founder”, Lei Jun, is known for …" in text
    assert "≈ quote matches the source only approximately — curly vs straight apostrophe" in text
    context = _format_at(document, "Years later the company’s founder, “Lei")
    quote = _format_at(document, "Lei Jun, is known for long keynotes”")
    assert context.foreground().color() != quote.foreground().color() and quote.fontItalic() and not context.fontItalic()
    # the apostrophe that differs, on both lines: underlined and bold, not only coloured
    for line in ("company's founder”", "company’s founder”, Lei"):
        mark = _format_at(document, line, len("company"))
        plain = _format_at(document, line, 0)
        assert mark.fontUnderline() and mark.fontWeight() >= QFont.Weight.Bold
        assert not plain.fontUnderline() and plain.fontWeight() < QFont.Weight.Bold
    window.close()


def test_show_in_source_highlights_a_wrapped_quote_after_astral_characters(qtbot: Any, settings: Any, write_kb: KbWriter) -> None:
    window = open_window(qtbot, settings, write_kb(_kb(), source_text=SOURCE))
    click_entity(qtbot, window, "xiaomi")
    for index, expected in ((0, "Lei\nJun, is known for long keynotes"), (1, "the company’s founder")):
        click_link(qtbot, window.card, f"{ENTITY_SCHEME}:source/xiaomi/{index}")
        view = window.source_view
        assert view is not None
        qtbot.waitUntil(view.isVisible)
        assert view.highlighted_text() == expected
        assert not view.text.textCursor().hasSelection()
    window.close()
