"""The card of a format-2 knowledge base: each claim's verdict in words, each evidence item
with its own way to the source."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from evcards.card.basics import source_link
from tests.conftest import open_window
from tests.gui_helpers import click_entity, click_link, shown_card_id

MULTILINGUAL = Path(__file__).parent.parent / "data" / "multilingual" / "kb.json"


def test_the_card_shows_each_claims_verdict_in_words(qtbot: Any, settings: Any) -> None:
    window = open_window(qtbot, settings, MULTILINGUAL)
    click_entity(qtbot, window, "小米")
    assert shown_card_id(window) == "小米"
    text = window.card.toPlainText()
    assert text.startswith("Xiaomi 小米 · شاومي · शाओमी · Сяоми")
    for words in ("✓ Supported", "⇄ Contested", "✗ Refuted", "◐ Partly supported", "○ No source quote", "? Unconfirmed"):
        assert words in text, words
    assert "− Refutes · [" in text and "· Context · [" in text  # each item's stance, then its source's reference
    assert "\n[1] " in text and "Новость" in text and "小米简介" in text  # the sources themselves, once, in Sources
    assert text.count("○ No source quote") == 2
    window.close()


def test_show_in_source_opens_the_evidence_item_clicked(qtbot: Any, settings: Any) -> None:
    window = open_window(qtbot, settings, MULTILINGUAL)
    click_entity(qtbot, window, "小米")
    click_link(qtbot, window.card, source_link("小米", 2, 2))  # the third item of the contested claim: Russian, refutes
    view = window.source_view
    assert view is not None
    qtbot.waitUntil(view.isVisible)
    assert view.highlighted_text() == "выпустила первый электромобиль в 2024 году"
    assert view.source_title() == "Новость"
    window.close()
