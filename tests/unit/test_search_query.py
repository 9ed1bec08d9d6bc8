"""The search language: what parses, what each error says and where, and what a query finds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evcards.resources import bundled_data
from evcards.search.entity_filter import EntityFilter
from evcards.search.query import All, Either, Not, Query, QueryError, Term, parse, positive_text_terms
from evcards.search.query_eval import QueryIndex, run_query
from tests.conftest import KbWriter, load_kb, minimal_kb, write_and_load

MULTILINGUAL = Path(__file__).parent.parent / "data" / "multilingual" / "kb.json"


def parsed(text: str) -> Query:
    query = parse(text)
    assert isinstance(query, Query), query
    return query


def error(text: str) -> QueryError:
    query = parse(text)
    assert isinstance(query, QueryError), query
    return query


# --- parsing -------------------------------------------------------------------------------


def test_words_alone_are_plain_and_fold_as_the_filter_folds() -> None:
    query = parsed("Lázaro  ＳＵ７")
    assert query.plain
    assert query.node == All((Term("word", "lazaro", 0, 6), Term("word", "su7", 8, 11)))


def test_an_unknown_field_is_a_word_and_keeps_the_query_plain() -> None:
    assert parsed("http://x 2018–19").plain
    assert parsed("").node is None


@pytest.mark.parametrize("text", ['"electric vehicle"', "-tesla", "a OR b", "(a)", "kind:person", "KIND:Person"])
def test_syntax_makes_a_query_not_plain(text: str) -> None:
    assert not parsed(text).plain


def test_implicit_and_binds_tighter_than_or() -> None:
    node = parsed("a b OR c").node
    assert isinstance(node, Either)
    assert isinstance(node.items[0], All) and node.items[1] == Term("word", "c", 7, 8)


def test_parentheses_group_and_minus_excludes() -> None:
    node = parsed('-(kind:person OR "Lei Jun") xiaomi').node
    assert isinstance(node, All)
    excluded = node.items[0]
    assert isinstance(excluded, Not) and isinstance(excluded.item, Either)
    assert excluded.item.items == (Term("kind", "person", 2, 13), Term("phrase", "lei jun", 17, 26))


def test_a_field_takes_a_phrase_as_value() -> None:
    assert parsed('name:"Lei Jun"').node == Term("name", "lei jun", 0, 14)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("date:2019..2021", "2019", "2021"), ("date:2020", "2020", "2020"), ("date:..2019", "", "2019"), ("date:2024-03..", "2024-03", "")],
)
def test_dates_and_ranges(text: str, low: str, high: str) -> None:
    term = parsed(text).node
    assert isinstance(term, Term) and (term.low, term.high) == (low, high)


def test_a_lone_dash_and_a_dash_inside_a_word_are_words() -> None:
    assert parsed("- x").plain
    assert parsed("su-7").plain


@pytest.mark.parametrize(
    ("text", "position", "says"),
    [
        ('kind:person "electric', 12, "quote is not closed"),
        ("(tesla", 0, "parenthesis is not closed"),
        ("tesla)", 5, "has no ("),
        ("()", 0, "empty"),
        ("a OR", 2, "OR needs a term after it"),
        ("OR a", 0, "OR needs a term before it"),
        ("a OR OR b", 2, "after"),
        ("kind:", 0, "kind: needs a value"),
        ("x has:wings", 2, "has:wings is not known"),
        ("date:2019..20x1", 0, "not a date"),
        ("date:2021..2019", 0, "ends before it starts"),
        ("date:..", 0, "needs a year"),
        ('""', 0, "phrase is empty"),
        ("-(a", 1, "parenthesis is not closed"),
        ("(-OR a)", 1, "- needs a term"),
        ("(" * 5000, 0, ""),
    ],
)
def test_errors_say_what_and_where(text: str, position: int, says: str) -> None:
    found = error(text)
    assert says in found.message
    assert found.position == position
    assert f"at character {found.position + 1}" in str(found)


@given(st.text(alphabet=st.sampled_from(list('ab -()":OR kind:has:date:..2020 \u00e9\u5c0f')), max_size=40) | st.text(max_size=40))
def test_any_text_parses_or_says_why(text: str) -> None:
    result = parse(text)
    assert isinstance(result, Query | QueryError)
    if isinstance(result, QueryError):
        assert result.message and 0 <= result.position <= len(text)


def test_the_card_marks_positive_words_phrases_and_text_fields_only() -> None:
    node = parsed('tesla "electric vehicle" -apple name:lei kind:person quote:smartphone').node
    assert positive_text_terms(node) == ["tesla", "electric vehicle", "lei", "smartphone"]


# --- evaluation ----------------------------------------------------------------------------


def ids(index: QueryIndex, text: str) -> list[str]:
    rows = run_query(index, text)
    assert not isinstance(rows, QueryError), rows
    return [index.entity_filter.entities[row].id for row in rows]


@pytest.fixture(scope="module")
def bundled() -> QueryIndex:
    kb = load_kb(bundled_data())
    return QueryIndex(EntityFilter(kb.entities), kb)


@pytest.fixture(scope="module")
def multilingual() -> QueryIndex:
    kb = load_kb(MULTILINGUAL)
    return QueryIndex(EntityFilter(kb.entities), kb)


@pytest.mark.parametrize("text", ["lei jun", "xiao", "EV", "ＳＵ７", "leijun", "", "founder"])
def test_a_plain_query_finds_and_ranks_as_the_filter(bundled: QueryIndex, text: str) -> None:
    expected = EntityFilter(bundled.entity_filter.entities).matches(text) if text else list(range(9))
    assert list(run_query(bundled, text)) == expected  # type: ignore[arg-type]


def test_kind_product_with_approximate_quotes(bundled: QueryIndex, multilingual: QueryIndex) -> None:
    assert ids(bundled, "kind:product") == ["su7", "su7-max", "xiaomi-14"]
    assert ids(bundled, "kind:product has:approximate") == []  # every quote of the bundled file is verbatim
    assert ids(multilingual, "has:approximate") == ["ソニー", "小米"]
    assert ids(multilingual, "kind:organization has:approximate") == ["ソニー", "小米"]
    assert ids(multilingual, "kind:product has:notfound") == ["su7"]  # kind:product finds "product — electric sedan"


def test_excluding_a_kind_with_a_phrase(bundled: QueryIndex) -> None:
    assert ids(bundled, '-kind:person "electric vehicle"') == ["xiaomi"]
    assert ids(bundled, '"lei jun" -kind:person') == ["xiaomi"]
    assert ids(bundled, "kind:person") == ["lei-jun", "steve-jobs"]


def test_name_matches_come_first(bundled: QueryIndex) -> None:
    found = ids(bundled, '"lei jun"')
    assert found[0] == "lei-jun" and set(found) > {"lei-jun", "xiaomi"}


def test_or_and_parentheses(bundled: QueryIndex) -> None:
    assert ids(bundled, "kind:place OR kind:person") == ["china", "lei-jun", "steve-jobs"]
    assert ids(bundled, "(kind:place OR kind:person) -name:jobs") == ["china", "lei-jun"]


def test_fields_on_the_multilingual_file(multilingual: QueryIndex) -> None:
    assert ids(multilingual, "rel:founder_of") == ["雷军"]
    assert ids(multilingual, "date:2010") == ["小米"]
    assert ids(multilingual, "date:2024-03-28") == ["小米"]
    assert ids(multilingual, "date:..2009") == []
    assert set(ids(multilingual, "has:refutes OR has:notfound")) == {"小米", "su7"}
    assert ids(multilingual, "name:leijun") == ["雷军"]  # name: reads pinyin as the filter does


def test_text_fields(write_kb: KbWriter) -> None:
    data = minimal_kb(format=2)
    data["entities"][1]["claims"].append({"statement": "Likes phones."})
    kb = write_and_load(write_kb, data)
    index = QueryIndex(EntityFilter(kb.entities), kb)
    assert ids(index, "alias:lei") == ["lei-jun"]
    assert ids(index, "name:lei") == ["lei-jun"]
    assert ids(index, "claim:founded") == ["lei-jun", "xiaomi"]
    assert ids(index, "quote:smartphone") == ["xiaomi"]
    assert ids(index, "source:article") == ["lei-jun", "xiaomi"]
    assert ids(index, "has:noquote") == ["lei-jun"]
    assert ids(index, "has:relations -claim:phones") == ["xiaomi"]
    assert ids(index, "kind:org") == ["xiaomi"]


def test_a_query_that_does_not_parse_gives_its_error(bundled: QueryIndex) -> None:
    found = run_query(bundled, "kind:person (")
    assert isinstance(found, QueryError) and found.position == 12
