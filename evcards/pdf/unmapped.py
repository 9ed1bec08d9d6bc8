"""Give glyphs of characters beyond the BMP (emoji, CJK Extension B) their text in the PDF.

Qt's PDF writer builds a font's ToUnicode map by asking the font for every code point up to
U+FFFF, so a glyph drawn for 😀 or 𠀀 gets no entry and drops out of copied and extracted text.
The PDF alone cannot say which character such a glyph is, but the exporter knows the text it
drew: each unmapped glyph is looked up by the mapped glyphs around it (a few on each side, in
drawing order, white space ignored) in that text, and given the character found between them
when every place it is drawn agrees. A glyph found nowhere, or found with two meanings, stays
unmapped.
"""

from __future__ import annotations

import re
import struct
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from pypdf.generic import DictionaryObject

from evcards.pdf.shown_text import Operation, names_pattern, parse_content, text_object_spans, text_objects

CONTEXT = 4  # mapped glyphs on each side
Glyph = tuple[int, int]  # (id of the font's text map, glyph code)


def _visible(ch: str) -> bool:
    """True for a character that draws a glyph of its own: not white space, not a format
    character (ZWJ, bidi marks), not a variation selector."""
    if ch.isspace() or unicodedata.category(ch) == "Cf":
        return False
    return not ("\ufe00" <= ch <= "\ufe0f" or "\U000e0100" <= ch <= "\U000e01ef")


def _squeezed(text: str) -> str:
    return "".join(ch for ch in text if _visible(ch))


def _context(texts: Sequence[str | None], start: int, step: int) -> str:
    """The text of up to CONTEXT mapped glyphs from `start` in direction `step`, stopping at an unmapped one."""
    found: list[str] = []
    i = start
    while 0 <= i < len(texts) and len(found) < CONTEXT:
        text = texts[i]
        if text is None:
            break
        squeezed = _squeezed(text)
        if squeezed:
            found.append(squeezed)
        i += step
    return "".join(reversed(found) if step < 0 else found)


def _candidates(glyphs: list[Glyph], maps: Mapping[int, Mapping[int, str]], drawn: str) -> dict[Glyph, Counter[str]]:
    """For each unmapped glyph of one page, the characters the drawn text has in its place."""
    texts = [maps[font].get(code) if code else "" for font, code in glyphs]
    found: dict[Glyph, Counter[str]] = defaultdict(Counter)
    i = 0
    while i < len(glyphs):
        if texts[i] is not None:
            i += 1
            continue
        end = i
        while end < len(glyphs) and texts[end] is None:
            end += 1
        left, right = _context(texts, i - 1, -1), _context(texts, end, 1)
        if left or right:
            pattern = re.escape(left) + f"([\U00010000-\U0010ffff]{{{end - i}}})" + re.escape(right)
            meanings = {match[1] for match in re.finditer(pattern, drawn)}
            for glyph, position in zip(glyphs[i:end], range(end - i)):
                for meaning in meanings:
                    found[glyph][meaning[position]] += 1
        i = end
    return found


def _glyph_count(descendant: DictionaryObject) -> int | None:
    """The number of glyphs of a CIDFontType2's embedded TrueType program (its `maxp` table):
    under an Identity /CIDToGIDMap its codes are its glyph ids. None if that cannot be read.
    (Two numbers from the table directory: fontTools is no runtime dependency, and its import
    alone costs more than the whole look-up.)"""
    descriptor = descendant.get("/FontDescriptor")
    program = descriptor.get_object().get("/FontFile2") if descriptor is not None else None
    if program is None or descendant.get("/CIDToGIDMap") != "/Identity":
        return None
    data = program.get_object().get_data()
    try:
        (tables,) = struct.unpack_from(">H", data, 4)
        for index in range(tables):
            tag, _, offset, _ = struct.unpack_from(">4sIII", data, 12 + 16 * index)
            if tag == b"maxp":
                count: int = struct.unpack_from(">H", data, offset + 4)[0]
                return count
    except struct.error:
        return None
    return None


def may_draw_unmapped(font: DictionaryObject, mapping: Mapping[int, str]) -> bool:
    """False if every glyph of `font` (a composite font, as Qt embeds them: a TrueType subset)
    but .notdef is in `mapping`, its text map: then it draws nothing for `fill_unmapped` to
    find. True where that cannot be told."""
    descendants = font.get("/DescendantFonts")
    count = _glyph_count(descendants[0].get_object()) if descendants else None
    return count is None or any(code not in mapping for code in range(1, count))


def context_runs(data: bytes, unmapped_fonts: Sequence[str], to_unicode: Mapping[str, Mapping[int, str]]) -> list[list[Operation]]:
    """What `fill_unmapped` needs of content `data`, parsed by pypdf: runs of consecutive text
    objects, each around those that select one of `unmapped_fonts` (resource names) and reaching
    CONTEXT glyphs with visible text (by `to_unicode`) past them on each side, so each glyph's
    neighbours are those of the whole page. The whole content where `text_object_spans`
    cannot tell its text objects."""
    spans = text_object_spans(data)
    if spans is None:
        return [parse_content(data).operations]
    parsed: dict[int, list[Operation]] = {}

    def operations(index: int) -> list[Operation]:
        if index not in parsed:
            start, end = spans[index]
            parsed[index] = parse_content(data[start:end]).operations
        return parsed[index]

    def visible(index: int) -> int:
        shown = (to_unicode.get(font, {}).get(code) for text_object in text_objects(operations(index)) for font, code in text_object.glyphs)
        return sum(1 for text in shown if text and _squeezed(text))

    selects = names_pattern(unmapped_fonts)
    wanted: set[int] = set()
    for index, (start, end) in enumerate(spans):
        if not selects.search(data, start, end):
            continue
        wanted.add(index)
        for step in (-1, 1):
            neighbour, seen = index + step, 0
            while 0 <= neighbour < len(spans) and seen < CONTEXT:
                wanted.add(neighbour)
                seen += visible(neighbour)
                neighbour += step
    runs: list[list[Operation]] = []
    for index in sorted(wanted):
        if index - 1 not in wanted:
            runs.append([])
        runs[-1] += operations(index)
    return runs


def fill_unmapped(
    pages: Sequence[tuple[Sequence[Operation], Mapping[str, int]]], maps: dict[int, dict[int, str]], drawn_text: str
) -> set[int]:
    """Add to `maps` (id -> glyph code -> text) the characters of unmapped glyphs found in
    `drawn_text`. `pages` holds each page's content operations (pypdf's `ContentStream.operations`)
    and its font resource names -> map ids. Returns the ids of the maps that gained entries."""
    drawn = _squeezed(drawn_text)
    if not any(ord(ch) > 0xFFFF for ch in drawn):
        return set()
    votes: dict[Glyph, Counter[str]] = defaultdict(Counter)
    for operations, fonts in pages:
        shown = (glyph for text_object in text_objects(operations) for glyph in text_object.glyphs)
        glyphs = [(fonts[name], code) for name, code in shown if name in fonts]
        for glyph, counter in _candidates(glyphs, maps, drawn).items():
            votes[glyph].update(counter)
    changed: set[int] = set()
    for (font, code), counter in votes.items():
        if len(counter) == 1 and code not in maps[font]:  # every place agrees
            (maps[font][code],) = counter
            changed.add(font)
    return changed
