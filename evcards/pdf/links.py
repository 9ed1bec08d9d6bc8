"""Links between cards in print: a relation's name links to its card when the PDF holds that card.

The card's print parts keep each relation target's `entity_link` href, drawn as plain text.
Qt's PDF engine writes every anchor it draws as a /Link annotation with a /URI action, at the
rectangle where the text was drawn; `evcards.pdf.finish.link_cards` turns the `evcards:`
ones into links to a page. So the anchors of cards the PDF holds get the link colour, and the
others stop being anchors: a one-card PDF, a printout, or a card whose target was left out
shows a plain name, never a dead link.
"""

from __future__ import annotations

from collections.abc import Container

from PySide6.QtGui import QBrush, QColor, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat

from evcards.card.basics import entity_link_target
from evcards.card.parts import PRINT_COLORS


def _entity_anchors(document: QTextDocument) -> list[tuple[int, int, str, QTextCharFormat]]:
    """(position, length, entity id, format) of every fragment that links to an entity."""
    found: list[tuple[int, int, str, QTextCharFormat]] = []
    block = document.begin()
    while block.isValid():  # every block, those in table cells included
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            char = fragment.charFormat()
            if char.isAnchor() or char.anchorHref():
                target = entity_link_target(char.anchorHref())
                if target is not None:
                    found.append((fragment.position(), fragment.length(), target, char))
            it += 1
        block = block.next()
    return found


def link_relations(document: QTextDocument, linked: Container[str]) -> None:
    """Colour the relation names whose entity is in `linked` as links; make the rest plain text.

    Call before the document is laid out for the page: the edits would lay it out again."""
    anchors = _entity_anchors(document)
    if not anchors:
        return
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for position, length, target, char in anchors:
        changed = QTextCharFormat(char)
        if target in linked:
            changed.setForeground(QBrush(QColor(PRINT_COLORS.link)))
        else:
            changed.clearProperty(QTextFormat.Property.AnchorHref)
            changed.clearProperty(QTextFormat.Property.IsAnchor)
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(changed)
    cursor.endEditBlock()
