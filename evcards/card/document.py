"""Write the card into a `QTextDocument`: the one object the view, the printer and the PDF use.

The document is written with a `QTextCursor`, not parsed from HTML: Qt's HTML parser (and
the one-cell tables HTML needed for the quotes' boxes) made a 60-claim card take 1.6 times as
long to build and lay out, and text inserted as text can never become markup.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING, TypedDict, Unpack

from PySide6.QtGui import QFont, QFontMetricsF, QPalette, QTextCharFormat, QTextCursor, QTextDocument, QTextFrame

from evcards.card.basics import BASE_POINT_SIZE
from evcards.card.fonts import with_fallbacks
from evcards.card.formats import CardFormats, card_formats
from evcards.card.parts import (
    PRINT_COLORS,
    CardColors,
    CharStyle,
    LineBreak,
    Paragraph,
    Part,
    QuoteBox,
    RelationTable,
    Run,
    one_line,
    parts_text,
)
from evcards.card.shaping import needs_shaping

LINE_SEPARATOR = "\u2028"  # Qt's QChar::LineSeparator: a new line inside the same paragraph
WORD_JOINER = "\u2060"  # no line break on either side (UAX #14); drawn as nothing, left out of copies
# A verdict is one term: its sign and word stay on one line (the long "Unconfirmed: ..." may wrap).
_UNBROKEN_STYLES: frozenset[CharStyle] = frozenset({"supported", "partly_supported", "contested", "refuted", "no_source_quote"})
CARD_FAMILY = "DejaVu Sans"
MARGIN = 16  # the least room around the card's text, on screen
# A good page's measure: lines of about 70-80 characters of running text (a line of the card
# is never longer than 90). Measured in a sample of English, so it follows the font and zoom.
MEASURE_CHARS = 78
_MEASURE_SAMPLE = (
    "Xiaomi is a renowned Chinese smartphone maker, founded in 2010 by Lei Jun, that disrupted "
    "the industry; it is now entering the electric vehicle market with an investment of $1.4 billion."
)

if TYPE_CHECKING:
    from evcards.kb.loaded import LoadedKnowledgeBase
    from evcards.kb.model import Entity


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
def measure(point_size: float = BASE_POINT_SIZE) -> float:
    """The width (layout pixels) of the card's column of text at `point_size`: `MEASURE_CHARS`
    characters of running English text."""
    metrics = QFontMetricsF(card_font(point_size))
    return metrics.horizontalAdvance(_MEASURE_SAMPLE) / len(_MEASURE_SAMPLE) * MEASURE_CHARS


def set_column(document: QTextDocument, width: float, point_size: float = BASE_POINT_SIZE) -> None:
    """Centre the card's text in `width` (the view's), in a column that widens no further than
    the measure: long lines tire the eye, and a wide window should not make them."""
    side = max(float(MARGIN), (width - measure(point_size)) / 2)
    root = document.rootFrame()
    frame = root.frameFormat()
    if frame.leftMargin() != side or frame.rightMargin() != side:  # each change lays the card out again
        frame.setLeftMargin(side)
        frame.setRightMargin(side)
        root.setFrameFormat(frame)


@cache
def language_families(language: str) -> list[str] | None:
    """The font families for text in `language`, or None where they are the card's own (no
    installed font draws that language's CJK forms differently): most runs need no format of their own."""
    families = with_fallbacks(QFont(CARD_FAMILY), language).families()
    return None if families == with_fallbacks(QFont(CARD_FAMILY)).families() else families


def card_font(point_size: float = BASE_POINT_SIZE, *, shaped: bool = True) -> QFont:
    """The card's font. `shaped=False` skips HarfBuzz shaping, which halves the layout time of
    a long card. It draws the same glyphs for text that `needs_shaping` says is simple, but
    without kerning: pairs such as "To" or "AV" sit a little looser."""
    font = with_fallbacks(QFont(CARD_FAMILY))
    font.setPointSizeF(point_size)
    if not shaped:
        font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    return font


class CardOptions(TypedDict, total=False):
    """How `start_card_document` sets a card up, for `build_card_document` to pass on."""

    for_print: bool
    point_size: float
    document: QTextDocument | None
    width: float | None


