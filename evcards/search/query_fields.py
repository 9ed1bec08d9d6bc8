"""The search language's per-field data, built in one pass over a knowledge base (`FieldData.build`).

Built by the loading thread beside the filter's folded keys (`QueryIndex.prepare`), so the
first field query typed finds it ready instead of stalling the window for seconds at 100,000
entities. Rows are positions in `EntityFilter.entities` (name order).

Claims and quotes get a word index (`WordIndex`: each white-space-separated chunk -> rows), so
`claim:battery` or a bare word unites and intersects a few sets instead of scanning every key
in Python. Postings are `array("i")`,
half the memory of lists of ints.
"""

from __future__ import annotations

from array import array
from collections import defaultdict, deque
from collections.abc import Callable, Sequence
from itertools import chain, repeat
from typing import TYPE_CHECKING

from evcards.search.folding import SEPARATOR, fold_for_search

if TYPE_CHECKING:
    from evcards.kb.loaded import LoadedKnowledgeBase
    from evcards.kb.model import Claim, Entity

__all__ = ["Dates", "FieldData", "WordIndex", "quote_key"]

_BATCH = 1024  # rows indexed at a time
_MAX_CHUNKS_PER_PIECE = 2000  # a piece inside more distinct chunks than this ("e") is left to the scan


def _new_postings() -> array[int]:
    return array("i")


class WordIndex:
    """Folded text per row, cut at white space into chunks, and which rows hold each chunk.

    Folding maps character by character and keeps white space white, so a folded text T with
    no white space is held by a row exactly when it is inside one of the row's chunks; a T
    with white space (a phrase) only where each of its chunks is inside one of the row's: a
    superset, which the caller checks against the text (`candidates` says which case)."""

    def __init__(self, texts: Sequence[str] = ()) -> None:
        """Index `texts`, one unfolded text per row.

        Rows are filed per raw chunk in one pass of C calls (no Python bytecode per chunk: there
        are millions at 100,000 entities); then each distinct chunk is folded once and its rows
        go to its folded form. A chunk's rows may repeat and are unordered: `candidates` makes sets."""
        by_chunk: defaultdict[str, array[int]] = defaultdict(_new_postings)
        for first in range(0, len(texts), _BATCH):  # a batch's chunk strings at a time: millions at once took 300 MB
            chunk_lists = list(map(str.split, texts[first : first + _BATCH]))
            rows_of_chunks = chain.from_iterable(map(repeat, range(first, first + len(chunk_lists)), map(len, chunk_lists)))
            deque(map(array.append, map(by_chunk.__getitem__, chain.from_iterable(chunk_lists)), rows_of_chunks), maxlen=0)
        postings: defaultdict[str, array[int]] = defaultdict(_new_postings)
        for chunk, rows in by_chunk.items():
            postings[fold_for_search(chunk)].extend(rows)
        self._postings: dict[str, array[int]] = dict(postings)
        self._vocabulary = "\n" + "\n".join(self._postings) + "\n"  # folding leaves no line break

    def candidates(self, folded: str, limit: int) -> tuple[set[int], bool] | None:
        """Rows that may hold `folded` and whether they surely do; None when the index cannot
        narrow (its chunks are in too many rows: over `limit`)."""
        pieces = sorted(set(folded.split()), key=len, reverse=True)  # long pieces are rarer
        found: set[int] | None = None
        for piece in pieces:
            rows = self._rows_with(piece, limit)
            if rows is not None:
                found = rows if found is None else found & rows
                if not found:
                    break
        if found is None:
            return None
        return found, len(pieces) == 1 and pieces[0] == folded

    def _rows_with(self, piece: str, limit: int) -> set[int] | None:
        postings = self._postings
        lists: list[array[int]] = []
        total = 0
        text, find, rfind = self._vocabulary, self._vocabulary.find, self._vocabulary.rfind
        at = find(piece)
        while at >= 0:
            end = find("\n", at)
            more = postings[text[rfind("\n", 0, at) + 1 : end]]
            lists.append(more)
            total += len(more)
            if total > limit or len(lists) > _MAX_CHUNKS_PER_PIECE:
                return None
            at = find(piece, end)
        return set().union(*lists)


