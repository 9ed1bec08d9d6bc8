"""Find a typed phrase in a long text the way the entity filter matches: folded on both sides.

`fold_for_search` changes lengths (ß is "ss", an accent goes, a run of spaces is one), so a
match in the folded text is mapped back to code-point offsets in the original through a table
kept beside it. The text is folded once, cluster by cluster (a base character with the
combining marks after it, so "e" + U+0301 folds as "é" does); later queries only search it.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right

from evcards.search.folding import fold_for_search


class FoldedText:
    """A text folded for search, with where each folded character comes from."""

    __slots__ = ("_folded", "_origins", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        pieces: list[str] = []
        origins: list[int] = []  # origins[i]: offset in `text` of the cluster folded character i came from
        last_space = False
        n = len(text)
        i = 0
        while i < n:
            j = i + 1
            while j < n and unicodedata.combining(text[j]):
                j += 1
            cluster = text[i:j]
            folded = cluster.lower() if cluster.isascii() else fold_for_search(cluster)
            if folded.isspace() or (folded and not folded.strip()):
                folded = "" if last_space else " "
                last_space = True
            elif folded:
                last_space = False
            pieces.append(folded)
            origins += [i] * len(folded)
            i = j
        self._folded = "".join(pieces)
        origins.append(n)
        self._origins = origins

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
        needle = fold_for_search(query).strip()
        if not needle:
            return []
        found: list[tuple[int, int]] = []
        at = self._folded.find(needle)
        while at >= 0:
            end = at + len(needle)
            found.append((self._origins[at], self._end_of(end)))
            at = self._folded.find(needle, end)
        return found
