"""Whether a quote found in its source starts or ends inside one of the source's words or letters.

A quote is looked for as a substring, but a substring can say the opposite of its source:
"likely to succeed" stands in "unlikely to succeed", "5 million" in "25 million" and in
"1.5 million", and "cafe" in "café" written with a combining accent (NFD). Such a match is
not verbatim: the source's word, number or letter goes on past the quote. `whole_span`
widens it to the whole words, so that the check shows what the source really says there.

A few clitics are written onto their word and cut nothing: Hebrew and Arabic prefixes (ו "and",
ال "the") before a quote, Korean particles (은, 가, 에서) after one. In scripts written without
spaces (Han, kana, Thai, Lao, Khmer, Myanmar, Tibetan) any character may end a word, so only
the letter rule holds there: a combining mark, a zero
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


_PREFIX_LETTERS = (frozenset("והבלמשכ"), frozenset("وفبلكاس"))  # Hebrew and Arabic: and, the, in, to, from, that, as, will
_PARTICLES = frozenset(
    [
        "은",
        "는",
        "이",
        "가",
        "을",
        "를",
        "의",
        "에",
        "와",
        "과",
        "도",
        "만",
        "로",
        "으로",
        "에서",
        "에게",
        "께서",
        "부터",
        "까지",
        "보다",
        "처럼",
        "이다",
        "이며",
        "에는",
        "에서는",
        "으로는",
        "로는",
        "와의",
        "과의",
    ]
)  # Korean particles, written onto the word they follow
_LONGEST_CLITIC = 3


def _clitic(text: str, at: int, starting: bool) -> bool:
    """Whether the word cut at `at` is only a word and a clitic written together: a Hebrew or
    Arabic prefix before a quote's start (ו, ה, ال...: "and", "the"), a Korean particle after
    its end (삼성[은]). The quote is the word itself, not part of another."""
    if starting:
        first = at
        while first > 0 and at - first <= _LONGEST_CLITIC and _in_word(text[first - 1]):
            first -= 1
        prefix = text[first:at]
        return (first == 0 or not _in_word(text[first - 1])) and any(set(prefix) <= letters for letters in _PREFIX_LETTERS)
    last = at
    while last < len(text) and last - at <= _LONGEST_CLITIC and "\uac00" <= text[last] <= "\ud7a3":
        last += 1
    return text[at:last] in _PARTICLES and (last == len(text) or not _in_word(text[last]))


def _inside(text: str, at: int, starting: bool, clitics: bool = True) -> bool:
    """Whether the boundary before `text[at]` falls inside a word, a number or a letter
    (`starting`: it is where a quote starts, else where one ends; `clitics`: a clitic parts
    its word there)."""
    left, right = _before(text, at), _after(text, at)
    if not left or not right:
        return False
    if left.isascii() and right.isascii() and not (left.isalnum() or right.isalnum()):
        return False  # the common case: a space or punctuation on both sides
    if _attached(right) or left == ZWJ:
        return True
    if _in_word(left) and _in_word(right):
        return left.isascii() or not clitics or not _clitic(text, at, starting)
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
    return (start > 0 and text[start - 1] not in WORD_BREAKS and _inside(text, start, True)) or (
        end < len(text) and text[end] not in WORD_BREAKS and _inside(text, end, False)
    )


def whole_span(text: str, start: int, end: int) -> tuple[int, int]:
    """`text[start:end]` widened to the whole words, numbers and letters it cuts (by at most
    `WIDEST_WORD` characters on each side)."""
    floor, ceiling = max(0, start - WIDEST_WORD), min(len(text), end + WIDEST_WORD)
    while start > floor and _inside(text, start, True, clitics=False):
        start -= 1
    while end < ceiling and _inside(text, end, False, clitics=False):
        end += 1
    return start, end
