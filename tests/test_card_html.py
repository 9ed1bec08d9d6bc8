"""The card HTML, without Qt: what each verification mark says."""

from __future__ import annotations

import html

from hypothesis import given
from hypothesis import strategies as st

from evcards.card import render_card_html
from evcards.card_basics import escape
from evcards.loader import load
from tests.conftest import KbWriter, minimal_kb


def test_a_quote_found_without_its_prefix_says_why_it_is_approximate(write_kb: KbWriter) -> None:
    data = minimal_kb()
    data["entities"][1]["claims"][0]["quote"] = {"exact": "Lei Jun founded", "prefix": "nowhere "}
    kb = load(write_kb(data)).knowledge_base
    html = render_card_html(kb, kb.entity("lei-jun"))
    assert "≈ Quote matches only approximately" in html
    assert "not with the given prefix/suffix" in html and "the source says" not in html


def test_a_quote_with_straight_quotes_shows_what_the_source_says(write_kb: KbWriter) -> None:
    data = minimal_kb()
    data["entities"][1]["claims"][0]["quote"] = "Lei's \"last entrepreneurship.\""
    kb = load(write_kb(data)).knowledge_base
    assert "the source says: “Lei’s “last entrepreneurship.””" in render_card_html(kb, kb.entity("lei-jun"))


@given(st.text())
def test_the_cards_escape_is_the_standard_librarys(text: str) -> None:
    """evcards.card_basics keeps its own copy (start-up); it must never differ from html.escape."""
    assert escape(text) == html.escape(text)
