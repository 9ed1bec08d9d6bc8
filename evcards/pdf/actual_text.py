"""Give Devanagari and Thai runs of a Qt PDF their text in reading order (/ActualText).

A glyph-by-glyph map (ToUnicode, see `evcards.pdf.unicode_map`) cannot give back text whose
glyphs are drawn in another order than the letters are typed: Devanagari draws the vowel sign
ि before the consonant it follows and the reph (र् over the next consonant) after it, so
"क्षत्रिय" extracts as "क्षित्रय" and "स्मार्ट" as "स्माटर्". Thai tone marks are moved by
positioning, and poppler, which orders letters by where they are drawn, puts them after the
next vowel. So each text object (Qt writes one per run of one font) that holds Devanagari or
Thai is wrapped in a marked-content span whose /ActualText is the run's text in logical order
(ISO 32000-1, 14.9.4); text extraction and copy/paste read that instead of the glyphs.

The page's content is read and written with pypdf (`evcards.pdf.shown_text`), whatever its byte
layout: only the text objects that select a Devanagari or Thai font when they can be told
without a parse, else the whole content. A text object already inside an /ActualText span
is left as it is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from pypdf.generic import ContentStream, DictionaryObject, NameObject, TextStringObject

from evcards.pdf.shown_text import Operation, names_pattern, parse_content, text_object_spans, text_objects

NEEDS_ACTUAL_TEXT = re.compile("[\u0900-\u097f\u0e00-\u0e7f]")  # Devanagari, Thai
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


def needs_actual_text(to_unicode: Mapping[str, Mapping[int, str]]) -> bool:
    """True if one of a page's fonts (resource name -> glyph code -> text) draws Devanagari or
    Thai: else its content need not even be parsed."""
    return any(NEEDS_ACTUAL_TEXT.search(text) for mapping in to_unicode.values() for text in mapping.values())


def _spanned(operations: list[Operation]) -> set[int]:
    """Indices of the operations inside a marked-content span that has an /ActualText already."""
    inside: set[int] = set()
    open_spans: list[bool] = []  # one per open BMC/BDC: whether it or one around it has /ActualText
    for index, (operands, operator) in enumerate(operations):
        if operator in (b"BMC", b"BDC"):
            properties = operands[-1] if operator == b"BDC" and operands else None
            has_text = isinstance(properties, DictionaryObject) and "/ActualText" in properties
            open_spans.append(has_text or (bool(open_spans) and open_spans[-1]))
        elif operator == b"EMC" and open_spans:
            open_spans.pop()
        if open_spans and open_spans[-1]:
            inside.add(index)
    return inside


def _span(text: str) -> Operation:
    properties = DictionaryObject({NameObject("/ActualText"): TextStringObject(text)})
    return [NameObject("/Span"), properties], b"BDC"


def add_actual_text(content: ContentStream, to_unicode: Mapping[str, Mapping[int, str]]) -> bool:
    """Wrap the Devanagari and Thai text objects of `content` (a page's, parsed by pypdf) in
    /ActualText spans. `to_unicode` maps the page's font resource names (e.g. "F16") to their
    glyph code -> text maps. True if the content changed."""
    if not needs_actual_text(to_unicode):
        return False
    operations = content.operations
    spanned: set[int] | None = None
    wrapped: list[Operation] = []
    done = 0
    for text_object in text_objects(operations):
        glyphs = [to_unicode.get(font, {}).get(code, "") for font, code in text_object.glyphs]
        if not NEEDS_ACTUAL_TEXT.search("".join(glyphs)):
            continue
        spanned = _spanned(operations) if spanned is None else spanned
        if text_object.begin in spanned:
            continue
        wrapped += operations[done : text_object.begin]
        wrapped.append(_span(logical_order(glyphs)))
        wrapped += operations[text_object.begin : text_object.end + 1]
        wrapped.append(([], b"EMC"))
        done = text_object.end + 1
    if not wrapped:
        return False
    content.operations = wrapped + operations[done:]
    return True


def with_actual_text(data: bytes, to_unicode: Mapping[str, Mapping[int, str]]) -> bytes | None:
    """`data` (a page's decoded content) with its Devanagari and Thai text objects wrapped in
    /ActualText spans, or None if none needs it. See `add_actual_text`."""
    names = [name for name, mapping in to_unicode.items() if needs_actual_text({name: mapping})]
    if not names:
        return None
    spans = None if b"/ActualText" in data else text_object_spans(data)  # a span around a text object: parse
    if spans is None:
        content = parse_content(data)
        return content.get_data() if add_actual_text(content, to_unicode) else None
    selects = names_pattern(names)
    pieces: list[bytes] = []
    done = 0
    for start, end in spans:
        if not selects.search(data, start, end):
            continue  # every glyph it shows is in another font: it sets its font first
        content = parse_content(data[start:end])
        if add_actual_text(content, to_unicode):
            pieces += [data[done:start], content.get_data()]
            done = end
    return b"".join([*pieces, data[done:]]) if pieces else None
