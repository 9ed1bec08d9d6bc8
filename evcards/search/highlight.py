"""Where a query matched in a text, as the filter matches it: spans of the text as written.

The filter compares folded text (`fold_for_search`), which is not the text as written: "ß"
folds to "ss", a decomposed "é" (two code points) to "e", a run of spaces to one space. A match
in the folded text is mapped back through `SearchableText` (the source pane's find uses the
same), so a span always covers whole characters as written: "strasse" marks all of "Straße"
and "muller" all of "Müller".
"""

from __future__ import annotations

from evcards.search.folding import fold_for_search
from evcards.search.pinyin import has_han, pinyin_readings
from evcards.search.text_find import SearchableText

__all__ = ["match_spans", "name_spans"]


def match_spans(query: str, text: str) -> list[tuple[int, int]]:
    """Every place `query` matches in `text` as the filter matches (case, accents, width,
    dashes and quotes folded): (start, end) offsets in `text`, code points, in order and not
    overlapping, each covering whole characters as written. [] for an empty query or no match."""
    needle = fold_for_search(query.strip())  # as the filter folds its query (`EntityFilter.search`)
    if not text or not needle:
        return []
    return SearchableText(text).find_folded(needle)


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
