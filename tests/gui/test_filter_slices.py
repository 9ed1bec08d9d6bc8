"""Large lists: name matches show at once, matches in claims are added between key presses."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from evcards.gui.entity_list import FIRST_SLICE, EntityListPane
from evcards.kb.model import Entity
from evcards.search.entity_filter import EntityFilter

COUNT = FIRST_SLICE * 3


def many_entities() -> list[Entity]:
    entities = []
    for i in range(COUNT):
        statement = "Makes a rare quasar engine." if i == COUNT - 5 else f"Claim number {i}."
        entities.append(
            Entity.model_validate(
                {
                    "id": f"e{i:05d}",
                    "name": "Quasar Labs" if i == 7 else f"Entity {i:05d}",
                    "kind": "organization",
                    "claims": [{"statement": statement, "quote": "q", "source": "s"}],
                }
            )
        )
    return entities


def test_a_search_in_steps_gives_the_same_rows_as_at_once() -> None:
    entities = many_entities()
    stepped = EntityFilter(entities).search("quasar")
    names_first = list(stepped.rows)
    while not stepped.done:
        stepped.step(1_000)
    assert stepped.rows == EntityFilter(entities).matches("quasar")
    found = EntityFilter(entities)
    assert [found.entities[i].name for i in names_first] == ["Quasar Labs"]
    assert [found.entities[i].id for i in stepped.rows] == ["e00007", f"e{COUNT - 5:05d}"]


def test_the_pane_shows_name_matches_at_once_and_claim_matches_soon_after(qtbot: Any) -> None:
    pane = EntityListPane()
    qtbot.addWidget(pane)
    pane.show()
    pane.set_entities(many_entities())
    in_claims = f"e{COUNT - 5:05d}"
    pane.select_entity(in_claims)  # the reader's entity: "quasar" is in its claim only
    counts: list[tuple[int, int]] = []
    picked: list[str] = []
    pane.count_changed.connect(lambda shown, total: counts.append((shown, total)))
    pane.entity_selected.connect(picked.append)
    pane.filter_field.setText("quasar")
    assert pane.current_entity_id() is None  # the reader's entity is not among the name matches
    assert not pane.search_done() and pane.model.rowCount() == 1
    qtbot.waitUntil(pane.search_done, timeout=5000)
    assert [pane.model.entity_at(r).id for r in range(pane.model.rowCount())] == ["e00007", in_claims]
    assert pane.current_entity_id() == in_claims  # found in its claim: the reader's place again
    assert counts[0] == (1, COUNT) and counts[-1] == (2, COUNT)
    assert picked == []  # typing picked nothing


def test_a_query_found_only_in_claims_is_listed_when_found(qtbot: Any) -> None:
    pane = EntityListPane()
    qtbot.addWidget(pane)
    pane.show()
    pane.set_entities(many_entities())
    pane.filter_field.setText("rare quasar")
    assert pane.model.rowCount() == 0 and pane.list_view.isVisible()  # still searching: no "no match" yet
    qtbot.waitUntil(pane.search_done, timeout=5000)
    assert [pane.model.entity_at(r).id for r in range(pane.model.rowCount())] == [f"e{COUNT - 5:05d}"]
    assert pane.current_entity_id() is None  # nothing was picked
    pane.filter_field.setText("rare quasar zzz")
    qtbot.waitUntil(pane.search_done, timeout=5000)
    assert pane.empty_label.isVisible() and "rare quasar zzz" in pane.empty_label.text()


def test_listing_while_the_search_runs_gives_every_match(qtbot: Any) -> None:
    """What an export of the listed cards sees in the middle of a search."""
    pane = EntityListPane()
    qtbot.addWidget(pane)
    pane.show()
    pane.set_entities(many_entities())
    pane.filter_field.setText("quasar engine")  # in one claim only, far beyond the first slice
    assert not pane.search_done() and pane.model.rowCount() == 0
    assert [e.id for e in pane.listed_entities()] == [f"e{COUNT - 5:05d}"]
    assert pane.search_done() and not pane.empty_label.isVisible()


def _fold(text: str) -> str:
    """Case-, accent-, dash- and space-insensitive for the alphabet below, written out again here
    so the test does not share the filter's code."""
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", folded.replace("\u2013", "-"))


