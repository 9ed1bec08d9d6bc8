"""What differs between a quote and what its source says, character by character, and what kind of difference it is.

`char_diff` aligns the two with `difflib.SequenceMatcher` (cydifflib's: the same opcodes, in C)
over each character's approximate fold, so that a curly apostrophe lines up with a straight
one; characters that line up but are not the same (after the verbatim fold) are differences
too. The parts mark exactly the differing characters: "Lei Jun’s" against "Lei Jun's" marks
only the apostrophe.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal, NamedTuple

from cydifflib import SequenceMatcher

from evcards.kb.text_fold import (
    APOSTROPHES,
    CORNER_BRACKETS,
    DASHES,
    DOUBLE_QUOTES,
    FORMAT_IGNORED,
    TILDES,
    approximate_fold,
    fold_character,
    fold_characters,
    verbatim_fold,
)
from evcards.translation import QT_TRANSLATE_NOOP

DiffKind = Literal["same", "quote", "source"]


class DiffPart(NamedTuple):
    """A piece of the comparison: the same on both sides, only in the quote, or only in the source."""

    kind: DiffKind
    text: str


def _append(parts: list[DiffPart], kind: DiffKind, text: str) -> None:
    if not text:
        return
    if parts and parts[-1].kind == kind:
        parts[-1] = DiffPart(kind, parts[-1].text + text)
    else:
        parts.append(DiffPart(kind, text))


def char_diff(quote: str, source: str) -> tuple[DiffPart, ...]:
    """The quote against the source's passage, both after the verbatim fold (so a line break
    against a space, or a soft hyphen, is no difference). A changed run gives its quote part
    first, then its source part.

    Character by character, `SequenceMatcher` takes time that grows with the square of the
    length (2 s for 10,000 characters): long texts are lined up word by word first, and only
    the words that differ are compared character by character (`DIFF_WORK`)."""
    a, b = verbatim_fold(quote).strip(), verbatim_fold(source).strip()
    parts: list[DiffPart] = []
    if len(a) * len(b) <= DIFF_WORK:
        _char_parts(a, b, parts)
        return tuple(parts)
    words_a, words_b = _WORDS.findall(a), _WORDS.findall(b)
    keys_a = [tuple(map(fold_character, word)) for word in words_a]
    keys_b = [tuple(map(fold_character, word)) for word in words_b]
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, keys_a, keys_b, autojunk=False).get_opcodes():
        run_a, run_b = "".join(words_a[i1:i2]), "".join(words_b[j1:j2])
        if tag == "equal":
            _aligned(run_a, run_b, parts)  # the same keys: the characters line up one to one
        elif len(run_a) * len(run_b) <= DIFF_WORK:
            _char_parts(run_a, run_b, parts)
        else:  # a long stretch that differs throughout: shown as replaced, not searched for what it shares
            _append(parts, "quote", run_a)
            _append(parts, "source", run_b)
    return tuple(parts)


DIFF_WORK = 1_000_000  # characters × characters compared one by one: about 10 ms
_WORDS = re.compile(r"\S{1,64}\s*|\s+")  # words with their trailing space; a longer run of letters in pieces


def _char_parts(a: str, b: str, parts: list[DiffPart]) -> None:
    keys_a, keys_b = fold_characters(a), fold_characters(b)
    if keys_a == keys_b:  # the usual approximate quote (an apostrophe, a dash): nothing to search for
        _aligned(a, b, parts)
        return
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, keys_a, keys_b, autojunk=False).get_opcodes():
        if tag != "equal":
            _append(parts, "quote", a[i1:i2])
            _append(parts, "source", b[j1:j2])
        else:
            _aligned(a[i1:i2], b[j1:j2], parts)


def _aligned(a: str, b: str, parts: list[DiffPart]) -> None:
    """Characters that line up (the same fold), the ones that differ kept together as a changed
    run. The runs are cut out whole, not a character at a time: a card of 2,000 approximate
    quotes calls this for each. (`a` and `b` have the same length: their folds are equal.)"""
    length = min(len(a), len(b))
    changed = [k for k in range(length) if a[k] != b[k]]
    same = k = 0  # where the run of equal characters began; the next changed position to take
    while k < len(changed):
        start = end = changed[k]
        k += 1
        while k < len(changed) and changed[k] == end + 1:
            end, k = end + 1, k + 1
        _append(parts, "same", a[same:start])
        _append(parts, "quote", a[start : end + 1])
        _append(parts, "source", b[start : end + 1])
        same = end + 1
    _append(parts, "same", a[same:length])


_INVISIBLE_NAMES = {"\u200c": "ZWNJ", "\u200d": "ZWJ", "\u200e": "LRM", "\u200f": "RLM", "\ufe0e": "VS15", "\ufe0f": "VS16"}


def visible(text: str) -> str:
    """Invisible characters named (⟨ZWJ⟩, ⟨U+2066⟩), so that a difference in one can be seen."""
    if text.isprintable():
        return text
    return "".join(f"⟨{_INVISIBLE_NAMES.get(ch, f'U+{ord(ch):04X}')}⟩" if unicodedata.category(ch) in ("Cf", "Cc") else ch for ch in text)


def inline_diff(parts: tuple[DiffPart, ...]) -> str:
    """The diff on one line of plain text, for a terminal: `Lei Jun['→’]s`."""
    pieces: list[str] = []
    pending = ""
    for kind, text in (*parts, DiffPart("same", "")):
        if kind == "quote":
            pending = visible(text)
            continue
        if kind == "source" or pending:
            pieces.append(f"[{pending}→{visible(text) if kind == 'source' else ''}]")
            pending = ""
        if kind == "same":
            pieces.append(text)
    return "".join(pieces)


def _full_width(text: str) -> bool:
    return any("\uff00" <= ch <= "\uffef" or ch == "\u3000" for ch in text)


QUOTATION_MARKS = APOSTROPHES + DOUBLE_QUOTES + CORNER_BRACKETS


def _kind(quote: str, source: str) -> str:
    """The name of one difference, for a reader: what would make the two the same (English, as
    `validate` prints it; the card translates it: `QT_TRANSLATE_NOOP` only marks it)."""
    both = quote + source
    nfkc = unicodedata.normalize
    if quote and source and quote.casefold() == source.casefold() and nfkc("NFKC", quote) == quote and nfkc("NFKC", source) == source:
        return QT_TRANSLATE_NOOP("QuoteCheck", "letter case")
    if not both.strip(" "):  # a space after punctuation retyped on an English keyboard: `万元, Pro` for `万元，Pro`
        return QT_TRANSLATE_NOOP("QuoteCheck", "spacing")
    if quote and source and all(ch in QUOTATION_MARKS for ch in both) and any(ch in CORNER_BRACKETS for ch in both):
        return QT_TRANSLATE_NOOP("QuoteCheck", "corner brackets vs quotation marks")
    if (
        quote
        and source
        and all(ch in QUOTATION_MARKS for ch in both)
        and any(ch in APOSTROPHES for ch in both)
        and any(ch in DOUBLE_QUOTES for ch in both)
    ):
        return QT_TRANSLATE_NOOP("QuoteCheck", "single vs double quotation marks")
    folded_q, folded_s = approximate_fold(quote), approximate_fold(source)
    if folded_q != folded_s:
        if not both.strip(FORMAT_IGNORED):  # only joiners or marks, on one side or both
            return QT_TRANSLATE_NOOP("QuoteCheck", "invisible joiners, direction marks or variation selectors")
        return QT_TRANSLATE_NOOP("QuoteCheck", "different text")
    if all(ch in APOSTROPHES for ch in both):
        return QT_TRANSLATE_NOOP("QuoteCheck", "curly vs straight apostrophe")
    if all(ch in DOUBLE_QUOTES for ch in both):
        return QT_TRANSLATE_NOOP("QuoteCheck", "curly vs straight quotation marks")
    if all(ch in DASHES for ch in both):
        return QT_TRANSLATE_NOOP("QuoteCheck", "dash vs hyphen")
    if all(ch in TILDES for ch in both):
        return QT_TRANSLATE_NOOP("QuoteCheck", "wave dash vs tilde")
    if _full_width(both):
        if quote.isascii() or source.isascii():
            return QT_TRANSLATE_NOOP("QuoteCheck", "full-width vs ASCII")
        return QT_TRANSLATE_NOOP("QuoteCheck", "full-width vs half-width forms")
    if any("\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff" for ch in both):
        return QT_TRANSLATE_NOOP("QuoteCheck", "Arabic presentation forms")
    if any(unicodedata.decomposition(ch).startswith("<") for ch in both):
        return QT_TRANSLATE_NOOP("QuoteCheck", "compatibility characters (ligatures, superscripts...)")
    if any(ch in FORMAT_IGNORED for ch in both):
        return QT_TRANSLATE_NOOP("QuoteCheck", "invisible joiners, direction marks or variation selectors")
    return QT_TRANSLATE_NOOP("QuoteCheck", "letter case and punctuation")


def difference_kinds(parts: tuple[DiffPart, ...]) -> tuple[str, ...]:
    """The kinds of difference in `parts`, each once, in the order they first occur."""
    kinds: dict[str, None] = {}
    pending_quote = ""
    for kind, text in (*parts, DiffPart("same", "")):
        if kind == "quote":
            pending_quote = text
            continue
        source = text if kind == "source" else ""
        if pending_quote or source:
            if len(pending_quote) == len(source):
                for q, s in zip(pending_quote, source):
                    kinds[_kind(q, s)] = None
            else:
                kinds[_kind(pending_quote, source)] = None
        pending_quote = ""
    return tuple(kinds)
