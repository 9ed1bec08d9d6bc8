"""Fold text the way a reader compares it, and map every folded offset back to the original.

Two levels, both documented in docs/format.md ("How a quote is anchored"):

- *verbatim*: NFC; each run of white space (Python's `str.isspace`: Zs, Zl, Zp, tab, line
  breaks, NBSP, U+3000...) as one space, or as nothing beside a character of a script
  written without spaces (Han, kana, CJK and full-width punctuation; not Hangul): wrapped
  Chinese is not given spaces it never had, and "小米 SU7" is "小米SU7"; soft hyphen U+00AD, ZWSP U+200B, word joiner U+2060 and
  U+FEFF removed. They only say where a line may break, or nothing at all.
- *approximate*, over the verbatim text: NFKC (full and half width, ligatures, Arabic
  presentation forms), case folding, quotes (corner brackets too), apostrophes and dashes folded to ASCII, and the
  invisible characters that change how text is drawn removed: ZWNJ U+200C and ZWJ U+200D
  (they change Indic conjuncts, Persian words and emoji sequences, so a difference in them
  is shown, never called verbatim), direction marks and variation selectors.
  A quote is compared with `approximate_match_fold`, which also takes punctuation beside
  Chinese or Japanese as typography: no space after it, a single quote mark as a double one.

A source is folded once per load, and only when one of its quotes is not found by plain
`str.find` (or only inside a longer word: `evcards.kb.word_cuts`). Folding is done with C-speed string operations (`re`, `str.translate`,
`unicodedata.is_normalized`); only the places where the length changes are recorded, so a
line-wrapped 20 KB article keeps a few hundred entries, not one per character.
"""

from __future__ import annotations

import re
import string
import unicodedata
from bisect import bisect_right
from functools import cache, lru_cache

VERBATIM_IGNORED = "\u00ad\u200b\u2060\ufeff"  # soft hyphen, ZWSP, word joiner, BOM / zero-width no-break space
FORMAT_IGNORED = (  # removed only by the approximate fold: they change what is drawn
    "\u200c\u200d"  # ZWNJ, ZWJ
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # direction marks and embeddings
    "\ufe00\ufe01\ufe02\ufe03\ufe04\ufe05\ufe06\ufe07\ufe08\ufe09\ufe0a\ufe0b\ufe0c\ufe0d\ufe0e\ufe0f"  # variation selectors
)
# The punctuation a reader takes for the same mark. The one list: search (`evcards.search.folding`)
# folds these too, so that what the filter equates and what anchoring calls approximate agree.
APOSTROPHES = "'‘’‚‛′‵´`ʼ‹›＇"
DOUBLE_QUOTES = '"“”„‟″‶«»＂〝〞〟'
# The CJK corner brackets are quotation marks too, in another convention (Taiwan, Hong Kong, Japan:
# 「」 outer, 『』 inner, where the mainland writes “” and ‘’): all fold to ". Title marks 《》〈〉 are not
# quotation marks (they enclose a book's or a law's name) and are not folded.
CORNER_BRACKETS = "「」『』﹁﹂﹃﹄｢｣"
# Every dash (Unicode category Pd but the two wave dashes, which are tildes) and the minus sign.
DASHES = "-\u058a\u05be\u1400\u1806‐‑‒–—―\u2e17\u2e1a\u2e3a\u2e3b\u2e40\u2e5d\u30a0\ufe31\ufe32﹘﹣－\U00010ead−"
TILDES = "~〜〰～"
PUNCTUATION_FOLDS = {
    **dict.fromkeys(APOSTROPHES, "'"),
    **dict.fromkeys(DOUBLE_QUOTES, '"'),
    **dict.fromkeys(CORNER_BRACKETS, '"'),
    **dict.fromkeys(DASHES, "-"),
    **dict.fromkeys(TILDES, "~"),
}
"""Each of the marks above as the ASCII one it is folded to."""

