"""The card's look: the Qt text formats behind the style names that `evcards.card.content` uses.

Built once per set of colours and kept, because a long card asks for the same few formats
hundreds of times. Sizes are relative to the document's default font, so zoom changes only that.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QTextBlockFormat,
    QTextCharFormat,
    QTextFormat,
    QTextFrameFormat,
    QTextLength,
    QTextTableCellFormat,
    QTextTableFormat,
)

from evcards.card.parts import BlockStyle, CardColors, CharStyle

TITLE_SIZE = 3  # steps of Qt's font size adjustment: xx-large
SECTION_SIZE = 1  # large
KIND_SIZE = -1  # small
# Verdicts and quote statuses: Bold, not DemiBold. The card's DejaVu Sans draws either as its
# Bold face, but a fallback font with no bold face (the bundled Chinese subset, Arabic, ...) is
# emboldened by Qt only for a weight of at least Bold: at 600 "✓ 有据支持" came out regular,
# on screen and in the PDF, beside a bold "✓ Supported".
EMPHASIS = 700
INDENT = 18  # quotes and citations sit this far right of the statement
QUOTE_BAR = 3  # the bar on the left of a quote box
QUOTE_PADDING_X, QUOTE_PADDING_Y = 10, 6  # from the bar and the box's edges to the quote
QUOTE_TEXTURE_WIDTH = 16384  # wider than any window: the bar's texture must never repeat inside a box
QUOTE_FRAME_GAP_BELOW = 4  # the frame's box keeps the table's distance to the citation (pixel-identical, test)


class CardFormats(NamedTuple):
    """Everything the card writer needs; never change these objects, copy them."""

    chars: Mapping[CharStyle, QTextCharFormat]
    blocks: Mapping[BlockStyle, tuple[QTextBlockFormat, QTextCharFormat]]
    quote_frame: QTextFrameFormat
    quote_block: QTextBlockFormat
    quote_table: QTextTableFormat
    quote_cell: QTextTableCellFormat
    relation_table: QTextTableFormat
    relation_cells: tuple[QTextTableCellFormat, QTextTableCellFormat]
    cell_block: QTextBlockFormat


def _char(color: str, *, weight: int = 0, size: int = 0, italic: bool = False) -> QTextCharFormat:
    char = QTextCharFormat()
    char.setForeground(QBrush(QColor(color)))
    if weight:
        char.setFontWeight(weight)
    if size:
        char.setProperty(QTextFormat.Property.FontSizeAdjustment, size)
    if italic:
        char.setFontItalic(True)
    return char


def _difference(color: str) -> QTextCharFormat:
    """A character that differs between a quote and its source: coloured, and bold and
    underlined, so that the mark does not rest on colour alone."""
    difference = _char(color, weight=700, italic=True)
    difference.setFontUnderline(True)
    return difference


def _link(color: str) -> QTextCharFormat:
    link = _char(color)
    link.setAnchor(True)
    link.setProperty(QTextFormat.Property.FontUnderline, False)
    link.setProperty(QTextFormat.Property.TextUnderlineStyle, 0)
    link.setFontOverline(False)
    link.setFontStrikeOut(False)
    return link


def _kind(color: str) -> QTextCharFormat:
    kind = _char(color, size=KIND_SIZE)
    kind.setFontCapitalization(QFont.Capitalization.AllUppercase)
    kind.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
    kind.setFontLetterSpacing(1.0)
    return kind


def _block(top: float = 0, bottom: float = 0, left: float = 0, right: float = 0, heading: int = 0) -> QTextBlockFormat:
    block = QTextBlockFormat()
    block.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a paragraph that opens in Arabic stays left-aligned
    for value, setter in (
        (top, block.setTopMargin),
        (bottom, block.setBottomMargin),
        (left, block.setLeftMargin),
        (right, block.setRightMargin),
    ):
        if value:
            setter(value)
    if heading:
        block.setHeadingLevel(heading)
    return block


def _statement_block() -> QTextBlockFormat:
    """A claim's statement: its number hangs to the left, and a statement that wraps goes on
    flush with its quote box and source line below, so each claim reads as one block."""
    block = _block(top=14, bottom=4, left=INDENT)
    block.setTextIndent(-INDENT)
    return block


def _quote_frame(colors: CardColors) -> QTextFrameFormat:
    """The screen's quote box: a frame, because Qt lays a table's cell out twice and a long card
    has dozens of quotes. A frame has no one-sided border, so its background draws the bar: a
    texture that starts with the bar's colour and is the box's colour for the rest."""
    texture = QImage(QUOTE_TEXTURE_WIDTH, 1, QImage.Format.Format_RGB32)
    texture.fill(QColor(colors.quote_background))
    for x in range(QUOTE_BAR):
        texture.setPixelColor(x, 0, QColor(colors.quote_bar))
    frame = QTextFrameFormat()
    frame.setBackground(QBrush(texture))
    frame.setBorder(0)
    frame.setMargin(0)
    frame.setLeftMargin(INDENT)
    frame.setBottomMargin(QUOTE_FRAME_GAP_BELOW)
    frame.setPadding(QUOTE_PADDING_Y)  # one padding for all sides: the text's block adds the rest
    return frame


def _quote_table() -> QTextTableFormat:
    """Print's quote box: a one-cell table whose cell has a left border, drawn as vector
    rectangles. (PDF viewers resample texture images: poppler draws the frame's 3-pixel bar
    about one pixel wide.)"""
    table = QTextTableFormat()
    table.setBorder(0)
    table.setBorderCollapse(False)
    table.setMargin(0)
    table.setLeftMargin(INDENT)
    table.setCellSpacing(0)
    table.setCellPadding(0)
    table.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    return table


def _quote_cell(colors: CardColors) -> QTextTableCellFormat:
    cell = _cell(colors.text)
    cell.setBackground(QBrush(QColor(colors.quote_background)))
    cell.setLeftBorder(QUOTE_BAR)
    cell.setLeftBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    cell.setLeftBorderBrush(QBrush(QColor(colors.quote_bar)))
    cell.setLeftPadding(QUOTE_PADDING_X)
    cell.setRightPadding(QUOTE_PADDING_X)
    cell.setTopPadding(QUOTE_PADDING_Y)
    cell.setBottomPadding(QUOTE_PADDING_Y)
    return cell


def _relation_table() -> QTextTableFormat:
    table = QTextTableFormat()
    table.setBorder(0)
    table.setBorderCollapse(False)
    table.setMargin(0)
    table.setCellSpacing(0)
    table.setCellPadding(2)
    table.setColumnWidthConstraints([QTextLength(), QTextLength()])
    return table


def _cell(color: str, right_padding: float = 0) -> QTextTableCellFormat:
    cell = QTextTableCellFormat()
    cell.setForeground(QBrush(QColor(color)))
    if right_padding:
        cell.setRightPadding(right_padding)
    return cell


def _relation_label_cell(color: str) -> QTextTableCellFormat:
    """A relation's label: flush with the text above it (no padding on the left), room on the right."""
    cell = _cell(color, right_padding=12)
    cell.setLeftPadding(0)
    return cell


