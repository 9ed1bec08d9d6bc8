"""Repair the ToUnicode maps of the PDF's fonts, so that copied or extracted text is the text drawn.

Qt's PDF writer maps each glyph to the lowest code point the font's cmap gives it and leaves
glyphs with no code point out. Three kinds of glyph come back wrong that way:

- glyphs only OpenType substitution reaches (Devanagari conjuncts, Thai tone marks moved
  out of the way, Arabic ligatures): the bundled fonts give each a Private Use Area code point
  (scripts/make_font_subsets.py), which this module replaces with the text the glyph stands for,
  from resources/fonts/glyph-text.json;
- glyphs whose lowest code point is a compatibility presentation form (DejaVu's and Noto's
  contextual Arabic forms U+FE70-U+FEFF, U+FB50-U+FDFF; Hebrew and Latin ligatures U+FB00-U+FB4F):
  replaced with their compatibility decomposition (NFKC), the letters that were typed;
- glyphs a CJK font shares between an ideograph and a radical (Kangxi, U+2F00-U+2FDF, or the
  supplement, U+2E80-U+2EFF): ⻚ for 页 from an installed Noto Sans CJK. `evcards.pdf.radicals`
  chooses the ideograph, from Unicode's data and the text the export drew.

A map is written back only when something in it changed. No Qt here: the maps are read and
written as the CMap text that ISO 32000-1 (9.10.3) describes.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from functools import cache

from pypdf.generic import DictionaryObject

from evcards.pdf.radicals import radical_candidates, radical_choices
from evcards.resources import fonts_dir

GLYPH_TEXT_FILE = "glyph-text.json"
_SUBSET_TAG = re.compile(r"[A-Z]{6}\+")
_HEX = r"<([0-9A-Fa-f]*)>"
_BFCHAR = re.compile(r"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(r"beginbfrange(.*?)endbfrange", re.S)
_RANGE_ENTRY = re.compile(rf"{_HEX}\s*{_HEX}\s*(?:{_HEX}|\[((?:\s*<[0-9A-Fa-f]*>)*)\s*\])")
_PAIR = re.compile(rf"{_HEX}\s*{_HEX}")
_PRESENTATION_FORMS = re.compile("[\ufb00-\ufdff\ufe70-\ufefe]")
_WHITE_SPACE_CONTROLS = {"\x00", "\t", "\n", "\r"}
_ENTRIES_PER_BLOCK = 100  # the most a bfchar block may hold

_HEADER = (
    "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
)
_FOOTER = "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"


@cache
def glyph_texts() -> dict[str, dict[int, str]]:
    """PostScript name of a bundled font -> its Private Use Area code points -> the text each glyph stands for."""
    path = fonts_dir() / GLYPH_TEXT_FILE
    raw: dict[str, dict[str, str]] = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    return {font: {int(code, 16): text for code, text in entries.items()} for font, entries in raw.items()}


def _utf16(hex_digits: str) -> str:
    return bytes.fromhex(hex_digits).decode("utf-16-be", errors="replace")


def parse_cmap(data: str) -> dict[int, str]:
    """Glyph code -> text, from a ToUnicode CMap's bfchar and bfrange blocks."""
    mapping: dict[int, str] = {}
    for block in _BFCHAR.findall(data):
        for code, text in _PAIR.findall(block):
            mapping[int(code, 16)] = _utf16(text)
    for block in _BFRANGE.findall(data):
        for low, high, start, array in _RANGE_ENTRY.findall(block):
            first, last = int(low, 16), int(high, 16)
            if array:
                for offset, text in enumerate(re.findall(_HEX, array)):
                    mapping[first + offset] = _utf16(text)
            else:
                base = _utf16(start)
                for offset in range(last - first + 1):
                    mapping[first + offset] = base[:-1] + chr(ord(base[-1]) + offset) if base else ""
    return mapping


def write_cmap(mapping: dict[int, str]) -> str:
    """A ToUnicode CMap (2-byte codes) holding `mapping`, as bfchar blocks."""
    entries = [f"<{code:04X}> <{text.encode('utf-16-be').hex().upper()}>" for code, text in sorted(mapping.items()) if text]
    blocks = [entries[i : i + _ENTRIES_PER_BLOCK] for i in range(0, len(entries), _ENTRIES_PER_BLOCK)]
    body = "".join(f"{len(block)} beginbfchar\n" + "\n".join(block) + "\nendbfchar\n" for block in blocks)
    return _HEADER + body + _FOOTER


def _right_to_left(text: str) -> bool:
    return next((unicodedata.bidirectional(ch) in ("R", "AL") for ch in text if unicodedata.bidirectional(ch) in ("L", "R", "AL")), False)


def repaired(font_name: str, text: str, radicals: Mapping[str, str] | None = None) -> str:
    """What a glyph mapped to `text` in the font `font_name` (subset tag allowed) stands for.

    `radicals` gives a CJK radical's text (`radical_choices` for the font's whole map); without
    it a radical becomes Unicode's equivalent ideograph. A right-to-left glyph that stands for
    several characters (the lam-alef ligature) is given them last to first: poppler spreads
    them over the glyph's width from left to right and then reads the right-to-left line
    backwards, so `pdftotext` gives them back in order."""
    if text in _WHITE_SPACE_CONTROLS:
        return " "  # fonts map tab, line feed or NUL to their space glyph, and Qt keeps the lowest
    pua = glyph_texts().get(_SUBSET_TAG.sub("", font_name, count=1), {})
    if len(text) == 1 and ord(text) in pua:
        text = pua[ord(text)]
    elif text in radical_candidates():
        text = (radicals if radicals is not None else radical_choices([text])).get(text, text)
    else:
        text = _PRESENTATION_FORMS.sub(lambda match: unicodedata.normalize("NFKC", match[0]), text)
    return text[::-1] if len(text) > 1 and _right_to_left(text) else text


def repair_to_unicode(font: DictionaryObject, drawn_text: str = "") -> bool:
    """Rewrite the ToUnicode map of `font` (a PDF font dictionary) where it holds what `repaired`
    changes; True if it did. `drawn_text`, the text the export drew, decides what a glyph
    mapped to a CJK radical stands for (`radical_choices`)."""
    stream = font.get("/ToUnicode")
    if stream is None:
        return False
    stream = stream.get_object()
    mapping = parse_cmap(stream.get_data().decode("latin-1"))
    name = str(font.get("/BaseFont", "")).lstrip("/")
    radicals = radical_choices(mapping.values(), drawn_text)
    fixed = {code: repaired(name, text, radicals) for code, text in mapping.items()}
    if fixed == mapping:
        return False
    stream.set_data(write_cmap(fixed).encode("ascii"))  # pypdf compresses it again if it was
    return True
