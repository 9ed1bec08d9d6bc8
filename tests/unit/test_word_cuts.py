"""A quote that stands in its source only as part of a word, a number or a letter is not what
the source says: "likely to succeed" in "unlikely to succeed" is not found, counts for nothing
in its claim's verdict, and its closest passage is the whole words the source has there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evcards.kb.loader import load
from evcards.kb.model import QuoteSelector
from evcards.kb.quote_diff import char_diff, difference_kinds
from evcards.kb.quotes import EXPONENT, WORD_CUT, QuoteStatus, locate
from evcards.kb.verdicts import Verdict


@pytest.mark.parametrize(
    ("quote", "source", "actual", "added"),
    [
        ("likely to succeed", "The project is unlikely to succeed.", "unlikely to succeed", ["un"]),
        ("5 million units", "It sold 25 million units.", "25 million units", ["2"]),
        ("5 million units", "It sold 1.5 million units.", "1.5 million units", ["1."]),
        ("sold 1", "It sold 1,500 units.", "sold 1,500", [",500"]),
        ("the safe", "It is the safest option.", "the safest", ["st"]),
        ("family 👨", "A family 👨\u200d👩\u200d👧 came.", "family 👨\u200d👩\u200d👧", ["\u200d👩\u200d👧"]),
        ("rated 👍", "rated 👍🏽 by all", "rated 👍🏽", ["🏽"]),
        ("कहा कि कं", "उन्होंने कहा कि कंपनी नई है।", "कहा कि कंपनी", ["पनी"]),
        ("삼성", "삼성전자는 말했다", "삼성전자는", ["전자는"]),  # a longer word, not a particle
        ("העיר", "בהעירייה", "בהעירייה", ["ב", "ייה"]),
    ],
)
def test_a_quote_inside_a_word_of_the_source_is_not_found_and_its_closest_passage_is_the_whole_word(
    quote: str, source: str, actual: str, added: list[str]
) -> None:
    check = locate(quote, source)
    assert check.status is QuoteStatus.NOT_FOUND, check
    assert check.closest is not None and check.closest.text == actual and source[check.closest.start : check.closest.end] == actual
    assert check.differences == (WORD_CUT,)
    assert check.note is not None and check.note.startswith("the quote is in the source only as part of longer words: ")
    assert [text for kind, text in char_diff(quote, actual) if kind == "source"] == added


def test_a_quote_without_the_accent_that_a_decomposed_source_adds_to_its_last_letter_is_not_verbatim() -> None:
    source = "We met at the cafe\u0301 downtown."  # NFD: "cafe" then a combining acute accent
    check = locate("the cafe", source)
    assert check.status is QuoteStatus.NOT_FOUND  # no fold takes accents off
    assert check.closest is not None and check.closest.text == "the cafe\u0301"


def test_a_whole_word_occurrence_later_in_the_source_is_the_verbatim_one() -> None:
    source = "It sold 25 million units in 2023 and 5 million units in 2024."
    check = locate("5 million units", source)
    assert check.status is QuoteStatus.VERIFIED and check.start == source.index(" 5 million") + 1
    assert locate("is", "This is it").start == 5


@pytest.mark.parametrize(
    ("quote", "source"),
    [
        ("雷军是", "创始人雷军是一位企业家。"),  # Chinese: any character may end a word
        ("ソニーは", "株式会社ソニーは東京の会社です。"),
        ("บริษัท", "ประธานบริษัทกล่าวว่า"),  # Thai is written without spaces too
        ("Lei Jun", "founder, Lei Jun, is"),
        ("evidence", "evidence-based"),
        ("2018", "the 2018–19 season"),
        ("Jun", "Lei\u200bJun"),  # a zero-width space is a word break
        ("삼성", "삼성은 말했다"),  # a Korean particle is written onto its word
        ("העיר", "והעיר גדלה"),  # Hebrew "and" and Arabic "and the" are written onto theirs
        ("شركة", "والشركة الكبيرة"),
    ],
)
def test_a_quote_that_cuts_no_word_stays_verbatim(quote: str, source: str) -> None:
    assert locate(quote, source).status is QuoteStatus.VERIFIED


def test_the_loader_reports_a_quote_that_cuts_a_word(tmp_path: Path) -> None:
    """The loader's own fast path (`str.find`) is no shortcut past the check."""
    data = {
        "format": 1,
        "sources": [{"id": "s", "text_file": "s.txt"}],
        "entities": [
            {
                "id": "p",
                "name": "Project",
                "kind": "project",
                "claims": [
                    {"statement": "It will succeed.", "quote": "likely to succeed", "source": "s"},
                    {"statement": "It will fail.", "quote": "unlikely to succeed", "source": "s"},
                    {"statement": "x", "quote": {"exact": "likely to succeed", "start": 17}, "source": "s"},
                ],
            }
        ],
    }
    (tmp_path / "s.txt").write_text("The project is unlikely to succeed.", encoding="utf-8")
    (tmp_path / "kb.json").write_text(json.dumps(data), encoding="utf-8")
    result = load(tmp_path / "kb.json")
    assert result.knowledge_base is not None
    assert [finding.place for finding in result.findings] == ["entities[0].claims[0].quote", "entities[0].claims[2].quote"]
    assert all(finding.message.startswith("not-found: ") and "[→un]likely to succeed" in finding.message for finding in result.findings)
    kb = result.knowledge_base
    entity = kb.entities[0]
    assert kb.check(entity, 1).status is QuoteStatus.VERIFIED
    assert kb.verdict(entity, 0) is Verdict.UNCONFIRMED  # "likely to succeed" supports nothing
    assert kb.verdict(entity, 1) is Verdict.SUPPORTED


