"""Turn the card HTML into a `QTextDocument`: the one object the view, the printer and the PDF use."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont, QPalette, QTextCharFormat, QTextCursor, QTextDocument

from evcards.card import PRINT_COLORS, CardColors, render_card_html
from evcards.card_basics import BASE_POINT_SIZE
from evcards.fonts import with_fallbacks

if TYPE_CHECKING:
    from evcards.model import Entity, KnowledgeBase


# Scripts whose glyphs are drawn one per character with no joining, reordering or mark
# placement: Latin, Greek, Cyrillic, general punctuation and symbols (✓ ✗ ≈), kana, Han and
# Hangul syllables. Left out, so they are shaped: every combining mark (U+0300-U+036F,
# Cyrillic U+0483-U+0489, marks for symbols U+20D0-U+20FF, ideographic tone marks
# U+302A-U+302F, kana voicing marks U+3099-U+309A), Hangul jamo, Arabic, Hebrew, Indic
# scripts, Thai, variation selectors and emoji beyond U+27BF.
_NEEDS_NO_SHAPING = (
    "\u0000-\u02ff\u0370-\u03ff\u0400-\u0482\u048a-\u04ff\u1e00-\u1eff\u2000-\u20cf\u2100-\u27bf"
    "\u3000-\u3029\u3030-\u3098\u309b-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uff00-\uffef"
)


def colors_from_palette(palette: QPalette) -> CardColors:
    """Card colours that follow the system palette, dark ones included."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    text = palette.color(QPalette.ColorRole.Text)
    if not dark:
        return CardColors(text=text.name(), link=palette.color(QPalette.ColorRole.Link).name())
    return CardColors(
        text=text.name(),
        muted="#9da7b3",
        link="#6cb6ff",
        quote_background="#262c36",
        quote_bar="#6e7681",
        verified="#3fb950",
        approximate="#d29922",
        missing="#f85149",
    )


@cache
def _shaping_pattern() -> re.Pattern[str]:
    return re.compile(f"[^{_NEEDS_NO_SHAPING}]")  # compiled at the first card, not at start-up


def needs_shaping(text: str) -> bool:
    """True if `text` has a character that is drawn wrong without OpenType shaping."""
    return _shaping_pattern().search(text) is not None


def card_font(point_size: float = BASE_POINT_SIZE, *, shaped: bool = True) -> QFont:
    """The card's font. `shaped=False` skips HarfBuzz shaping, which halves the layout time of
    a long card. It draws the same glyphs for text that `needs_shaping` says is simple, but
    without kerning: pairs such as "To" or "AV" sit a little looser."""
    font = with_fallbacks(QFont("DejaVu Sans"))
    font.setPointSizeF(point_size)
    if not shaped:
        font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    return font


def build_card_document(
    kb: KnowledgeBase,
    entity: Entity,
    colors: CardColors = PRINT_COLORS,
    *,
    for_print: bool = False,
    point_size: float = BASE_POINT_SIZE,
    document: QTextDocument | None = None,
) -> QTextDocument:
    """Fill `document` (or a new one) with the card; links are styled with `colors.link`.

    On screen the card is laid out again at every selection, so its text skips shaping when
    it needs none; the entity's name, where kerning shows most, and print keep full shaping.
    """
    html = render_card_html(kb, entity, colors, for_print=for_print)
    shaped = for_print or needs_shaping(html)
    document = document or QTextDocument()
    document.clear()  # else each setting below lays out the previous card again
    document.setDefaultFont(card_font(point_size, shaped=shaped))
    document.setDefaultStyleSheet(
        f"a {{ color: {colors.link}; text-decoration: none; }}"
        "h1 { font-size: xx-large; } h3 { margin-top: 18px; margin-bottom: 4px; }"
    )
    document.setDocumentMargin(16)
    edit = QTextCursor(document)
    edit.beginEditBlock()  # one layout for the HTML and the heading's format, not two
    document.setHtml(html)
    if not shaped:
        _shape_heading(document)
    edit.endEditBlock()
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, entity.name)
    return document


def _shape_heading(document: QTextDocument) -> None:
    """Give the entity's name, the first block, its kerning back: at its large size a pair such
    as "To" shows most. (The other headings are single common words.)"""
    shaped = QTextCharFormat()
    shaped.setFontStyleStrategy(QFont.StyleStrategy.PreferDefault)
    cursor = QTextCursor(document.firstBlock())
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    cursor.mergeCharFormat(shaped)
