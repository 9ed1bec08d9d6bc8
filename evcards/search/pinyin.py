"""How a reader without a Chinese keyboard types a Chinese name: its pinyin, via pypinyin.

For 雷军 the readings are "lei jun", "leijun" and the initials "lj"; tone marks are not
typed ("Léi Jūn" folds to "lei jun"), ü is typed as u or v (吕: "lu", "lv"). The filter
keeps the initials, as Chinese readers often type them ("xm" for 小米); the command line's
lookup leaves them out, too short to name one entity.

Polyphonic characters: pypinyin's phrase dictionary picks one reading per word (重庆
chongqing) but costs 130 ms and 45 MB to import, and a name's surname is still read wrong
(曾国藩 as "ceng", 单 as "dan", 解 as "jie"). So the phrase dictionary is left out and every
reading of each character is kept instead (`heteronym=True`): 曾国藩 gives "ceng guo fan"
and "zeng guo fan", 重庆 "zhong qing" and "chong qing". Up to `_MAX_FORMS` combinations are
all kept; a longer name with many polyphonic characters keeps the first reading of each and
every variant that changes one character (重庆银行 is found as "chong qing yin xing" and
"zhong qing yin hang", not as "chong qing yin hang"). A reading the name does not have may then match,
which a reader notices less than the name they typed not being found.
"""

from __future__ import annotations

import os
import re
from functools import cache
from itertools import product
from typing import TYPE_CHECKING

from evcards.search.folding import fold_for_search

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

# Runs of Han characters (unified, extensions A to H, compatibility), kept by `split`; one
# pattern for both uses, since compiling each took 2-3 ms of the first load.
_HAN_RUN = re.compile("([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+)")
_MAX_FORMS = 8


def has_han(text: str) -> bool:
    """Whether `text` holds a Han character (only those have a pinyin reading)."""
    return not text.isascii() and _HAN_RUN.search(text) is not None  # isascii is one flag: most names stop there


@cache
def _converter() -> Callable[[str], list[list[str]]]:
    """pypinyin's readings, imported on first use (50-90 ms), only for Han names."""
    # pypinyin's documented switch (see the docstring). `evcards` sets it on its main thread at
    # start; this is for other callers, and writes nothing when it is set already.
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
    from pypinyin import Style, pinyin

    def readings(text: str) -> list[list[str]]:
        return pinyin(text, style=Style.NORMAL, heteronym=True, v_to_u=True)

    return readings


_KNOWN: dict[str, tuple[str, ...]] = {}  # per Han character: a few thousand, kept for the process


def _character_readings(ch: str) -> tuple[str, ...]:
    """Every toneless reading of one Han character, ü as u and as v; () for one pypinyin cannot
    read. Asked of pypinyin once per character: once per name cost 47 µs a name."""
    known = _KNOWN.get(ch)
    if known is None:
        readings: list[str] = []
        for reading in _converter()(ch)[0]:
            if reading.isascii() or "ü" in reading:
                readings += [reading.replace("ü", "u"), reading.replace("ü", "v")]
        known = _KNOWN[ch] = tuple(dict.fromkeys(readings))
    return known


def _combinations(choices: Sequence[Sequence[str]]) -> list[tuple[str, ...]]:
    count = 1
    for options in choices:
        count *= len(options)
    if count <= _MAX_FORMS:
        return list(product(*choices))
    first = tuple(options[0] for options in choices)
    variants = [first]
    for position, options in enumerate(choices):
        variants += [(*first[:position], other, *first[position + 1 :]) for other in options[1:]]
    return variants


_PUNCTUATION = re.compile(r"[^\w\x1f]+")  # what a reader types as a space, if at all: · （ ） - ,


def _pieces(text: str) -> list[tuple[tuple[str, ...], bool]]:
    """`text` as pieces to spell: each Han character with its readings (True), and the text
    between them, folded (False), its punctuation as spaces: the middle dot of 埃隆·马斯克 and
    the brackets of 雷军（小米） are not typed. A run of punctuation only is an empty piece, which
    still parts the Han characters on either side."""
    pieces: list[tuple[tuple[str, ...], bool]] = []
    for index, run in enumerate(_HAN_RUN.split(text)):
        if index % 2:  # split keeps the Han runs at odd places
            pieces += [(readings, True) if (readings := _character_readings(ch)) else ((fold_for_search(ch),), False) for ch in run]
        elif run.strip():
            pieces.append(((" ".join(_PUNCTUATION.sub(" ", fold_for_search(run)).split()),), False))
    return pieces


def _joined(spelled: Sequence[str], pieces: Sequence[tuple[tuple[str, ...], bool]]) -> str:
    """Syllables of neighbouring Han characters run together, other text set apart by a space:
    小米SU7 as "xiaomi su7", as its English name is written; 埃隆·马斯克 as "ailong masike"."""
    out = spelled[0]
    for index in range(1, len(spelled)):
        together = pieces[index - 1][1] and pieces[index][1]
        out += spelled[index] if together else " " + spelled[index]
    return " ".join(out.split())


def pinyin_readings(text: str, *, initials: bool = True) -> list[str]:
    """The folded ways to type `text` in pinyin: spaced ("lei jun"), joined ("leijun") and
    (unless told not to) the initials ("lj", as Chinese readers often type); [] without Han."""
    if not has_han(text):
        return []
    pieces = _pieces(text)
    forms: list[str] = []
    for syllables in _combinations([options for options, _ in pieces]):
        forms += [" ".join(filter(None, syllables)), _joined(syllables, pieces)]
        if initials:
            forms.append(_joined([s[0] if is_han else s for s, (_, is_han) in zip(syllables, pieces)], pieces))
    return list(dict.fromkeys(forms))
