"""The card on screen: a read-only QTextBrowser that shows the shared card document.

Links never navigate the browser itself: `evcards:` links become signals, `#source-1` links
scroll to the card's Sources, http(s) links go to the system browser when clicked, and nothing
is ever loaded because of data content.

The card reads as a page: its text stays in a centred column no wider than the measure
(`evcards.card.document.set_column`) at any window width. It shows no text caret (the keys
scroll: Home, End, Page Up, Page Down, the arrows) and, when it has focus, a frame in the
palette's highlight colour that shows in light and dark palettes alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPalette, QPen, QRegion
from PySide6.QtWidgets import QMenu, QTextBrowser, QWidget

from evcards.card.basics import BASE_POINT_SIZE, entity_link_target, is_web_url, source_link_evidence, source_link_target
from evcards.gui.plain_text import plain_tooltip

if TYPE_CHECKING:  # links and the text cursor: loaded when a link is used, not at start-up
    from PySide6.QtCore import QMimeData, QUrl
    from PySide6.QtGui import QContextMenuEvent, QFocusEvent, QHelpEvent, QKeyEvent, QPaintEvent, QResizeEvent

    from evcards.card.document import CardWriter
    from evcards.card.parts import Part
    from evcards.kb.loaded import LoadedKnowledgeBase
    from evcards.kb.model import Entity

ZOOM_STEP = 1.0
# A card is written whole when `show_card` returns up to this many parts (about 100 claims with
# a quote each, ~30 ms): every usual card. A longer one goes on a slice per turn of the event
# loop, each of about `SLICE_SECONDS` of writing (as long again to lay out), so that the window
# answers while it grows: 2,000 quotes with their differences take seconds in all.
FIRST_SLICE_PARTS = 300
SLICE_SECONDS = 0.04
FOCUS_FRAME_WIDTH = 2  # pixels: a frame, not Qt's thin dotted box
LINK_FRAME_MARGIN = 3  # pixels between a focused link's text and its frame


class FocusFrame(QWidget):
    """A frame drawn over the edge of its parent while the parent has focus: the card's own
    focus sign, drawn the same in every style and in the palette's highlight colour.

    It lies over the parent's border (and only there: its mask), lets every mouse event through
    and is shown and hidden by the parent."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._owner = parent
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    def fit(self) -> None:
        """Cover the parent's rectangle; only its edge is painted."""
        rect = QRect(0, 0, self._owner.width(), self._owner.height())
        self.setGeometry(rect)
        inner = rect.adjusted(FOCUS_FRAME_WIDTH, FOCUS_FRAME_WIDTH, -FOCUS_FRAME_WIDTH, -FOCUS_FRAME_WIDTH)
        self.setMask(QRegion(rect).subtracted(QRegion(inner)))
        self.raise_()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), FOCUS_FRAME_WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = FOCUS_FRAME_WIDTH / 2
        painter.drawRect(self.rect().toRectF().adjusted(half, half, -half, -half))


