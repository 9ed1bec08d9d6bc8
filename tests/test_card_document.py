"""The card document's font: unshaped (fast) only where shaping changes nothing a reader sees."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QFont, QTextDocument

from evcards.card_document import build_card_document, card_font, needs_shaping
from evcards.loader import load
from tests.conftest import KbWriter, minimal_kb

ARABIC_NAME = "شركة السيارات"


@pytest.mark.parametrize("text", ["Lei Jun", "雷军 小米", "Škoda Ωmega Москва", "— “quoted” · ✓ ✗ ≈ 3× €", "한국 カタカナ"])
def test_latin_greek_cyrillic_han_kana_hangul_and_symbols_need_no_shaping(text: str) -> None:
    assert not needs_shaping(text)


@pytest.mark.parametrize(
    "text",
    [
        ARABIC_NAME,
        "नमस्ते",
        "e\u0301",  # e + combining acute
        "б\u0483г",  # Cyrillic titlo
        "v\u20d7",  # combining arrow above (a vector)
        "か\u309a",  # kana semi-voiced mark
        "\u1100\u1161",  # Hangul jamo, composed by shaping
        "🚗",
    ],
)
def test_joined_scripts_combining_marks_and_emoji_need_shaping(text: str) -> None:
    assert needs_shaping(text)


def _unshaped(font: QFont) -> bool:
    return bool(font.styleStrategy() & QFont.StyleStrategy.PreferNoShaping)


def _first_line_width(document: QTextDocument) -> float:
    document.setTextWidth(2000)
    document.size()
    return document.firstBlock().layout().lineAt(0).naturalTextWidth()


def test_a_card_of_simple_text_is_laid_out_unshaped_on_screen_and_shaped_for_print(qapp: Any, write_kb: KbWriter) -> None:
    kb = load(write_kb(minimal_kb())).knowledge_base
    entity = kb.entity("lei-jun")
    assert entity is not None
    assert _unshaped(build_card_document(kb, entity).defaultFont())
    assert not _unshaped(build_card_document(kb, entity, for_print=True).defaultFont())


def _strategies(document: QTextDocument) -> list[tuple[int, bool]]:
    """(heading level, drawn unshaped) for each block's first piece of text."""
    found = []
    block = document.begin()
    while block.isValid():
        fragment = block.begin().fragment()
        if fragment.isValid():
            found.append((block.blockFormat().headingLevel(), _unshaped(fragment.charFormat().font())))
        block = block.next()
    return found


def test_the_entity_name_keeps_its_kerning_on_screen(qapp: Any, write_kb: KbWriter) -> None:
    kb = load(write_kb(minimal_kb())).knowledge_base
    entity = kb.entity("xiaomi")
    assert entity is not None
    found = _strategies(build_card_document(kb, entity))
    assert found[0] == (1, False)  # the name, a large heading: shaped, so kerned
    assert len(found) > 5 and all(unshaped for _, unshaped in found[1:])


def test_a_card_with_arabic_text_keeps_its_letters_joined(qapp: Any, write_kb: KbWriter) -> None:
    data = minimal_kb()
    data["entities"][1]["name"] = ARABIC_NAME
    kb = load(write_kb(data)).knowledge_base
    entity = kb.entity("lei-jun")
    assert entity is not None
    document = build_card_document(kb, entity)
    assert not _unshaped(document.defaultFont())
    shaped_width = _first_line_width(document)
    # The same heading drawn without shaping: isolated letter forms, visibly wider.
    document.setDefaultFont(card_font(shaped=False))
    assert shaped_width < 0.9 * _first_line_width(document)
