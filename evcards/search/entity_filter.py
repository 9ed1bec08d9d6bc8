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

import threading
from bisect import bisect_left
from collections.abc import Sequence
from itertools import compress, repeat
from operator import contains
from typing import TYPE_CHECKING

from evcards.search.folding import SEPARATOR as _SEPARATOR
from evcards.search.folding import fold_for_search
from evcards.search.names import Readings, searchable_names
from evcards.search.pinyin import has_han

if TYPE_CHECKING:
    from evcards.kb.model import Entity

__all__ = ["EntityFilter", "FilterSearch", "fold_for_search"]


def _name_key(folded_name: str, names: list[str]) -> str:
    return folded_name + _SEPARATOR + fold_for_search(_SEPARATOR.join(names[1:]))


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


_HEAD_START_S = 0.2


class _KeysWithReadings:
    """Name keys with the pinyin of the Han names added, built in a thread of their own.

    Importing pypinyin takes 40-90 ms and reading 100,000 entities' names ~0.3 s more: built
    before the knowledge base is handed over, they delayed the bundled file's first card by
    ~45 ms. The thread gives the first card `_HEAD_START_S` to appear, unless a search
    wants the keys sooner (`wait`). It holds strings only, never the entities, so a dropped
    knowledge base is freed even while it runs.
    """

    def __init__(self, keys: list[str], han_names: dict[int, list[str]]) -> None:
        self._hurry = threading.Event()
        self._result: tuple[list[str], dict[str, int], dict[str, list[int]]] | None = None
        self._thread = threading.Thread(target=self._build, args=(keys, han_names), name="evcards-pinyin", daemon=True)
        self._thread.start()

    def _build(self, keys: list[str], han_names: dict[int, list[str]]) -> None:
        self._hurry.wait(_HEAD_START_S)
        readings, keys = Readings(), list(keys)
        for index, names in han_names.items():
            keys[index] = _SEPARATOR.join([keys[index], *readings.of(names)])
        self._result = keys, _letter_rows(keys), _non_ascii_rows(keys)

    def wait(self) -> tuple[list[str], dict[str, int], dict[str, list[int]]] | None:
        """The keys and their tables, once built; None if building them failed."""
        self._hurry.set()
        self._thread.join()
        return self._result


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

    @classmethod
    def finished(cls, rows: list[int]) -> FilterSearch:
        """A search already done with these rows (a query in the search language, run at once)."""
        search = cls.all_of(0)
        search.named = search.rows = rows
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
        all_names = [searchable_names(e) for e in entities]
        name_keys = [_name_key(name, more) for name, more in zip(names, all_names)]
        rest_keys = [_rest_key(e) for e in entities]
        self.entities: list[Entity] = [entities[i] for i in order]
        # Where each id sits in `entities`: built here, in the loading thread, since reading
        # 100,000 pydantic ids takes the window's thread ~90 ms.
        self.position_of_id: dict[str, int] = {ids[i]: position for position, i in enumerate(order)}
        self._sorted_names = [names[i] for i in order]
        self._name_keys = [name_keys[i] for i in order]
        han_names = {position: all_names[i] for position, i in enumerate(order) if any(map(has_han, all_names[i]))}
        self._later = _KeysWithReadings(self._name_keys, han_names) if han_names else None
        self._letter_rows: dict[str, int] = {}
        self._non_ascii_rows: dict[str, list[int]] = {}
        if self._later is None:
            self._letter_rows, self._non_ascii_rows = _letter_rows(self._name_keys), _non_ascii_rows(self._name_keys)
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
        if self._later is not None:
            self._take_readings()
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

    def _take_readings(self) -> None:
        """The name keys with pinyin, waited for by the first query (only the empty one comes earlier)."""
        built = self._later.wait() if self._later is not None else None
        self._later = None
        if built is None:  # the thread failed: the names as written still work
            built = self._name_keys, _letter_rows(self._name_keys), _non_ascii_rows(self._name_keys)
        self._name_keys, self._letter_rows, self._non_ascii_rows = built

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

    def keys(self) -> tuple[list[str], list[str]]:
        """Per row, in name order: the folded name key (names, aliases, pinyin) and the folded
        kind-and-claims key, as the filter searches them (the search language reuses them)."""
        if self._later is not None:
            self._take_readings()
        return self._name_keys, self._rest_keys

    def names_containing(self, folded: str, candidates: Sequence[int] | None = None) -> list[int]:
        """Rows (of `candidates`, default all) whose name key holds the folded text `folded`, in order."""
        if self._later is not None:
            self._take_readings()
        return self._names_containing(folded, range(len(self.entities)) if candidates is None else candidates)

    def matches(self, query: str) -> list[int]:
        """Indices into `self.entities`, ranked: the whole answer at once."""
        return list(self.search(query).run())
