"""The contents page of a many-card PDF: each entity with the page its card starts on, linked.

Each entry is one paragraph: the entity's name (a link to its card, see `evcards.pdf.links`),
its names in other scripts, dot leaders, and the page number (a link too) set flush right by a
right tab stop. Qt has no leader tabs, so the dots are counted once the entries are laid out: the gap
between the name's end and the number's start, over the width of one " ." (the layout and the
font metrics both measure at Qt's default resolution, unhinted).

The contents come first, so the card page numbers depend on how many pages the contents take;
`lay_out_contents` lays them out until that count settles (once, nearly always).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)

from evcards import plural
from evcards.card.basics import BASE_POINT_SIZE, entity_link
from evcards.card.document import card_font
from evcards.card.formats import card_formats
from evcards.card.parts import PRINT_COLORS, one_line
from evcards.kb.model import Entity
from evcards.pdf.pages import PagedCard, for_print, lay_out, layout_width
from evcards.translation import QT_TRANSLATE_NOOP

CONTENTS_TITLE = QT_TRANSLATE_NOOP("Pdf", "Contents")
LEADER = " ."
ENTRY_LINE_HEIGHT = 1.45  # in the font's line spacing
MAX_ROUNDS = 4  # contents whose page count keeps changing (never seen) keep the last count


def contents_title() -> str:
    """ "Contents", in the reader's language: the page's heading and its bookmark."""
    return QCoreApplication.translate("Pdf", CONTENTS_TITLE)


def _char(color: str) -> QTextCharFormat:
    char = QTextCharFormat()
    char.setForeground(QBrush(QColor(color)))
    return char


def _entry_block(width: float) -> QTextBlockFormat:
    """One line height for every entry: a name in Han script would otherwise open its line wider."""
    block = QTextBlockFormat()
    block.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # an entry whose name is Arabic keeps its number on the right
    line = QFontMetricsF(for_print(card_font(BASE_POINT_SIZE))).lineSpacing() * ENTRY_LINE_HEIGHT
    block.setLineHeight(line, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    block.setTabPositions([QTextOption.Tab(width, QTextOption.TabType.RightTab)])
    return block


def contents_document(title: str, entities: Sequence[Entity], pages: Sequence[int], width: float) -> tuple[QTextDocument, list[int]]:
    """The contents of `entities`, whose cards start on `pages` (1-based), laid out `width` wide;
    and the position of each entry's tab, where its leaders go."""
    formats = card_formats(PRINT_COLORS, shape_title=False)
    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    document.setDefaultFont(card_font(BASE_POINT_SIZE))
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, contents_title())
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    title_block, title_char = formats.blocks["title"]
    cursor.setBlockFormat(title_block)
    cursor.setBlockCharFormat(title_char)
    cursor.insertText(contents_title(), formats.chars["title"])
    subtitle_block, subtitle_char = formats.blocks["aliases"]
    cursor.insertBlock(subtitle_block, subtitle_char)
    cards = plural.cards(len(entities))
    cursor.insertText(f"{title} · {cards}" if title else cards, formats.chars["muted"])
    name, muted, number = _char(PRINT_COLORS.link), _char(PRINT_COLORS.muted), _char(PRINT_COLORS.text)
    entry = _entry_block(width)
    tabs: list[int] = []
    for entity, page in zip(entities, pages, strict=True):
        cursor.insertBlock(entry, number)
        link = QTextCharFormat(name)
        link.setAnchor(True)
        link.setAnchorHref(entity_link(entity.id))
        cursor.insertText(one_line(entity.name), link)  # a line break in a name would end the entry
        if entity.native_names:
            cursor.insertText(" " + " · ".join(map(one_line, entity.native_names)), muted)
        tabs.append(cursor.position())
        cursor.insertText("\t", number)
        page_link = QTextCharFormat(number)  # the number is a link too: where a reader's eye ends
        page_link.setAnchor(True)
        page_link.setAnchorHref(link.anchorHref())
        cursor.insertText(str(page), page_link)
    cursor.endEditBlock()
    return document, tabs


def _name_end(document: QTextDocument, tab: int) -> float | None:
    """Where the name ending at `tab` ends (layout x), or None when its page number went to a
    line of its own (then no leaders)."""
    block = document.findBlock(tab)
    offset = tab - block.position()
    line = block.layout().lineForTextPosition(offset)
    if not line.isValid() or offset + 1 >= line.textStart() + line.textLength():
        return None
    x_and_position: tuple[float, int] = line.cursorToX(offset)  # type: ignore[assignment]  # the stubs say object
    return float(x_and_position[0])


def _add_leaders(document: QTextDocument, tabs: list[int], width: float, widest_number: str) -> None:
    """Dots from each name to a column just before the widest page number, on a grid of one
    `LEADER` so that the dots of every entry stand in the same columns."""
    metrics = QFontMetricsF(for_print(card_font(BASE_POINT_SIZE)))
    unit, space = metrics.horizontalAdvance(LEADER), metrics.horizontalAdvance(" ")
    column_end = width - metrics.horizontalAdvance(widest_number) - space
    muted = _char(PRINT_COLORS.muted)
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for tab, name_end in reversed([(tab, _name_end(document, tab)) for tab in tabs]):  # from the end: earlier positions stay put
        if name_end is None:
            continue
        start = math.ceil((name_end + space) / unit) * unit  # the first dot's cell on the grid
        count = int((column_end - start) / unit)
        if count < 1:
            continue
        pad = QTextCharFormat(muted)  # one space, widened to reach the grid
        pad.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
        pad.setFontLetterSpacing(start - name_end - space)
        cursor.setPosition(tab)
        cursor.insertText(" ", pad)
        cursor.insertText(LEADER * count, muted)
    cursor.endEditBlock()


def lay_out_contents(title: str, entities: Sequence[Entity], first_pages: Sequence[int], device: QPagedPaintDevice) -> PagedCard:
    """The contents laid out on `device`; `first_pages` are the cards' first pages (0-based)
    counted without the contents, which come before them."""
    width = layout_width(device)
    contents_pages = 1
    for _ in range(MAX_ROUNDS):
        numbers = [contents_pages + first + 1 for first in first_pages]
        document, tabs = contents_document(title, entities, numbers, width)
        laid_out = lay_out(document, device)
        if len(laid_out.pages) == contents_pages:
            break
        contents_pages = len(laid_out.pages)
    _add_leaders(document, tabs, width, str(max(numbers)))
    return lay_out(document, device)
