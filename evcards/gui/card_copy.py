"""A card, or one claim with its citation, on the clipboard in three formats at once: plain
text, Markdown and HTML, so that a text editor, a Markdown editor and a word processor each
paste what suits them (`evcards.card.content.card_text`, `evcards.card.markdown`,
`evcards.card.html_export`: all made from the printed card's parts).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:
    from evcards.kb.loaded import LoadedKnowledgeBase
    from evcards.kb.model import Entity

MARKDOWN = "text/markdown"


def _mime_data(plain: str, markdown: str, html: str) -> QMimeData:
    data = QMimeData()
    data.setText(plain)
    data.setHtml(html)
    data.setData(MARKDOWN, markdown.encode("utf-8"))
    return data


def card_mime_data(kb: LoadedKnowledgeBase, entity: Entity) -> QMimeData:
    """The whole card, as printed ("Show in source" links lead nowhere outside the window)."""
    from evcards.card.content import card_parts
    from evcards.card.html_export import card_html
    from evcards.card.markdown import card_markdown
    from evcards.card.parts import card_text

    return _mime_data(card_text(card_parts(kb, entity, for_print=True)), card_markdown(kb, entity), card_html(kb, entity))


def claim_mime_data(kb: LoadedKnowledgeBase, entity: Entity, index: int) -> QMimeData:
    """Claim `index` with its quotes, their checks and the citations of its sources."""
    from evcards.card.claim_parts import claim_parts
    from evcards.card.html_export import parts_html
    from evcards.card.markdown import parts_markdown
    from evcards.card.parts import card_text

    parts = claim_parts(kb, entity, index)
    return _mime_data(card_text(parts).lstrip("\n"), parts_markdown(parts, entity), parts_html(kb, parts, entity))


def copy_card(kb: LoadedKnowledgeBase, entity: Entity) -> None:
    QGuiApplication.clipboard().setMimeData(card_mime_data(kb, entity))


def copy_claim(kb: LoadedKnowledgeBase, entity: Entity, index: int) -> None:
    QGuiApplication.clipboard().setMimeData(claim_mime_data(kb, entity, index))
