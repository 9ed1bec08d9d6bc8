"""Fold text to what a reader types: the form both a query and the searched text take.

`fold_for_search` applies, in this order:

- compatibility forms (NFKD): full-width Ｌａｔｉｎ and ＳＵ７, half-width ｶﾀｶﾅ, ligatures, ①;
- case (`str.casefold`: ß is ss);
- accents: combining marks that readers leave out are dropped (Latin, Greek and Cyrillic
  accents, Vietnamese tones, Hebrew points, Arabic vowel marks and hamza). Marks that make a
  different letter are kept: the kana voicing marks (ガ is not カ), Indic nukta and virama,
  and the vowel and tone signs of Thai, Lao, Tibetan and Telugu. Hangul syllables and kana
  are composed again afterwards (NFC), so 한국 and ガ stay as typed;
- a few letters that have no decomposition but are typed without their stroke: đ, ł, ø, ħ,
  ı, ð (as d, l, o, h, i, d), æ and œ (as ae, oe);
- dashes: every Unicode dash and the minus sign as "-" ("2018–19" as "2018-19"); the wave
  dashes 〜 and 〰 as "~", as NFKD makes the full-width ～;
- quotes: curly, low, reversed and prime quotes, the modifier apostrophe, guillemets and CJK corner brackets as
  the straight ' and ". These marks are `evcards.kb.text_fold.PUNCTUATION_FOLDS`, the list
  anchoring folds as well (see docs/architecture.md for why there are two folds at all);
- invisible characters (zero-width space and joiners, soft hyphen, bidi marks, the Arabic
  tatweel) dropped, and every run of white space (NBSP, ideographic space, line breaks) as
  one space.
"""

from __future__ import annotations

import re
import unicodedata

from evcards.kb.text_fold import PUNCTUATION_FOLDS

SEPARATOR = "\x1f"  # joins the parts of a search key; folding leaves it alone, so no match spans two parts

_KEPT_MARK_CLASSES = frozenset({1, 6, 7, 8, 9, *range(84, 200)})
"""Canonical combining classes of marks that are part of the letter: overlays, Han reading
marks, nukta, kana voicing, virama, and the fixed-position vowel and tone signs (84-132)."""

_LETTERS = {"đ": "d", "ð": "d", "ł": "l", "ø": "o", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe"}
_DROPPED = "\u0640"  # the Arabic tatweel only stretches a word


def _fold_character(ch: str) -> str | None:
    """What one character (already decomposed and case-folded) becomes; None drops it."""
    if ch in _LETTERS:
        return _LETTERS[ch]
    if ch in PUNCTUATION_FOLDS:  # quotes, dashes and tildes: the marks anchoring folds too
        return PUNCTUATION_FOLDS[ch]
    if ch == SEPARATOR:
        return ch
    if ch.isspace():
        return " "
    if unicodedata.category(ch) == "Cf" or ch in _DROPPED:
        return None
    combining = unicodedata.combining(ch)
    if combining and combining not in _KEPT_MARK_CLASSES:
        return None
    return ch


class _FoldTable(dict[int, str | None]):
    """A `str.translate` table that learns each character once: the first sight of a character
    costs a few lookups, every later one a dict hit in C."""

    def __missing__(self, code: int) -> str | None:
        folded = _fold_character(chr(code))
        self[code] = folded
        return folded


_TABLE = _FoldTable()
_SPACES = re.compile(r"[^\S\x1f]+")


def fold_for_search(text: str) -> str:
    """Case-, accent-, width-, dash- and quote-insensitive form: 'Lázaro  BRUZÓN' and 'lazaro
    bruzon' fold alike, 'ＳＵ７' as 'su7', '2018–19' as '2018-19'; 雷 stays 雷 and 한 stays 한."""
    if text.isascii():
        folded = text.lower()  # most keys: ASCII, where lower and casefold agree
        # Each `in` runs at memchr speed: a regex search over 17 MB of claims took 0.6 s, these 20 ms.
        if "  " in folded or "\n" in folded or "\t" in folded or "\r" in folded or "\x0b" in folded or "\x0c" in folded:
            folded = _SPACES.sub(" ", folded)
        return folded
    folded = unicodedata.normalize("NFKD", text).casefold().translate(_TABLE)  # white space is " " now
    if not folded.isascii():
        folded = unicodedata.normalize("NFC", folded)  # Hangul syllables and voiced kana again
    return _SPACES.sub(" ", folded) if "  " in folded else folded
