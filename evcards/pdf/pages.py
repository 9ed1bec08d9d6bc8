"""Lay a card document out for a paged device and paint it page by page, with a footer.

One layout pass serves the PDF writer, the printer and the print preview. The document is laid
out as on screen, in Qt's default-resolution pixels, and the painter is scaled by the device's
resolution over that one: a 1200 dpi `QPdfWriter` and a 96 dpi `QPrinter` give the same page.
(Laying out with the device as the layout's paint device instead leaves paragraphs' CSS pixel
margins unscaled in Qt 6.12, so an 18px indent shrank to nothing at 1200 dpi.)
`QTextDocument.print_()` is not used: it adds its own margins and page numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontInfo,
    QFontMetricsF,
    QPagedPaintDevice,
    QPainter,
    QPalette,
    QPen,
    QTextBlock,
    QTextDocument,
)

from evcards.card.document import card_font, measure
from evcards.card.parts import PRINT_COLORS
from evcards.pdf.pagination import EPSILON, PageSlice, block_origin, choose_pages
from evcards.translation import fill

FOOTER_POINT_SIZE = 7.5
FOOTER_GAP_LINES = 1.2  # space between the page's content and the footer text, in footer lines
FOOTER_SEPARATOR = " · "
NO_LIGATURES = ("liga", "clig")


class PaintFailed(RuntimeError):
    """The paint device refused to start or to add a page (e.g. its output could not be opened)."""


@dataclass(frozen=True, slots=True)
class PagedCard:
    """A card document laid out for one device, with the page slices chosen for it.

    `scale_x`/`scale_y` turn layout pixels into device pixels; `left` (layout pixels) is how
    far the card's column stands right of the printable area's left edge.
    """

    document: QTextDocument
    pages: list[PageSlice]
    scale_x: float
    scale_y: float
    left: float = 0.0


def page_label(page: int, total: int) -> str:
    return fill(QCoreApplication.translate("Pdf", "page %1 of %2"), page, total)


def layout_dpi() -> int:
    """The resolution a `QTextDocument` with no paint device lays out at (Qt's default dpi).

    Qt does not expose it; a font's pixel size is its point size at that resolution, so a
    72-point font is exactly `dpi` pixels tall.
    """
    return QFontInfo(card_font(72)).pixelSize()


def for_print(font: QFont) -> QFont:
    """`font` without hinting and without ligatures (see `lay_out`)."""
    result = QFont(font)
    result.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    for feature in NO_LIGATURES:
        result.setFeature(QFont.Tag(feature), 0)
    return result


def _footer_font() -> QFont:
    return for_print(card_font(FOOTER_POINT_SIZE))


def _footer_metrics(device: QPagedPaintDevice) -> QFontMetricsF:
    return QFontMetricsF(_footer_font(), device)


def content_height(device: QPagedPaintDevice) -> float:
    """The height (device pixels) left for the card on each page once the footer has its room."""
    return device.height() - _footer_metrics(device).height() * (1 + FOOTER_GAP_LINES)


def printable_width(device: QPagedPaintDevice) -> float:
    """The width of `device` inside its page margins, in layout pixels."""
    return device.width() * layout_dpi() / device.logicalDpiX()


def layout_width(device: QPagedPaintDevice) -> float:
    """The width `lay_out` sets: the card's measure, as on screen (`measure`), or the printable
    width where the paper is narrower. A4 and Letter are wider: a line across the whole
    printable width would hold some 90 characters, more than reads well."""
    return min(printable_width(device), measure())


def lay_out(document: QTextDocument, device: QPagedPaintDevice) -> PagedCard:
    """Lay `document` out in a column centred on the device's page (`layout_width`) and choose
    its page breaks.

    The page margins are the device's (its page layout), widened to centre the column; the
    document's own margin, meant for the screen, is set to zero so that it does not add to them. Glyph hinting is turned off so
    that advances are not rounded to screen pixels before being scaled up, and ligatures so
    that text copied or extracted from the PDF is the card's text ("fi", not "ﬁ").
    """
    dpi = layout_dpi()
    scale_x, scale_y = device.logicalDpiX() / dpi, device.logicalDpiY() / dpi
    document.setDefaultFont(for_print(document.defaultFont()))
    # Lay out in default-dpi pixels, see above. Qt takes no device (nullptr) for that; the stubs do not know it.
    document.documentLayout().setPaintDevice(None)  # type: ignore[arg-type]
    document.setDocumentMargin(0)
    width = layout_width(device)
    document.setTextWidth(width)
    left = (printable_width(device) - width) / 2
    return PagedCard(document, choose_pages(document, content_height(device) / scale_y), scale_x, scale_y, left)


def _blocks_across(document: QTextDocument, y: float) -> list[QTextBlock]:
    """The paragraphs (in the root frame or in a quote's cell) with lines both above and below `y`."""
    layout = document.documentLayout()
    found = []
    block = document.begin()
    while block.isValid():
        if block.layout().lineCount() > 1:
            rect = layout.blockBoundingRect(block)
            if rect.top() + EPSILON < y < rect.bottom() - EPSILON:
                found.append(block)
        block = block.next()
    return found


def _paint_lines(painter: QPainter, layout: QAbstractTextDocumentLayout, block: QTextBlock, clip: QRectF) -> None:
    """Draw the lines of `block` that reach into `clip`, and no other."""
    origin = block_origin(layout, block)
    painter.setPen(QColor(PRINT_COLORS.text))
    text_layout = block.layout()
    for line in (text_layout.lineAt(i) for i in range(text_layout.lineCount())):
        top = origin.y() + line.y()
        if top < clip.bottom() and top + line.height() > clip.top():
            line.draw(painter, origin)


def _paint_slice(painter: QPainter, card: PagedCard, page: PageSlice, width: float) -> None:
    """Paint the part of the card between the slice's top and bottom, each line on one page only.

    Qt's `QTextLayout.draw` draws, besides the lines in the clip, the line just above it; the
    painter's clip hides it, but its text would still be in the PDF, extracted and searched
    on two pages. So a paragraph that runs over the top of the slice is left out of Qt's
    drawing and its own lines in the slice are drawn here.
    """
    visible = QRectF(0, page.top, width, page.bottom - page.top)
    context = QAbstractTextDocumentLayout.PaintContext()
    # Half a pixel inside the slice, so a line that only touches an edge is drawn on one page only.
    context.clip = visible.adjusted(0, 0.5, 0, -0.5)
    palette = QPalette(context.palette)
    palette.setColor(QPalette.ColorRole.Text, QColor(PRINT_COLORS.text))
    context.palette = palette
    layout = card.document.documentLayout()
    across = _blocks_across(card.document, page.top)
    painter.save()
    painter.scale(card.scale_x, card.scale_y)
    painter.translate(card.left, -page.top)
    painter.setClipRect(visible)
    for block in across:
        block.setVisible(False)  # skipped by the drawing below; a flag only, the layout stays as it is
    try:
        layout.draw(painter, context)
    finally:
        for block in across:
            block.setVisible(True)
    for block in across:
        _paint_lines(painter, layout, block, context.clip)
    painter.restore()


def _paint_footer(painter: QPainter, device: QPagedPaintDevice, card: PagedCard, left: str, right: str) -> None:
    """The footer's rule and text, as wide as the card's column above them."""
    font = _footer_font()
    metrics = QFontMetricsF(font, device)
    x, width = card.left * card.scale_x, card.document.textWidth() * card.scale_x
    bottom = float(device.height())
    rule_y = bottom - metrics.height() * (1 + FOOTER_GAP_LINES / 2)
    painter.save()
    painter.setPen(QPen(QColor(PRINT_COLORS.quote_bar), device.logicalDpiY() / 144))
    painter.drawLine(QPointF(x, rule_y), QPointF(x + width, rule_y))
    painter.setFont(font)
    painter.setPen(QColor(PRINT_COLORS.muted))
    right_width = metrics.horizontalAdvance(right)
    gap = metrics.horizontalAdvance("M") * 2
    shown_left = metrics.elidedText(left, Qt.TextElideMode.ElideRight, max(0.0, width - right_width - gap))
    text_rect = QRectF(x, bottom - metrics.height(), width, metrics.height())
    painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown_left)
    painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), right)
    painter.restore()


