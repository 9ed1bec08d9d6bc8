"""The card as a reference page: a measure that a wide window does not stretch, one line per
quote naming its source by number, quiet marks for found quotes and loud ones for the rest,
no caret, keys that scroll, and a focus frame."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPalette, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication

from evcards.card.document import CARD_FAMILY, colors_from_palette
from evcards.card.fonts import with_fallbacks
from evcards.gui.main_window import MainWindow
from tests.conftest import KbWriter, minimal_kb, open_window
from tests.gui_helpers import anchors, click_entity, click_link

LONGEST_LINE = 90  # characters


def line_lengths(document: QTextDocument) -> list[int]:
    """The number of characters on each laid-out line of `document`, frames and tables included."""
    lengths = []
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        lengths += (layout.lineAt(i).textLength() for i in range(layout.lineCount()))
        block = block.next()
    return lengths


def test_at_1600_pixels_no_line_of_the_card_is_longer_than_90_characters(qtbot: Any, window: MainWindow) -> None:
    window.resize(1600, 900)
    for entity_id in ("xiaomi", "lei-jun"):
        click_entity(qtbot, window, entity_id)
        document = window.card.document()
        document.size()  # all laid out
        lengths = line_lengths(document)
        assert max(lengths) <= LONGEST_LINE, max(lengths)
        assert max(lengths) >= 60  # a column, not a sliver: the summary's lines fill it
    # the column is in the middle of the card, with as much room on each side
    cursor = QTextCursor(document)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    summary = document.findBlock(document.toPlainText().index(window.card.entity.summary))  # type: ignore[union-attr]
    left = summary.layout().position().x()
    right = window.card.viewport().width() - left - summary.layout().boundingRect().width()
    assert left > 200 and abs(left - right) < 40


def test_the_column_follows_the_window_as_it_narrows_and_widens(qtbot: Any, window: MainWindow) -> None:
    click_entity(qtbot, window, "xiaomi")
    for width in (700, 1600, 900, 2400):
        window.resize(width, 800)
        qtbot.waitUntil(lambda w=width: abs(window.width() - w) < 5)
        lengths = line_lengths(window.card.document())
        assert max(lengths) <= LONGEST_LINE
    window.resize(700, 800)
    qtbot.waitUntil(lambda: window.width() < 720)
    document = window.card.document()
    summary = document.findBlock(document.toPlainText().index(window.card.entity.summary))  # type: ignore[union-attr]
    assert summary.layout().position().x() < 40  # narrow: the text uses the width there is


def test_the_source_is_named_once_and_each_quote_refers_to_it_by_number(qtbot: Any, window: MainWindow) -> None:
    click_entity(qtbot, window, "xiaomi")
    entity, kb = window.card.entity, window.kb
    assert entity is not None and kb is not None
    source = kb.source(entity.claims[0].sources[0])
    assert source is not None
    text = window.card.toPlainText()
    assert text.count(source.display_title) == 1 and f"\n[1] {source.display_title}" in text
    assert text.count("[1] · ✓ quote found in source · Show in source") == len(entity.claims)
    assert "Verified" not in text  # it says what was checked: the quote was found
    references = [anchor for anchor in anchors(window.card.document()) if anchor[1] == "[1]"]
    assert len(references) == len(entity.claims) and {href for href, *_ in references} == {"#source-1"}
    # following a reference shows the source's full citation
    scroll = window.card.verticalScrollBar()
    assert scroll.value() == 0
    click_link(qtbot, window.card, "#source-1")
    qtbot.waitUntil(lambda: scroll.value() > 0)
    cursor = QTextCursor(window.card.document())
    cursor.setPosition(window.card.toPlainText().index(f"[1] {source.display_title}"))
    assert 0 <= window.card.cursorRect(cursor).top() < window.card.viewport().height()  # in view


def _format_at(document: QTextDocument, text: str) -> Any:
    cursor = QTextCursor(document)
    cursor.setPosition(document.toPlainText().index(text) + 1)
    return cursor.charFormat()


def test_found_quotes_are_marked_quietly_the_others_loudly(qtbot: Any, settings: Any, write_kb: KbWriter) -> None:
    data = minimal_kb(format=2)
    data["entities"][0]["claims"] = [
        {"statement": "Found.", "evidence": [{"source": "article", "quote": "Lei Jun founded Xiaomi"}]},
        {"statement": "Approximate.", "evidence": [{"source": "article", "quote": "Lei's “last entrepreneurship.”"}]},
        {"statement": "Missing.", "evidence": [{"source": "article", "quote": "Nowhere in the article"}]},
        {"statement": "Refuted.", "evidence": [{"source": "article", "quote": "Xiaomi has disrupted", "stance": "refutes"}]},
    ]
    window = open_window(qtbot, settings, write_kb(data))
    click_entity(qtbot, window, "xiaomi")
    document = window.card.document()
    text = document.toPlainText()
    colors = colors_from_palette(window.card.palette())
    quiet = _format_at(document, "✓ quote found in source")
    assert quiet.foreground().color() == QColor(colors.muted) and quiet.fontWeight() <= QFont.Weight.Normal
    for words, color in (
        ("≈ quote matches the source only approximately", colors.approximate),
        ("✗ quote not found in source", colors.missing),
        ("− Refutes", colors.missing),
    ):
        assert words in text, words
        loud = _format_at(document, words)
        assert loud.foreground().color() == QColor(color) and loud.fontWeight() > QFont.Weight.Normal, words
    assert "✓ Supported" in text and "✗ Refuted" in text  # the verdicts keep their words
    window.close()


def _grab_card(window: MainWindow) -> QImage:
    QApplication.processEvents()
    return window.card.viewport().grab().toImage()


def test_the_card_shows_no_caret(qtbot: Any, window: MainWindow) -> None:
    click_entity(qtbot, window, "lei-jun")
    QApplication.setCursorFlashTime(0)  # a caret, if there were one, would be drawn all the time
    try:
        unfocused = _grab_card(window)
        window.card.setFocus()
        qtbot.mouseClick(window.card.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(60, 60))  # into the title
        qtbot.waitUntil(window.card.hasFocus)
        assert _grab_card(window) == unfocused
    finally:
        QApplication.setCursorFlashTime(1000)


def test_end_home_and_page_keys_scroll_the_card(qtbot: Any, window: MainWindow) -> None:
    window.resize(900, 500)
    click_entity(qtbot, window, "xiaomi")
    window.card.setFocus()
    qtbot.waitUntil(window.card.hasFocus)
    scroll = window.card.verticalScrollBar()
    assert scroll.maximum() > 0 and scroll.value() == 0
    qtbot.keyClick(window.card, Qt.Key.Key_End)
    assert scroll.value() == scroll.maximum()
    qtbot.keyClick(window.card, Qt.Key.Key_PageUp)
    assert 0 < scroll.value() < scroll.maximum()
    qtbot.keyClick(window.card, Qt.Key.Key_Home)
    assert scroll.value() == 0
    qtbot.keyClick(window.card, Qt.Key.Key_PageDown)
    assert scroll.value() > 0
    paged = scroll.value()
    qtbot.keyClick(window.card, Qt.Key.Key_Down)
    assert scroll.value() > paged  # a line further


def _edge_color(window: MainWindow) -> QColor:
    QApplication.processEvents()
    return window.card.grab().toImage().pixelColor(window.card.width() // 2, 0)


def test_the_focused_card_has_a_frame_in_the_highlight_colour_in_light_and_dark(qtbot: Any, window: MainWindow) -> None:
    click_entity(qtbot, window, "lei-jun")
    for window_color, highlight in ((QColor("#ffffff"), QColor("#0b5cad")), (QColor("#202020"), QColor("#4493f8"))):
        palette = QPalette(window.card.palette())
        palette.setColor(QPalette.ColorRole.Window, window_color)
        palette.setColor(QPalette.ColorRole.Highlight, highlight)
        window.card.setPalette(palette)
        window.entity_pane.list_view.setFocus()
        qtbot.waitUntil(lambda: not window.card.hasFocus())
        assert _edge_color(window) != highlight
        window.card.setFocus()
        qtbot.waitUntil(window.card.hasFocus)
        assert _edge_color(window) == highlight


def test_a_quote_and_a_name_take_their_languages_glyph_forms(qtbot: Any, settings: Any, write_kb: KbWriter) -> None:
    data = minimal_kb(format=2)
    data["sources"][0]["language"] = "ja"
    data["entities"][1].update(native_name=None, names={"zh-Hant": "雷軍", "ko": "레이쥔"}, summary="A founder.")
    data["entities"][0].update(name="小米科技", native_name=None, names={"ja": "小米科技"})  # a relation's target
    window = open_window(qtbot, settings, write_kb(data))
    click_entity(qtbot, window, "lei-jun")
    document = window.card.document()

    def families(text: str) -> list[str]:
        return list(_format_at(document, text).fontFamilies() or document.defaultFont().families())

    expected = {lang: with_fallbacks(QFont(CARD_FAMILY), lang).families() for lang in ("ja", "zh-Hant", "ko")}
    assert families("Lei Jun founded Xiaomi”") == expected["ja"]
    assert families("雷軍") == expected["zh-Hant"]
    assert families("레이쥔") == expected["ko"]
    assert families("小米科技") == expected["ja"]
    assert families("A founder.") == document.defaultFont().families()
    window.close()


def test_the_link_with_keyboard_focus_has_a_frame_in_the_highlight_colour(qtbot: Any, window: MainWindow) -> None:
    click_entity(qtbot, window, "lei-jun")
    window.card.setFocus()
    qtbot.waitUntil(window.card.hasFocus)
    assert window.card.focused_link_rect() is None
    qtbot.keyClick(window.card, Qt.Key.Key_Tab)
    rect = window.card.focused_link_rect()
    assert rect is not None and window.card.focused_href()
    QApplication.processEvents()
    image = window.card.viewport().grab().toImage()
    highlight = window.card.palette().color(QPalette.ColorRole.Highlight)
    for x, y in ((rect.left(), rect.center().y()), (rect.right(), rect.center().y()), (rect.center().x(), rect.top())):
        pixel = image.pixelColor(x, y)
        assert max(abs(pixel.red() - highlight.red()), abs(pixel.green() - highlight.green()), abs(pixel.blue() - highlight.blue())) < 16
    window.entity_pane.list_view.setFocus()
    qtbot.waitUntil(lambda: not window.card.hasFocus())
    assert window.card.focused_link_rect() is None  # the frame goes with the focus


def test_a_source_number_shows_the_full_citation_as_its_tooltip(qtbot: Any, settings: Any, write_kb: KbWriter) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    from tests.gui_helpers import link_point

    data = minimal_kb()
    data["sources"][0].update(author="A. Writer", url="https://example.com/article")
    window = open_window(qtbot, settings, write_kb(data))
    click_entity(qtbot, window, "lei-jun")
    point = link_point(window.card, "#source-1")
    viewport = window.card.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point)))
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == "[1] An article, A. Writer\nhttps://example.com/article"
    window.close()
