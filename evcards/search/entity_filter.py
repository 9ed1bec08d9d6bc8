"""Filter entities as the reader types: folding case, accents, width, dashes and quotes, fast at 100,000 rows.

Keys are folded once per knowledge base (`evcards.search.folding`): names (those of
`searchable_names`, and the pinyin of those in Han characters: `evcards.search.pinyin`), then
kind and claims. A query is a substring scan over those keys (kind and claims can be left out of short
queries: see `claims_from`). The matches for each prefix of the query being typed are kept,
so a typed character only scans the previous matches and a deleted one costs nothing.
Entities whose name starts with the query come first, then other name, native-name, alias
and pinyin matches, then those matched by kind or claims, each group in name order.

Names are scanned at once; kind and claims (most of the text) are scanned in slices by
`FilterSearch.step`, so the window can show the name matches at once and add the others
between key presses instead of making the reader wait for a scan of every claim.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from itertools import compress, repeat
from operator import contains
from typing import TYPE_CHECKING

from evcards.search.folding import SEPARATOR as _SEPARATOR
from evcards.search.folding import fold_for_search
from evcards.search.names import Readings, searchable_names

if TYPE_CHECKING:
    from evcards.kb.model import Entity

__all__ = ["EntityFilter", "FilterSearch", "fold_for_search"]


def _name_key(entity: Entity, folded_name: str, readings: Readings) -> str:
    names = searchable_names(entity)
    return _SEPARATOR.join([folded_name, fold_for_search(_SEPARATOR.join(names[1:])), *readings.of(names)])


def _rest_key(entity: Entity) -> str:
    return fold_for_search(_SEPARATOR.join([entity.kind, *(claim.statement for claim in entity.claims)]))


_AFTER_ALL = "\U0010ffff"  # sorts after every character: query + this bounds the names starting with it
_INDEXED_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789"


def _non_ascii_rows(keys: list[str]) -> dict[str, list[int]]:
    """Per character beyond ASCII (Han, kana, Cyrillic, ...), the keys that hold it, in order:
    a query in Han characters starts from the few names that have its rarest one."""
    rows: dict[str, list[int]] = {}
    for index, key in enumerate(keys):
        if not key.isascii():
            for ch in set(key):
                if ch > "\x7f":
                    rows.setdefault(ch, []).append(index)
    return rows


def _letter_rows(keys: list[str]) -> dict[str, int]:
    """Per ASCII letter or digit, which keys hold it: byte i of the int is 1 if key i does.

    A query's letters are then ANDed as whole ints and the result read back as bytes by
    `itertools.compress`: the first filter over every name runs in C, no Python loop."""
    rows = {letter: bytearray(len(keys)) for letter in _INDEXED_LETTERS}
    indexed = frozenset(_INDEXED_LETTERS)
    for index, key in enumerate(keys):
        for letter in indexed.intersection(key):
            rows[letter][index] = 1
    return {letter: int.from_bytes(row, "little") for letter, row in rows.items()}


class FilterSearch:
    """One query's search. `rows` (ranked) grows with each `step` until `done`.

    A search that is not done yet still narrows the next, longer query: its name matches
    are complete, and its claim matches so far plus what it has not scanned are, in name
    order, every entity the longer query can match in kind or claims.
    """

    def __init__(
        self, owner: EntityFilter, folded: str, name_candidates: Sequence[int], rest_candidates: Sequence[int], everything: bool
    ) -> None:
        self.query = folded
        self.everything = everything
        self._rest_keys = owner._rest_keys
        named = owner._names_containing(folded, name_candidates)
        # Names starting with the query are a contiguous run of the sorted names: no scan.
        low = bisect_left(owner._sorted_names, folded)
        high = bisect_left(owner._sorted_names, folded + _AFTER_ALL, low)
        if low < high and high - low != len(named):
            # `named` is in name order too, so the prefix run is one slice of it.
            first, last = bisect_left(named, low), bisect_left(named, high)
            self.rows: list[int] | range = list(range(low, high)) + named[:first] + named[last:]
        else:
            self.rows = list(named)
        self.named: Sequence[int] = named
        self._named_set: set[int] | None = None
        self._rest_candidates = rest_candidates if everything else range(0)
        self._position = 0
        self.rest_found: list[int] = []  # entities whose kind or claims match, scanned so far
        self.done = not self._rest_candidates

    @classmethod
    def all_of(cls, count: int) -> FilterSearch:
        """The empty query: every entity, in name order, nothing to scan."""
        search = cls.__new__(cls)
        search.query, search.everything, search.done = "", False, True
        search.named = search.rows = range(count)  # the model keeps a range as it is: no 100,000-item list
        search.rest_found, search._position, search._rest_candidates = [], 0, range(0)
        return search

    def step(self, budget: int) -> list[int]:
        """Scan up to `budget` more entities' kind and claims; return the rows this added."""
        if self.done:
            return []
        end = min(self._position + budget, len(self._rest_candidates))
        chunk = self._rest_candidates[self._position : end]
        self._position = end
        rest, folded = self._rest_keys, self.query
        if isinstance(chunk, range):
            found = [i for i, key in zip(chunk, rest[chunk.start : chunk.stop]) if folded in key]
        else:
            found = [i for i in chunk if folded in rest[i]]
        self.rest_found += found
        if self._named_set is None:
            self._named_set = set(self.named)
        added = [i for i in found if i not in self._named_set]
        assert isinstance(self.rows, list)  # a range only for the empty query, whose search is done
        self.rows += added
        self.done = self._position >= len(self._rest_candidates)
        return added

    def run(self) -> list[int] | range:
        while not self.done:
            self.step(len(self._rest_candidates))
        return self.rows

    def unscanned_and_found(self) -> list[int]:
        """In name order: every entity a longer query can match in kind or claims."""
        return self.rest_found + list(self._rest_candidates[self._position :])


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
        ids = [e.id for e in entities]
        order = sorted(range(len(entities)), key=ids.__getitem__)
        order.sort(key=names.__getitem__)
        readings = Readings()
        name_keys = [_name_key(e, name, readings) for e, name in zip(entities, names)]
        rest_keys = [_rest_key(e) for e in entities]
        self.entities: list[Entity] = [entities[i] for i in order]
        # Where each id sits in `entities`: built here, in the loading thread, since reading
        # 100,000 pydantic ids takes the window's thread ~90 ms.
        self.position_of_id: dict[str, int] = {ids[i]: position for position, i in enumerate(order)}
        self._sorted_names = [names[i] for i in order]
        self._name_keys = [name_keys[i] for i in order]
        self._letter_rows = _letter_rows(self._name_keys)
        self._non_ascii_rows = _non_ascii_rows(self._name_keys)
        self._rest_keys = [rest_keys[i] for i in order]
        # The searches for the prefixes of the query being typed, shortest first.
        self._typed: list[FilterSearch] = []

    def __len__(self) -> int:
        return len(self.entities)

    def search(self, query: str) -> FilterSearch:
        """The search for `query`: names are matched already, kind and claims come with `step`."""
        folded = fold_for_search(query.strip())
        typed = self._typed
        while typed and not folded.startswith(typed[-1].query):
            typed.pop()  # deleted or changed: forget searches that no longer narrow this query
        everything_at_all = range(len(self.entities))
        if not folded:
            return FilterSearch.all_of(len(self.entities))
        if typed and typed[-1].query == folded:
            return typed[-1]
        everything = len(folded) >= self._claims_from or not folded.isascii()
        previous = typed[-1] if typed else None
        names: Sequence[int] = previous.named if previous is not None else everything_at_all
        rest: Sequence[int] = everything_at_all
        if previous is not None and previous.everything and everything:
            rest = previous.unscanned_and_found()
        search = FilterSearch(self, folded, names, rest, everything)
        typed.append(search)
        return search

    def _names_containing(self, folded: str, candidates: Sequence[int]) -> list[int]:
        """Candidates whose name key holds `folded`, in order.

        The query's letters and digits are checked first against `_letter_rows` (most keys
        drop out there, in C), and the substring test runs only on the keys that remain. For
        a single letter or digit the letters are the whole answer. A query with no ASCII
        letter or digit but other characters starts from those characters' rows instead.
        """
        letters = [self._letter_rows[ch] for ch in set(folded) if ch in self._letter_rows]
        names = self._name_keys
        if letters:
            rows = letters[0]
            for more in letters[1:]:
                rows &= more
            holds = rows.to_bytes(len(names), "little")
            if isinstance(candidates, range):
                candidates = list(compress(candidates, holds[candidates.start : candidates.stop]))
            else:
                candidates = list(compress(candidates, map(holds.__getitem__, candidates)))
            if len(folded) == 1:
                return candidates
        elif isinstance(candidates, range) and not folded.isascii():
            candidates = min((self._non_ascii_rows.get(ch, []) for ch in set(folded) if ch > "\x7f"), key=len)
        return list(compress(candidates, map(contains, map(names.__getitem__, candidates), repeat(folded))))

    def matches(self, query: str) -> list[int]:
        """Indices into `self.entities`, ranked: the whole answer at once."""
        return list(self.search(query).run())