def test_a_whole_word_match_that_is_only_approximate_beats_a_verbatim_one_inside_a_word() -> None:
    source = "Lei Junior spoke first; then LEI JUN spoke."
    check = locate("Lei Jun", source)
    assert check.status is QuoteStatus.APPROXIMATE and check.actual == "LEI JUN"


def test_an_approximate_quote_is_placed_by_its_prefix_and_its_hint() -> None:
    source = "Jun spoke. Then Lei Jun left."
    at = source.index("Jun", 1)
    assert locate(QuoteSelector(exact="jun", prefix="Lei "), source).start == at
    assert locate(QuoteSelector(exact="jun", start=at), source).start == at
    assert locate(QuoteSelector(exact="jun"), source).start == 0


def test_text_only_one_side_has_is_a_different_text_not_an_invisible_character() -> None:
    assert difference_kinds(char_diff("Lei", "Lei Jun")) == ("different text",)
    assert difference_kinds(char_diff("ab", "a\u200db")) == ("invisible joiners, direction marks or variation selectors",)


WORD = st.text(alphabet=st.sampled_from("abcxyz0129éß"), min_size=1, max_size=6)
GLUE = st.sampled_from([" ", ", ", ". ", " – ", "\n", " (", ") "])


def _inside_a_word(text: str, at: int) -> bool:
    return 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum()


@settings(max_examples=300, deadline=None)
@given(words=st.lists(WORD, min_size=1, max_size=8), glue=st.lists(GLUE, min_size=7, max_size=7), data=st.data())
def test_whole_words_are_verbatim_and_a_verbatim_span_never_cuts_a_word(words: list[str], glue: list[str], data: st.DataObject) -> None:
    pieces = [words[0]]
    for g, w in zip(glue, words[1:]):
        pieces += [g, w]
    source = "".join(pieces)
    first = data.draw(st.integers(0, len(words) - 1))
    last = data.draw(st.integers(first, len(words) - 1))
    whole = "".join(pieces[2 * first : 2 * last + 1])
    assert locate(whole, source).status is QuoteStatus.VERIFIED, (whole, source)
    start = data.draw(st.integers(0, len(source) - 1))
    end = data.draw(st.integers(start + 1, len(source)))
    check = locate(source[start:end], source)
    if check.status is QuoteStatus.VERIFIED:
        assert check.start is not None and check.end is not None
        assert not _inside_a_word(source, check.start) and not _inside_a_word(source, check.end), (source[start:end], source)


@pytest.mark.parametrize(
    ("quote", "source"),
    [("106 cells per ml", "about 10⁶ cells per ml"), ("25 km", "2⁵ km"), ("10⁶ cells", "106 cells"), ("H2 and 102", "H₂ and 10²")],
)
def test_an_exponent_is_not_a_digit_of_the_number(quote: str, source: str) -> None:
    """NFKC makes 10⁶ into 106: the approximate fold alone must not make two numbers one."""
    check = locate(quote, source)
    assert check.status is QuoteStatus.NOT_FOUND and check.differences == (EXPONENT,)
    assert check.closest is not None and check.closest.similarity < 100


@pytest.mark.parametrize(("quote", "source"), [("CO2 emissions", "CO₂ emissions"), ("m2 of floor", "m² of floor")])
def test_a_superscript_or_subscript_after_a_letter_stays_approximate(quote: str, source: str) -> None:
    assert locate(quote, source).status is QuoteStatus.APPROXIMATE