class CardView(QTextBrowser):
    entity_requested = Signal(str)
    source_requested = Signal(str, int, int)  # entity id, claim index, evidence item index
    card_changed = Signal()  # another entity, another file's version of it, or a placeholder
    rendered = Signal()  # the document was written anew, whole (a card or the placeholder): marks on it are gone
    copied = Signal(str)  # a card or a claim went to the clipboard: what to tell the user
    painted = Signal()  # the card's area was painted (see `evcards.gui.first_paint`)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setAccessibleName(self.tr("Entity card"))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        # Always there, so a long card is laid out once, not again when a scroll bar appears.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        flag = Qt.TextInteractionFlag
        # Not selectable by keyboard: that is what shows a caret and makes Home and End move
        # it along a line instead of scrolling. Tab still steps through the links.
        self.setTextInteractionFlags(flag.TextSelectableByMouse | flag.LinksAccessibleByMouse | flag.LinksAccessibleByKeyboard)
        self.focus_frame = FocusFrame(self)
        self._link_frame: QRect | None = None  # where the focused link's frame is drawn
        self.selectionChanged.connect(self._update_link_frame)
        self.anchorClicked.connect(self._follow)
        self._kb: LoadedKnowledgeBase | None = None
        self._entity: Entity | None = None
        self._preview: tuple[list[Part], str, str, bool | None] | None = None  # `show_preview`'s arguments
        self._zoom = 0
        self._viewport_width = 0  # from the viewport's resize events: see `resizeEvent`
        self._writer: CardWriter | None = None  # a card still being written, a slice per turn of the event loop
        self._slice_timer = QTimer(self)
        self._slice_timer.setSingleShot(True)
        self._slice_timer.timeout.connect(self._write_slice)
        self.show_placeholder(self.tr("Select an entity on the left to see its card."))

    @property
    def entity(self) -> Entity | None:
        return self._entity

    @property
    def knowledge_base(self) -> LoadedKnowledgeBase | None:
        """The knowledge base the card's entity is from (the window's may be newer)."""
        return self._kb

    def point_size(self) -> float:
        return max(6.0, BASE_POINT_SIZE + self._zoom * ZOOM_STEP)

    def set_zoom(self, steps: int) -> None:
        self._zoom = steps
        self._render()

    @property
    def shows_card(self) -> bool:
        """Whether a card is drawn (an entity's, or the first one's before the file is loaded)."""
        return self._entity is not None or self._preview is not None

    @property
    def preview_entity_id(self) -> str | None:
        """The entity whose card `show_preview` drew, while it is shown."""
        return self._preview[2] if self._preview is not None else None

    def show_card(self, kb: LoadedKnowledgeBase, entity: Entity) -> None:
        self._kb, self._entity, self._preview = kb, entity, None
        self._render()
        self.card_changed.emit()

    def let_go_of_knowledge_base(self) -> None:
        """Keep the card as laid out, and its entity, without its knowledge base (a reload: see
        `evcards.gui.reloading`); until the next `show_card` it is not written again."""
        self._kb = None

    def show_preview(self, parts: list[Part], title: str, entity_id: str, needs_shaping: bool | None = None) -> None:
        """Draw a card from its parts before its file is loaded (`evcards.gui.first_card`): it
        reads as the entity's card, but copying, source links and claim menus wait for the file.
        `needs_shaping`: whether their text needs shaping, when known (`evcards.card.shaping`)."""
        self._kb = self._entity = None
        self._preview = (parts, title, entity_id, needs_shaping)
        self._render()

    def show_placeholder(self, message: str) -> None:
        self._kb = self._entity = self._preview = None
        self._stop_writing()
        self.setPlainText(message)
        self.card_changed.emit()
        self.rendered.emit()

    def _render(self) -> None:
        if (self._kb is None or self._entity is None) and self._preview is None:
            return
        from evcards.card.document import colors_from_palette, start_card_document, start_parts_document

        colors, size, width = colors_from_palette(self.palette()), self.point_size(), self._viewport_width
        self._stop_writing()
        if self._kb is not None and self._entity is not None:
            self._writer = start_card_document(self._kb, self._entity, colors, point_size=size, document=self.document(), width=width)
        else:
            assert self._preview is not None
            parts, title, _, shaping = self._preview
            self._writer = start_parts_document(
                parts, title, colors, point_size=size, document=self.document(), width=width, text_needs_shaping=shaping
            )
        self._writer.write(FIRST_SLICE_PARTS)
        self.verticalScrollBar().setValue(0)
        self._written_or_next()

    def _write_slice(self) -> None:
        if self._writer is not None:
            self._writer.write(seconds=SLICE_SECONDS)
            self._written_or_next()

    def _written_or_next(self) -> None:
        """Say the card is written once it is whole; else write its next slice on the next turn."""
        if self._writer is not None and not self._writer.done:
            self._slice_timer.start(0)
            return
        self._writer = None
        self.rendered.emit()

    def _stop_writing(self) -> None:
        self._slice_timer.stop()
        self._writer = None

    def is_written(self) -> bool:
        """Whether the card is whole in the document (a huge one is written a slice at a time)."""
        return self._writer is None

    def finish_writing(self) -> None:
        """Write the rest of a card being written in slices now: for what needs the whole card."""
        if self._writer is not None:
            self._slice_timer.stop()
            self._writer.write()
            self._written_or_next()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The viewport's own resize (a scroll area's resizeEvent is its viewport's). Its width is
        # kept rather than asked of `viewport()`, which the first card need not call (see
        # `evcards.gui.first_paint`); a card written before the window is shown gets its
        # column here, when the window shows it.
        self._viewport_width = event.size().width()
        if self.shows_card:
            from evcards.card.document import set_column

            set_column(self.document(), self._viewport_width, self.point_size())
        super().resizeEvent(event)
        self.focus_frame.fit()

    def focused_link_rect(self) -> QRect | None:
        """Where (in the viewport) the frame of the link that has keyboard focus goes; None when
        no link has it, or it runs over two lines (Qt's own dotted box marks that one)."""
        cursor = self.textCursor()
        if not self.hasFocus() or not cursor.hasSelection() or not self.focused_href():
            return None
        from PySide6.QtGui import QTextCursor

        start, end = QTextCursor(cursor), QTextCursor(cursor)
        start.setPosition(cursor.selectionStart())
        end.setPosition(cursor.selectionEnd())
        first, last = self.cursorRect(start), self.cursorRect(end)
        if first.top() != last.top():
            return None
        margin = LINK_FRAME_MARGIN
        return QRect(first.topLeft(), last.bottomRight()).adjusted(-margin, -1, margin, 1)

    def _update_link_frame(self) -> None:
        """Repaint where the focused link's frame was and where it is now."""
        rect = self.focused_link_rect()
        for area in (self._link_frame, rect):
            if area is not None:
                self.viewport().update(area.adjusted(-FOCUS_FRAME_WIDTH, -FOCUS_FRAME_WIDTH, FOCUS_FRAME_WIDTH, FOCUS_FRAME_WIDTH))
        self._link_frame = rect

    def paintEvent(self, event: QPaintEvent) -> None:
        """The card, then a frame around the link that has keyboard focus: clearer than Qt's
        dotted box, in the palette's highlight colour."""
        super().paintEvent(event)
        self.painted.emit()
        rect = self.focused_link_rect()
        if rect is not None:
            painter = QPainter(self.viewport())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), FOCUS_FRAME_WIDTH))
            painter.drawRoundedRect(rect.toRectF(), 3, 3)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focus_frame.fit()
        self.focus_frame.show()
        self._update_link_frame()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_frame.hide()
        self._update_link_frame()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._render()

    def createMimeDataFromSelection(self) -> QMimeData:
        """A selection as Qt copies it, without the word joiners that keep each verdict on one line."""
        from evcards.card.document import WORD_JOINER

        data = super().createMimeDataFromSelection()
        if WORD_JOINER in data.text():
            data.setText(data.text().replace(WORD_JOINER, ""))
            data.setHtml(data.html().replace(WORD_JOINER, ""))
        return data

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        """Never fetch images or style sheets named by a document: data cannot reach out."""
        return None

    def focused_href(self) -> str:
        """The link that has keyboard focus (selected by Tab or Shift+Tab), or ""."""
        from PySide6.QtGui import QTextCursor

        cursor = QTextCursor(self.textCursor())
        if cursor.hasSelection():  # the format of the character after the start: Shift+Tab leaves the cursor there
            cursor.setPosition(cursor.selectionStart() + 1)
        return cursor.charFormat().anchorHref()

    def scroll_to_claim(self, index: int) -> bool:
        """Select claim `index`'s statement line ("3. The claim …") and bring it to the top of the
        card, as the timeline asks; False when the card has no such claim."""
        if self._entity is None or not 0 <= index < len(self._entity.claims):
            return False
        from PySide6.QtGui import QTextCursor

        self.finish_writing()
        start = f"{index + 1}. {self._entity.claims[index].statement}"
        block = self.document().firstBlock()
        while block.isValid() and not block.text().startswith(start):
            block = block.next()
        if not block.isValid():
            return False
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.cursorRect(QTextCursor(block)).top() - self.fontMetrics().height())
        return True

    def focused_claim(self) -> int | None:
        """The claim whose 'Show in source' link, or the source reference ("[1]") on the same
        line, has keyboard focus, if any."""
        href = self.focused_href()
        if href.startswith("#"):
            href = self._line_source_link()
        target = source_link_target(href)
        return target[1] if target is not None and self._entity is not None else None

    def _line_source_link(self) -> str:
        """The 'Show in source' link of the line the text cursor is on, or ""."""
        pieces = self.textCursor().block().begin()
        while not pieces.atEnd():
            href = pieces.fragment().charFormat().anchorHref()
            if source_link_target(href) is not None:
                return href
            pieces += 1
        return ""

    def viewportEvent(self, event: QEvent) -> bool:
        """Over a source's number ("[1]"), a tooltip gives its full citation, so that a reader
        need not scroll to the Sources to see what a quote is from."""
        if event.type() == QEvent.Type.ToolTip:
            from typing import cast

            from PySide6.QtWidgets import QToolTip

            help_event = cast("QHelpEvent", event)
            href = self.anchorAt(help_event.pos())
            citation = self.citation(href[1:]) if href.startswith("#") else ""
            if citation:
                QToolTip.showText(help_event.globalPos(), plain_tooltip(citation), self.viewport())
                return True
        return super().viewportEvent(event)

    def citation(self, anchor: str) -> str:
        """The text of the card's paragraph that holds `anchor` (a source's full citation in the
        Sources section, which ends the card), or "" (also while a huge card is written: they come last)."""
        block = self.document().lastBlock()
        while block.isValid():
            pieces = block.begin()
            while not pieces.atEnd():
                if anchor in pieces.fragment().charFormat().anchorNames():
                    return block.text().replace("\u2028", "\n")
                pieces += 1
            block = block.previous()
        return ""

    def _follow(self, url: QUrl) -> None:
        self._follow_href(bytes(url.toEncoded().data()).decode())

    def _follow_href(self, href: str) -> None:
        if href.startswith("#"):  # a source's reference: to its full citation
            self.scrollToAnchor(href[1:])
        elif (entity_id := entity_link_target(href)) is not None:
            self.entity_requested.emit(entity_id)
        elif (target := source_link_target(href)) is not None:
            if self._entity is not None:
                self.source_requested.emit(*target, source_link_evidence(href))
        elif is_web_url(href):
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl(href))

    def copy_card(self) -> None:
        """The whole card to the clipboard, as plain text, Markdown and HTML (`evcards.gui.card_copy`)."""
        if self._kb is not None and self._entity is not None:
            from evcards.gui.card_copy import copy_card

            copy_card(self._kb, self._entity)
            self.copied.emit(self.tr("Copied the card of %1 with its citations.").replace("%1", self._entity.name))

    def copy_claim(self, index: int) -> None:
        """Claim `index` with its quotes and the citations of its sources to the clipboard."""
        if self._kb is not None and self._entity is not None and 0 <= index < len(self._entity.claims):
            from evcards.gui.card_copy import copy_claim

            copy_claim(self._kb, self._entity, index)
            self.copied.emit(
                self.tr("Copied claim %1 of %2 with its citation.").replace("%1", str(index + 1)).replace("%2", self._entity.name)
            )

    def claim_at(self, pos: QPoint) -> int | None:
        """The claim whose statement, quotes or citation lines are at `pos` (in the viewport)."""
        if self._entity is None:
            return None
        from evcards.card.parts import one_line

        statements = {f"{k + 1}. {one_line(claim.statement)}": k for k, claim in enumerate(self._entity.claims)}
        block = self.cursorForPosition(pos).block()
        while block.isValid():
            text = block.text()
            if text in ("Sources", "Relations") or text.startswith("Claims ("):  # a section: not in a claim
                return None
            number = text.split(".", 1)[0]
            if number.isdigit():
                found = next((k for start, k in statements.items() if text.startswith(start) and k == int(number) - 1), None)
                if found is not None:
                    return found
            block = block.previous()
        return None

    def context_menu_at(self, pos: QPoint, claim: int | None = None) -> QMenu:
        """The card's context menu at `pos`: Copy Claim with Citation over a claim (or for
        `claim`), Copy Card, then Qt's standard items (Copy, Select All, Copy Link Location)."""
        from PySide6.QtGui import QAction

        menu = self.createStandardContextMenu(pos)
        first = menu.actions()[0] if menu.actions() else None
        added: list[QAction] = []
        claim = self.claim_at(pos) if claim is None else claim
        if claim is not None:
            action = QAction(self.tr("Copy Claim with Citation"), menu)
            action.setObjectName("action_copy_claim")
            action.triggered.connect(lambda _checked=False, index=claim: self.copy_claim(index))
            added.append(action)
        if self._entity is not None:
            action = QAction(self.tr("Copy Card"), menu)
            action.setObjectName("action_copy_whole_card")
            action.triggered.connect(lambda _checked=False: self.copy_card())
            added.append(action)
        if added:
            menu.insertActions(first, added)  # type: ignore[arg-type]  # None appends
            menu.insertSeparator(first)  # type: ignore[arg-type]
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """By mouse, the menu of the place clicked; by keyboard (the Menu key, Shift+F10), that
        of the claim whose link has focus."""
        keyboard = event.reason() == event.Reason.Keyboard
        menu = self.context_menu_at(event.pos(), self.focused_claim() if keyboard else None)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtGui import QKeySequence

        if event.matches(QKeySequence.StandardKey.Copy) and not self.textCursor().hasSelection() and self._entity is not None:
            self.copy_card()  # (with a selection, Qt copies it, as plain text, HTML and Markdown)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            href = self.focused_href()
            if href:
                self._follow_href(href)
                return
        super().keyPressEvent(event)
