"""Which entities a parsed query (`evcards.search.query`) matches, ranked as the filter ranks.

A plain query (words only) is handed to `EntityFilter` whole, so it matches and ranks exactly
as the filter always did. Any other query is evaluated over sets of rows (positions in
`EntityFilter.entities`, name order):

- words and phrases use the filter's folded keys (`EntityFilter.keys`): a word matches when a
  name key or a kind-and-claims key holds it, as in the filter;
- field data (kinds, aliases, quotes, sources, relation types, dates, quote statuses) is read
  once per knowledge base, on the first query that needs it, into dicts and sorted lists;
- in an AND, set lookups (kind:, has:, source:, rel:, date:) run first and the text terms
  then test only the rows left, so `kind:product has:approximate electric` scans a few
  hundred keys, not 100,000. A text term with no such narrowing scans one joined string
  (`str.find` runs in C) instead of a Python loop over the keys.

Rows whose name key holds one of the query's positive words come first, then the others,
each group in name order.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from evcards.search.folding import SEPARATOR, fold_for_search
from evcards.search.query import Either, Node, Not, Query, QueryError, Term, parse, positive_text_terms

if TYPE_CHECKING:
    from evcards.kb.loaded import LoadedKnowledgeBase
    from evcards.kb.model import Entity
    from evcards.search.entity_filter import EntityFilter

__all__ = ["QueryIndex", "run_query"]

_SET_FIELDS = frozenset({"kind", "has", "source", "rel", "date"})
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
    """A knowledge base's field data for queries, built per field on first use and kept.

    `knowledge_base` gives quote statuses (has:approximate, has:notfound) and sources'
    publication dates; without it those are as if no quote were approximate or not found and
    only claims' own dates count."""

    def __init__(self, entity_filter: EntityFilter, knowledge_base: LoadedKnowledgeBase | None = None) -> None:
        self.entity_filter = entity_filter
        self._kb = knowledge_base
        self._joined: dict[str, _Joined] = {}
        self._sets: dict[str, dict[str, set[int]]] = {}
        self._dates: _Dates | None = None

    def __len__(self) -> int:
        return len(self.entity_filter)

    def rows(self, query: Query) -> list[int] | range:
        """The rows `query` matches, ranked (see the module)."""
        if query.node is None:
            return range(len(self))
        if query.plain:
            return self.entity_filter.matches(query.text)
        found = self._eval(query.node, None)
        words = positive_text_terms(query.node)
        if not words:
            return sorted(found)
        named: set[int] = set()
        if len(found) * 8 < len(self):
            name_keys, _ = self.entity_filter.keys()
            named = {row for row in found if any(word in name_keys[row] for word in words)}
        else:
            for word in words:
                named.update(self.entity_filter.names_containing(word))
            named &= found
        if not named:
            return sorted(found)
        return sorted(named) + sorted(found - named)

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
        if term.kind in ("word", "phrase"):
            names = self._text_rows("name", term.value, within)
            rest = self._text_rows("rest", term.value, None if within is None else within - names)
            return names | rest
        return self._text_rows(term.kind, term.value, within)

    def _text_rows(self, part: str, folded: str, within: set[int] | None) -> set[int]:
        if part == "name" and within is None:
            return set(self.entity_filter.names_containing(folded))
        joined = self._joined_keys(part)
        if within is not None and len(within) * _NARROW_BELOW < len(self):
            return joined.rows_among(folded, within)
        found = set(joined.rows_holding(folded))
        return found if within is None else found & within

    def _joined_keys(self, part: str) -> _Joined:
        joined = self._joined.get(part)
        if joined is None:
            joined = self._joined[part] = _Joined(self._keys(part))
        return joined

    def _keys(self, part: str) -> list[str]:
        name_keys, rest_keys = self.entity_filter.keys()
        entities = self.entity_filter.entities
        if part == "name":
            return name_keys
        if part == "rest":
            return rest_keys
        if part == "claim":
            return [key.partition(SEPARATOR)[2] for key in rest_keys]
        if part == "alias":
            return [fold_for_search(SEPARATOR.join(e.aliases)) for e in entities]
        return [fold_for_search(SEPARATOR.join(item.exact for c in e.claims for item in c.evidence_items)) for e in entities]

    def _field_rows(self, term: Term) -> set[int]:
        if term.kind == "date":
            return self._dated().rows(term.low, term.high)
        table = self._sets.get(term.kind)
        if table is None:
            table = self._sets[term.kind] = self._build(term.kind)
        if term.kind == "kind":  # kind:org finds organization: kinds starting with the value
            return set().union(*(rows for kind, rows in table.items() if kind.startswith(term.value)))
        return table.get(term.value, set())

    def _build(self, field: str) -> dict[str, set[int]]:
        table: dict[str, set[int]] = {}
        for row, entity in enumerate(self.entity_filter.entities):
            for value in _FIELD_VALUES[field](entity, self._kb):
                table.setdefault(value, set()).add(row)
        return table

    def _dated(self) -> _Dates:
        if self._dates is None:
            self._dates = _Dates(self.entity_filter.entities, self._kb)
        return self._dates


