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


def test_card_links_are_read_back_as_they_were_written() -> None:
    from evcards.card_basics import entity_link, entity_link_target, source_link_prefix, source_link_target

    assert entity_link_target(entity_link("lei jun/2")) == "lei jun/2"
    assert source_link_target(source_link_prefix("lei jun/2") + "7") == ("lei jun/2", 7)
    assert entity_link_target(source_link_prefix("xiaomi") + "0") is None
    assert source_link_target(entity_link("xiaomi")) is None
    assert source_link_target(source_link_prefix("xiaomi") + "last") is None
    assert entity_link_target("https://example.com/evcards:entity/x") is None