_IGNORED_CLASS = re.escape(VERBATIM_IGNORED)
# Characters of scripts written without spaces: CJK punctuation, kana, Han (with Extensions B-G).
# Full-width punctuation counts, full-width letters and digits (Ａ, １) do not: they stand in spaced text too.
WIDE_CLASS = (
    "\u2e80-\u303f\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff9f\U00020000-\U0003ffff"
)
# Every white-space character but the space itself (all for which `str.isspace` is true, and U+FDD0/U+FDD1,
# which Qt takes for frame marks and the card shows as spaces): each is made a space first,
# by `str.replace`, which keeps every offset and costs about a microsecond per 10 KB.
OTHER_SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufdd0\ufdd1"
)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A wide character; a run of spaces or ignored characters to fold, except a lone space;
    the same and, in text with wide characters, a lone space beside one (a slower pattern, used
    only there). Compiled at first use, not when evcards starts: 5 ms of start-up."""
    run = rf"[{_IGNORED_CLASS}][ {_IGNORED_CLASS}]*| [ {_IGNORED_CLASS}]+"
    return (
        re.compile(f"[{WIDE_CLASS}]"),
        re.compile(run),
        re.compile(rf"{run}| (?<=[{WIDE_CLASS}] )| (?=[{WIDE_CLASS}])"),
    )


class Edits:
    """Where a folded text's length differs from the text it was folded from.

    Edit k replaced `original[o_starts[k]:o_ends[k]]` by `folded[f_starts[k]:f_ends[k]]`;
    everything between edits is the same on both sides, shifted. (A plain class: a dataclass
    costs a millisecond to define, at start-up.)
    """

    __slots__ = ("f_ends", "f_starts", "o_ends", "o_starts")

    def __init__(self) -> None:
        self.f_starts: list[int] = []
        self.f_ends: list[int] = []
        self.o_starts: list[int] = []
        self.o_ends: list[int] = []

    def add(self, folded_at: int, folded_length: int, original_start: int, original_end: int) -> None:
        self.f_starts.append(folded_at)
        self.f_ends.append(folded_at + folded_length)
        self.o_starts.append(original_start)
        self.o_ends.append(original_end)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of folded `[start, end)`: from where its first character came from
        to where its last one ended (a collapsed line break inside is covered, ignored
        characters just outside are not)."""
        return self._start(start), self._end(end)

    def _start(self, index: int) -> int:
        k = bisect_right(self.f_starts, index) - 1
        if k < 0:
            return index
        if index < self.f_ends[k]:
            return self.o_starts[k]
        return self.o_ends[k] + index - self.f_ends[k]

    def _end(self, end: int) -> int:
        if end <= 0:
            return self._start(end)
        k = bisect_right(self.f_starts, end - 1) - 1
        if k < 0:
            return end
        if end - 1 < self.f_ends[k]:
            return self.o_ends[k]
        return self.o_ends[k] + end - self.f_ends[k]


def _wide(ch: str) -> bool:
    """A character of a script written without spaces between words: CJK punctuation, kana,
    Han, full-width punctuation (not Hangul, not emoji: Korean and emoji are spaced)."""
    return _patterns()[0].match(ch) is not None and not ch.isspace()


def _as_spaces(text: str) -> str:
    """Every white-space character as a space (`str.isprintable` is false for each but the space)."""
    if text.isprintable():
        return text
    for ch in OTHER_SPACES:
        if ch in text:
            text = text.replace(ch, " ")
    return text


def _collapse(text: str) -> tuple[str, Edits | None]:
    """White-space runs as one space (or none beside a wide character), ignored characters removed.

    The checks before the loop are C-speed string searches: most texts need only some of the
    work, and a quote often none."""
    text = _as_spaces(text)
    ignored = any(ch in text for ch in VERBATIM_IGNORED)
    if not ignored and " " not in text:
        return text, None
    wide_character, narrow_runs, wide_runs = _patterns()
    wide = not text.isascii() and wide_character.search(text) is not None
    if not wide and not ignored and "  " not in text:
        return text, None
    pieces: list[str] = []
    edits: Edits | None = None
    last = shift = 0
    for match in (wide_runs if wide else narrow_runs).finditer(text):
        start, end = match.span()
        run = match.group()
        if " " not in run or (
            wide and ((start > 0 and _wide(text[start - 1])) or (end < len(text) and _wide(text[end])))
        ):  # only ignored characters: nothing is left
            replacement = ""
        else:
            replacement = " "
        pieces += (text[last:start], replacement)
        last = end
        if len(replacement) != end - start:
            edits = edits or Edits()
            edits.add(start + shift, len(replacement), start, end)
            shift += len(replacement) - (end - start)
    if not pieces:
        return text, None
    pieces.append(text[last:])
    return "".join(pieces), edits


