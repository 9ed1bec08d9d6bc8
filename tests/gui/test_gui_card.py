"""The card: what it shows, its marks, Show in source, and data shown as text, never as markup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QTextCursor, QTextDocument

from evcards.card.basics import ENTITY_SCHEME, kind_label
from evcards.card.citation import citation_text
from evcards.gui.main_window import MainWindow
from tests.conftest import ARTICLE_QUOTE, SOURCE_TEXT, KbWriter, dejavu_only_environment, minimal_kb, open_window
from tests.gui_helpers import anchors, click_entity, click_link, contrast, shown_card_id


def card_text(window: MainWindow) -> str:
    return window.card.toPlainText()


def test_card_shows_the_entity(qtbot: Any, window: MainWindow) -> None:
    assert window.kb is not None
    click_entity(qtbot, window, "lei-jun")
    lei = window.kb.entity("lei-jun")
    assert lei is not None
    text = card_text(window)
    assert text.startswith("Lei Jun 雷军")
    assert kind_label(lei.kind).upper() in text.upper()
    assert lei.summary in text
    assert "Also known as Lei" in text
    assert f"Claims ({len(lei.claims)})" in text
    for claim in lei.claims:
        assert claim.statement in text
        assert f"“{claim.exact}”" in text
    source = window.kb.source(lei.claims[0].evidence_items[0].source)
    assert source is not None and text.count(citation_text(source)) == 1  # named once, in Sources
    assert text.count("[1] · ✓ quote found in source") == len(lei.claims)  # and referred to at each quote
    hrefs = [href for href, *_ in anchors(window.card.document())]
    for relation in lei.relations:
        assert f"{ENTITY_SCHEME}:entity/{relation.target}" in hrefs
    relation_names = {text for href, text, *_ in anchors(window.card.document()) if href.startswith(f"{ENTITY_SCHEME}:entity/")}
    assert "Xiaomi" in relation_names
    assert sum(href.startswith(f"{ENTITY_SCHEME}:source/lei-jun/") for href in hrefs) == len(lei.claims)
    assert window.windowTitle().endswith("— evcards")


def test_every_entity_of_the_bundled_data_has_a_card(qtbot: Any, window: MainWindow) -> None:
    assert window.kb is not None
    for entity in window.kb.entities:
        click_entity(qtbot, window, entity.id)
        assert card_text(window).startswith(entity.name)
        assert card_text(window).count("✓ quote found in source") == len(entity.claims)
        assert window.card.document().metaInformation(window.card.document().MetaInformation.DocumentTitle) == entity.name


APPROXIMATE_QUOTE = "Xiaomi's EV venture is Lei's"  # the source has curly apostrophes
MISSING_QUOTE = "This sentence is nowhere in the article"


def kb_with_unverified_quotes() -> dict[str, Any]:
    data = minimal_kb()
    data["entities"][0]["claims"] += [
        {"statement": "An approximate claim.", "quote": APPROXIMATE_QUOTE, "source": "article"},
        {"statement": "A claim whose quote is missing.", "quote": MISSING_QUOTE, "source": "article"},
    ]
    return data


def test_a_file_whose_quotes_do_not_match_opens_and_the_card_says_so(qtbot: Any, settings: Any, write_kb: KbWriter) -> None:
    window = open_window(qtbot, settings, write_kb(kb_with_unverified_quotes()))
    assert window.kb is not None and window.kb.entity("xiaomi") is not None
    click_entity(qtbot, window, "xiaomi")
    assert shown_card_id(window) == "xiaomi"
    text = card_text(window)
    assert "✓ quote found in source" in text
    assert "≈ quote matches the source only approximately" in text
    assert "the source says: “Xiaomi’s EV venture is Lei’s” “last entrepreneurship.” Since" in text
    assert "✗ quote not found in source" in text
    assert MISSING_QUOTE in text
    # Show in source is offered only for quotes that were found
    hrefs = [href for href, *_ in anchors(window.card.document())]
    assert f"{ENTITY_SCHEME}:source/xiaomi/0" in hrefs and f"{ENTITY_SCHEME}:source/xiaomi/1" in hrefs
    assert f"{ENTITY_SCHEME}:source/xiaomi/2" not in hrefs
    assert window.message_bar.isVisible()
    assert "2 quotes" in window.message_bar.label.text() and "could not be verified" in window.message_bar.label.text()
    window.close()


def test_message_bar_can_be_dismissed_by_mouse(qtbot: Any, settings: Any, write_kb: KbWriter) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QToolButton

    window = open_window(qtbot, settings, write_kb(kb_with_unverified_quotes()))
    bar = window.message_bar
    close = bar.findChild(QToolButton)
    assert close is not None and close.accessibleName() == "Dismiss message"
    bar.show_message("Several lines:", ["one", "two", "three"])
    qtbot.waitUntil(lambda: bar.height() == bar.heightForWidth(bar.width()))  # as tall as its text, no taller
    assert bar.label.height() > close.height() and close.y() == bar.label.y()  # beside a long message, at its top
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not window.message_bar.isVisible()
    window.close()


EMOJI_PREFIX = "Emoji first: 😀🚗 and 👍🏽, then a Windows line end.\r\n𝔘𝔫𝔦𝔠𝔬𝔡𝔢 too.\n"


def test_show_in_source_highlights_exactly_the_quote_after_emoji(qtbot: Any, settings: Any, write_kb: KbWriter) -> None:
    data = minimal_kb()
    data["entities"][0]["claims"].append({"statement": "An emoji quote.", "quote": "SU7 🚙 launch", "source": "article"})
    window = open_window(qtbot, settings, write_kb(data, source_text=EMOJI_PREFIX + SOURCE_TEXT + "The SU7 🚙 launch.\n"))
    click_entity(qtbot, window, "xiaomi")
    assert shown_card_id(window) == "xiaomi"
    for index, quote in ((0, ARTICLE_QUOTE), (1, "SU7 🚙 launch")):
        click_link(qtbot, window.card, f"{ENTITY_SCHEME}:source/xiaomi/{index}")
        view = window.source_view
        assert view is not None
        qtbot.waitUntil(view.isVisible)
        assert view.highlighted_text() == quote
        assert view.source_title() == "An article"
        # the highlight is scrolled into view, and is not a selection (a click would take that away)
        cursor = view.text.textCursor()
        assert not cursor.hasSelection() and view.text.document().characterAt(cursor.position()) == quote[0]
        assert view.text.viewport().rect().intersects(view.text.cursorRect(cursor))
    window.close()


def test_show_in_source_action_uses_the_first_found_quote(qtbot: Any, settings: Any, write_kb: KbWriter) -> None:
    data = kb_with_unverified_quotes()
    claims = data["entities"][0]["claims"]
    claims.insert(0, claims.pop())  # the first claim's quote is not found
    window = open_window(qtbot, settings, write_kb(data, source_text="👍" * 40 + SOURCE_TEXT))
    click_entity(qtbot, window, "xiaomi")
    window.action_registry["show_in_source"].trigger()
    assert window.source_view is not None and window.source_view.isVisible()
    assert window.source_view.highlighted_text() == ARTICLE_QUOTE
    window.close()


def test_show_in_source_follows_the_focused_claim(qtbot: Any, window: MainWindow) -> None:
    from PySide6.QtCore import Qt

    click_entity(qtbot, window, "lei-jun")
    lei = window.card.entity
    assert lei is not None and len(lei.claims) > 2
    window.card.setFocus()
    for _ in range(50):  # Tab through the links to the third claim's "Show in source"
        qtbot.keyClick(window.card, Qt.Key.Key_Tab)
        if window.card.focused_claim() == 2:
            break
    assert window.card.focused_claim() == 2
    qtbot.keyClick(window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    assert window.source_view is not None and window.source_view.isVisible()
    assert window.source_view.highlighted_text() == lei.claims[2].exact


HOSTILE = [
    "<script>alert(1)</script>",
    '<img src="file:///etc/passwd">',
    '<a href="file:///etc/passwd">x</a>',
    "<b>bold?</b> &amp; &lt;",
]


def hostile_kb() -> dict[str, Any]:
    data = minimal_kb()
    xiaomi = data["entities"][0]
    xiaomi["name"] = "Xiaomi " + HOSTILE[0]
    xiaomi["native_name"] = HOSTILE[3]
    xiaomi["summary"] = " ".join(HOSTILE)
    xiaomi["aliases"] = [HOSTILE[2]]
    xiaomi["claims"] = [{"statement": statement, "quote": ARTICLE_QUOTE, "source": "article"} for statement in HOSTILE] + [
        {"statement": "Quote with markup.", "quote": HOSTILE[1], "source": "article"}
    ]
    data["sources"] = [
        {"id": "article", "title": HOSTILE[2], "text_file": "article.txt", "publisher": HOSTILE[1], "url": "file:///etc/passwd"},
        {"id": "web", "title": "Web page", "text_file": "article.txt", "url": "https://example.com/page?a=1&b=<2>"},
        {"id": "js", "title": "Script", "text_file": "article.txt", "url": "javascript:alert(1)"},
    ]
    xiaomi["claims"] += [
        {"statement": "From the web.", "quote": ARTICLE_QUOTE, "source": "web"},
        {"statement": "From a script.", "quote": ARTICLE_QUOTE, "source": "js"},
    ]
    return data


@pytest.fixture
def hostile_window(qtbot: Any, settings: Any, write_kb: KbWriter) -> Any:
    window = open_window(qtbot, settings, write_kb(hostile_kb(), source_text=SOURCE_TEXT + HOSTILE[1]))
    click_entity(qtbot, window, "xiaomi")
    assert shown_card_id(window) == "xiaomi"
    yield window
    window.close()


def test_markup_in_data_is_shown_literally(hostile_window: MainWindow) -> None:
    text = card_text(hostile_window)
    for hostile in HOSTILE:
        assert hostile in text
    assert "file:///etc/passwd" in text and "javascript:alert(1)" in text


def test_markup_in_data_makes_no_links_and_no_images(hostile_window: MainWindow) -> None:
    document = hostile_window.card.document()
    hrefs = [href for href, *_ in anchors(document)]
    inside = (f"{ENTITY_SCHEME}:", "#source-")  # other cards, Show in source, the card's own Sources
    assert all(href.startswith(inside) or href == "https://example.com/page?a=1&b=<2>" for href in hrefs), hrefs
    assert "https://example.com/page?a=1&b=<2>" in hrefs
    html = document.toHtml()
    body = html[html.index("<body") :]  # (Qt writes the document title into <head> as it is)
    assert "<img" not in body and "<script" not in body
    assert 'href="file:' not in html and 'href="javascript:' not in html
    copy = QTextDocument()  # and the exported HTML, read again, makes no image or link either
    copy.setHtml(html)
    assert "<img" not in copy.toHtml() and [a[0] for a in anchors(copy)] == hrefs
    block = document.begin()
    while block.isValid():  # no image or other object from data anywhere in the document
        it = block.begin()
        while not it.atEnd():
            assert not it.fragment().charFormat().isImageFormat()
            it += 1
        block = block.next()
    assert document.allFormats()  # the document was really walked


def test_list_and_status_show_markup_literally(hostile_window: MainWindow) -> None:
    from PySide6.QtCore import Qt

    model = hostile_window.entity_pane.model
    index = model.index(model.row_of("xiaomi"), 0)
    assert index.data(Qt.ItemDataRole.DisplayRole) == "Xiaomi " + HOSTILE[0]
    assert hostile_window.windowTitle() == f"{hostile_window.card.entity.name} — Test KB — evcards"  # type: ignore[union-attr]


def test_http_source_links_open_in_the_system_browser_only_when_clicked(
    qtbot: Any, hostile_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(QUrl(url).toString()) or True))
    assert opened == []  # nothing is opened by showing the card
    click_link(qtbot, hostile_window.card, "https://example.com/page?a=1&b=<2>")
    assert len(opened) == 1 and opened[0].startswith("https://example.com/page")
    # a file: URL in data is text, not a link: clicking it opens nothing
    document = hostile_window.card.document()
    found = document.find("file:///etc/passwd")
    assert not found.isNull()
    assert not found.charFormat().isAnchor()
    cursor = QTextCursor(found)
    hostile_window.card.setTextCursor(cursor)
    hostile_window.card.ensureCursorVisible()
    from PySide6.QtCore import Qt

    qtbot.mouseClick(hostile_window.card.viewport(), Qt.MouseButton.LeftButton, pos=hostile_window.card.cursorRect(cursor).center())
    assert len(opened) == 1
    # an anchor that is not http(s) never reaches the system browser, even if emitted
    hostile_window.card.anchorClicked.emit(QUrl("file:///etc/passwd"))
    hostile_window.card.anchorClicked.emit(QUrl("javascript:alert(1)"))
    assert len(opened) == 1


def test_card_never_loads_resources(hostile_window: MainWindow) -> None:
    assert hostile_window.card.loadResource(int(QTextDocument.ResourceType.ImageResource), QUrl("file:///etc/passwd")) is None


def test_copy_card_puts_text_with_citations_on_the_clipboard(qtbot: Any, window: MainWindow) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().setText("")
    click_entity(qtbot, window, "lei-jun")
    qtbot.keyClick(window, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    copied = QGuiApplication.clipboard().text()
    lei = window.card.entity
    assert lei is not None and window.kb is not None
    assert copied.startswith("Lei Jun (雷军)\nPerson\n")
    for claim in lei.claims:
        assert claim.statement in copied and f"“{claim.exact}”" in copied
    source = window.kb.source(lei.claims[0].evidence_items[0].source)
    assert "\n   [1] · ✓ quote found in source\n" in copied
    assert source is not None and f"\nSources\n\n[1] {citation_text(source)}\n" in copied
    assert "Show in source" not in copied  # a link that leads nowhere outside the window


def test_zoom_changes_the_card_font(qtbot: Any, window: MainWindow) -> None:
    from PySide6.QtCore import Qt

    size = window.card.document().defaultFont().pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.card.document().defaultFont().pointSizeF() > size
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.card.document().defaultFont().pointSizeF() < size
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.card.document().defaultFont().pointSizeF() == size
    assert window.settings.zoom == 0


def test_card_follows_a_dark_palette(qtbot: Any, window: MainWindow) -> None:
    from PySide6.QtGui import QColor, QPalette

    from evcards.gui.app import dark_palette

    light_html = window.card.document().toHtml()
    window.card.setPalette(dark_palette())
    dark_html = window.card.document().toHtml()
    assert dark_html != light_html
    assert QColor("#6cb6ff").name() in dark_html  # the dark link colour
    assert window.card.entity is not None
    assert window.card.palette().color(QPalette.ColorRole.Window).lightness() < 128


def test_source_view_is_plain_text(qtbot: Any, hostile_window: MainWindow) -> None:
    hostile_window.show_in_source("xiaomi", len(HOSTILE))  # the claim whose quote is an <img> tag
    view = hostile_window.source_view
    assert view is not None and view.isVisible()
    assert view.highlighted_text() == HOSTILE[1]
    assert HOSTILE[1] in view.text.toPlainText()
    assert view.source_title() == HOSTILE[2]


def test_utf16_offset_matches_qt_positions(qapp: Any) -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st
    from PySide6.QtGui import QTextDocument

    from evcards.gui.source_view import utf16_offset

    pieces = st.sampled_from(["a", "é", "雷", "😀", "👍🏽", "\r\n", "\r", "\n", "\t", "\u2028", "\x00", "𝔘"])

    @settings(max_examples=300, deadline=None)
    @given(st.lists(pieces, max_size=12).map("".join), st.data())
    def check(text: str, data: st.DataObject) -> None:
        document = QTextDocument()
        document.setPlainText(text)
        end = len(text) - (1 if text.endswith("\r\n") else 0)  # Qt holds the pair as one position
        start = data.draw(st.integers(0, len(text)))
        stop = data.draw(st.integers(start, len(text)))
        if text[start - 1 : start + 1] == "\r\n" or text[stop - 1 : stop + 1] == "\r\n":
            return  # an offset between CR and LF has no position of its own
        cursor = QTextCursor(document)
        cursor.setPosition(utf16_offset(text, start))
        cursor.setPosition(utf16_offset(text, stop), QTextCursor.MoveMode.KeepAnchor)
        expected = text[start:stop].replace("\r\n", "\n")
        for separator in "\r\n":
            expected = expected.replace(separator, "\u2029")
        assert cursor.selectedText() == expected
        assert utf16_offset(text, end) <= document.characterCount() - 1

    check()


# --- no tofu: Chinese names render on a machine with no CJK font -------------------------------

FONT_PROBE = r"""
import sys
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontInfo, QImage, QPainter, QRawFont
from evcards.gui.app import create_application
from evcards.card.document import card_font
from evcards.card.fonts import BUNDLED_FONTS

