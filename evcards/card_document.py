"""Turn the card HTML into a `QTextDocument`: the one object the view, the printer and the PDF use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QFont, QPalette, QTextDocument

from evcards.card import PRINT_COLORS, CardColors, render_card_html
from evcards.fonts import with_fallbacks

if TYPE_CHECKING:
    from evcards.model import Entity, KnowledgeBase

BASE_POINT_SIZE = 10.5


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


def card_font(point_size: float = BASE_POINT_SIZE) -> QFont:
    font = with_fallbacks(QFont("DejaVu Sans"))
    font.setPointSizeF(point_size)
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
    """Fill `document` (or a new one) with the card; links are styled with `colors.link`."""
    document = document or QTextDocument()
    document.clear()  # else each setting below lays out the previous card again
    document.setDefaultFont(card_font(point_size))
    document.setDefaultStyleSheet(
        f"a {{ color: {colors.link}; text-decoration: none; }}"
        "h1 { font-size: xx-large; } h3 { margin-top: 18px; margin-bottom: 4px; }"
    )
    document.setDocumentMargin(16)
    document.setHtml(render_card_html(kb, entity, colors, for_print=for_print))
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, entity.name)
    return document