_WORD = re.compile(r"[^\s\ufdd0\ufdd1]+")


def _nfc_groups(word: str) -> list[str]:
    """`word` cut where NFC never joins across: each piece normalises on its own."""
    groups: list[str] = []
    current = word[0]
    for ch in word[1:]:
        if unicodedata.combining(ch) or unicodedata.normalize("NFC", current + ch) != unicodedata.normalize(
            "NFC", current
        ) + unicodedata.normalize("NFC", ch):
            current += ch
        else:
            groups.append(current)
            current = ch
    groups.append(current)
    return groups


def _nfc(text: str) -> tuple[str, Edits | None]:
    """`text` in NFC, with the places where lengths changed.

    The whole-text check is C-speed; only words that are not normalised are cut, each into
    the smallest pieces that normalise on their own."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text, None
    edits = Edits()
    pieces: list[str] = []
    last = shift = 0
    for match in _WORD.finditer(text):
        word = match.group()
        if unicodedata.is_normalized("NFC", word):
            continue
        start = match.start()
        pieces.append(text[last:start])
        position = start
        groups = _nfc_groups(word)
        normalised = [unicodedata.normalize("NFC", group) for group in groups]
        if "".join(normalised) != unicodedata.normalize("NFC", word):  # never seen; then the word maps as a whole
            groups, normalised = [word], [unicodedata.normalize("NFC", word)]
        for group, new in zip(groups, normalised):
            if len(new) != len(group):
                edits.add(position + shift, len(new), position, position + len(group))
                shift += len(new) - len(group)
            position += len(group)
        pieces += normalised
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces), (edits if edits.f_starts else None)


class _FoldTable(dict[int, str]):
    """Each character's approximate fold, worked out the first time it is met (`str.translate` asks)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch in FORMAT_IGNORED:
            folded = ""
        else:
            folded = unicodedata.normalize("NFKC", PUNCTUATION_FOLDS.get(ch, ch)).casefold()
            folded = "".join(PUNCTUATION_FOLDS.get(c, c) for c in folded if c not in FORMAT_IGNORED)
        self[code] = folded
        return folded


_TABLE = _FoldTable()


@lru_cache(maxsize=256)
def _pattern(characters: frozenset[str]) -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(sorted(characters))) + "]")


def _translate(text: str) -> tuple[str, Edits | None]:
    """Each character's approximate fold. Most texts are already NFKC, keep their length under
    case folding and have no invisible joiners: then case folding and a `str.replace` per
    quote or dash present give the same as the table, at C speed (a tenth of the time)."""
    if unicodedata.is_normalized("NFKC", text) and not any(ch in text for ch in FORMAT_IGNORED):
        folded = text.casefold()
        if len(folded) == len(text):
            for ch, replacement in PUNCTUATION_FOLDS.items():
                if ch in folded:
                    folded = folded.replace(ch, replacement)
            return folded, None
    folded = text.translate(_TABLE)
    changing = frozenset(ch for ch in set(text) if len(_TABLE[ord(ch)]) != 1)
    if not changing:
        return folded, None
    edits = Edits()
    shift = 0
    for match in _pattern(changing).finditer(text):
        position = match.start()
        length = len(_TABLE[ord(match.group())])
        edits.add(position + shift, length, position, position + 1)
        shift += length - 1
    return folded, edits


@cache
def _wide_punctuation_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """White space between ASCII punctuation that touches a wide character and the text on its
    other side (`万元, Pro`, `Pro (小米`); a single quote mark beside a wide character. Compiled at first use."""
    marks = re.escape(string.punctuation)
    return (
        re.compile(rf"(?<=[{WIDE_CLASS}][{marks}]) +| +(?=[{marks}][{WIDE_CLASS}])"),
        re.compile(rf"(?<=[{WIDE_CLASS}])'|'(?=[{WIDE_CLASS}])"),
    )