@lru_cache(maxsize=8)
def card_formats(colors: CardColors, *, shape_title: bool) -> CardFormats:
    """The formats for `colors`. `shape_title` shapes (and so kerns) the entity's name when the
    document's font skips shaping: at its large size a pair such as "To" shows most."""
    title = _char(colors.text, weight=700, size=TITLE_SIZE)
    title_native = _char(colors.muted, weight=400, size=TITLE_SIZE)
    title_block = _block(top=18, bottom=2, heading=1), QTextCharFormat(title)
    if shape_title:
        for char in (title, title_native):
            char.setFontStyleStrategy(QFont.StyleStrategy.PreferDefault)
    chars: dict[CharStyle, QTextCharFormat] = {
        "text": _char(colors.text),
        "bold": _char(colors.text, weight=700),
        "muted": _char(colors.muted),
        "link": _link(colors.link),
        "quote": _char(colors.text, italic=True),
        "quote_context": _char(colors.muted),
        "quote_diff": _difference(colors.approximate),
        "verified": _char(colors.verified, weight=EMPHASIS),
        "approximate": _char(colors.approximate, weight=EMPHASIS),
        "missing": _char(colors.missing, weight=EMPHASIS),
        "stance": _char(colors.muted, weight=EMPHASIS),  # quiet: only a refuting item ("refuted") is loud
        "supported": _char(colors.verified, weight=EMPHASIS),
        "partly_supported": _char(colors.approximate, weight=EMPHASIS),
        "contested": _char(colors.approximate, weight=EMPHASIS),
        "refuted": _char(colors.missing, weight=EMPHASIS),
        "unconfirmed": _char(colors.missing, weight=EMPHASIS),
        "no_source_quote": _char(colors.muted, weight=EMPHASIS),
        "title": title,
        "title_native": title_native,
        "kind": _kind(colors.muted),
        "section": _char(colors.text, weight=700, size=SECTION_SIZE),
    }
    blocks: dict[BlockStyle, tuple[QTextBlockFormat, QTextCharFormat]] = {
        "title": title_block,
        "kind": (_block(bottom=12), chars["kind"]),
        "aliases": (_block(bottom=12), chars["muted"]),
        "paragraph": (_block(top=12, bottom=12), chars["text"]),
        "note": (_block(top=12, bottom=12), chars["muted"]),
        "section": (_block(top=18, bottom=4, heading=3), chars["section"]),
        "statement": (_statement_block(), chars["text"]),
        "citation": (_block(top=4, bottom=12, left=INDENT), chars["muted"]),
        "source": (_block(top=4, bottom=12), chars["text"]),
    }
    cell_block = _block()
    cell_block.setAlignment(Qt.AlignmentFlag.AlignLeft)
    return CardFormats(
        chars=MappingProxyType(chars),  # read-only: the formats are cached and shared
        blocks=MappingProxyType(blocks),
        quote_frame=_quote_frame(colors),
        quote_block=_block(left=QUOTE_BAR + QUOTE_PADDING_X - QUOTE_PADDING_Y, right=QUOTE_PADDING_X - QUOTE_PADDING_Y),
        quote_table=_quote_table(),
        quote_cell=_quote_cell(colors),
        relation_table=_relation_table(),
        relation_cells=(_relation_label_cell(colors.text), _cell(colors.text)),
        cell_block=cell_block,
    )
