"""Where a query matched in a text, as the filter matches it: spans of the text as written.

The filter compares folded text (`fold_for_search`), which is not the text as written: "ß"
folds to "ss", a decomposed "é" (two code points) to "e", a run of spaces to one space. To mark
what matched, each *cluster* (a character with the marks that follow it) is folded on its own,
and a match in the folded text is mapped back to the clusters it touches: a span always covers
whole characters as written, so "strasse" marks all of "Straße" and "muller" all of "Müller".
"""

from __future__ import annotations

import re
import unicodedata

from evcards.search.folding import fold_for_search
from evcards.search.pinyin import has_han, pinyin_readings

__all__ = ["match_spans", "name_spans"]

_WHITE_RUN = re.compile(r"\s\s")
_WHITE = re.compile(r"\s")


def _continues_cluster(ch: str) -> bool:
    """A combining or spacing mark, or a Hangul vowel or final jamo: part of the character before."""
    return unicodedata.category(ch)[0] == "M" or "\u1160" <= ch <= "\u11ff"


def _folded_with_owners(text: str) -> tuple[str, list[int], list[tuple[int, int]]]:
    """The folded text, for each of its characters the cluster it came from, and each
    cluster's (start, end) in `text`. Folds alike with `fold_for_search` (white space runs as one)."""
    clusters: list[tuple[int, int]] = []
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or not _continues_cluster(text[index]):
            clusters.append((start, index))
            start = index
    pieces: list[str] = []
    owners: list[int] = []
    last_space = False
    for number, (begin, end) in enumerate(clusters):
        piece = fold_for_search(text[begin:end])
        if piece == " ":
            if last_space:
                continue  # a run of white space folds to one space: the first one owns it
            last_space = True
        elif piece:
            last_space = False
        pieces.append(piece)
        owners += [number] * len(piece)
    return "".join(pieces), owners, clusters


def _occurrences(needle: str, haystack: str) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    position = haystack.find(needle)
    while position >= 0:
        found.append((position, position + len(needle)))
        position = haystack.find(needle, position + len(needle))
    return found


def match_spans(query: str, text: str) -> list[tuple[int, int]]:
    """Every place `query` matches in `text` as the filter matches (case, accents, width,
    dashes and quotes folded): (start, end) offsets in `text`, code points, in order and not
    overlapping. [] for an empty query or no match."""
    folded_query = fold_for_search(query.strip())
    if not folded_query or not text:
        return []
    if text.isascii() and not _WHITE_RUN.search(text):
        # Most text: folding is lower case and each white space as " ", one character for one.
        return _occurrences(folded_query, _WHITE.sub(" ", text.lower()))
    folded, owners, clusters = _folded_with_owners(text)
    spans: list[tuple[int, int]] = []
    for start, end in _occurrences(folded_query, folded):
        first, last = clusters[owners[start]][0], clusters[owners[end - 1]][1]
        if spans and first < spans[-1][1]:  # both halves of one cluster ("s" in "ß"): one span
            spans[-1] = (spans[-1][0], max(last, spans[-1][1]))
        else:
            spans.append((first, last))
    return spans


def name_spans(query: str, name: str) -> list[tuple[int, int]]:
    """`match_spans` for a name, which the filter also finds by its pinyin: when only a
    reading matches ("leijun" for 雷军), the whole name is the span."""
    spans = match_spans(query, name)
    if spans or not has_han(name):
        return spans
    folded_query = fold_for_search(query.strip())
    if folded_query and any(folded_query in reading for reading in pinyin_readings(name)):
        return [(0, len(name))]
    return []
