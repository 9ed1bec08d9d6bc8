"""The card's content, without Qt: what each verification mark says, and which links it has."""

from __future__ import annotations

from evcards.card.content import card_parts
from evcards.card.parts import Paragraph, Part, RelationTable, Run, card_text
from tests.conftest import KbWriter, load_entity, minimal_kb


def _text(data: dict, entity_id: str, write_kb: KbWriter, for_print: bool = False) -> str:
    kb, entity = load_entity(write_kb, data, entity_id)
    return card_text(card_parts(kb, entity, for_print=for_print))


def test_a_quote_found_without_its_prefix_says_why_it_is_approximate(write_kb: KbWriter) -> None:
    data = minimal_kb()
    data["entities"][1]["claims"][0]["quote"] = {"exact": "Lei Jun founded", "prefix": "nowhere "}
    text = _text(data, "lei-jun", write_kb)
    assert "≈ quote matches the source only approximately" in text
    assert "not with the given prefix/suffix" in text and "the source says" not in text


def test_a_quote_with_straight_quotes_shows_what_the_source_says(write_kb: KbWriter) -> None:
    data = minimal_kb()
    data["entities"][1]["claims"][0]["quote"] = 'Lei\'s "last entrepreneurship."'
    text = _text(data, "lei-jun", write_kb)
    assert "the source says: Xiaomi’s EV venture is “Lei’s “last entrepreneurship.”” Since its inception" in text
    assert "≈ quote matches the source only approximately — curly vs straight apostrophe, curly vs straight quotation marks" in text


def test_a_missing_quote_is_marked_and_offers_no_way_to_the_source(write_kb: KbWriter) -> None:
    data = minimal_kb()
    data["entities"][1]["claims"][0]["quote"] = "nowhere in the article"
    kb, entity = load_entity(write_kb, data, "lei-jun")
    parts = card_parts(kb, entity)
    assert "✗ quote not found in source" in card_text(parts)
    assert not any(href.startswith("evcards:source/") for href in _links(parts))


def _links(parts: list[Part]) -> list[str]:
    runs = [run for part in parts if isinstance(part, Paragraph) for run in part.runs]
    runs += [run for part in parts if isinstance(part, RelationTable) for row in part.rows for run in row.targets]
    return [run.href for run in runs if isinstance(run, Run) and run.href]


def _hrefs(write_kb: KbWriter, *, for_print: bool) -> list[str]:
    data = minimal_kb()
    data["sources"][0]["url"] = "https://example.com/article"
    kb, entity = load_entity(write_kb, data, "lei-jun")
    return _links(card_parts(kb, entity, for_print=for_print))


def test_on_screen_the_card_links_to_sources_relations_and_the_web(write_kb: KbWriter) -> None:
    assert sorted(_hrefs(write_kb, for_print=False)) == [
        "#source-1",  # the quote's source reference, to the source's full citation in the card's Sources
        "evcards:entity/xiaomi",
        "evcards:source/lei-jun/0",
        "https://example.com/article",
    ]


def test_in_print_the_web_link_and_relation_targets_are_kept_not_source_links(write_kb: KbWriter) -> None:
    """A PDF links a relation to a card it holds (evcards.pdf.links); 'Show in source' is the window's."""
    assert sorted(_hrefs(write_kb, for_print=True)) == ["evcards:entity/xiaomi", "https://example.com/article"]


def test_card_links_are_read_back_as_they_were_written() -> None:
    from evcards.card.basics import entity_link, entity_link_target, source_link_prefix, source_link_target

    assert entity_link_target(entity_link("lei jun/2")) == "lei jun/2"
    assert source_link_target(source_link_prefix("lei jun/2") + "7") == ("lei jun/2", 7)
    assert entity_link_target(source_link_prefix("xiaomi") + "0") is None
    assert source_link_target(entity_link("xiaomi")) is None
    assert source_link_target(source_link_prefix("xiaomi") + "last") is None
    assert entity_link_target("https://example.com/evcards:entity/x") is None


def test_the_card_as_text_says_all_the_card_says(write_kb: KbWriter) -> None:
    data = minimal_kb()
    data["sources"][0].update(url="https://example.com/article", accessed="2024-04-05")
    lei = data["entities"][1]
    lei["summary"] = "Founder\nof Xiaomi."  # data line breaks: one line, as the card shows them
    lei["relations"].append({"type": "founder_of", "target": "lei-jun"})
    lei["claims"][0]["value"] = {"type": "year", "year": 2010}
    lei["claims"].append({"statement": "Approximately.", "quote": {"exact": "Lei Jun founded", "prefix": "nowhere "}, "source": "article"})
    text = _text(data, "lei-jun", write_kb, for_print=True)
    assert text.startswith("Lei Jun (雷军)\nPerson\nAlso known as Lei\n\nFounder of Xiaomi.\n\nRelations\nFounder of: Xiaomi, Lei Jun\n")
    in_context = "… Xiaomi has disrupted the smartphone industry. “Lei Jun founded Xiaomi”. Lei Jun likes phones."
    assert f"\n\n1. Founded Xiaomi. (2010)  ✓ Supported\n   {in_context}\n   [1] · ✓ quote found in source\n" in text
    in_context = "… Xiaomi has disrupted the smartphone industry. “Lei Jun founded” Xiaomi. Lei Jun likes phones."
    assert f"\n\n2. Approximately.  ✓ Supported\n   {in_context}\n   [1] · ≈ quote matches the source only approximately — " in text
    assert text.endswith("\n\nSources\n\n[1] An article\nhttps://example.com/article\nAccessed 2024-04-05\n")


def test_a_card_with_no_native_name_relations_or_claims_as_text(write_kb: KbWriter) -> None:
    data = minimal_kb()
    data["entities"][0].update(native_name=None, claims=[], relations=[])
    data["entities"][1]["relations"] = []
    assert _text(data, "xiaomi", write_kb, for_print=True) == "Xiaomi\nOrganization\n\nA company.\n\nClaims\n\nNo claims yet.\n"


def test_each_evidence_item_has_its_own_show_in_source_link() -> None:
    from evcards.card.basics import source_link, source_link_evidence, source_link_prefix, source_link_target

    first, third = source_link("小米", 4), source_link("小米", 4, 2)
    assert first == source_link_prefix("小米") + "4"  # a claim's first item keeps the format-1 link
    assert source_link_target(third) == ("小米", 4) and source_link_evidence(third) == 2
    assert source_link_evidence(first) == 0 and source_link_target(source_link_prefix("x") + "4.x") is None


def test_a_claim_with_no_evidence_has_no_quote_and_no_citation(write_kb: KbWriter) -> None:
    data = minimal_kb(format=2)
    data["entities"][1]["claims"] = [{"statement": "Not sourced yet."}]
    text = _text(data, "lei-jun", write_kb)
    assert text.endswith("\n\n1. Not sourced yet.  ○ No source quote\n")  # no quote, no citation, no Sources section


def test_a_free_text_kind_is_shown_as_written_with_a_capital_first_letter() -> None:
    from evcards.card.basics import kind_label

    assert [kind_label(k) for k in ("person", "research-group", "iPhone model", "Automobilhersteller (Marke)", "ville")] == [
        "Person",
        "Research group",
        "IPhone model",
        "Automobilhersteller (Marke)",
        "Ville",
    ]
