"""The multilingual fixture (tests/data/multilingual, see its README): it loads, its ids are
compared after NFC, inline texts are source texts, and every quote's status and every verdict
are the ones its README gives."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from evcards.card.content import card_parts
from evcards.card.parts import card_text
from evcards.kb.loaded import LoadedKnowledgeBase
from evcards.kb.loader import load
from evcards.kb.quotes import QuoteStatus
from evcards.kb.verdicts import Verdict
from tests.conftest import load_kb

FIXTURE = Path(__file__).parent.parent / "data" / "multilingual" / "kb.json"
ZURICH = "Zürich"  # NFC here; NFD in the file


@pytest.fixture(scope="module")
def kb() -> LoadedKnowledgeBase:
    return load_kb(FIXTURE)


def test_it_loads_with_no_error(kb: LoadedKnowledgeBase) -> None:
    assert kb.data.format == 2 and kb.data.language == "en"
    assert [e.id for e in kb.entities] == ["小米", "雷军", "su7", ZURICH, "zürich-city", "ソニー", "삼성"]


def test_ids_in_nfd_are_their_nfc_twins(kb: LoadedKnowledgeBase) -> None:
    assert unicodedata.is_normalized("NFD", FIXTURE.read_text(encoding="utf-8").split('"id": "Z')[1][:8])
    zurich = kb.entity(ZURICH)
    assert zurich is not None and kb.entity(unicodedata.normalize("NFD", ZURICH)) is None  # ids are kept in NFC
    city = kb.entity("zürich-city")
    assert city is not None and city.relations[0].target == ZURICH
    assert kb.source("zürich-de") is not None


def test_inline_texts_are_the_source_texts(kb: LoadedKnowledgeBase) -> None:
    assert kb.source_text("ja-inline") == "ソニーは1946年に東京で設立された。ソニーは「ウォークマン」で知られている。"
    sony = kb.entity("ソニー")
    assert sony is not None
    check = kb.check(sony, 0)
    assert check.status is QuoteStatus.VERIFIED and kb.source_text("ja-inline")[check.start : check.end] == sony.claims[0].exact


def test_a_source_without_title_is_called_by_its_file_name(kb: LoadedKnowledgeBase) -> None:
    assert kb.source_title("su7-launch") == "xiaomi-en.txt" and kb.source_title("小米新闻") == "小米简介"


def test_names_in_other_scripts(kb: LoadedKnowledgeBase) -> None:
    xiaomi, lei = kb.entity("小米"), kb.entity("雷军")
    assert xiaomi is not None and lei is not None
    assert xiaomi.native_names == ["小米", "شاومي", "शाओमी", "Сяоми"]  # "Xiaomi" is its name already
    assert lei.native_names == ["雷军"]  # native_name and names agree: once
    assert xiaomi.language_of("शाओमी") == "hi"


V, A, N = QuoteStatus.VERIFIED, QuoteStatus.APPROXIMATE, QuoteStatus.NOT_FOUND
EXPECTED = {  # the README's table: (entity, claim index) -> each evidence item's quote status, the verdict
    ("小米", 0): ((V,), Verdict.SUPPORTED),
    ("小米", 1): ((A,), Verdict.SUPPORTED),  # () where the source has （）
    ("小米", 2): ((V, V, V), Verdict.CONTESTED),
    ("小米", 3): ((V,), Verdict.REFUTED),
    ("小米", 4): ((V, V), Verdict.PARTLY_SUPPORTED),
    ("小米", 5): ((), Verdict.NO_SOURCE_QUOTE),
    ("小米", 6): ((), Verdict.NO_SOURCE_QUOTE),
    ("小米", 7): ((N,), Verdict.UNCONFIRMED),
    ("小米", 8): ((A,), Verdict.SUPPORTED),  # "Сяоми" where the source has «Сяоми»
    ("雷军", 0): ((V,), Verdict.SUPPORTED),
    ("su7", 0): ((V,), Verdict.SUPPORTED),  # a zero-width space inside "Xiaomi" in the source
    ("su7", 1): ((V,), Verdict.SUPPORTED),  # a line break and indent inside the quote in the source
    ("su7", 2): ((V,), Verdict.SUPPORTED),  # a soft hyphen in the source
    ("su7", 3): ((N,), Verdict.UNCONFIRMED),
    ("Zürich", 0): ((V,), Verdict.SUPPORTED),  # quote NFC, source NFD
    ("Zürich", 1): ((V,), Verdict.SUPPORTED),
    ("ソニー", 0): ((V,), Verdict.SUPPORTED),
    ("ソニー", 1): ((A,), Verdict.SUPPORTED),  # half-width ｿﾆｰ
    ("삼성", 0): ((V, V), Verdict.PARTLY_SUPPORTED),
}


def test_the_table_covers_every_claim(kb: LoadedKnowledgeBase) -> None:
    assert sorted(EXPECTED) == sorted((e.id, i) for e in kb.entities for i in range(len(e.claims)))


@pytest.mark.parametrize(("place", "expected"), EXPECTED.items(), ids=[f"{e}-{c + 1}" for e, c in EXPECTED])
def test_statuses_and_verdicts_are_the_readmes(
    kb: LoadedKnowledgeBase, place: tuple[str, int], expected: tuple[tuple[QuoteStatus, ...], Verdict]
) -> None:
    entity = kb.entity(place[0])
    assert entity is not None
    statuses, verdict = expected
    assert tuple(check.status for check in kb.checks(entity, place[1])) == statuses
    assert kb.verdict(entity, place[1]) is verdict


def test_a_verbatim_quote_spans_the_sources_own_characters(kb: LoadedKnowledgeBase) -> None:
    """Where the source wraps a quote or puts invisible characters inside it, the span covers
    the source's characters: the highlight in the source shows all of them."""
    su7 = kb.entity("su7")
    assert su7 is not None
    for index in (0, 1, 2):
        ((item, check),) = kb.evidence(su7, index)
        text = kb.source_text(item.source)
        assert text is not None and check.start is not None and check.end is not None
        spanned = text[check.start : check.end]
        assert spanned != item.exact
        assert " ".join(spanned.replace("\u200b", "").replace("\u00ad", "").split()) == " ".join(item.exact.split())


