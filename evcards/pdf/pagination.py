"""Choose where a laid-out card document breaks into pages.

`QTextDocument` paginates by itself but ignores `page-break-inside: avoid`, so a claim's
statement can end up alone at the bottom of a page and a quote block can be cut in two. This
module measures the laid-out document instead (block lines and frames, in the layout's
own coordinates) and picks each page's last break point under keep-together rules, relaxing
them only when a page could not be filled otherwise:

1. preferred: a claim stays whole (statement, quote, citation), a heading stays with what
   follows it, and a paragraph leaves neither a single first nor a single last line behind;
2. required while it fits on a page: a quote's box (any frame or table) is never split, and a claim's
   statement stays with its quote;
3. last resort: any line boundary, then a hard cut (only for a single line taller than a page).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import QPointF
from PySide6.QtGui import QAbstractTextDocumentLayout, QTextBlock, QTextDocument, QTextFrame

EPSILON = 0.01


class Keep(IntEnum):
    """How strongly a span is kept on one page; lower values are given up first."""

    PREFERRED = 1
    REQUIRED = 2


@dataclass(frozen=True, slots=True)
class Span:
    """Content from `top` to `bottom` that a page break should not cut through."""

    top: float
    bottom: float
    keep: Keep

    def forbids(self, y: float) -> bool:
        return self.top + EPSILON < y < self.bottom - EPSILON


@dataclass(frozen=True, slots=True)
class PageSlice:
    """The part of the document, in layout coordinates, that one page shows."""

    top: float
    bottom: float


@dataclass(frozen=True, slots=True)
class _Item:
    """A direct child of the root frame: a paragraph, or a box (a table or another frame)."""

    top: float
    bottom: float
    is_box: bool
    is_heading: bool
    lines: tuple[tuple[float, float], ...]


def block_origin(layout: QAbstractTextDocumentLayout, block: QTextBlock) -> QPointF:
    """Where `block`'s text layout (the origin of its lines' coordinates) sits in the document.

    Qt's `blockBoundingRect` is the layout's bounding rectangle moved to exactly that point."""
    return layout.blockBoundingRect(block).topLeft()


def block_lines(layout: QAbstractTextDocumentLayout, block: QTextBlock) -> tuple[tuple[float, float], ...]:
    """(top, bottom) of each line of `block`, in document coordinates."""
    text_layout = block.layout()
    top = block_origin(layout, block).y()
    return tuple(
        (top + line.y(), top + line.y() + line.height()) for line in (text_layout.lineAt(i) for i in range(text_layout.lineCount()))
    )


def _frame_blocks(document: QTextDocument, frame: QTextFrame) -> list[QTextBlock]:
    blocks = []
    block = document.findBlock(frame.firstPosition())
    while block.isValid() and block.position() <= frame.lastPosition():
        blocks.append(block)
        block = block.next()
    return blocks


def _items(document: QTextDocument) -> tuple[list[_Item], list[float]]:
    """The root frame's children in order, and break points inside boxes (for oversized ones)."""
    layout = document.documentLayout()
    items: list[_Item] = []
    inner_breaks: list[float] = []
    after_box = False
    it = document.rootFrame().begin()
    while not it.atEnd():
        block = it.currentBlock()
        frame = None if block.isValid() else it.currentFrame()  # currentFrame() is None for a block
        if frame is not None:
            rect = layout.frameBoundingRect(frame)
            items.append(_Item(rect.top(), rect.bottom(), True, False, ()))
            for inner in _frame_blocks(document, frame):
                inner_breaks += [top for top, _ in block_lines(layout, inner)]
            after_box = True
        elif block.isValid():
            # Qt puts an empty block after every table (and frame); it holds nothing to keep or break.
            if not (after_box and not block.text()):
                lines = block_lines(layout, block)
                if lines:
                    rect = layout.blockBoundingRect(block)
                    heading = block.blockFormat().headingLevel() > 0
                    items.append(_Item(rect.top(), rect.bottom(), False, heading, lines))
            after_box = False
        it += 1
    return items, inner_breaks


def _spans(items: list[_Item]) -> list[Span]:
    """Keep-together spans: boxes, statement + quote, whole claims, headings with the next item."""
    spans: list[Span] = []
    group_start = 0
    for i, item in enumerate(items):
        if item.is_box:
            spans.append(Span(item.top, item.bottom, Keep.REQUIRED))
        if len(item.lines) > 1:
            (first_top, _), (_, second_bottom) = item.lines[0], item.lines[1]
            (before_last_top, _), (_, last_bottom) = item.lines[-2], item.lines[-1]
            spans += [Span(first_top, second_bottom, Keep.PREFERRED), Span(before_last_top, last_bottom, Keep.PREFERRED)]
        following = items[i + 1] if i + 1 < len(items) else None
        if following is not None and following.is_box and not item.is_box:
            spans.append(Span(item.top, following.bottom, Keep.REQUIRED))
        chained = following is not None and (item.is_heading or following.is_box or (item.is_box and not following.is_heading))
        if not chained:
            if i > group_start:
                spans.append(Span(items[group_start].top, item.bottom, Keep.PREFERRED))
            group_start = i + 1
    return spans


def _break_points(items: list[_Item], inner_breaks: list[float]) -> list[float]:
    points = {top for item in items for top, _ in item.lines}
    points |= {item.top for item in items if item.is_box}
    points |= set(inner_breaks)
    return sorted(points)


def _choose_break(top: float, limit: float, points: list[float], spans: list[Span]) -> float:
    """The lowest break point on the page that the strongest satisfiable rules allow."""
    fitting = [s for s in spans if s.bottom - s.top <= limit - top + EPSILON]
    candidates = [y for y in points if top + EPSILON < y <= limit + EPSILON]
    for rules in (fitting, [s for s in fitting if s.keep is Keep.REQUIRED], []):
        allowed = [y for y in candidates if not any(s.forbids(y) for s in rules)]
        if allowed:
            return allowed[-1]
    return limit


def choose_pages(document: QTextDocument, page_height: float) -> list[PageSlice]:
    """Split the laid-out `document` into slices no taller than `page_height` (layout units).

    The document must already be laid out at its final width (`setTextWidth`) on the paint
    device it will be drawn on; the result is in that layout's coordinates.
    """
    if page_height <= 0:
        raise ValueError("page height must be positive")
    end = document.size().height()
    items, inner_breaks = _items(document)
    points = _break_points(items, inner_breaks)
    spans = _spans(items)
    pages: list[PageSlice] = []
    top = 0.0
    while end - top > page_height + EPSILON:
        bottom = _choose_break(top, top + page_height, points, spans)
        pages.append(PageSlice(top, bottom))
        top = bottom
    pages.append(PageSlice(top, max(end, top)))
    return pages
