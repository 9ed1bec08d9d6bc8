"""Anchor a claim's quote in its source text: verbatim, approximately, or not at all.

Trust rests here. A quote counts as verified only when its exact characters stand in the
source. A quote that matches only after folding curly/straight quotes and runs of white
space is *approximate*, and the report says what the source really has.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum

from evcards.kb.model import QuoteSelector


class QuoteStatus(str, Enum):
    VERIFIED = "verified"
    APPROXIMATE = "approximate"
    NOT_FOUND = "not-found"


@dataclass(frozen=True, slots=True)
class QuoteCheck:
    """Where a claim's quote stands in its source, found at load.

    `start`/`end` are code-point offsets into the source text (None when not found);
    `actual` is what the source says there, which differs from the quote when approximate.
    """

    status: QuoteStatus
    start: int | None = None
    end: int | None = None
    actual: str | None = None
    note: str | None = None


_QUOTE_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
    }
)
_WHITESPACE = re.compile(r"\s+")
_LONG_WHITESPACE = re.compile(r"\s{2,}")


@dataclass(slots=True)
class FoldedText:
    """A source text with quotes folded and white space collapsed, mapped back to the original.

    Folding quotes keeps every offset; only runs of two or more white-space characters
    shift what follows, so only those runs are recorded (a few per paragraph, not one per
    word): folding a 20 KB article takes a couple of milliseconds.
    """

    text: str
    _folded_starts: list[int]  # where each collapsed run's single space is in `text`
    _original_starts: list[int]  # where that run starts in the original
    _original_ends: list[int]  # and where it ends

    @classmethod
    def of(cls, original: str) -> FoldedText:
        translated = original.translate(_QUOTE_FOLD)
        folded_starts: list[int] = []
        original_starts: list[int] = []
        original_ends: list[int] = []
        removed = 0
        for match in _LONG_WHITESPACE.finditer(translated):
            start, end = match.span()
            folded_starts.append(start - removed)
            original_starts.append(start)
            original_ends.append(end)
            removed += end - start - 1
        return cls(_WHITESPACE.sub(" ", translated), folded_starts, original_starts, original_ends)

    def to_original(self, folded_index: int) -> int:
        """The original offset of the character at `folded_index` (a collapsed run: where it starts)."""
        k = bisect_right(self._folded_starts, folded_index) - 1
        if k < 0:
            return folded_index
        if folded_index == self._folded_starts[k]:
            return self._original_starts[k]
        return self._original_ends[k] + (folded_index - self._folded_starts[k] - 1)


def fold(text: str) -> str:
    return _WHITESPACE.sub(" ", text.translate(_QUOTE_FOLD)).strip()


def _context_matches(text: str, start: int, end: int, prefix: str | None, suffix: str | None) -> bool:
    if prefix and not text.endswith(prefix, 0, start):
        return False
    return not suffix or text.startswith(suffix, end)


def _occurrences(text: str, exact: str) -> Iterator[int]:
    position = text.find(exact)
    while position != -1:
        yield position
        position = text.find(exact, position + 1)


def locate(quote: str | QuoteSelector, text: str, folded_text: Callable[[], FoldedText] | None = None) -> QuoteCheck:
    """Find `quote` in `text`. `folded_text` lets a caller fold each source once, and only when needed."""
    if isinstance(quote, str):
        exact, prefix, suffix, hint = quote, None, None, None
    else:
        exact, prefix, suffix, hint = quote.exact, quote.prefix, quote.suffix, quote.start
    if hint is not None and text.startswith(exact, hint) and _context_matches(text, hint, hint + len(exact), prefix, suffix):
        return QuoteCheck(QuoteStatus.VERIFIED, hint, hint + len(exact), exact)

    first: int | None = None
    for position in _occurrences(text, exact):
        if first is None:
            first = position
        if _context_matches(text, position, position + len(exact), prefix, suffix):
            return QuoteCheck(QuoteStatus.VERIFIED, position, position + len(exact), exact)
    if first is not None:
        return QuoteCheck(
            QuoteStatus.APPROXIMATE,
            first,
            first + len(exact),
            exact,
            "the quote is in the source, but not with the given prefix/suffix",
        )

    needle = fold(exact)
    folded = folded_text() if folded_text else FoldedText.of(text)
    found = folded.text.find(needle) if needle else -1
    if found == -1:
        return QuoteCheck(QuoteStatus.NOT_FOUND, note="the quote is not in the source text")
    start = folded.to_original(found)
    end = folded.to_original(found + len(needle) - 1) + 1
    actual = text[start:end]
    return QuoteCheck(
        QuoteStatus.APPROXIMATE,
        start,
        end,
        actual,
        f"the quote matches only after folding curly/straight quotes and white space; the source says: {actual!r}",
    )
