"""Give Devanagari and Thai runs of a Qt PDF their text in reading order (/ActualText).

A glyph-by-glyph map (ToUnicode, see `evcards.pdf.unicode_map`) cannot give back text whose
glyphs are drawn in another order than the letters are typed: Devanagari draws the vowel sign
ि before the consonant it follows and the reph (र् over the next consonant) after it, so
"क्षत्रिय" extracts as "क्षित्रय" and "स्मार्ट" as "स्माटर्". Thai tone marks are moved by
positioning, and poppler, which orders letters by where they are drawn, puts them after the
next vowel. So each text object (Qt writes one per run of one font) that holds Devanagari or
Thai is wrapped in a marked-content span whose /ActualText is the run's text in logical order
(ISO 32000-1, 14.9.4); text extraction and copy/paste read that instead of the glyphs.

Qt writes every glyph as `x y Td <code> Tj` inside `BT /Fn size Tf ... ET`; anything else is
left as it is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from pypdf import PageObject
from pypdf.generic import DecodedStreamObject

_TEXT_OBJECT = re.compile(rb"BT\n/(\w+) [^\n]*Tf[^\n]*\n(.*?)ET\n", re.S)
_SHOWN = re.compile(rb"<([0-9A-Fa-f]+)> Tj")
_NEEDS_ACTUAL_TEXT = re.compile("[\u0900-\u097f\u0e00-\u0e7f]")  # Devanagari, Thai
VIRAMA = "\u094d"
I_SIGN = "\u093f"
REPH = "\u0930\u094d"


def _is_mark(text: str) -> bool:
    return bool(text) and unicodedata.category(text[0]) in ("Mn", "Mc")


def _cluster_end(glyphs: list[str], start: int) -> int:
    """Index after the consonant cluster that starts at `start`: half forms (ending in a
    virama), then the consonant or conjunct, then a nukta."""
    i = start
    while i < len(glyphs) and glyphs[i].endswith(VIRAMA):
        i += 1
    i = min(i + 1, len(glyphs))
    while i < len(glyphs) and glyphs[i] == "\u093c":
        i += 1
    return i


def _cluster_start(glyphs: list[str], end: int) -> int:
    """Index of the first glyph of the cluster that ends before `end`: its vowel signs and
    marks, the consonant, and the half forms before it."""
    i = end
    while i > 0 and _is_mark(glyphs[i - 1]):
        i -= 1
    i = max(i - 1, 0)
    while i > 0 and glyphs[i - 1].endswith(VIRAMA) and glyphs[i - 1] != REPH:
        i -= 1
    return i


def logical_order(glyphs: list[str]) -> str:
    """The text of glyphs drawn in visual order (each glyph's text), in the order it is typed:
    Devanagari's pre-base vowel sign ि after its cluster, the reph before it."""
    order = list(glyphs)
    i = 0
    while i < len(order):
        if order[i] == I_SIGN and i + 1 < len(order) and not order[i + 1].startswith(I_SIGN):
            end = _cluster_end(order, i + 1)
            order[i:end] = [*order[i + 1 : end], I_SIGN]
            i = end
        else:
            i += 1
    i = 0
    while i < len(order):
        if order[i] == REPH and i > 0:
            start = _cluster_start(order, i)
            order[start : i + 1] = [REPH, *order[start:i]]
        i += 1
    return "".join(order)


def _pdf_text_string(text: str) -> bytes:
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def shown_glyphs(content: bytes) -> list[tuple[str, list[int]]]:
    """The text objects of a page's content as Qt writes them: (font resource name, glyph codes drawn)."""
    return [(match[1].decode("ascii"), _codes(match[2])) for match in _TEXT_OBJECT.finditer(content)]


def _codes(shown: bytes) -> list[int]:
    return [int(hex_digits[i : i + 4], 16) for hex_digits in _SHOWN.findall(shown) for i in range(0, len(hex_digits), 4)]


def add_actual_text(page: PageObject, to_unicode: Mapping[str, Mapping[int, str]]) -> bool:
    """Wrap `page`'s Devanagari and Thai text objects in /ActualText spans. `to_unicode` maps
    the page's font resource names (e.g. "F16") to their glyph code -> text maps. True if the
    page changed."""
    if not any(_NEEDS_ACTUAL_TEXT.search(text) for mapping in to_unicode.values() for text in mapping.values()):
        return False
    data = page.get_contents()
    if data is None:
        return False
    content = data.get_data()
    changed = False

    def wrap(match: re.Match[bytes]) -> bytes:
        nonlocal changed
        mapping = to_unicode.get(match[1].decode("ascii"), {})
        glyphs = [mapping.get(code, "") for code in _codes(match[2])]
        if not _NEEDS_ACTUAL_TEXT.search("".join(glyphs)):
            return match[0]
        changed = True
        return b"/Span <</ActualText " + _pdf_text_string(logical_order(glyphs)) + b">> BDC\n" + match[0] + b"EMC\n"

    content = _TEXT_OBJECT.sub(wrap, content)
    if changed:
        stream = DecodedStreamObject()
        stream.set_data(content)
        page.replace_contents(stream.flate_encode())
    return changed
