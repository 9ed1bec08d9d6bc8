"""Find a typed phrase in a long text the way the entity filter matches: folded on both sides.

`fold_for_search` changes lengths (ß is "ss", an accent goes, a run of spaces is one), so a
match in the folded text is mapped back to code-point offsets in the original through a table
kept beside it. The text is folded once: printable ASCII a run at a time (lowered, one to one),
the rest cluster by cluster (a base character with the combining marks after it, so that the
kana voicing mark stays with its kana); later queries only search it.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right

from evcards.search.folding import fold_for_search

_PRINTABLE_ASCII = frozenset(chr(c) for c in range(0x21, 0x7F))
_RUNS = re.compile(r"[\x21-\x7e]+|\s+|[^\x21-\x7e\s]+")  # ASCII words, white space, the rest


def _continues_cluster(ch: str) -> bool:
    """A combining or spacing mark (an accent, a Devanagari vowel sign), or a Hangul vowel or
    final jamo: part of the character before it, folded and marked with it."""
    return unicodedata.category(ch)[0] == "M" or "\u1160" <= ch <= "\u11ff"


class SearchableText:
    """A text folded for search, with where each folded character comes from."""

    __slots__ = ("_folded", "_last_space", "_origins", "_pieces", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._pieces: list[str] = []
        self._origins: list[int] = []  # _origins[i]: offset in `text` of the character folded character i comes from
        self._last_space = False
        cache: dict[str, str] = {}
        for run in _RUNS.finditer(text):
            start, piece = run.start(), run.group()
            if piece[0] in _PRINTABLE_ASCII:  # most of a Latin text: lowered, one to one
                self._pieces.append(piece.lower())
                self._origins += range(start, run.end())
                self._last_space = False
            elif piece.isspace():
                self._add(" ", start)
            else:
                self._fold_clusters(piece, start, cache)
        self._folded = "".join(self._pieces)
        self._origins.append(len(text))
        del self._pieces

    def _fold_clusters(self, piece: str, start: int, cache: dict[str, str]) -> None:
        """Fold a run of other characters cluster by cluster: a character and the marks after it."""
        n, i = len(piece), 0
        while i < n:
            j = i + 1
            while j < n and _continues_cluster(piece[j]):
                j += 1
            cluster = piece[i:j]
            folded = cache.get(cluster)
            if folded is None:
                folded = cache[cluster] = fold_for_search(cluster)
            self._add(folded, start + i)
            i = j

    def _add(self, folded: str, origin: int) -> None:
        if folded and not folded.strip():  # white space: one space for a run of it
            if self._last_space:
                return
            folded, self._last_space = " ", True
        elif folded:
            self._last_space = False
        self._pieces.append(folded)
        self._origins += [origin] * len(folded)

    @property
    def text(self) -> str:
        return self._text

    def _end_of(self, folded_end: int) -> int:
        """The original offset just after the cluster that folded character `folded_end - 1` came from."""
        start = self._origins[folded_end - 1]
        later = bisect_right(self._origins, start, lo=folded_end - 1)
        return self._origins[later] if later < len(self._origins) else len(self._text)

    def find_all(self, query: str) -> list[tuple[int, int]]:
        """Every non-overlapping match of `query` as (start, end) code-point offsets in the text,
        in text order; none for a query that folds to nothing."""
        return self.find_folded(fold_for_search(query).strip())

    def find_folded(self, needle: str) -> list[tuple[int, int]]:
        """`find_all` for a query folded already (the entity filter folds its own way: see
        `evcards.search.highlight.match_spans`)."""
        if not needle:
            return []
        found: list[tuple[int, int]] = []
        at = self._folded.find(needle)
        while at >= 0:
            end = self._end_of(at + len(needle))
            found.append((self._origins[at], end))
            # go on after the last character matched, not inside it ("s" twice in "ß" is one match)
            at = self._folded.find(needle, bisect_left(self._origins, end))
        return found
