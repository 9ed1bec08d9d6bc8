"""Format 2 read by the loader: what it accepts, and what it refuses with place and reason."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest

from evcards.kb.loader import load
from tests.conftest import ARTICLE_QUOTE, SOURCE_TEXT, KbWriter, load_entity, minimal_kb


def format_2(**overrides: Any) -> dict[str, Any]:
    data = minimal_kb(**{"format": 2, **overrides})
    for entity in data["entities"]:
        entity["claims"] = [
            {"statement": c["statement"], "evidence": [{"source": c["source"], "quote": c["quote"]}]} for c in entity["claims"]
        ]
    return data


def problems(write_kb: KbWriter, data: dict[str, Any]) -> dict[str, str]:
    result = load(write_kb(data))
    assert result.knowledge_base is None, "the file should be refused"
    return {p.place: p.message for p in result.problems}


def test_a_format_2_file_loads_and_its_claims_are_checked(write_kb: KbWriter) -> None:
    kb, xiaomi = load_entity(write_kb, format_2(), "xiaomi")
    [(item, check)] = kb.evidence(xiaomi, 0)
    assert item.stance == "supports" and check.start == SOURCE_TEXT.index(ARTICLE_QUOTE)


def test_a_format_1_claim_reads_as_one_supporting_evidence_item(write_kb: KbWriter) -> None:
    _, xiaomi = load_entity(write_kb, minimal_kb(), "xiaomi")
    [item] = xiaomi.claims[0].evidence_items
    assert (item.source, item.exact, item.stance) == ("article", ARTICLE_QUOTE, "supports")


def test_the_pair_and_a_list_together_are_all_evidence(write_kb: KbWriter) -> None:
    data = format_2()
    data["entities"][1]["claims"][0] |= {"quote": "Lei Jun likes", "source": "article"}
    kb, lei = load_entity(write_kb, data, "lei-jun")
    assert [item.exact for item in lei.claims[0].evidence_items] == ["Lei Jun likes", "Lei Jun founded Xiaomi"]
    assert [check.start for check in kb.checks(lei, 0)] == [SOURCE_TEXT.index("Lei Jun likes"), SOURCE_TEXT.index("Lei Jun founded")]


def test_an_inline_text_is_the_source_text(write_kb: KbWriter) -> None:
    data = format_2()
    data["sources"] = [{"id": "article", "text": "Inline: " + SOURCE_TEXT}]
    kb, xiaomi = load_entity(write_kb, data, "xiaomi")
    assert kb.check(xiaomi, 0).start == len("Inline: ") + SOURCE_TEXT.index(ARTICLE_QUOTE)
    assert kb.source_title("article") == "article"  # no title, no file: the id


@pytest.mark.parametrize("texts", [{}, {"text": "t", "text_file": "article.txt"}])
def test_a_source_has_exactly_one_text(write_kb: KbWriter, texts: dict[str, str]) -> None:
    data = format_2()
    data["sources"] = [{"id": "article", **texts}]
    assert problems(write_kb, data) == {
        "sources[0]": "give exactly one of 'text_file' (a file beside the JSON) and 'text' (the text itself)"
    }


@pytest.mark.parametrize(
    ("field", "value", "good"),
    [
        ("published", "2024", True),
        ("published", "2024-03", True),
        ("published", "2024-03-01", True),
        ("accessed", "2024-03-01T09:30:00+08:00", True),
        ("published", "March 2024", False),
        ("published", "2024-13", False),
        ("published", "2023-02-30", False),
        ("published", "2024-03-01T09:30:00Z", False),  # a publication date is a date
        ("accessed", "yesterday", False),
    ],
)
def test_dates_are_iso_8601(write_kb: KbWriter, field: str, value: str, good: bool) -> None:
    data = format_2()
    data["sources"][0][field] = value
    if good:
        assert load(write_kb(data)).is_valid
    else:
        [(place, message)] = problems(write_kb, data).items()
        assert place == f"sources[0].{field}" and message.startswith(
            f"{field} {value!r} is not an ISO 8601 date: write YYYY, YYYY-MM or YYYY-MM-DD"
        )


def test_a_claim_has_an_optional_date_and_section(write_kb: KbWriter) -> None:
    data = format_2()
    data["entities"][0]["claims"][0] |= {"date": "2010", "section": "History"}
    _, xiaomi = load_entity(write_kb, data, "xiaomi")
    assert (xiaomi.claims[0].date, xiaomi.claims[0].section) == ("2010", "History")
    data["entities"][0]["claims"][0]["date"] = "2010-1"
    assert problems(write_kb, data) == {
        "entities[0].claims[0].date": "date '2010-1' is not an ISO 8601 date: write YYYY, YYYY-MM or YYYY-MM-DD"
    }


def test_names_by_language_tag(write_kb: KbWriter) -> None:
    data = format_2()
    data["entities"][0] |= {"native_name": None, "names": {"zh-Hans": "小米", "en": "Xiaomi"}}
    _, xiaomi = load_entity(write_kb, data, "xiaomi")
    assert xiaomi.native_names == ["小米"]
    data["entities"][0]["names"] = {"zh_Hans": "小米"}
    assert problems(write_kb, data) == {"entities[0].names.zh_Hans": "'zh_Hans' is not a BCP 47 language tag, such as en, zh-Hans or pt-BR"}


def test_the_knowledge_base_has_an_optional_language(write_kb: KbWriter) -> None:
    assert load(write_kb(format_2(language="zh-Hans"))).is_valid
    assert problems(write_kb, format_2(language="en_US")) == {
        "language": "'en_US' is not a BCP 47 language tag, such as en, zh-Hans or pt-BR"
    }


def test_kind_is_free_text_but_not_empty(write_kb: KbWriter) -> None:
    data = format_2()
    data["entities"][0]["kind"] = "Automobilhersteller (Marke)"
    assert load(write_kb(data)).is_valid
    data["entities"][0]["kind"] = " "
    assert list(problems(write_kb, data)) == ["entities[0].kind"]


def test_an_id_in_nfd_is_its_nfc_twin(write_kb: KbWriter) -> None:
    data = format_2()
    nfd = unicodedata.normalize("NFD", "lei-jün")
    data["entities"][1]["id"] = nfd
    data["entities"][0]["relations"][0]["target"] = "lei-jün"
    kb, xiaomi = load_entity(write_kb, data, "xiaomi")
    assert xiaomi.relations[0].target == "lei-jün" and kb.entity("lei-jün") is not None
    data["entities"][0]["id"] = "lei-jün"  # now two entities have the same id, once normalised
    assert problems(write_kb, data)["entities[1].id"] == "duplicate entity id 'lei-jün' (first used at entities[0])"


def test_stance_is_one_of_four(write_kb: KbWriter) -> None:
    data = format_2()
    data["entities"][0]["claims"][0]["evidence"][0]["stance"] = "agrees"
    [(place, message)] = problems(write_kb, data).items()
    assert place == "entities[0].claims[0].evidence[0].stance" and "'supports', 'refutes', 'partial' or 'context'" in message


def test_an_evidence_source_must_exist(write_kb: KbWriter) -> None:
    data = format_2()
    data["entities"][0]["claims"][0]["evidence"][0]["source"] = "nowhere"
    assert problems(write_kb, data) == {"entities[0].claims[0].evidence[0].source": "no source has the id 'nowhere'"}


def test_a_bad_evidence_quote_is_named_as_format_1_quotes_are(write_kb: KbWriter) -> None:
    data = format_2()
    data["entities"][0]["claims"][0]["evidence"][0]["quote"] = " "
    assert problems(write_kb, data) == {
        "entities[0].claims[0].evidence[0].quote": "should be a string or an object with 'exact', with more than white space"
    }


def test_a_claim_without_evidence_is_valid_in_format_2_only(write_kb: KbWriter) -> None:
    data = format_2()
    data["entities"][0]["claims"] = [{"statement": "No quote yet."}, {"statement": "None either.", "evidence": []}]
    assert load(write_kb(data)).is_valid
    data = minimal_kb()
    del data["entities"][0]["claims"][0]["quote"], data["entities"][0]["claims"][0]["source"]
    assert problems(write_kb, data) == {
        "entities[0].claims[0].quote": 'required field is missing (format 1 claims have a quote; a claim without one needs "format": 2)'
    }


def test_evidence_lists_need_format_2(write_kb: KbWriter) -> None:
    data = format_2(format=1)
    assert problems(write_kb, data) == {
        "entities[0].claims[0].evidence": 'evidence lists are format 2: the file must say "format": 2',
        "entities[1].claims[0].evidence": 'evidence lists are format 2: the file must say "format": 2',
    }


@pytest.mark.parametrize(("given", "place"), [({"quote": "Lei Jun"}, "quote"), ({"source": "article"}, "source")])
def test_quote_and_source_go_together(write_kb: KbWriter, given: dict[str, str], place: str) -> None:
    data = format_2()
    data["entities"][1]["claims"].append({"statement": "Half a pair.", **given})
    [(where, message)] = problems(write_kb, data).items()
    assert where == f"entities[1].claims[1].{place}" and "'quote'" in message and "'source'" in message


def test_an_evidence_source_in_nfd_finds_its_source_in_nfc(write_kb: KbWriter) -> None:
    data = format_2()
    data["sources"][0]["id"] = "artïcle"
    for entity in data["entities"]:
        entity["claims"][0]["evidence"][0]["source"] = unicodedata.normalize("NFD", "artïcle")
    kb, xiaomi = load_entity(write_kb, data, "xiaomi")
    [(item, check)] = kb.evidence(xiaomi, 0)
    assert item.source == "artïcle" and check.start == SOURCE_TEXT.index(ARTICLE_QUOTE)
