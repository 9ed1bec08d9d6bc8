"""Finish the PDF Qt writes with what `QPdfWriter` (Qt 6) has no API or no fix for, through pypdf.

- The document language: the catalog's /Lang, which screen readers and search tools use.
- Bookmarks (an outline) when one PDF holds several cards, opened with the bookmarks panel.
- Text that copies and extracts as the text drawn: ToUnicode maps repaired
  (`evcards.pdf.unicode_map`) and Devanagari and Thai runs given their text in reading order
  (`evcards.pdf.actual_text`).
- Subset font names: Qt embeds font subsets and tags the descriptor's /FontName
  (`QVAAAA+DejaVuSans`) but not the font's /BaseFont, which ISO 32000-1 (9.9.2) asks for too;
  readers such as poppler's `pdffonts` then report the fonts as not subset.

pypdf writes the document out again as one revision: Qt's objects, its document information
(title, creator, producer, dates), its XMP metadata and its file identifier are carried over.
Not pypdf's incremental mode, which would keep Qt's bytes: it appends a cross-reference stream
(a PDF 1.5 feature) to Qt's 1.4 file and leaves /Info out of the new trailer. The rewrite costs
a few milliseconds a card.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from evcards.pdf.actual_text import add_actual_text
from evcards.pdf.unicode_map import parse_cmap, repair_to_unicode

_SUBSET_NAME = re.compile(r"/[A-Z]{6}\+(.+)")  # a subset's name: six capitals, a plus, the font's name


@dataclass(frozen=True, slots=True)
class Bookmark:
    """An outline entry: `title` opens page `page_index` (0-based)."""

    title: str
    page_index: int


def _fonts(writer: PdfWriter) -> list[DictionaryObject]:
    """The fonts the pages use, each composite (Type0) font followed by its descendant."""
    found: dict[int, DictionaryObject] = {}
    for page in writer.pages:
        resources = page.get("/Resources")
        font_map = resources.get_object().get("/Font") if resources is not None else None
        for reference in font_map.get_object().values() if font_map is not None else ():
            font = reference.get_object()
            found[id(font)] = font
            for descendant in font.get("/DescendantFonts", ()):
                found[id(descendant.get_object())] = descendant.get_object()
    return list(found.values())


def _to_unicode_maps(page: PageObject, parsed: dict[int, dict[int, str]]) -> dict[str, dict[int, str]]:
    """The page's font resource names ("F16") -> their glyph code -> text maps; `parsed`
    keeps each map read once for all the pages that share the font."""
    resources = page.get("/Resources")
    font_map = resources.get_object().get("/Font") if resources is not None else None
    maps: dict[str, dict[int, str]] = {}
    for name, reference in font_map.get_object().items() if font_map is not None else ():
        stream = reference.get_object().get("/ToUnicode")
        if stream is not None:
            stream = stream.get_object()
            if id(stream) not in parsed:
                parsed[id(stream)] = parse_cmap(stream.get_data().decode("latin-1"))
            maps[name.lstrip("/")] = parsed[id(stream)]
    return maps


def _descriptor_name(font: DictionaryObject) -> str:
    """The /FontName of the descriptor that describes `font`: a Type0 font's is its descendant's."""
    descendants = font.get("/DescendantFonts")
    described = descendants[0].get_object() if descendants else font
    descriptor = described.get("/FontDescriptor")
    return str(descriptor.get_object().get("/FontName", "")) if descriptor is not None else ""


def _tag_subset_fonts(writer: PdfWriter) -> None:
    """Give each subset font's /BaseFont the tag its descriptor's /FontName already has."""
    for font in _fonts(writer):
        tagged = _SUBSET_NAME.fullmatch(_descriptor_name(font))
        if tagged and font.get("/BaseFont") == f"/{tagged[1]}":
            font[NameObject("/BaseFont")] = NameObject(tagged[0])


def finish_pdf(data: bytes, language: str, bookmarks: Sequence[Bookmark] = ()) -> bytes:
    """`data` (a PDF from QPdfWriter) with /Lang, an outline of `bookmarks` and tagged subset font names.

    `language` is a BCP 47 tag such as "en"; a bookmark's page index past the last page is a
    programming error (IndexError)."""
    reader = PdfReader(BytesIO(data))
    writer = PdfWriter(clone_from=reader)
    writer.pdf_header = reader.pdf_header  # else pypdf writes its own default, "%PDF-1.3"
    writer.root_object[NameObject("/Lang")] = TextStringObject(language)
    for bookmark in bookmarks:
        writer.add_outline_item(title=bookmark.title, page_number=writer.pages[bookmark.page_index])
    if bookmarks:
        writer.page_mode = "/UseOutlines"
    _tag_subset_fonts(writer)
    for font in _fonts(writer):
        repair_to_unicode(font)
    parsed: dict[int, dict[int, str]] = {}
    for page in writer.pages:
        add_actual_text(page, _to_unicode_maps(page, parsed))
    out = BytesIO()
    writer.write(out)
    return out.getvalue()