app = create_application()
families = QFontDatabase.families()
generic = {"Monospace", "Sans Serif", "Serif"}  # fontconfig's aliases
assert families and all("DejaVu" in f or f in generic or f in BUNDLED_FONTS.values() for f in families), families
assert "Noto Sans CJK SC" in [f for i in range(8) for f in QFontDatabase.applicationFontFamilies(i)]  # the bundled subset
assert not QRawFont.fromFont(QFont("DejaVu Sans")).supportsCharacter(ord("雷")), "DejaVu has Han?"

font = card_font()
for ch in "雷军小米":
    covering = []
    for family in font.families():
        probe = QFont(family)
        if QFontInfo(probe).family() != family:
            continue  # not installed, not registered
        if QRawFont.fromFont(probe).supportsCharacter(ord(ch)):
            covering.append(family)
    assert covering, f"no family of the card font covers {ch!r}: {font.families()}"
    glyphs = QRawFont.fromFont(QFont(covering[0])).glyphIndexesForString(ch)
    assert glyphs and all(g != 0 for g in glyphs), (ch, glyphs)

def render(text, with_font):
    image = QImage(120, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(with_font)
    painter.setPen(QColor("black"))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return image

bare = QFont("DejaVu Sans")
bare.setPointSizeF(font.pointSizeF())
bare.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
# the control: without fallbacks, different Han characters all draw the same box (tofu)
assert render("雷", bare) == render("军", bare) == render("\U000F0000", bare)
# with the card font they are real, different glyphs, none of them the box
lei, jun = render("雷", font), render("军", font)
assert lei != jun
assert lei != render("雷", bare) and jun != render("军", bare)
assert render("雷军", font) != render("雷军", bare)
# the application font (list, window) has the same fallback
assert "Noto Sans CJK SC" in app.font().families(), app.font().families()
print("ok")
"""


@pytest.mark.slow
def test_chinese_names_render_without_any_cjk_font_installed(tmp_path: Path) -> None:
    import subprocess
    import sys

    env = {**dejavu_only_environment(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("EVCARDS_COLOR_SCHEME", None)
    run = subprocess.run([sys.executable, "-c", FONT_PROBE], capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "ok"


def test_show_in_source_follows_a_claim_focused_backwards(qtbot: Any, window: MainWindow) -> None:
    from PySide6.QtCore import Qt

    click_entity(qtbot, window, "lei-jun")
    lei = window.card.entity
    assert lei is not None
    window.card.setFocus()
    for _ in range(50):  # Tab on to the fourth claim's links, then Shift+Tab back to the third's "Show in source"
        qtbot.keyClick(window.card, Qt.Key.Key_Tab)
        if window.card.focused_href().startswith(f"{ENTITY_SCHEME}:source/lei-jun/3"):
            break
    qtbot.keyClick(window.card, Qt.Key.Key_Backtab)
    assert window.card.textCursor().selectedText() == "[1]"  # the fourth claim's source reference
    assert window.card.focused_claim() == 3
    qtbot.keyClick(window.card, Qt.Key.Key_Backtab)
    assert window.card.textCursor().selectedText() == "Show in source"
    assert window.card.focused_claim() == 2
    qtbot.keyClick(window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    assert window.source_view is not None and window.source_view.highlighted_text() == lei.claims[2].exact


def test_list_tooltips_show_markup_in_names_as_text(qtbot: Any, settings: Any, write_kb: KbWriter) -> None:
    data = minimal_kb()
    data["entities"][0]["name"] = '<img src="file:///etc/passwd"> <b>Xiaomi</b>'
    window = open_window(qtbot, settings, write_kb(data))
    model = window.entity_pane.model
    tips = [model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole) for row in range(model.rowCount())]
    tip = next(t for t in tips if "Xiaomi" in t)
    assert "&lt;img src=&quot;file:///etc/passwd&quot;&gt; &lt;b&gt;Xiaomi&lt;/b&gt;" in tip and "<img" not in tip


@pytest.mark.parametrize("dark", [False, True])
def test_filter_marks_on_the_card_read_at_wcag_aa(qtbot: Any, window: MainWindow, dark: bool) -> None:
    """The words the filter found are marked with ink that reads on the mark (4.5:1), in both palettes."""
    from evcards.gui.app import dark_palette

    if dark:
        window.card.setPalette(dark_palette())
    qtbot.keyClicks(window.entity_pane.filter_field, "Xiaomi")
    qtbot.waitUntil(lambda: any(s.format.background().style() != Qt.BrushStyle.NoBrush for s in window.card.extraSelections()))
    selections = window.card.extraSelections()  # kept alive: the formats belong to them
    marks = [(s.format.foreground(), s.format.background()) for s in selections if s.cursor.selectedText().casefold() == "xiaomi"]
    assert marks
    for ink, background in marks:
        assert ink.style() != Qt.BrushStyle.NoBrush  # never the card's own (maybe grey) text colour
        assert contrast(ink.color(), background.color()) >= 4.5
