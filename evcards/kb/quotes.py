"""Anchor a claim's quote in its source text: verbatim, approximately, or not at all.

Trust rests here. A quote is *verified* when its characters stand in the source, read as a
reader reads them: the same after NFC, with any run of white space as one space and
invisible break hints (soft hyphens, zero-width spaces) ignored (`evcards.kb.text_fold`). A
quote that matches only after NFKC, width, case, quote/dash folding or invisible joiners is
*approximate*, and the check names what differs and what the source really has. A quote that
is nowhere is *not found*, with the closest passage of the source and how similar it is.

Nearly every quote is found by plain `str.find`, and costs no more than that: folding is
done only when it fails, and each source is folded once (`folded_text`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from itertools import islice

from evcards.kb.model import QuoteSelector
from evcards.kb.quote_diff import char_diff, difference_kinds, inline_diff
from evcards.kb.text_fold import FoldedText, approximate_match_fold, verbatim_fold
from evcards.kb.word_cuts import cuts_word, whole_span

__all__ = ["EXPONENT", "WORD_CUT", "ClosestPassage", "FoldedText", "QuoteCheck", "QuoteStatus", "SearchBudget", "locate"]


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
    differences: tuple[str, ...] = ()
    """For an approximate quote, the kinds of difference, e.g. ("curly vs straight apostrophe",)."""
    closest: ClosestPassage | None = None
    """For a quote not found, the passage of the source most like it."""


@dataclass(frozen=True, slots=True)
class ClosestPassage:
    """The source's passage most like a quote that is not in it: code-point offsets, its text,
    and its similarity in percent (rapidfuzz's `partial_ratio` over the approximate folds)."""

    start: int
    end: int
    text: str
    similarity: float


EXPONENT = "an exponent read as a digit"
"""The difference named when the approximate fold (NFKC) alone makes two numbers one: 10⁶ and 106."""
WORD_CUT = "a word, number or character cut short"
"""The difference named when a quote stands in its source only inside longer words, numbers or
letters: such a quote is not found (see `evcards.kb.word_cuts`)."""


def _context_matches(text: str, start: int, end: int, prefix: str | None, suffix: str | None) -> bool:
    if prefix and not text.endswith(prefix, 0, start):
        return False
    return not suffix or text.startswith(suffix, end)


def _occurrences(text: str, exact: str) -> Iterator[int]:
    position = text.find(exact)
    while position != -1:
        yield position
        position = text.find(exact, position + 1)


class SearchBudget:
    """How much searching for closest passages one load may do, so that no file keeps it busy for minutes.

    rapidfuzz's `partial_ratio` costs about `work(n, m)` for a quote of n characters against a
    source of m: at about 4 × 10⁹ units a second on a small machine, a 100-character quote against
    1 MB takes 0.07 s, but 1,000 characters against 1 MB 1.5 s and 10,000 characters 88 s. A
    quote may cost at most `PER_QUOTE` (half a second); a load at most `total` (ten seconds),
    after which quotes that are not found get no closest passage, and say so.
    """

    PER_QUOTE = 2e9
    TOTAL = 4e10

    def __init__(self, total: float = TOTAL) -> None:
        self.left = total

    @staticmethod
    def work(quote_chars: int, source_chars: int) -> float:
        return quote_chars * source_chars * max(1.0, quote_chars / 250)

    def spend(self, quote_chars: int, source_chars: int) -> bool:
        """Whether a search this big may run; if so, it is paid for."""
        cost = self.work(quote_chars, source_chars)
        if cost > min(self.PER_QUOTE, self.left):
            return False
        self.left -= cost
        return True


def locate(
    quote: str | QuoteSelector,
    text: str,
    folded_text: Callable[[], FoldedText] | None = None,
    *,
    searched: bool = False,
    budget: SearchBudget | None = None,
) -> QuoteCheck:
    """Find `quote` in `text`. `folded_text` lets a caller fold each source once, and only when
    needed. `searched` says the caller has already looked for the quote as written (at its
    hint, then with `str.find`) and found it nowhere, or only inside a word (see
    `evcards.kb.word_cuts`): a quote with no prefix or suffix then goes straight to the
    folded comparison, without scanning the source again. `budget`: the closest-passage search
    a whole load may still do (by default, only this quote's own limit)."""
    budget = budget or SearchBudget()
    if isinstance(quote, str):
        exact, prefix, suffix, hint = quote, None, None, None
    else:
        exact, prefix, suffix, hint = quote.exact, quote.prefix, quote.suffix, quote.start
    if searched and not prefix and not suffix:
        return _locate_folded(exact, prefix, suffix, hint, text, folded_text() if folded_text else FoldedText.of(text), budget)
    if hint is not None and text.startswith(exact, hint) and _whole_in_context(text, hint, hint + len(exact), prefix, suffix):
        return QuoteCheck(QuoteStatus.VERIFIED, hint, hint + len(exact), exact)

    for position in _occurrences(text, exact):
        if _whole_in_context(text, position, position + len(exact), prefix, suffix):
            return QuoteCheck(QuoteStatus.VERIFIED, position, position + len(exact), exact)
    # Not there as written, or not with its context, or only inside a word: compare as a reader does.
    return _locate_folded(exact, prefix, suffix, hint, text, folded_text() if folded_text else FoldedText.of(text), budget)


def _whole_in_context(text: str, start: int, end: int, prefix: str | None, suffix: str | None) -> bool:
    return _context_matches(text, start, end, prefix, suffix) and not cuts_word(text, start, end)


def _folded_context(folded: str, start: int, end: int, prefix: str, suffix: str) -> bool:
    """A prefix and suffix already folded as `folded` is (and stripped) stand around
    `folded[start:end]`; white space at the joint does not count. Only a window as long as
    each is looked at: a repeated quote must not copy the source once per occurrence."""
    if prefix and not folded[max(0, start - len(prefix) - _JOINT) : start].rstrip().endswith(prefix):
        return False
    return not suffix or folded[end : end + len(suffix) + _JOINT].lstrip().startswith(suffix)


_JOINT = 4  # white space a fold may leave between a quote and its context (one space, or a few from NFKC)


def _best(spans: list[tuple[int, int]], hint: int | None) -> tuple[int, int]:
    """The span that starts at the hint, else the first."""
    return next((span for span in spans if span[0] == hint), spans[0])


def _one_line(text: str) -> str:
    return " ".join(verbatim_fold(text).split())


def _preferred(text: str, spans: list[tuple[int, int]], in_context: list[bool], hint: int | None) -> tuple[tuple[int, int], bool, bool]:
    """Of the places a quote was found (original spans), the one a reader means: with its
    prefix/suffix and not inside a word, else with its context, else not inside a word, else
    the first; at the hint among equals. Also whether it has its context, and whether it cuts a word."""
    cut = [cuts_word(text, *span) for span in spans]
    for wanted in ((True, False), (True, True), (False, False), (False, True)):
        chosen = [span for span, context, cuts in zip(spans, in_context, cut) if (context, cuts) == wanted]
        if chosen:
            return _best(chosen, hint), wanted[0], wanted[1]
    raise ValueError("no span to choose from")


MOST_PLACES = 1000  # occurrences of a quote weighed against its prefix, suffix and hint; the rest are not looked at


def _places(haystack: str, needle: str, prefix: str, suffix: str) -> tuple[list[tuple[int, int]], list[bool]]:
    found = list(islice(_occurrences(haystack, needle), MOST_PLACES)) if needle else []
    return [(at, at + len(needle)) for at in found], [_folded_context(haystack, at, at + len(needle), prefix, suffix) for at in found]


def _locate_folded(
    exact: str, prefix: str | None, suffix: str | None, hint: int | None, text: str, folded: FoldedText, budget: SearchBudget
) -> QuoteCheck:
    needle = verbatim_fold(exact).strip()
    haystack = folded.text
    first = haystack.find(needle) if needle else -1
    if first != -1 and not prefix and not suffix and (hint is None or haystack.find(needle, first + 1) == -1):
        start, end = folded.span(first, first + len(needle))  # the common case: one place, no context to check
        if not cuts_word(text, start, end):
            return QuoteCheck(QuoteStatus.VERIFIED, start, end, text[start:end])
    verbatim_prefix, verbatim_suffix = verbatim_fold(prefix or "").strip(), verbatim_fold(suffix or "").strip()
    found, in_context = _places(haystack, needle, verbatim_prefix, verbatim_suffix)
    cut_short: tuple[int, int] | None = None  # a place the quote stands only as part of longer words
    if found:
        (start, end), context, cut = _preferred(text, [folded.span(a, b) for a, b in found], in_context, hint)
        if not cut and context:
            return QuoteCheck(QuoteStatus.VERIFIED, start, end, text[start:end])
        if not cut:
            note = "the quote is in the source, but not with the given prefix/suffix"
            return QuoteCheck(QuoteStatus.APPROXIMATE, start, end, text[start:end], note)
        cut_short = start, end

    approximate_needle = approximate_match_fold(needle).strip()
    haystack = folded.approximate
    found, in_context = _places(
        haystack, approximate_needle, approximate_match_fold(verbatim_prefix).strip(), approximate_match_fold(verbatim_suffix).strip()
    )
    if found:
        (start, end), _, cut = _preferred(text, [folded.approximate_span(a, b) for a, b in found], in_context, hint)
        if not cut and _exponents(exact) == _exponents(text[start:end]):
            return _approximate(exact, text, start, end)
        if not cut:  # NFKC made 10⁶ into 106: another number
            lead = "the quote's number is not the source's: a superscript or subscript digit after a digit is an exponent (10⁶ is not 106)"
            return _not_found_at(exact, text, start, end, lead, EXPONENT)
        cut_short = cut_short or (start, end)
    if cut_short is not None:
        start, end = whole_span(text, *cut_short)
        return _not_found_at(exact, text, start, end, "the quote is in the source only as part of longer words", WORD_CUT)
    if not approximate_needle:
        return QuoteCheck(QuoteStatus.NOT_FOUND, note="the quote has no visible character (only zero-width or invisible ones)")
    if not budget.spend(len(approximate_needle), len(folded.approximate)):
        note = "the quote is not in the source text (its closest passage was not looked for: too long a search)"
        return QuoteCheck(QuoteStatus.NOT_FOUND, note=note)
    closest = _closest(approximate_needle, folded, text)
    if closest is None:
        return QuoteCheck(QuoteStatus.NOT_FOUND, note="the quote is not in the source text")
    return QuoteCheck(
        QuoteStatus.NOT_FOUND,
        note=f"the quote is not in the source text; closest passage: “{_one_line(closest.text)}” ({closest.similarity:.0f} % similar)",
        closest=closest,
    )


def _approximate(exact: str, text: str, start: int, end: int) -> QuoteCheck:
    """An approximate check of `exact` found at `text[start:end]`, with what differs."""
    actual = text[start:end]
    parts = char_diff(exact, actual)
    kinds = difference_kinds(parts)
    return QuoteCheck(
        QuoteStatus.APPROXIMATE,
        start,
        end,
        actual,
        f"differs from the source in {', '.join(kinds) or 'characters that look alike'}: {inline_diff(parts)}; "
        f"the source says: “{_one_line(actual)}”",
        differences=kinds,
    )


def _not_found_at(exact: str, text: str, start: int, end: int, lead: str, kind: str) -> QuoteCheck:
    """A quote whose characters the source has at `text[start:end]`, but not its words or its
    number (`lead` says why): not found, so it counts for nothing in a verdict; its closest
    passage is that span, with what differs marked."""
    from rapidfuzz.fuzz import ratio  # only for quotes not found: kept out of start-up

    actual = text[start:end]
    similarity = round(ratio(verbatim_fold(exact).strip(), verbatim_fold(actual).strip()), 1)  # the folds that differ
    return QuoteCheck(
        QuoteStatus.NOT_FOUND,
        note=f"{lead}: {inline_diff(char_diff(exact, actual))}; closest passage: “{_one_line(actual)}” ({similarity:.0f} % similar)",
        differences=(kind,),
        closest=ClosestPassage(start, end, actual, similarity),
    )


_EXPONENT = re.compile("[0-9][\u00b2\u00b3\u00b9\u2070-\u2079\u2080-\u2089]")


def _exponents(text: str) -> int:
    """How many superscript or subscript digits stand right after a digit: 10⁶, 2⁵."""
    return len(_EXPONENT.findall(text)) if not text.isascii() else 0


def _closest(needle: str, folded: FoldedText, text: str) -> ClosestPassage | None:
    from rapidfuzz.fuzz import partial_ratio_alignment  # only for quotes not found: kept out of start-up

    if not needle or not folded.approximate.strip():
        return None
    haystack = folded.approximate
    alignment = partial_ratio_alignment(needle, haystack)
    if alignment is None or alignment.dest_end <= alignment.dest_start:
        return None
    score, at, until = _refined(needle, haystack, alignment.dest_start, alignment.dest_end)
    start, end = _whole_words(text, *folded.approximate_span(at, until))
    return ClosestPassage(start, end, text[start:end], round(score, 1))  # never below the alignment's: its window is a candidate


def _refined(needle: str, haystack: str, start: int, end: int) -> tuple[float, int, int]:
    """The best of the spans that start and end at a word boundary near the alignment's ends.

    `partial_ratio` compares windows as long as the quote, so a passage with a word more or
    less than the quote is cut; trying the nearby word boundaries (a few dozen `ratio`s) gives
    the whole passage."""
    from rapidfuzz.fuzz import ratio

    reach = min(40, max(8, len(needle) // 4))  # a few dozen candidates at most
    starts = {start, *(i + 1 for i in range(max(0, start - reach), min(len(haystack), start + reach)) if haystack[i] == " ")}
    ends = {end, *(i for i in range(max(0, end - reach), min(len(haystack), end + reach) + 1) if i == len(haystack) or haystack[i] == " ")}
    candidates = ((ratio(needle, haystack[a:b]), a, b) for a in starts for b in ends if b > a)
    return max(candidates, key=lambda candidate: (candidate[0], candidate[2] - candidate[1]))


WORD_REACH = 24  # how far a closest passage is stretched to the ends of the words it cuts


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Stretch a span cut in the middle of a word to the word's ends, in scripts with spaces
    (where none is near, as in Chinese, the span stays as it is)."""
    if 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
        space = max(text.rfind(" ", max(0, start - WORD_REACH), start), text.rfind("\n", max(0, start - WORD_REACH), start))
        if space != -1:
            start = space + 1
    if 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        found = [at for at in (text.find(" ", end, end + WORD_REACH), text.find("\n", end, end + WORD_REACH)) if at != -1]
        if found:
            end = min(found)
    return start, end
