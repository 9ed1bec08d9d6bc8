"""Helpers for the window tests: find rows and links on screen, and click them like a reader."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QInputMethodEvent, QTextCursor, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from evcards.gui.main_window import MainWindow


def shown_ids(window: MainWindow) -> list[str]:
    model = window.entity_pane.model
    return [model.entity_at(row).id for row in range(model.rowCount())]


def _row_index(window: MainWindow, entity_id: str) -> Any:
    row = window.entity_pane.model.row_of(entity_id)
    assert row is not None, f"{entity_id} is not in the list"
    return window.entity_pane.model.index(row, 0)


def row_center(window: MainWindow, entity_id: str) -> QPoint:
    """The centre of an entity's row, in the list viewport's coordinates (scrolled into view)."""
    view = window.entity_pane.list_view
    index = _row_index(window, entity_id)
    view.scrollTo(index)
    return view.visualRect(index).center()


def row_texts(window: MainWindow, entity_id: str) -> list[str]:
    """The lines of text the list's delegate draws for an entity's row, in drawing order."""
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

    class RecordingPainter(QPainter):
        def __init__(self, device: QImage) -> None:
            super().__init__(device)
            self.texts: list[str] = []

        def drawStaticText(self, *args: Any) -> None:
            self.texts.append(args[-1].text())
            super().drawStaticText(*args)

    view = window.entity_pane.list_view
    index = _row_index(window, entity_id)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.widget = view
    option.rect = view.visualRect(index)
    assert option.rect.height() >= 2 * view.fontMetrics().height()  # two lines per row
    image = QImage(option.rect.size(), QImage.Format.Format_ARGB32)
    option.rect.moveTo(0, 0)
    painter = RecordingPainter(image)
    try:
        view.itemDelegate().paint(painter, option, index)
    finally:
        painter.end()
    return painter.texts


def click_entity(qtbot: Any, window: MainWindow, entity_id: str) -> None:
    qtbot.mouseClick(window.entity_pane.list_view.viewport(), Qt.MouseButton.LeftButton, pos=row_center(window, entity_id))


def anchors(document: QTextDocument) -> list[tuple[str, str, int, int]]:
    """Every link in a document: (href, text, start, end), merging fragments of one link."""
    found: list[tuple[str, str, int, int]] = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            href = fragment.charFormat().anchorHref() if fragment.charFormat().isAnchor() else ""
            if href:
                start, end = fragment.position(), fragment.position() + fragment.length()
                if found and found[-1][0] == href and found[-1][3] == start:
                    previous = found.pop()
                    found.append((href, previous[1] + fragment.text(), previous[2], end))
                else:
                    found.append((href, fragment.text(), start, end))
            it += 1
        block = block.next()
    return found


def link_point(card: Any, href: str) -> QPoint:
    """A point in the card's viewport on the link `href`, after scrolling it into view."""
    for found_href, _text, start, end in anchors(card.document()):
        if found_href == href:
            cursor = QTextCursor(card.document())
            cursor.setPosition((start + end) // 2)
            card.setTextCursor(cursor)
            card.ensureCursorVisible()
            cursor.setPosition(start)
            left = card.cursorRect(cursor)
            cursor.setPosition(start + 1)
            right = card.cursorRect(cursor)
            return QRect(left.topLeft(), right.bottomRight()).center()
    raise AssertionError(f"no link {href!r} in the card: {[a[0] for a in anchors(card.document())]}")


def click_link(qtbot: Any, card: Any, href: str) -> None:
    point = link_point(card, href)
    qtbot.mouseClick(card.viewport(), Qt.MouseButton.LeftButton, pos=point)


def focus_widget() -> QWidget | None:
    return QApplication.focusWidget()


def type_text(qtbot: Any, widget: QWidget, text: str) -> None:
    """Type like a reader: ASCII characters as key clicks, others as an input method commits them.

    (QTest's key clicks do not know every character; Chinese arrives through an input method anyway.)"""
    for ch in text:
        if ord(ch) < 128:
            qtbot.keyClicks(widget, ch)
        else:
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


def shown_card_id(window: MainWindow) -> str | None:
    """The id of the entity whose card is shown."""
    return window.card.entity.id if window.card.entity is not None else None


def marked_texts(window: MainWindow) -> list[str]:
    """The words the card marks (its extra selections), in card order."""
    return [selection.cursor.selectedText() for selection in window.card.extraSelections()]


def click_through_window(window: QWidget, widget: QWidget, button: Qt.MouseButton, pos: QPoint | None = None) -> None:
    """A mouse button as a real one arrives: at the window's QWindow, which hands it to the
    widget under the pointer (`pos` in `widget`'s coordinates, its centre by default), after
    the event loop has turned (the window watches its buttons from the turn after it is shown)."""
    QApplication.processEvents()
    point = widget.mapTo(window, pos if pos is not None else widget.rect().center())
    QTest.mouseClick(window.windowHandle(), button, Qt.KeyboardModifier.NoModifier, point)


def contrast(ink: Any, background: Any) -> float:
    """WCAG 2 contrast ratio of two QColors."""

    def luminance(colour: Any) -> float:
        parts = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (colour.redF(), colour.greenF(), colour.blueF())]
        return 0.2126 * parts[0] + 0.7152 * parts[1] + 0.0722 * parts[2]

    high, low = sorted((luminance(ink), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)
