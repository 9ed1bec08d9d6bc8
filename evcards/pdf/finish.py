"""Finish the PDF Qt writes with what `QPdfWriter` (Qt 6) has no API or no fix for, through pypdf.

- The document language: the catalog's /Lang, which screen readers and search tools use.
- Bookmarks (an outline) when one PDF holds several cards, opened with the bookmarks panel.
- Links between cards: Qt writes each anchor it draws as a /URI link; an `evcards:entity/ID`
  one becomes a link to the first page of ID's card (a /Dest), or goes when the PDF lacks it.
- Subject and Keywords in the document information, which `QPdfWriter` cannot set.
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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from io import BytesIO

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject, NullObject, StreamObject, TextStringObject

from evcards.card.basics import ENTITY_SCHEME, entity_link_target
from evcards.pdf.actual_text import needs_actual_text, with_actual_text
from evcards.pdf.shown_text import page_data, replace_page_content
from evcards.pdf.unicode_map import parse_cmap, repair_to_unicode, write_cmap
from evcards.pdf.unmapped import context_runs, fill_unmapped, may_draw_unmapped

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


def _page_fonts(page: PageObject) -> dict[str, DictionaryObject]:
    """The page's font resource names ("F16") -> their font dictionaries."""
    resources = page.get("/Resources")
    font_map = resources.get_object().get("/Font") if resources is not None else None
    return {name.lstrip("/"): reference.get_object() for name, reference in (font_map.get_object().items() if font_map is not None else ())}


def _to_unicode(font: DictionaryObject) -> StreamObject | None:
    stream = font.get("/ToUnicode")
    stream = stream.get_object() if stream is not None else None
    return stream if isinstance(stream, StreamObject) else None


def _repair_text(writer: PdfWriter, drawn_text: str) -> None:
    """Make the PDF's text the text drawn: repair each ToUnicode map, add the characters of
    glyphs Qt left unmapped, and give Devanagari and Thai runs their text in reading order.

    pypdf parses a page's content at some 15 microseconds an operation (a glyph drawn is
    two), so only what is needed is parsed: when the text drawn goes beyond the BMP, the text
    objects in a font that may draw a glyph its map lacks (`may_draw_unmapped`) and their
    neighbours (`context_runs`); on a page with a Devanagari or Thai font, the text objects
    in those fonts (`with_actual_text`). Each where its bytes can be told without a parse,
    else the whole page."""
    for font in _fonts(writer):
        repair_to_unicode(font, drawn_text)
    fonts = [_page_fonts(page) for page in writer.pages]
    streams: dict[int, StreamObject] = {}
    page_fonts: list[dict[str, int]] = []  # of each page: font resource name -> key of its map
    for by_name in fonts:
        to_unicode = {name: stream for name, font in by_name.items() if (stream := _to_unicode(font)) is not None}
        streams.update((id(stream), stream) for stream in to_unicode.values())
        page_fonts.append({name: id(stream) for name, stream in to_unicode.items()})
    maps = {key: parse_cmap(stream.get_data().decode("latin-1")) for key, stream in streams.items()}
    page_maps = [{name: maps[key] for name, key in by_key.items()} for by_key in page_fonts]
    beyond_bmp = any(ord(ch) > 0xFFFF for ch in drawn_text)  # else nothing for fill_unmapped to find
    to_fill = [  # of each page, the fonts that may draw a glyph their map lacks
        [name for name in page_fonts[index] if beyond_bmp and may_draw_unmapped(by_name[name], page_maps[index][name])]
        for index, by_name in enumerate(fonts)
    ]
    data = [page_data(page) if fill or needs_actual_text(mapping) else b"" for page, fill, mapping in zip(writer.pages, to_fill, page_maps)]
    pages = [
        (run, by_key)
        for content, fill, by_key, mapping in zip(data, to_fill, page_fonts, page_maps)
        if fill
        for run in context_runs(content, fill, mapping)
    ]
    for key in fill_unmapped(pages, maps, drawn_text) if pages else ():
        streams[key].set_data(write_cmap(maps[key]).encode("ascii"))
    for page, content, mapping in zip(writer.pages, data, page_maps):
        if content and (changed := with_actual_text(content, mapping)) is not None:
            replace_page_content(page, changed)


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


def _uri(annotation: DictionaryObject) -> str:
    action = annotation.get("/A")
    action = action.get_object() if action is not None else None
    return str(action.get("/URI", "")) if action is not None and action.get("/S") == "/URI" else ""


def link_cards(writer: PdfWriter, first_pages: Mapping[str, int]) -> None:
    """Point each `evcards:entity/ID` link at the top of the page `first_pages[ID]` (0-based);
    drop the ones whose ID the PDF does not hold, and any other `evcards:` link (no dead links)."""
    for page in writer.pages:
        annotations = page.get("/Annots")
        if annotations is None:
            continue
        kept = ArrayObject()
        for reference in annotations.get_object():
            annotation = reference.get_object()
            uri = _uri(annotation)
            if uri.startswith(f"{ENTITY_SCHEME}:"):
                target = entity_link_target(uri)
                if target is None or target not in first_pages:
                    continue
                destination = writer.pages[first_pages[target]]
                del annotation["/A"]
                top = FloatObject(float(destination.mediabox.top))
                annotation[NameObject("/Dest")] = ArrayObject(
                    [destination.indirect_reference, NameObject("/XYZ"), NullObject(), top, NullObject()]
                )
            kept.append(reference)
        if kept:
            page[NameObject("/Annots")] = kept
        else:
            del page["/Annots"]


def finish_pdf(
    data: bytes,
    language: str,
    bookmarks: Sequence[Bookmark] = (),
    drawn_text: str = "",
    *,
    first_pages: Mapping[str, int] | None = None,
    information: Mapping[str, str] | None = None,
) -> bytes:
    """`data` (a PDF from QPdfWriter) with /Lang, an outline of `bookmarks`, links between
    cards, tagged subset font names and text that extracts as drawn.

    `language` is a BCP 47 tag such as "en"; `drawn_text` is the text Qt drew (the cards'
    plain text), in which glyphs Qt left without text are looked up; `first_pages` maps each
    card's entity id to its first page (0-based), see `link_cards`; `information` adds
    document information entries ("/Subject": ...), empty values left out. A bookmark's page
    index past the last page is a programming error (IndexError)."""
    reader = PdfReader(BytesIO(data))
    writer = PdfWriter(clone_from=reader)
    writer.pdf_header = reader.pdf_header  # else pypdf writes its own default, "%PDF-1.3"
    writer.root_object[NameObject("/Lang")] = TextStringObject(language)
    for bookmark in bookmarks:
        writer.add_outline_item(title=bookmark.title, page_number=writer.pages[bookmark.page_index])
    if bookmarks:
        writer.page_mode = "/UseOutlines"
    link_cards(writer, first_pages or {})
    if entries := {key: value for key, value in (information or {}).items() if value}:
        writer.add_metadata(entries)
    _tag_subset_fonts(writer)
    _repair_text(writer, drawn_text)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()
