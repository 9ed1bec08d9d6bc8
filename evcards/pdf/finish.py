"""Finish the PDF Qt writes with what `QPdfWriter` (Qt 6) has no API or no fix for.

- The document language: the catalog's /Lang, which screen readers and search tools use.
- Bookmarks (an outline) when one PDF holds several cards, opened with the bookmarks panel.
- Subset font names: Qt embeds font subsets and tags the descriptor's /FontName
  (`QVAAAA+DejaVuSans`) but not the font's /BaseFont, which ISO 32000-1 (9.9.2) asks for too;
  readers such as poppler's `pdffonts` then report the fonts as not subset.

All of it goes into one incremental update (`evcards.pdf.objects`), leaving Qt's bytes alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from evcards.pdf.objects import REFERENCE, IncrementalUpdate, PdfFile, PdfStructureError, text_string

_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$")
_SUBSET_NAME = re.compile(rb"/FontName\s*/([A-Z]{6})\+([^\s/<>\[\]()]+)")
_BASE_FONT = re.compile(rb"/BaseFont\s*/([^\s/<>\[\]()]+)")


@dataclass(frozen=True, slots=True)
class Bookmark:
    """An outline entry: `title` opens page `page_index` (0-based)."""

    title: str
    page_index: int


def _page_objects(pdf: PdfFile, catalog: bytes) -> list[int]:
    pages_ref = re.search(rb"/Pages\s+" + REFERENCE, catalog)
    if not pages_ref:
        raise PdfStructureError("the catalog has no /Pages")
    kids = re.search(rb"/Kids\s*\[([^\]]*)\]", pdf.dictionary(int(pages_ref[1])))
    if not kids:
        raise PdfStructureError("the page tree has no /Kids")
    numbers = [int(number) for number, _ in re.findall(REFERENCE, kids[1])]
    if any(re.search(rb"/Type\s*/Pages\b", pdf.dictionary(n)) for n in numbers):
        raise PdfStructureError("the page tree is nested")
    return numbers


def _add_outline(update: IncrementalUpdate, pages: list[int], bookmarks: Sequence[Bookmark]) -> int:
    """Write the outline objects; return the number of the outline dictionary."""
    root = update.reserve()
    items = [update.reserve() for _ in bookmarks]
    update.replace(root, b"<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>" % (items[0], items[-1], len(items)))
    for k, bookmark in enumerate(bookmarks):
        links = b"".join(
            [b" /Prev %d 0 R" % items[k - 1] if k > 0 else b"", b" /Next %d 0 R" % items[k + 1] if k + 1 < len(items) else b""]
        )
        update.replace(
            items[k],
            b"<< /Title %s /Parent %d 0 R%s /Dest [%d 0 R /Fit] >>"
            % (text_string(bookmark.title), root, links, pages[bookmark.page_index]),
        )
    return root


def _subset_name(dictionaries: dict[int, bytes], font: bytes, depth: int = 0) -> re.Match[bytes] | None:
    """The tagged /FontName of `font`'s descriptor, following a Type0 font to its descendant."""
    descriptor = re.search(rb"/FontDescriptor\s+" + REFERENCE, font)
    if descriptor:
        return _SUBSET_NAME.search(dictionaries.get(int(descriptor[1]), b""))
    descendant = re.search(rb"/DescendantFonts\s*\[\s*" + REFERENCE, font)
    if descendant and depth == 0:
        return _subset_name(dictionaries, dictionaries.get(int(descendant[1]), b""), depth + 1)
    return None


def _tag_subset_fonts(pdf: PdfFile, update: IncrementalUpdate) -> None:
    """Give each subset font's /BaseFont the tag its descriptor's /FontName already has."""
    dictionaries = pdf.dictionaries()
    for number, body in dictionaries.items():
        base = _BASE_FONT.search(body)
        if not (base and re.search(rb"/Type\s*/Font\b", body)):
            continue
        name = _subset_name(dictionaries, body)
        if name and name[2] == base[1]:
            update.replace(number, body[: base.start(1)] + name[1] + b"+" + base[1] + body[base.end(1) :])


def finish_pdf(data: bytes, language: str, bookmarks: Sequence[Bookmark] = ()) -> bytes:
    """`data` (a PDF from QPdfWriter) with /Lang, an outline of `bookmarks` and tagged subset font names."""
    if not _LANGUAGE_TAG.match(language):
        raise ValueError(f"not a BCP 47 language tag: {language!r}")
    pdf = PdfFile(data)
    catalog = pdf.dictionary(pdf.root)
    if re.search(rb"/(Lang|Outlines)\b", catalog):
        raise PdfStructureError("the catalog already has /Lang or /Outlines")
    update = IncrementalUpdate(pdf)
    added = b" /Lang (%s)" % language.encode("ascii")
    if bookmarks:
        pages = _page_objects(pdf, catalog)
        if any(not 0 <= b.page_index < len(pages) for b in bookmarks):
            raise ValueError("a bookmark points past the last page")
        added += b" /Outlines %d 0 R" % _add_outline(update, pages, bookmarks)
        if b"/PageMode" not in catalog:
            added += b" /PageMode /UseOutlines"
    update.replace(pdf.root, catalog[:-2].rstrip() + added + b"\n>>")
    _tag_subset_fonts(pdf, update)
    return update.apply()