def _wide_punctuation(text: str) -> tuple[str, Edits | None]:
    """Punctuation beside Chinese or Japanese as the approximate comparison sees it.

    There punctuation is full-width with no space around it (the verbatim fold drops any);
    once the approximate fold has made `，` a `,`, the space that whoever retyped it on an
    English keyboard put after it (`万元, Pro` for `万元，Pro`) is typography too, and is
    dropped. A single quote mark beside a Han or kana character is a quotation mark, never an
    apostrophe, and is one with the double ones and the corner brackets (`‘交付能力’`, `“交付能力”`,
    `「交付能力」`, `『交付能力』`: the conventions of the mainland, Taiwan and Japan differ). Only
    the approximate comparison does this: a verbatim match stays as strict."""
    if text.isascii():
        return text, None
    spaces, single_quote = _wide_punctuation_patterns()
    pieces: list[str] = []
    edits: Edits | None = None
    last = shift = 0
    for match in spaces.finditer(text) if " " in text else ():
        start, end = match.span()
        pieces.append(text[last:start])
        last = end
        edits = edits or Edits()
        edits.add(start + shift, 0, start, end)
        shift -= end - start
    if edits is not None:
        pieces.append(text[last:])
        text = "".join(pieces)
    if "'" in text:
        text = single_quote.sub('"', text)  # one character for one: the offsets stay
    return text, edits


def _approximate_layers(verbatim: str) -> tuple[str, list[Edits]]:
    """`approximate_match_fold` of a verbatim-folded text, with its edits, the last applied first."""
    translated, first = _translate(verbatim)
    normalised, second = _nfc(translated)
    spaced, third = _wide_punctuation(normalised)
    return spaced, [layer for layer in (third, second, first) if layer]


def verbatim_fold(text: str) -> str:
    """`text` as the verbatim comparison sees it (for a quote, a prefix or a suffix): no
    offsets to keep, so the common quote (NFC, single spaces) costs two C-speed checks, and
    printable ASCII with single spaces (most of an English source: the card's quote context
    folds two windows of it per quote) three, with no call."""
    if text.isascii():
        if text.isprintable() and "  " not in text:  # no break, tab, run of spaces or ignored character
            return text
    elif not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return _collapse(text)[0]


def fold_character(ch: str) -> str:
    """One character's approximate fold (without the NFC that `approximate_fold` adds across characters)."""
    return _TABLE[ord(ch)]


def fold_characters(text: str) -> list[str]:
    """`fold_character` of each character of `text`, in order, with no Python call per character."""
    return list(map(_TABLE.__getitem__, map(ord, text)))


def approximate_fold(verbatim: str) -> str:
    """A verbatim-folded text as the approximate comparison sees it."""
    return _nfc(_translate(verbatim)[0])[0]


def approximate_match_fold(verbatim: str) -> str:
    """A verbatim-folded text as the approximate comparison of a quote with its source sees it:
    `approximate_fold`, character by character, then punctuation beside a wide character as
    `_wide_punctuation` says (`万元, Pro` is `万元,Pro`, as `万元，Pro` folds)."""
    return _approximate_layers(verbatim)[0]


class FoldedText:
    """A source text folded once for the verbatim comparison, and on first need for the approximate one.

    `text` is the verbatim fold; `approximate` the approximate one (`approximate_match_fold`). `span` and
    `approximate_span` map a folded span back to code-point offsets in the original.
    """

    __slots__ = ("_approximate", "_approximate_layers", "_layers", "original", "text")

    def __init__(self, original: str) -> None:
        self.original = original
        nfc, first = _nfc(original)
        self.text, second = _collapse(nfc)
        self._layers = [layer for layer in (second, first) if layer]  # applied last first when mapping back
        self._approximate: str | None = None
        self._approximate_layers: list[Edits] = []

    @classmethod
    def of(cls, original: str) -> FoldedText:
        return cls(original)

    @property
    def approximate(self) -> str:
        if self._approximate is None:
            self._approximate, self._approximate_layers = _approximate_layers(self.text)
        return self._approximate

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the verbatim-folded `text[start:end]`."""
        for layer in self._layers:
            start, end = layer.span(start, end)
        return start, end

    def approximate_span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of `approximate[start:end]`."""
        _ = self.approximate  # folds on first need
        for layer in self._approximate_layers:
            start, end = layer.span(start, end)
        return self.span(start, end)
