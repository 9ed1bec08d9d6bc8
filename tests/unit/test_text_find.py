"""Finding a typed phrase in a source text: folded like the entity filter, offsets in the original."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from evcards.search.folding import fold_for_search
from evcards.search.text_find import SearchableText


def spans(text: str, query: str) -> list[str]:
    return [text[start:end] for start, end in SearchableText(text).find_all(query)]


def test_matches_are_case_accent_width_and_quote_insensitive() -> None:
    text = "Lázaro  BRUZÓN met ＳＵ７ fans; the company’s founder, Straße, e\u0301te\u0301."
    assert spans(text, "lazaro bruzon") == ["Lázaro  BRUZÓN"]  # two spaces in the text, one typed
    assert spans(text, "su7") == ["ＳＵ７"]
    assert spans(text, "company's") == ["company’s"]
    assert spans(text, "strasse") == ["Straße"]
    assert spans(text, "ete") == ["e\u0301te\u0301"]  # a decomposed accent goes with its letter
    assert spans(text, "ss") == ["ß"]


def test_offsets_count_code_points_after_astral_characters() -> None:
    text = "😀𠀀 then 雷军 and 雷军 again"
    assert SearchableText(text).find_all("雷军") == [(8, 10), (15, 17)]


def test_every_match_is_counted_once_in_text_order_and_nothing_for_an_empty_query() -> None:
    assert spans("aaaa", "aa") == ["aa", "aa"]
    assert spans("Xiaomi, XIAOMI, xiaomi", "Xiaomi") == ["Xiaomi", "XIAOMI", "xiaomi"]
    assert SearchableText("anything").find_all("  ") == []
    assert SearchableText("anything").find_all("nothing") == []


@given(st.text(alphabet=st.sampled_from("aAéÉß ’'\n😀雷\u0301ＳＵ"), max_size=30), st.data())
def test_each_match_folds_to_the_query(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    query = text[start : start + data.draw(st.integers(1, 6))]
    needle = fold_for_search(query).strip()
    found = SearchableText(text).find_all(query)
    for begin, end in found:
        assert needle in fold_for_search(text[begin:end]).strip() or not needle
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(found))
