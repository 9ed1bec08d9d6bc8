"""The search language's word index: a chunk lookup finds exactly the rows a scan of the folded text finds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from evcards.search.folding import fold_for_search
from evcards.search.query_fields import WordIndex

WORDS = st.sampled_from(
    ["battery", "Battery,", "solid-state", "SOLID", "state", "ＳＵ７", "su7", "électrique", "e\u0301lectrique", "電池", "lei\u200bjun", "x"]
)
TEXTS = st.lists(st.lists(WORDS, max_size=6).map(" ".join), min_size=1, max_size=8)


@given(TEXTS, st.lists(WORDS, min_size=1, max_size=2).map(" ".join))
def test_candidates_hold_every_row_whose_folded_text_holds_the_term(texts: list[str], term: str) -> None:
    folded = fold_for_search(term).strip()
    holding = {row for row, text in enumerate(texts) if folded in fold_for_search(text)}
    found = WordIndex(texts).candidates(folded, limit=10**6)
    assert found is not None
    rows, sure = found
    assert holding <= rows
    if sure:
        assert rows == holding


def test_a_word_in_most_rows_is_left_to_the_scan() -> None:
    index = WordIndex(["a cat", "a dog", "a bird"])
    assert index.candidates("a", limit=2) is None
    assert index.candidates("dog", limit=2) == ({1}, True)
    assert index.candidates("a dog", limit=2) == ({1}, False)  # a phrase: the caller checks the text