def test_each_evidence_item_has_its_check(kb: LoadedKnowledgeBase) -> None:
    xiaomi = kb.entity("小米")
    assert xiaomi is not None
    contested = kb.evidence(xiaomi, 2)
    assert [item.stance for item, _ in contested] == ["supports", "supports", "refutes"]
    for item, check in contested:
        text = kb.source_text(item.source)
        assert check.status is QuoteStatus.VERIFIED and text is not None and text[check.start : check.end] == item.exact
    assert kb.evidence(xiaomi, 5) == () and kb.checks(xiaomi, 6) == ()


def test_findings_name_entity_claim_and_evidence_item() -> None:
    result = load(FIXTURE)
    places = {(f.entity_id, f.claim_number, f.evidence_number): f.place for f in result.findings}  # type: ignore[attr-defined]
    assert places[("小米", 8, 1)] == "entities[0].claims[7].evidence[0].quote"
    assert places[("su7", 4, 1)] == "entities[2].claims[3].evidence[0].quote"


def test_every_card_of_the_fixture_shows_its_verdicts(kb: LoadedKnowledgeBase) -> None:
    xiaomi = kb.entity("小米")
    assert xiaomi is not None
    text = card_text(card_parts(kb, xiaomi, for_print=True))
    assert text.startswith("Xiaomi (小米 · شاومي · शाओमी · Сяоми)\n")
    for words in ("⇄ Contested", "✗ Refuted", "◐ Partly supported", "○ No source quote", "? Unconfirmed", "− Refutes", "· Context"):
        assert words in text
    claim_6 = text.split("6. Xiaomi plans a second car.")[1].split("\n\n")[0]
    assert claim_6 == "  ○ No source quote"  # no quote box, no citation: nothing looks sourced