class _Dates:
    """Every claim's date (else its first source's publication date), by year: a range of
    whole years is a union of a few kept sets; only a year cut by a month or day is scanned."""

    def __init__(self, entities: Sequence[Entity], kb: LoadedKnowledgeBase | None) -> None:
        dated: dict[int, list[tuple[str, int]]] = {}
        for row, entity in enumerate(entities):
            for claim in entity.claims:
                date = claim.date
                if date is None and kb is not None and claim.sources:
                    source = kb.source(claim.sources[0])
                    date = source.published if source is not None else None
                if date:
                    dated.setdefault(int(date[:4]), []).append((date, row))
        self._dated = dated
        self._years = {year: {row for _, row in pairs} for year, pairs in dated.items()}

    def rows(self, low: str, high: str) -> set[int]:
        """Rows with a date from `low` to `high` (each YYYY[-MM[-DD]], "" for open), ends included."""
        if not self._years:
            return set()
        first = int(low[:4]) if low else min(self._years)
        last = int(high[:4]) if high else max(self._years)
        found: set[int] = set()
        for year in range(first, last + 1):
            if year not in self._years:
                continue
            if (year == first and len(low) > 4) or (year == last and len(high) > 4):
                found.update(row for date, row in self._dated[year] if date[: len(low)] >= low and date[: len(high)] <= (high or date))
            else:
                found |= self._years[year]
        return found


def _cost(node: Node) -> int:
    """Cheap, narrowing terms first in an AND; exclusions last (they subtract from what is left)."""
    if isinstance(node, Term):
        return 0 if node.kind in _SET_FIELDS else 1
    return 3 if isinstance(node, Not) else 2


def _has(entity: Entity, kb: LoadedKnowledgeBase | None) -> set[str]:
    from evcards.kb.quotes import QuoteStatus

    found: set[str] = set()
    if entity.relations:
        found.add("relations")
    for claim in entity.claims:
        items = claim.evidence_items
        if not items:
            found.add("noquote")
        elif any(item.stance == "refutes" for item in items):
            found.add("refutes")
    if kb is not None:
        statuses = kb.quote_statuses(entity)
        if QuoteStatus.APPROXIMATE in statuses:
            found.add("approximate")
        if QuoteStatus.NOT_FOUND in statuses:
            found.add("notfound")
    return found


_FIELD_VALUES: dict[str, Callable[[Entity, LoadedKnowledgeBase | None], set[str]]] = {
    "kind": lambda entity, _kb: {fold_for_search(entity.kind)},
    "source": lambda entity, _kb: {fold_for_search(source) for claim in entity.claims for source in claim.sources},
    "rel": lambda entity, _kb: {fold_for_search(relation.type) for relation in entity.relations},
    "has": _has,
}


def run_query(index: QueryIndex, text: str) -> list[int] | range | QueryError:
    """The ranked rows `text` matches, or why it does not parse."""
    query = parse(text)
    return query if isinstance(query, QueryError) else index.rows(query)