def build_card_document(
    kb: LoadedKnowledgeBase, entity: Entity, colors: CardColors = PRINT_COLORS, **options: Unpack[CardOptions]
) -> QTextDocument:
    """The whole card in `document` (or a new one), written at once: see `start_card_document`."""
    writer = start_card_document(kb, entity, colors, **options)
    writer.write()
    return writer.document


def start_card_document(
    kb: LoadedKnowledgeBase, entity: Entity, colors: CardColors = PRINT_COLORS, **options: Unpack[CardOptions]
) -> CardWriter:
    """Empty `document` (or a new one) and set it up for the card of `entity`, whose parts the
    returned writer then writes: see `start_parts_document`."""
    from evcards.card.content import card_parts  # the model with it: not before a file is loaded

    return start_parts_document(card_parts(kb, entity, for_print=options.get("for_print", False)), entity.name, colors, **options)


def start_parts_document(
    parts: list[Part],
    title: str,
    colors: CardColors = PRINT_COLORS,
    *,
    for_print: bool = False,
    point_size: float = BASE_POINT_SIZE,
    document: QTextDocument | None = None,
    width: float | None = None,
    text_needs_shaping: bool | None = None,
) -> CardWriter:
    """Empty `document` (or a new one) and set it up for the card made of `parts`
    (`evcards.card.content.card_parts`, or the first card's, sent by `evcards.card.preview`),
    titled `title`, whose parts the returned writer then writes: at once, or a slice at a time
    (the window, for a huge card). Given the view's `width`, the card stays in a centred column
    no wider than the measure (`set_column`).

    On screen the card is laid out again at every selection, so its text skips shaping when
    it needs none; the entity's name, where kerning shows most, and print keep full shaping.
    `text_needs_shaping`: `needs_shaping` of the parts' text, when the caller knows it already.
    """
    shaped = for_print or (needs_shaping(parts_text(parts)) if text_needs_shaping is None else text_needs_shaping)
    document = document or QTextDocument()
    document.setUndoRedoEnabled(False)  # a card is never edited: no undo history per card
    document.clear()  # else each setting below lays out the previous card again
    document.setDefaultFont(card_font(point_size, shaped=shaped))
    document.setDocumentMargin(MARGIN)
    if width is not None:
        set_column(document, width, point_size)
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    formats = card_formats(colors, shape_title=not shaped)
    return CardWriter(QTextCursor(document), parts, formats, quotes_in_tables=for_print)


class CardWriter:
    """Writes a card's parts at the end of its document, all of them or the next few at a time.

    Each call to `write` is one edit block, so Qt lays out what it added once, and only that:
    a card of 2,000 quotes with their differences takes seconds to write and lay out, which the
    window does a slice per turn of its event loop instead of standing still meanwhile."""

    def __init__(self, cursor: QTextCursor, parts: list[Part], formats: CardFormats, *, quotes_in_tables: bool) -> None:
        self.document = cursor.document()
        self._cursor = cursor
        self._parts = parts
        self._formats = formats
        self._quotes_in_tables = quotes_in_tables
        self._next = 0  # the first part not written yet
        self._reuse_block = True  # the document's first block, or the one Qt adds after a quote's frame

    @property
    def done(self) -> bool:
        return self._next >= len(self._parts)

    def write(self, limit: int | None = None, seconds: float | None = None) -> bool:
        """Write the parts not written yet: at most `limit` of them, and no more once `seconds`
        have passed (None: no such bound). True once the whole card is written."""
        end = len(self._parts) if limit is None else min(len(self._parts), self._next + limit)
        deadline = None if seconds is None else time.perf_counter() + seconds
        cursor, formats = self._cursor, self._formats
        cursor.beginEditBlock()  # one layout for the slice, not one per insertion
        while self._next < end:
            part = self._parts[self._next]
            self._next += 1
            if isinstance(part, Paragraph):
                block, block_char = formats.blocks[part.style]
                if self._reuse_block:
                    cursor.setBlockFormat(block)
                    cursor.setBlockCharFormat(block_char)
                else:
                    cursor.insertBlock(block, block_char)
                _insert_runs(cursor, part.runs, formats.chars)
                self._reuse_block = False
            elif isinstance(part, QuoteBox):
                _write_quote(cursor, part, formats, in_table=self._quotes_in_tables)
                # Left empty, the block after a frame would add a blank line under the box.
                self._reuse_block = not self._quotes_in_tables
            else:
                _write_relations(cursor, part, formats)
                self._reuse_block = False
            if deadline is not None and time.perf_counter() >= deadline:
                break
        cursor.endEditBlock()
        return self.done