class Dates:
    """Every claim's date (else its first source's publication date), by year: a range of
    whole years is a union of a few kept sets; only a year cut by a month or day is scanned."""

    def __init__(self, dated: dict[int, tuple[list[str], array[int]]]) -> None:
        self._dated = dated  # per year, each claim's date and row side by side (no tuple per claim: 200,000 of them)
        self._years = {year: set(rows) for year, (_, rows) in dated.items()}

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
                dates, rows = self._dated[year]
                found.update(row for date, row in zip(dates, rows) if date[: len(low)] >= low and date[: len(high)] <= (high or date))
            else:
                found |= self._years[year]
        return found


def _quotes(claim: Claim) -> list[str]:
    """The claim's quotes' exact text, read from the fields (`evidence_items` builds a model per call)."""
    found = [] if claim.quote is None else [claim.quote if isinstance(claim.quote, str) else claim.quote.exact]
    found.extend(item.quote if isinstance(item.quote, str) else item.quote.exact for item in claim.evidence)
    return found


def quote_key(entity: Entity) -> str:
    """The folded text of every quote of `entity`, as `quote:` matches it."""
    return fold_for_search(SEPARATOR.join(quote for claim in entity.claims for quote in _quotes(claim)))


class FieldData:
    """Per field, which rows hold each value: `sets["kind"|"source"|"rel"|"has"]`, `dates`, and
    word indexes over claims and quotes."""

    def __init__(self) -> None:
        self.sets: dict[str, dict[str, set[int]]] = {"kind": {}, "source": {}, "rel": {}, "has": {}}
        self.claim_words = WordIndex()
        self.quote_words = WordIndex()

        self.dates = Dates({})

    @classmethod
    def build(
        cls, entities: Sequence[Entity], kb: LoadedKnowledgeBase | None, cancelled: Callable[[], bool] = lambda: False
    ) -> FieldData | None:
        """The data for `entities` (in row order); None if `cancelled` turned true meanwhile.

        `kb` gives quote statuses (has:approximate, has:notfound) and sources' publication
        dates; without it no quote is approximate or not found and only claims' own dates count."""
        from evcards.kb.quotes import QuoteStatus

        data = cls()
        kinds, sources, rels, has = (data.sets[field] for field in ("kind", "source", "rel", "has"))
        folded: dict[str, str] = {}  # kinds, source ids and relation types repeat: fold each once
        dated: dict[int, tuple[list[str], array[int]]] = {}
        published: dict[str, str | None] = {}
        claim_texts: list[str] = []  # per row, unfolded, for the word indexes
        quote_texts: list[str] = []

        def fold(text: str) -> str:
            value = folded.get(text)
            if value is None:
                value = folded[text] = fold_for_search(text)
            return value

        def add(table: dict[str, set[int]], value: str, row: int) -> None:
            found = table.get(value)
            if found is None:
                table[value] = {row}
            else:
                found.add(row)

        for row, entity in enumerate(entities):
            if row % 4096 == 0 and cancelled():
                return None
            add(kinds, fold(entity.kind), row)
            for relation in entity.relations:
                add(rels, fold(relation.type), row)
            if entity.relations:
                add(has, "relations", row)
            statements: list[str] = []
            quotes: list[str] = []
            for claim in entity.claims:
                statements.append(claim.statement)
                claim_quotes = _quotes(claim)
                quotes.extend(claim_quotes)
                if not claim_quotes:
                    add(has, "noquote", row)
                elif any(item.stance == "refutes" for item in claim.evidence):
                    add(has, "refutes", row)
                ids = ([claim.source] if claim.source is not None else []) + [item.source for item in claim.evidence]
                for source in ids:
                    add(sources, fold(source), row)
                date = claim.date
                if date is None and kb is not None and ids:
                    if ids[0] not in published:
                        source_of = kb.source(ids[0])
                        published[ids[0]] = source_of.published if source_of is not None else None
                    date = published[ids[0]]
                if date:
                    year = dated.get(int(date[:4]))
                    if year is None:
                        year = dated[int(date[:4])] = ([], array("i"))
                    year[0].append(date)
                    year[1].append(row)
            claim_texts.append(SEPARATOR.join(statements))
            quote_texts.append(SEPARATOR.join(quotes))
            if kb is not None:
                statuses = kb.quote_statuses(entity)
                if QuoteStatus.APPROXIMATE in statuses:
                    add(has, "approximate", row)
                if QuoteStatus.NOT_FOUND in statuses:
                    add(has, "notfound", row)
        data.claim_words, data.quote_words = WordIndex(claim_texts), WordIndex(quote_texts)
        data.dates = Dates(dated)
        return data