def paint_cards(
    device: QPagedPaintDevice,
    cards: Iterable[PagedCard],
    total_pages: int,
    footer_left: str,
    *,
    on_card_done: Callable[[int], None] | None = None,
) -> int:
    """Paint every card's pages on `device` (a PDF writer or a printer), each card from a fresh page.

    Page numbers run over all the cards ("page 3 of 5", `total_pages` in all). Returns the
    number of pages painted. `on_card_done(index)` is called after each card, e.g. to report
    progress or to cancel by raising; the painter is ended either way.
    """
    painter = QPainter()
    if not painter.begin(device):
        raise PaintFailed("the output could not be opened for painting")
    try:
        number = 0
        for index, card in enumerate(cards):
            for page in card.pages:
                if number and not device.newPage():
                    raise PaintFailed("the device could not start a new page")
                number += 1
                _paint_slice(painter, card, page, card.document.textWidth())
                _paint_footer(painter, device, card, footer_left, page_label(number, total_pages))
            if on_card_done is not None:
                on_card_done(index)
        return number
    finally:
        painter.end()


def paginate_and_paint(document: QTextDocument, device: QPagedPaintDevice, footer_left: str) -> int:
    """Lay out, paginate and paint one card on `device` (a PDF writer or a printer); return its page count."""
    card = lay_out(document, device)
    return paint_cards(device, [card], len(card.pages), footer_left)


def footer_text(*parts: str) -> str:
    """The footer's left side: the non-empty parts joined by a middle dot."""
    return FOOTER_SEPARATOR.join(part for part in parts if part)