def _pinyin(name: str) -> list[str]:
    """How a reader types the name in pinyin: spaced, joined and as initials, where the
    syllables of neighbouring Han characters run together and other text stays apart. 雷 is
    the one Han character of the alphabet below, read "lei"; other text is kept as it is, but
    for its punctuation, which a reader types as a space if at all ("lei jun" for 雷·军)."""
    if "雷" not in name:
        return []
    # Punctuation alone between two 雷 is an empty piece: it still parts them ("lei lei", never "leilei").
    split = [piece for piece in re.split("(雷)", name) if piece.strip()]  # white space alone does not part them
    pieces = [piece if piece == "雷" else " ".join(re.sub(r"[^\w]+", " ", _fold(piece)).split()) for piece in split]

    def joined(spelled: list[str]) -> str:
        out = spelled[0]
        for before, (piece, spelling) in zip(pieces, list(zip(pieces, spelled))[1:]):
            out += spelling if before == piece == "雷" else " " + spelling
        return out

    syllables = ["lei" if piece == "雷" else piece for piece in pieces]
    initials = ["l" if piece == "雷" else piece for piece in pieces]
    return [" ".join(_fold(form).split()) for form in (" ".join(syllables), joined(syllables), joined(initials))]


def _reference(entities: list[Entity], query: str) -> list[str]:
    """The ranking spelled out, as ids: names starting with the query, then a name, native name,
    alias or the pinyin of one holding it, then the kind or a claim holding it; each part by
    name, then id."""
    ordered = sorted(entities, key=lambda e: (_fold(e.name), e.id))
    folded = _fold(query.strip())
    if not folded:
        return [e.id for e in ordered]
    starting = [e.id for e in ordered if _fold(e.name).startswith(folded)]
    names = {e.id: [e.name, e.native_name or "", *e.aliases] for e in entities}
    spelled = {key: [_fold(n) for n in value] + [r for n in value for r in _pinyin(n)] for key, value in names.items()}
    named = [e.id for e in ordered if any(folded in n for n in spelled[e.id])]
    rest = [e.id for e in ordered if any(folded in _fold(t) for t in [e.kind, *(c.statement for c in e.claims)])]
    return list(dict.fromkeys(starting + named + rest))


_WORDS = st.text(alphabet="abAB1-\u2013. \u00a0ló雷é\u0301", min_size=1, max_size=6).filter(str.strip)
_KINDS = ["place", "person", "organization", "product"]


@settings(max_examples=200, deadline=None)
@given(
    names=st.lists(_WORDS, min_size=1, max_size=25),
    claims=st.lists(_WORDS, min_size=1, max_size=25),
    queries=st.lists(_WORDS, max_size=5),
    budget=st.integers(0, 4),
)
def test_every_query_typed_letter_by_letter_ranks_as_spelled_out(
    names: list[str], claims: list[str], queries: list[str], budget: int
) -> None:
    entities = [
        Entity.model_validate(
            {
                "id": f"e{i:02d}",
                "name": name,
                "kind": _KINDS[i % len(_KINDS)],
                "native_name": claims[(i + 1) % len(claims)] if i % 3 == 0 else None,
                "aliases": [claims[i % len(claims)][::-1]],
                "claims": [{"statement": claims[i % len(claims)], "quote": "q", "source": "s"}],
            }
        )
        for i, name in enumerate(names)
    ]
    typed = EntityFilter(entities)

    def ids(query: str) -> list[str]:
        return [typed.entities[i].id for i in typed.matches(query)]

    for query in queries:
        for end in range(1, len(query) + 1):
            typed.search(query[:end]).step(budget)  # a key press scans only a slice of the claims
        assert ids(query) == _reference(entities, query), query
        for end in range(len(query) - 1, -1, -1):  # then deleted
            assert ids(query[:end]) == _reference(entities, query[:end]), query[:end]
