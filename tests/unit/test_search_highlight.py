"""What the card marks as matched: the places the filter's query matches, in the text as written."""

from __future__ import annotations

import unicodedata
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evcards.search.folding import fold_for_search
from evcards.search.highlight import match_spans, name_spans


def marked(query: str, text: str) -> list[str]:
    return [text[start:end] for start, end in match_spans(query, text)]


@pytest.mark.parametrize(
    ("query", "text", "expected"),
    [
        ("battery", "A Battery maker; battery packs.", ["Battery", "battery"]),
        ("strasse", "Die Straße hier", ["Straße"]),  # one letter as written, two as typed
        ("muller", unicodedata.normalize("NFD", "Herr Müller"), [unicodedata.normalize("NFD", "Müller")]),  # with its mark
        ("lei jun", "Lei   Jun and LEI\nJUN", ["Lei   Jun", "LEI\nJUN"]),  # white space as one space
        ("su7", "小米ＳＵ７ Max", ["ＳＵ７"]),  # full width
        ("2018-19", "the 2018–19 season", ["2018–19"]),  # en dash
        ("l'oreal", "L’Oréal", ["L’Oréal"]),  # curly apostrophe, accent
        ("雷", "雷军", ["雷"]),
        ("ガ", "カ\u3099ラス", ["カ\u3099"]),  # a decomposed voiced kana is one character
        ("  lei ", "Lei Jun", ["Lei"]),  # the query is stripped, as the filter strips it
        ("s", "Straße", ["S", "ß"]),  # half of ß marks all of it, once
        ("zzz", "Lei Jun", []),
        ("", "Lei Jun", []),
        ("   ", "Lei Jun", []),
    ],
)
def test_the_marked_text_is_what_the_filter_matched(query: str, text: str, expected: list[str]) -> None:
    assert marked(query, text) == expected


def test_spans_are_code_point_offsets_in_order() -> None:
    assert match_spans("jun", "雷军 Lei Jun, jun") == [(7, 10), (12, 15)]


_TEXT = st.text(alphabet="abAB1-\u2013. \u00a0\nló雷é\u0301ßＡ", max_size=30)


@given(_TEXT, _TEXT.filter(lambda q: bool(fold_for_search(q.strip()))))
def test_each_span_holds_the_query_and_a_match_is_never_missed(text: str, query: str) -> None:
    spans = match_spans(query, text)
    folded_query = fold_for_search(query.strip())
    assert all(folded_query in fold_for_search(text[start:end]) for start, end in spans)
    assert all(a[1] <= b[0] for a, b in pairwise(spans))  # in order, not overlapping
    assert bool(spans) == (folded_query in fold_for_search(text))


@pytest.mark.parametrize(
    ("query", "name", "expected"),
    [
        ("leijun", "雷军", [(0, 2)]),  # found by its pinyin: the whole name
        ("lj", "雷军", [(0, 2)]),  # by its initials, as the filter finds it
        ("lei", "Lei Jun", [(0, 3)]),  # as written, what matched
        ("军", "雷军", [(1, 2)]),
        ("xiaomi", "雷军", []),
        ("leijun", "Lei Jun", []),  # no Han characters: no pinyin
    ],
)
def test_a_name_is_marked_where_it_matched_or_whole_when_its_pinyin_did(query: str, name: str, expected: list[tuple[int, int]]) -> None:
    assert name_spans(query, name) == expected
