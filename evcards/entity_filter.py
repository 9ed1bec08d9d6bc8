"""Filter entities as the reader types: case- and accent-insensitive, fast at 100,000 rows.

Keys are folded once per knowledge base: names (name, native name, aliases), then kind and
claims. A query is a substring scan over those keys (kind and claims can be left out of short
queries: see `claims_from`). The matches for each prefix of the query being typed are kept,
so a typed character only scans the previous matches and a deleted one costs nothing.
Entities whose name starts with the query come first, then other name, native-name and alias
matches, then those matched by kind or claims, each group in name order.

Names are scanned at once; kind and claims (most of the text) are scanned in slices by
`FilterSearch.step`, so the window can show the name matches at once and add the others
between key presses instead of making the reader wait for a scan of every claim.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from evcards.model import Entity

_SEPARATOR = "\x1f"  # a starter character: folding the parts or the whole gives the same


class _DropCombining(dict[int, str | None]):
    """A `str.translate` table that deletes combining marks, learning each character once."""

    def __missing__(self, code: int) -> str | None:
        kept = None if unicodedata.combining(chr(code)) else chr(code)
        self[code] = kept
        return kept


_DROP_COMBINING = _DropCombining()


def fold_for_search(text: str) -> str:
    """Case- and accent-insensitive form: 'Lëi JUN' and 'lei jun' fold alike; 雷 stays 雷."""
    folded = text.casefold()
    if folded.isascii():
        return folded  # most keys: nothing to decompose
    decomposed = unicodedata.normalize("NFKD", folded)
    if decomposed.isascii():
        return decomposed
    return decomposed.translate(_DROP_COMBINING)


def _name_key(entity: Entity, folded_name: str) -> str:
    others = [entity.native_name or "", *entity.aliases]
    return folded_name + _SEPARATOR + fold_for_search(_SEPARATOR.join(others))


def _rest_key(entity: Entity) -> str:
    return fold_for_search(_SEPARATOR.join([entity.kind, *(claim.statement for claim in entity.claims)]))


@dataclass(frozen=True, slots=True)
class _Typed:
    """A finished search: its query, its matches in name order and ranked, and what it searched."""

    query: str
    found: list[int]
    ranked: list[int]
    everything: bool


class FilterSearch:
    """One query's search. `rows` (ranked) grows with each `step` until `done`."""

    def __init__(self, owner: EntityFilter, folded: str, candidates: Sequence[int], everything: bool) -> None:
        self._owner = owner
        self._folded = folded
        self._everything = everything
        self._candidates = candidates
        names = owner._name_keys
        named = [i for i in candidates if folded in names[i]]
        starting = [i for i in named if names[i].startswith(folded)]
        if starting and len(starting) != len(named):
            first = set(starting)
            ranked_names = starting + [i for i in named if i not in first]
        else:
            ranked_names = named
        self._named = named
        self._named_set = set(named) if everything else set()
        self._others: list[int] = []
        self._position = 0 if everything else len(candidates)
        self.rows: list[int] = list(ranked_names)  # grows: must not be `named`
        self.done = False
        self._finish_if_scanned()

    @classmethod
    def finished(cls, rows: list[int]) -> FilterSearch:
        search = cls.__new__(cls)
        search.rows, search.done = rows, True
        return search

    def step(self, budget: int) -> list[int]:
        """Scan up to `budget` more entities' kind and claims; return the rows this added."""
        if self.done:
            return []
        end = min(self._position + budget, len(self._candidates))
        chunk = self._candidates[self._position : end]
        self._position = end
        rest, named, folded = self._owner._rest_keys, self._named_set, self._folded
        added = [i for i in chunk if i not in named and folded in rest[i]]
        self._others += added
        self.rows += added
        self._finish_if_scanned()
        return added

    def run(self) -> list[int]:
        while not self.done:
            self.step(len(self._candidates))
        return self.rows

    def _finish_if_scanned(self) -> None:
        if self._position < len(self._candidates):
            return
        self.done = True
        found = sorted(self._named + self._others) if self._others else self._named
        self._owner._remember(_Typed(self._folded, found, self.rows, self._everything))


class EntityFilter:
    """Answers "which rows match this query", in display order.

    `claims_from`: kind and claims are searched once the folded query has this many
    characters, or any that is not ASCII (one Han character can be a word). The default, 1,
    searches them always (the window does: it scans claims in slices between key presses).
    """

    def __init__(self, entities: Sequence[Entity], *, claims_from: int = 1) -> None:
        self._claims_from = claims_from
        # Keys are made in file order (sorted order jumps about in memory: twice as slow),
        # then put in name order: by name, then id, as two stable sorts.
        names = [fold_for_search(e.name) for e in entities]
        order = sorted(range(len(entities)), key=[e.id for e in entities].__getitem__)
        order.sort(key=names.__getitem__)
        name_keys = [_name_key(e, name) for e, name in zip(entities, names)]
        rest_keys = [_rest_key(e) for e in entities]
        self.entities: list[Entity] = [entities[i] for i in order]
        self._name_keys = [name_keys[i] for i in order]
        self._rest_keys = [rest_keys[i] for i in order]
        # The finished searches for the prefixes of the query being typed, shortest first.
        self._typed: list[_Typed] = []

    def __len__(self) -> int:
        return len(self.entities)

    def search(self, query: str) -> FilterSearch:
        """Start searching `query`; names are matched already, the rest comes with `step`."""
        folded = fold_for_search(query.strip())
        typed = self._typed
        while typed and not folded.startswith(typed[-1].query):
            typed.pop()  # deleted or changed: forget results that no longer narrow this query
        if not folded:
            return FilterSearch.finished(list(range(len(self.entities))))
        if typed and typed[-1].query == folded:
            return FilterSearch.finished(list(typed[-1].ranked))
        everything = len(folded) >= self._claims_from or not folded.isascii()
        previous = typed[-1] if typed else None
        if previous is not None and previous.everything == everything:
            candidates: Sequence[int] = previous.found  # the query grew: only previous matches can match
        else:
            candidates = range(len(self.entities))
        return FilterSearch(self, folded, candidates, everything)

    def matches(self, query: str) -> list[int]:
        """Indices into `self.entities`, ranked: the whole answer at once."""
        return list(self.search(query).run())

    def _remember(self, finished: _Typed) -> None:
        if not self._typed or finished.query.startswith(self._typed[-1].query) and finished.query != self._typed[-1].query:
            self._typed.append(finished)
