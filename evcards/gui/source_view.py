"""The source pane: a source's text beside the card, read like a book.

The citation at the top; every quote of the card from this source highlighted (the current one
stronger) for as long as the card is shown, whatever the reader clicks; F3 and Shift+F3 step
through them in text order; Ctrl+F finds inside the text. The pane follows the card: a new card
keeps the source when it quotes it too, else opens on its own first source.

Offsets from the loader count code points; Qt's text cursor counts UTF-16 units, so an emoji
(two units) before a quote would shift a naive highlight. `Utf16Positions` converts, and also
counts a Windows line end (CR LF) as the one position `setPlainText` makes of it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QColor, QFont, QKeyEvent, QKeySequence, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QStackedLayout,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from evcards.card.basics import BASE_POINT_SIZE
from evcards.card.fonts import with_fallbacks
from evcards.card.source_quotes import QuoteSpan, first_quote, quote_spans, quoted_sources
from evcards.gui.find_bar import FindBar
from evcards.gui.source_heading import SourceHeading
from evcards.translation import fill

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent

    from evcards.kb.loaded import LoadedKnowledgeBase
    from evcards.kb.model import Entity
    from evcards.search.text_find import SearchableText

MEASURE_CHARS = 80  # the text column widens no further than about this many characters
ZOOM_STEP = 1.0
PANE_WIDTH = 420  # px, the pane's first width; the reader's own is remembered
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def utf16_offset(text: str, code_point_offset: int) -> int:
    """The position in a Qt document made with `setPlainText(text)` of a code-point offset in `text`."""
    return Utf16Positions(text[:code_point_offset]).position(code_point_offset)


class Utf16Positions:
    """Code-point offsets of one text as positions in its Qt document, each in O(log n)."""

    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in _ASTRAL.finditer(text)] if not text.isascii() else []
        self._line_ends = [m.end() for m in re.finditer("\r\n", text)]

    def position(self, offset: int) -> int:
        return offset + bisect_left(self._astral, offset) - bisect_right(self._line_ends, offset)


class Highlight(NamedTuple):
    background: str
    ink: str  # the text colour on it, so that it reads in either palette


class Colors(NamedTuple):
    quote: Highlight
    current_quote: Highlight
    match: Highlight
    current_match: Highlight


LIGHT = Colors(
    quote=Highlight("#fff1b8", "#1f2328"),
    current_quote=Highlight("#ffc83d", "#1f2328"),
    match=Highlight("#cfe3ff", "#1f2328"),
    current_match=Highlight("#7fb2ff", "#1f2328"),
)
DARK = Colors(  # quiet backgrounds for the many, a bright one for the one being read
    quote=Highlight("#3d3413", "#f2e7c4"),
    current_quote=Highlight("#ffc83d", "#0d1117"),
    match=Highlight("#1d3a66", "#e6edf3"),
    current_match=Highlight("#6ea8ff", "#0d1117"),
)


def _char_format(highlight: Highlight, strong: bool) -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setBackground(QColor(highlight.background))
    char_format.setForeground(QColor(highlight.ink))
    if strong:  # not colour alone
        char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    return char_format


class SourceText(QPlainTextEdit):
    """Read-only, wrapped, selectable and copyable, with no caret; the text stays in a centred
    column of about `MEASURE_CHARS` characters however wide the pane."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("source_text")
        self.setAccessibleName(self.tr("Source text with the card's quotes highlighted"))
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # no keyboard caret
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # keys still scroll it and Ctrl+F finds in it
        self.document().setDocumentMargin(12)
        self.setAutoFillBackground(True)
        self.fill_margins()

    def measure(self) -> int:
        """The widest the text column gets, in pixels."""
        return round(self.fontMetrics().averageCharWidth() * MEASURE_CHARS + 2 * self.document().documentMargin())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._center_column()
        super().resizeEvent(event)

    def _center_column(self) -> None:
        bar = self.verticalScrollBar()
        available = self.width() - 2 * self.frameWidth() - (bar.sizeHint().width() if bar.isVisible() else 0)
        side = max(0, (available - self.measure()) // 2)
        self.setViewportMargins(side, 0, side, 0)

    def fill_margins(self) -> None:
        """The margins beside the column are the text's background, not the window's."""
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Base))
        self.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._center_column()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Without a caret, the reading keys scroll."""
        bar = self.verticalScrollBar()
        steps = {
            Qt.Key.Key_Home: bar.minimum() - bar.value(),
            Qt.Key.Key_End: bar.maximum() - bar.value(),
            Qt.Key.Key_PageUp: -bar.pageStep(),
            Qt.Key.Key_PageDown: bar.pageStep(),
            Qt.Key.Key_Up: -bar.singleStep(),
            Qt.Key.Key_Down: bar.singleStep(),
            Qt.Key.Key_Space: bar.pageStep(),
        }
        key = Qt.Key(event.key())
        if key in steps and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier & ~Qt.KeyboardModifier.ControlModifier:
            bar.setValue(bar.value() + steps[key])
            return
        super().keyPressEvent(event)


class SourcePane(QWidget):
    """A source's citation, its text with the card's quotes, quote stepping and find."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("source_pane")
        self.setAccessibleName(self.tr("Source"))
        self.heading = SourceHeading(self)
        self.text = SourceText(self)
        self.find_bar = FindBar(self)
        self.previous_button = self._tool_button("◀", self.tr("Previous quote"), self.tr("Previous quote of this card (Shift+F3)"))
        self.next_button = self._tool_button("▶", self.tr("Next quote"), self.tr("Next quote of this card (F3)"))
        self.position_label = QLabel(self)
        self.position_label.setObjectName("source_quote_position")
        self.position_label.setWordWrap(True)
        self.position_label.setTextFormat(Qt.TextFormat.PlainText)
        self.position_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # a long claim wraps
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("source_empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.previous_button.clicked.connect(self.previous_quote)
        self.next_button.clicked.connect(self.next_quote)
        self.find_bar.query_changed.connect(self._find)
        self.find_bar.next_requested.connect(lambda: self._step_match(1))
        self.find_bar.previous_requested.connect(lambda: self._step_match(-1))
        self.find_bar.closed.connect(self.close_find)
        for widget in (self.text, self.heading, self.previous_button, self.next_button):
            widget.installEventFilter(self)  # Ctrl+F anywhere in the pane finds in the text
        self._build_layout()
        self._kb: LoadedKnowledgeBase | None = None
        self._entity: Entity | None = None
        self._source_id: str | None = None
        self._source_text = ""
        self._positions = Utf16Positions("")
        self._spans: list[QuoteSpan] = []
        self._current: int | None = None
        self._folded: SearchableText | None = None
        self._matches: list[tuple[int, int]] = []
        self._match: int | None = None
        self._zoom = 0
        self.show_empty(self.tr("Select an entity to see the sources its card quotes."))

    def sizeHint(self) -> QSize:
        """The width a dock first opens at: room for the card beside it on a laptop screen."""
        return QSize(PANE_WIDTH, super().sizeHint().height())

    def _tool_button(self, text: str, name: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setAccessibleName(name)
        button.setToolTip(tip)
        return button

    def _build_layout(self) -> None:
        navigation = QHBoxLayout()
        navigation.setContentsMargins(8, 0, 8, 4)
        navigation.addWidget(self.previous_button)
        navigation.addWidget(self.next_button)
        navigation.addSpacing(6)
        navigation.addWidget(self.position_label, 1)
        content = QWidget(self)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.heading)
        column.addLayout(navigation)
        column.addWidget(self.text, 1)
        column.addWidget(self.find_bar)
        self._pages = QStackedLayout(self)
        self._pages.addWidget(content)
        self._pages.addWidget(self.empty_label)

    # --- what is shown ----------------------------------------------------------------
    @property
    def source_id(self) -> str | None:
        """The id of the source shown, or None in the empty state."""
        return self._source_id

    def source_title(self) -> str:
        source = self._kb.source(self._source_id) if self._kb is not None and self._source_id is not None else None
        return source.display_title if source is not None else ""

    def show_empty(self, message: str) -> None:
        self._source_id, self._source_text, self._spans, self._current = None, "", [], None
        self.empty_label.setText(message)
        self._pages.setCurrentWidget(self.empty_label)

    def let_go_of_knowledge_base(self) -> None:
        """Keep what is drawn without the knowledge base it came from (a reload: see
        `evcards.gui.reloading`); the next `follow_card` brings the new version."""
        self._kb = None

    def follow_card(self, kb: LoadedKnowledgeBase | None, entity: Entity | None) -> None:
        """Show what the card quotes: the same source when the new card quotes it too, else its first."""
        if kb is self._kb and entity is self._entity and (entity is None or self._source_id is not None):
            return
        current = self.current_quote()
        same_card = entity is not None and self._entity is not None and entity.id == self._entity.id  # e.g. the file reloaded
        self._kb, self._entity = kb, entity
        if kb is None or entity is None:
            self.show_empty(self.tr("Select an entity to see the sources its card quotes."))
            return
        sources = quoted_sources(kb, entity)
        if not sources:
            self.show_empty(fill(self.tr("The card of %1 quotes no source."), entity.name))
            return
        source_id = self._source_id if self._source_id in sources else sources[0]
        self._show_source(source_id)
        kept = [i for i, s in enumerate(self._spans) if same_card and current and s[2:] == current[2:]]
        first = first_quote(self._spans)
        self._set_current(kept[0] if kept else self._spans.index(first) if first is not None else None)

    def show_evidence(self, kb: LoadedKnowledgeBase, entity: Entity, claim_index: int, evidence_index: int) -> None:
        """Open one evidence item's source with its quote current (the card's other quotes lit too)."""
        self._kb, self._entity = kb, entity
        self._show_source(entity.claims[claim_index].evidence_items[evidence_index].source)
        check = kb.check(entity, claim_index, evidence_index)
        at = next((i for i, s in enumerate(self._spans) if (s.start, s.end) == (check.start, check.end)), None)
        self._set_current(at)
        if at is None:
            self.position_label.setText(self.tr("This quote was not found in the source; the card's other quotes from it are highlighted."))

    def _show_source(self, source_id: str) -> None:
        assert self._kb is not None and self._entity is not None
        source, text = self._kb.source(source_id), self._kb.source_text(source_id) or ""
        if source_id != self._source_id or text is not self._source_text:
            self._source_id, self._source_text = source_id, text
            self._positions = Utf16Positions(text)
            self._folded = None
            self.text.setPlainText(text)
            if source is not None:
                self.heading.show_source(source)
            self._apply_font(source.language if source is not None else None)
            if self.find_bar.isVisible():
                self._find(self.find_bar.field.text())
        self._spans = quote_spans(self._kb, self._entity, source_id)
        self._pages.setCurrentIndex(0)

    # --- the font ------------------------------------------------------------------------
    def set_zoom(self, steps: int) -> None:
        """Follow the card's zoom: the text grows and shrinks with it."""
        self._zoom = steps
        source = self._kb.source(self._source_id) if self._kb is not None and self._source_id is not None else None
        self._apply_font(source.language if source is not None else None)

    def _apply_font(self, language: str | None) -> None:
        font = QFont(QApplication.font())
        font.setPointSizeF(max(6.0, BASE_POINT_SIZE + 1 + self._zoom * ZOOM_STEP))
        self.text.setFont(with_fallbacks(font, language))

    # --- quotes --------------------------------------------------------------------------
    def quote_count(self) -> int:
        return len(self._spans)

    def current_quote(self) -> QuoteSpan | None:
        return self._spans[self._current] if self._current is not None else None

    def next_quote(self) -> None:
        self._step_quote(1)

    def previous_quote(self) -> None:
        self._step_quote(-1)

    def _step_quote(self, step: int) -> None:
        if not self._spans:
            return
        if self._current is None:
            self._set_current(0 if step > 0 else len(self._spans) - 1)
        else:
            self._set_current((self._current + step) % len(self._spans))

    def _set_current(self, index: int | None) -> None:
        self._current = index
        count = len(self._spans)
        self.previous_button.setEnabled(count > 1 or (count == 1 and index is None))
        self.next_button.setEnabled(self.previous_button.isEnabled())
        if index is None:
            self.position_label.setText(self.tr("%n quote(s) of this card from this source", "", count))
        else:
            span = self._spans[index]
            assert self._entity is not None
            statement = self._entity.claims[span.claim_index].statement
            self.position_label.setText(fill(self.tr("Quote %1 of %2 · %3"), index + 1, count, statement))
            self._scroll_to(span.start)
        self._refresh_highlights()

    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self._positions.position(start))
        cursor.setPosition(self._positions.position(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _scroll_to(self, start: int) -> None:
        """Centre a passage; the caret-less cursor moves there, no selection is made or lost."""
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self._positions.position(start))
        self.text.setTextCursor(cursor)
        self.text.centerCursor()

    def _refresh_highlights(self) -> None:
        colors = DARK if self.palette().color(QPalette.ColorRole.Base).lightness() < 128 else LIGHT
        selections = []
        layers = [(s.start, s.end, i == self._current, colors.current_quote, colors.quote) for i, s in enumerate(self._spans)]
        layers += [(s, e, i == self._match, colors.current_match, colors.match) for i, (s, e) in enumerate(self._matches)]
        for start, end, strong, strong_color, light_color in sorted(layers, key=lambda layer: layer[2]):  # the current on top
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self._cursor(start, end)
            selection.format = _char_format(strong_color if strong else light_color, strong)
            selections.append(selection)
        self.text.setExtraSelections(selections)

    def highlighted_quotes(self) -> list[str]:
        """The text of each highlighted quote, in text order (a line break as "\n")."""
        return [self._selected(self._cursor(s.start, s.end)) for s in self._spans]

    def highlighted_text(self) -> str:
        """The current quote's highlighted text, or "" when there is none."""
        span = self.current_quote()
        return self._selected(self._cursor(span.start, span.end)) if span is not None else ""

    @staticmethod
    def _selected(cursor: QTextCursor) -> str:
        return cursor.selectedText().replace("\u2029", "\n")

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.text.fill_margins()
            self._refresh_highlights()

    # --- find ----------------------------------------------------------------------------
    def open_find(self) -> None:
        self.find_bar.open()
        self._find(self.find_bar.field.text())

    def close_find(self) -> None:
        self.find_bar.hide()
        self._matches, self._match = [], None
        self._refresh_highlights()
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def match_count(self) -> int:
        return len(self._matches)

    def _find(self, query: str) -> None:
        if self._folded is None or self._folded.text is not self._source_text:
            from evcards.search.text_find import SearchableText  # with the first search, not at start-up

            self._folded = SearchableText(self._source_text)
        self._matches = self._folded.find_all(query)
        here = self.current_quote()
        after = here.start if here is not None else 0
        self._match = next((i for i, (s, _) in enumerate(self._matches) if s >= after), 0) if self._matches else None
        self._show_match()

    def _step_match(self, step: int) -> None:
        if self._matches:
            self._match = ((self._match or 0) + step) % len(self._matches) if self._match is not None else 0
            self._show_match()

    def _show_match(self) -> None:
        self.find_bar.set_count(self._match, len(self._matches))
        if self._match is not None:
            self._scroll_to(self._matches[self._match][0])
        self._refresh_highlights()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+F and Esc in the pane belong to it, not to the window's shortcuts."""
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            assert isinstance(event, QKeyEvent)
            find = event.matches(QKeySequence.StandardKey.Find)
            escape = event.key() == Qt.Key.Key_Escape and self.find_bar.isVisible()
            if find or escape:
                if event.type() == QEvent.Type.ShortcutOverride:
                    event.accept()
                else:
                    self.open_find() if find else self.close_find()
                return True
        return False
