"""What the filter matched, marked on the card, and a scroll to the first matching claim.

The marks are the card view's extra selections, laid over the document once it is written:
the card document (`evcards.card.document`) knows nothing of them, and they are laid again
each time the card is written anew (another entity, zoom, palette). The words are found as the
filter finds them (`evcards.search.highlight.match_spans`) in the entity's names, aliases,
statements and quotes, each looked up in the card's text in card order, so that a statement
that repeats a name is marked as a statement. Selections of other kinds that the view may
hold are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import accumulate
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QTextEdit

if TYPE_CHECKING:
    from evcards.gui.card_view import CardView
    from evcards.kb.model import Entity

MATCH_PROPERTY = int(QTextFormat.Property.UserProperty) + 16  # tells our selections from others
LIGHT_MARK, DARK_MARK = QColor("#ffe066"), QColor("#5c4400")


class Region(NamedTuple):
    """Where one of the entity's texts is in the card's text (code points)."""

    start: int
    end: int
    claim: int | None  # the claim whose statement or quote it is; None for a name


def _pattern(text: str) -> re.Pattern[str] | None:
    """`text` with each run of white space as any run: the card shows a line break as a space."""
    words = text.split()
    return re.compile(r"\s+".join(map(re.escape, words))) if words else None


def _locate(texts: list[tuple[str, int | None]], card_text: str) -> list[Region]:
    """Find each text after the one before it; a text the card does not show is skipped."""
    regions: list[Region] = []
    position = 0
    for text, claim in texts:
        pattern = _pattern(text)
        found = pattern.search(card_text, position) if pattern is not None else None
        if found is not None:
            regions.append(Region(found.start(), found.end(), claim))
            position = found.end()
    return regions


def entity_regions(entity: Entity, card_text: str) -> list[Region]:
    """The entity's names and aliases (from the top), then each claim's statement and quotes."""
    claims: list[tuple[str, int | None]] = []
    for index, claim in enumerate(entity.claims):
        claims.append((claim.statement, index))
        claims += ((item.exact, index) for item in claim.evidence_items)
    from evcards.search.names import searchable_names  # with the first query, not at start-up

    return _locate([(name, None) for name in searchable_names(entity)], card_text) + _locate(claims, card_text)


class Match(NamedTuple):
    start: int  # code points in the card's text
    end: int
    claim: int | None


def card_matches(regions: list[Region], card_text: str, query: str | Sequence[str]) -> list[Match]:
    """Where `query` (a text, or several: a field query's words) matches in the regions of the
    card's text, in card order, each once."""
    from evcards.search.highlight import match_spans, name_spans

    found: dict[tuple[int, int], int | None] = {}
    for region in regions:
        spans = name_spans if region.claim is None else match_spans  # a name is found by its pinyin too
        for term in [query] if isinstance(query, str) else query:
            for start, end in spans(term, card_text[region.start : region.end]):
                found.setdefault((region.start + start, region.start + end), region.claim)
    return [Match(start, end, claim) for (start, end), claim in sorted(found.items())]


def _utf16_offsets(text: str) -> list[int] | None:
    """For each code point offset, Qt's (UTF-16) offset; None when they are the same."""
    if text.isascii() or max(text) <= "\uffff":
        return None
    return [0, *accumulate(2 if ord(ch) > 0xFFFF else 1 for ch in text)]


class CardHighlighter(QObject):
    """Keeps the card's marks in step with the query: `set_query`, and each new card written."""

    def __init__(self, card: CardView) -> None:
        super().__init__(card)
        self._card = card
        self._query: tuple[str, ...] = ()
        self._matches: list[Match] = []
        self._claim_tops: dict[int, int] = {}  # per claim: where its statement starts, in Qt's units
        self._found: tuple[str, list[Region], list[int] | None] | None = None  # text, regions, Qt offsets: once per card
        self._scroll_when_written = False  # asked to scroll while a huge card was still being written
        card.rendered.connect(self._card_written)

    def set_query(self, query: str | Sequence[str]) -> None:
        """Mark where `query` matches on the card (a text, or a field query's words; "" or []
        removes the marks)."""
        terms = (query,) if isinstance(query, str) else tuple(query)
        terms = tuple(term for term in terms if term)
        if terms != self._query:
            self._query = terms
            self._apply()

    def _card_written(self) -> None:
        self._found = None
        self._apply()
        if self._scroll_when_written:
            self._scroll_when_written = False
            self.scroll_to_first_claim()

    def _apply(self) -> None:
        card, entity = self._card, self._card.entity
        if not card.is_written():  # marked once it is whole (`rendered`)
            return
        document = card.document()
        regions: list[Region]
        units: list[int] | None
        if entity is None or not self._query:
            if not self._matches:
                return  # nothing marked, nothing to mark
            text, regions, units = "", [], None
        elif self._found is not None:  # the same card, another query
            text, regions, units = self._found
        else:
            text = document.toPlainText()
            regions, units = entity_regions(entity, text), _utf16_offsets(text)
            self._found = (text, regions, units)

        def qt(offset: int) -> int:
            return units[offset] if units is not None else offset

        self._matches = card_matches(regions, text, self._query)
        self._claim_tops = {}
        for region in reversed(regions):  # the first region of a claim is its statement
            if region.claim is not None:
                self._claim_tops[region.claim] = qt(region.start)
        mark = QTextCharFormat()
        dark = card.palette().color(QPalette.ColorRole.Base).lightness() < 128
        mark.setBackground(DARK_MARK if dark else LIGHT_MARK)
        # set ink in both palettes: grey text (an alias) on olive was unreadable in dark
        mark.setForeground(QColor("#ffffff" if dark else "#000000"))
        mark.setProperty(MATCH_PROPERTY, True)
        selections = [s for s in card.extraSelections() if not s.format.hasProperty(MATCH_PROPERTY)]
        for match in self._matches:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = QTextCursor(document)
            selection.cursor.setPosition(qt(match.start))
            selection.cursor.setPosition(qt(match.end), QTextCursor.MoveMode.KeepAnchor)
            selection.format = mark
            selections.append(selection)
        card.setExtraSelections(selections)

    def scroll_to_first_claim(self) -> None:
        """Bring the first claim with a mark to the top of the card (its statement, with a line
        above it). When a name or alias matched, the card stays at its top, where they are."""
        card = self._card
        if not card.is_written():
            self._scroll_when_written = True
            return
        claim = self._matches[0].claim if self._matches else None
        if claim is None:
            return
        cursor = QTextCursor(card.document())
        cursor.setPosition(self._claim_tops[claim])
        bar = card.verticalScrollBar()
        bar.setValue(bar.value() + card.cursorRect(cursor).top() - card.fontMetrics().height())