def _joined_ideographs(text: str) -> str:
    """`text` with a word joiner between each two neighbouring characters beyond ASCII that are
    not spaces: "✓ 有据支持" never breaks as "✓ 有" and "据支持", since a line may break between
    any two Han characters; Latin words and spaces are left as they are."""
    pieces = [text[0]]
    for before, ch in pairwise(text):
        if not before.isascii() and not ch.isascii() and not before.isspace() and not ch.isspace():
            pieces.append(WORD_JOINER)
        pieces.append(ch)
    return "".join(pieces)


def _insert_runs(cursor: QTextCursor, runs: tuple[Run | LineBreak, ...], chars: Mapping[CharStyle, QTextCharFormat]) -> None:
    """Insert `runs`; neighbours in the same plain style go in as one text (a quote between its
    marks, a status and its note): each `insertText` looks its format up again, and a long card
    has ~900 runs. Qt joins such neighbours into one fragment all the same."""
    insert = cursor.insertText
    pending: list[str] = []  # plain text in `pending_style`, not inserted yet
    pending_style: CharStyle = "text"
    for run in runs:
        if isinstance(run, LineBreak):  # a line separator stays inside its paragraph's text
            text, style, own = LINE_SEPARATOR, run.style, None
        else:
            text, style, own = one_line(run.text), run.style, _own_format(run, chars[run.style])
            if style in _UNBROKEN_STYLES and not text.isascii():
                text = _joined_ideographs(text)
        if pending and (own is not None or style != pending_style):
            insert("".join(pending), chars[pending_style])
            pending = []
        if own is not None:
            insert(text, own)
        else:
            pending.append(text)
            pending_style = style
    if pending:
        insert("".join(pending), chars[pending_style])


def _own_format(run: Run, style: QTextCharFormat) -> QTextCharFormat | None:
    """The format of a link, an anchor or a run in its language's fonts; None for a plain run."""
    families = language_families(run.language) if run.language else None
    if not (run.href or run.anchor or families):
        return None
    char = QTextCharFormat(style)
    if run.href:
        char.setAnchorHref(run.href)
    if run.anchor:
        char.setAnchor(True)
        char.setAnchorNames([run.anchor])
    if families:
        char.setFontFamilies(families)
    return char


def write_parts(cursor: QTextCursor, parts: list[Part], formats: CardFormats, *, quotes_in_tables: bool) -> None:
    """Write `parts` at `cursor`. Print puts quotes in tables, the screen in frames: the two
    look the same (test), see `evcards.card.formats` for why there are two."""
    CardWriter(cursor, parts, formats, quotes_in_tables=quotes_in_tables).write()


def _write_quote(cursor: QTextCursor, quote: QuoteBox, formats: CardFormats, *, in_table: bool) -> None:
    """The quote in its box: a frame on screen, a table in print (see `evcards.card.formats`)."""
    box: QTextFrame
    if in_table:
        box = table = cursor.insertTable(1, 1, formats.quote_table)
        table.cellAt(0, 0).setFormat(formats.quote_cell)
        cursor.setBlockFormat(formats.cell_block)
    else:
        box = cursor.insertFrame(formats.quote_frame)
        cursor.setBlockFormat(formats.quote_block)
    if quote.runs:
        _insert_runs(cursor, quote.runs, formats.chars)
    else:
        cursor.insertText(one_line(quote.text), formats.chars["quote"])
    _step_out(cursor, box)


def _write_relations(cursor: QTextCursor, part: RelationTable, formats: CardFormats) -> None:
    table = cursor.insertTable(len(part.rows), 2, formats.relation_table)
    for row, (label, targets) in enumerate(part.rows):
        for column, runs in enumerate(((Run(label),), targets)):
            cell = table.cellAt(row, column)
            cell.setFormat(formats.relation_cells[column])
            cell_cursor = cell.firstCursorPosition()
            cell_cursor.setBlockFormat(formats.cell_block)
            _insert_runs(cell_cursor, runs, formats.chars)
    _step_out(cursor, table)


def _step_out(cursor: QTextCursor, frame: QTextFrame) -> None:
    """Put `cursor` in the block that Qt keeps after every frame and table."""
    cursor.setPosition(frame.lastPosition() + 1)
