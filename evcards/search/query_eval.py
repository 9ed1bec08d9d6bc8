"""Which entities a parsed query (`evcards.search.query`) matches, ranked as the filter ranks.

A plain query (words only) is handed to `EntityFilter` whole, so it matches and ranks exactly
as the filter always did. Any other query is evaluated over sets of rows (positions in
`EntityFilter.entities`, name order):

- words and phrases match as in the filter: a name key (`EntityFilter.names_containing`), the
  kind, or the claims; claims and quotes are looked up in word indexes
  (`evcards.search.query_fields.WordIndex`), and only a phrase of several words is then
  checked against the candidates' text;
- field data (kinds, sources, relation types, dates, quote statuses, word indexes) is built
  once per knowledge base in one pass (`evcards.search.query_fields.FieldData`), by the loading
  thread when it calls `QueryIndex.prepare`, else on the first query that needs it;
- in an AND, set lookups (kind:, has:, source:, rel:, date:) run first and the text terms
  then narrow what is left. A text term the word index cannot narrow (no letter or digit, or
  a word part held by most rows) scans one joined string (`str.find` runs in C).

Rows whose name key holds one of the query's positive words come first, then the others,
each group in name order.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from evcards.search.folding import SEPARATOR, fold_for_search
from evcards.search.query import Either, Node, Not, Query, QueryError, Term, parse, positive_text_terms
from evcards.search.query_fields import FieldData, quote_key

if TYPE_CHECKING:
    from evcards.kb.loaded import LoadedKnowledgeBase
    from evcards.search.entity_filter import EntityFilter

__all__ = ["QueryIndex", "run_query"]

_SET_FIELDS = frozenset({"kind", "has", "source", "rel", "date"})
_FEW = 2000  # rows left by an AND's first terms that a text term tests one by one
_NARROW_BELOW = 2  # a text term tests the rows left when they are under half of all; else scans the joined keys


class _Joined:
    """Keys joined by line breaks (folding never leaves one), to find a text in all of them with `str.find`."""

    def __init__(self, keys: Sequence[str]) -> None:
        self.keys = keys
        self.text = "\n".join(keys)
        self.starts: list[int] = []
        position = 0
        for key in keys:
            self.starts.append(position)
            position += len(key) + 1

    def rows_holding(self, folded: str) -> list[int]:
        found: list[int] = []
        starts, find = self.starts, self.text.find
        at = find(folded)
        while at >= 0:
            row = bisect_left(starts, at + 1) - 1
            found.append(row)
            at = find(folded, starts[row + 1]) if row + 1 < len(starts) else -1
        return found

    def rows_among(self, folded: str, rows: set[int]) -> set[int]:
        keys = self.keys
        return {row for row in rows if folded in keys[row]}


class QueryIndex:
    """A knowledge base's field data for queries (`FieldData`), ready when the loading thread
    prepared it (`prepare`), else built on the first query that needs it, and kept.

    `knowledge_base` gives quote statuses (has:approximate, has:notfound) and sources'
    publication dates; without it those are as if no quote were approximate or not found and
    only claims' own dates count."""

    def __init__(self, entity_filter: EntityFilter, knowledge_base: LoadedKnowledgeBase | None = None) -> None:
        self.entity_filter = entity_filter
        self._kb = knowledge_base
        self._joined: dict[str, _Joined] = {}
        self._data: FieldData | None = _PREPARED.get(entity_filter)
        self._named: dict[str, set[int]] = {}  # the current query's words -> rows whose names hold them

    @staticmethod
    def prepare(entity_filter: EntityFilter, knowledge_base: LoadedKnowledgeBase, cancelled: Callable[[], bool] = lambda: False) -> None:
        """Build the field data of `entity_filter`'s entities now (in the loading thread), for the
        `QueryIndex` the window makes later; kept only as long as `entity_filter` lives."""
        data = FieldData.build(entity_filter.entities, knowledge_base, cancelled)
        if data is not None:
            _PREPARED[entity_filter] = data

    def __len__(self) -> int:
        return len(self.entity_filter)

    def rows(self, query: Query) -> list[int] | range:
        """The rows `query` matches, ranked (see the module)."""
        if query.node is None:
            return range(len(self))
        if query.plain:
            return self.entity_filter.matches(query.text)
        self._named = {}
        found = self._eval(query.node, None)
        words = positive_text_terms(query.node)
        if not words:
            return sorted(found)
        named: set[int] = set().union(*(self._named[word] for word in words if word in self._named)) & found
        unnamed = [word for word in words if word not in self._named]
        if unnamed and len(found) * 8 < len(self):
            name_keys, _ = self.entity_filter.keys()
            named |= {row for row in found if any(word in name_keys[row] for word in unnamed)}
        elif unnamed:
            named |= set().union(*map(self._names, unnamed)) & found
        if not named:
            return sorted(found)
        return sorted(named) + sorted(found - named)

    def _names(self, folded: str) -> set[int]:
        """Rows whose name key holds `folded`: asked again to rank, so kept for the query."""
        found = self._named.get(folded)
        if found is None:
            found = self._named[folded] = set(self.entity_filter.names_containing(folded))
        return found

    # Evaluation: each node gives the set of rows it matches, among `within` when given.

    def _eval(self, node: Node, within: set[int] | None) -> set[int]:
        if isinstance(node, Term):
            return self._term(node, within)
        if isinstance(node, Not):
            base = set(range(len(self))) if within is None else within
            return base - self._eval(node.item, base)
        if isinstance(node, Either):
            found: set[int] = set()
            for item in node.items:
                found |= self._eval(item, within)
            return found
        rows = within
        for item in sorted(node.items, key=_cost):
            rows = self._eval(item, rows)
            if not rows:
                return set()
        return rows if rows is not None else set(range(len(self)))

    def _term(self, term: Term, within: set[int] | None) -> set[int]:
        if term.kind in _SET_FIELDS:
            found = self._field_rows(term)
            return found if within is None else found & within
        if within is not None and len(within) <= _FEW and term.kind in ("word", "phrase", "name", "claim"):
            return self._among_few(term.kind, term.value, within)
        if term.kind in ("word", "phrase", "name"):
            names = self._names(term.value) if within is None else self._names(term.value) & within
            if term.kind == "name":
                return names
            return names | self._kinds_holding(term.value, within) | self._text_rows("claim", term.value, within)
        return self._text_rows(term.kind, term.value, within)

    def _among_few(self, kind: str, folded: str, within: set[int]) -> set[int]:
        """The few rows left by the terms before, tested one by one (quicker than any lookup)."""
        name_keys, rest_keys = self.entity_filter.keys()
        if kind == "name":
            return {row for row in within if folded in name_keys[row]}
        if kind == "claim":
            return {row for row in within if rest_keys[row].find(folded, rest_keys[row].find(SEPARATOR) + 1) >= 0}
        return {row for row in within if folded in name_keys[row] or folded in rest_keys[row]}

    def _kinds_holding(self, folded: str, within: set[int] | None) -> set[int]:
        """Rows whose kind holds `folded` (a bare word searches kinds as the filter does)."""
        found: set[int] = set().union(*(rows for kind, rows in self._fields().sets["kind"].items() if folded in kind))
        return found if within is None else found & within

    def _text_rows(self, part: str, folded: str, within: set[int] | None) -> set[int]:
        words = self._fields().claim_words if part == "claim" else self._fields().quote_words if part == "quote" else None
        if words is not None and SEPARATOR not in folded:
            narrowed = words.candidates(folded, 2 * len(self))
            if narrowed is not None:
                found, sure = narrowed
                if within is not None:
                    found &= within
                return found if sure else self._verified(part, folded, found)
        joined = self._joined_keys(part)
        if within is not None and len(within) * _NARROW_BELOW < len(self):
            return joined.rows_among(folded, within)
        found = set(joined.rows_holding(folded))
        return found if within is None else found & within

    def _verified(self, part: str, folded: str, rows: set[int]) -> set[int]:
        """The candidate `rows` whose claims (or quotes) really hold `folded`: a phrase of several words."""
        if part == "quote":
            entities = self.entity_filter.entities
            return {row for row in rows if folded in quote_key(entities[row])}
        _, rest_keys = self.entity_filter.keys()  # kind, then claims after the first separator
        return {row for row in rows if rest_keys[row].find(folded, rest_keys[row].find(SEPARATOR) + 1) >= 0}

    def _fields(self) -> FieldData:
        if self._data is None:
            self._data = FieldData.build(self.entity_filter.entities, self._kb)
            assert self._data is not None  # never cancelled here
        return self._data

    def _joined_keys(self, part: str) -> _Joined:
        joined = self._joined.get(part)
        if joined is None:
            joined = self._joined[part] = _Joined(self._keys(part))
        return joined

    def _keys(self, part: str) -> list[str]:
        _, rest_keys = self.entity_filter.keys()
        entities = self.entity_filter.entities
        if part == "claim":
            return [key.partition(SEPARATOR)[2] for key in rest_keys]
        if part == "alias":
            return [fold_for_search(SEPARATOR.join(e.aliases)) for e in entities]
        return [quote_key(e) for e in entities]

    def _field_rows(self, term: Term) -> set[int]:
        if term.kind == "date":
            return self._fields().dates.rows(term.low, term.high)
        table = self._fields().sets[term.kind]
        if term.kind == "kind":  # kind:org finds organization: kinds starting with the value
            return set().union(*(rows for kind, rows in table.items() if kind.startswith(term.value)))
        return table.get(term.value, set())


_PREPARED: WeakKeyDictionary[EntityFilter, FieldData] = WeakKeyDictionary()
"""Field data built by the loading thread, found by the window's `QueryIndex` for the same filter."""


def _cost(node: Node) -> int:
    """Cheap, narrowing terms first in an AND; exclusions last (they subtract from what is left)."""
    if isinstance(node, Term):
        return 0 if node.kind in _SET_FIELDS else 1
    return 3 if isinstance(node, Not) else 2


def run_query(index: QueryIndex, text: str) -> list[int] | range | QueryError:
    """The ranked rows `text` matches, or why it does not parse."""
    query = parse(text)
    return query if isinstance(query, QueryError) else index.rows(query)
