"""The card on screen: a read-only QTextBrowser that shows the shared card document.

Links never navigate the browser itself: `evcards:` links become signals, http(s) links go to
the system browser when clicked, and nothing is ever loaded because of data content.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from evcards.card.basics import BASE_POINT_SIZE, entity_link_target, is_web_url, source_link_evidence, source_link_target

if TYPE_CHECKING:  # links and the text cursor: loaded when a link is used, not at start-up
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QKeyEvent

    from evcards.kb.loaded import LoadedKnowledgeBase
    from evcards.kb.model import Entity

ZOOM_STEP = 1.0


class CardView(QTextBrowser):
    entity_requested = Signal(str)
    source_requested = Signal(str, int, int)  # entity id, claim index, evidence item index
    rendered = Signal()  # the document was written anew (a card or the placeholder): marks on it are gone

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setAccessibleName("Entity card")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        # Always there, so a long card is laid out once, not again when a scroll bar appears.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        flag = Qt.TextInteractionFlag
        self.setTextInteractionFlags(
            flag.TextSelectableByMouse | flag.TextSelectableByKeyboard | flag.LinksAccessibleByMouse | flag.LinksAccessibleByKeyboard
        )
        self.anchorClicked.connect(self._follow)
        self._kb: LoadedKnowledgeBase | None = None
        self._entity: Entity | None = None
        self._zoom = 0
        self.show_placeholder("Select an entity on the left to see its card.")

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

    def show_card(self, kb: LoadedKnowledgeBase, entity: Entity) -> None:
        self._kb, self._entity = kb, entity
        self._render()

    def show_placeholder(self, message: str) -> None:
        self._kb = self._entity = None
        self.setPlainText(message)
        self.rendered.emit()

    def _render(self) -> None:
        if self._kb is None or self._entity is None:
            return
        from evcards.card.document import build_card_document, colors_from_palette

        build_card_document(
            self._kb, self._entity, colors_from_palette(self.palette()), point_size=self.point_size(), document=self.document()
        )
        self.verticalScrollBar().setValue(0)
        self.rendered.emit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._render()

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

    def focused_claim(self) -> int | None:
        """The claim whose 'Show in source' link has keyboard focus, if any."""
        target = source_link_target(self.focused_href())
        return target[1] if target is not None and self._entity is not None else None

    def _follow(self, url: QUrl) -> None:
        self._follow_href(bytes(url.toEncoded().data()).decode())

    def _follow_href(self, href: str) -> None:
        if (entity_id := entity_link_target(href)) is not None:
            self.entity_requested.emit(entity_id)
        elif (target := source_link_target(href)) is not None:
            if self._entity is not None:
                self.source_requested.emit(*target, source_link_evidence(href))
        elif is_web_url(href):
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl(href))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            href = self.focused_href()
            if href:
                self._follow_href(href)
                return
        super().keyPressEvent(event)
