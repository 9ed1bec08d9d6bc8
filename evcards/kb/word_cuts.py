"""Whether a quote found in its source starts or ends inside one of the source's words or letters.

A quote is looked for as a substring, but a substring can say the opposite of its source:
"likely to succeed" stands in "unlikely to succeed", "5 million" in "25 million" and in
"1.5 million", and "cafe" in "café" written with a combining accent (NFD). Such a match is
not verbatim: the source's word, number or letter goes on past the quote. `whole_span`
widens it to the whole words, so that the check shows what the source really says there.

In scripts written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar, Tibetan) any
character may end a word, so only the letter rule holds there: a combining mark, a zero
width joiner, a variation selector or an emoji skin tone right after the quote (or a joiner
right before it) belongs to the source's character, not to a next one.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from evcards.kb.text_fold import WIDE_CLASS

ZWJ = "\u200d"
INSIDE_WORDS = "\u00ad\u2060\ufeff"  # soft hyphen, word joiners: looked through (a zero-width space is a word break)
_NUMBER_SEPARATORS = ".,"
WIDEST_WORD = 64  # how far `whole_span` widens a cut span on each side, at most


@cache
def _unspaced() -> re.Pattern[str]:
    """A character of a script written without spaces between words."""
    return re.compile(f"[{WIDE_CLASS}\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff]")


def _attached(ch: str) -> bool:
    """A character that is part of the one before it: a combining mark, ZWJ, a variation
    selector (they are marks too) or an emoji skin tone modifier."""
    return ch == ZWJ or "\U0001f3fb" <= ch <= "\U0001f3ff" or (ch >= "\u0300" and unicodedata.category(ch)[0] == "M")


def _in_word(ch: str) -> bool:
    """A letter, digit or mark (a Devanagari vowel sign) of a script written with spaces."""
    if ch.isascii():
        return ch.isalnum()
    return (ch.isalnum() or unicodedata.category(ch)[0] == "M") and _unspaced().match(ch) is None


def _before(text: str, at: int) -> str:
    """The character before `at`, skipping soft hyphens and word joiners ("" at the start)."""
    at -= 1
    while at >= 0 and text[at] in INSIDE_WORDS:
        at -= 1
    return text[at] if at >= 0 else ""


def _after(text: str, at: int) -> str:
    """The character at or after `at`, skipping soft hyphens and word joiners ("" at the end)."""
    while at < len(text) and text[at] in INSIDE_WORDS:
        at += 1
    return text[at] if at < len(text) else ""


def _inside(text: str, at: int) -> bool:
    """Whether the boundary before `text[at]` falls inside a word, a number or a letter."""
    left, right = _before(text, at), _after(text, at)
    if not left or not right:
        return False
    if left.isascii() and right.isascii() and not (left.isalnum() or right.isalnum()):
        return False  # the common case: a space or punctuation on both sides
    if _attached(right) or left == ZWJ:
        return True
    if _in_word(left) and _in_word(right):
        return True
    if left in _NUMBER_SEPARATORS and right.isdigit():  # "1.[5 million" or "1,[000"
        return _before(text, at - 1).isdigit()
    if left.isdigit() and right in _NUMBER_SEPARATORS:  # "1].5 million"
        return _after(text, at + 1).isdigit()
    return False


WORD_BREAKS = frozenset(" \n\r\t()[]{}\"'“”‘’«»!?;:/")
"""Characters that end a word wherever they stand (not "." and ",": "1.5"; nor "-": "-5").
A quote's neighbours are nearly always one of them: checked first, in C, as 200,000 quotes
are anchored at load."""


def cuts_word(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` starts or ends inside one of `text`'s words, numbers or letters."""
    return (start > 0 and text[start - 1] not in WORD_BREAKS and _inside(text, start)) or (
        end < len(text) and text[end] not in WORD_BREAKS and _inside(text, end)
    )


def whole_span(text: str, start: int, end: int) -> tuple[int, int]:
    """`text[start:end]` widened to the whole words, numbers and letters it cuts (by at most
    `WIDEST_WORD` characters on each side)."""
    floor, ceiling = max(0, start - WIDEST_WORD), min(len(text), end + WIDEST_WORD)
    while start > floor and _inside(text, start):
        start -= 1
    while end < ceiling and _inside(text, end):
        end += 1
    return start, end
