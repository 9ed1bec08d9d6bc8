"""Helpers for the PDF tests: synthetic cards, and reading the PDFs back with pypdf."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any, NamedTuple

from pypdf import PageObject, PdfReader
from pypdf.generic import DictionaryObject

from tests.conftest import minimal_kb

CURLY_STATEMENT = "Lei Jun calls it his “last entrepreneurship” — and he means it’s final."
CURLY_QUOTE = "Xiaomi’s EV venture is Lei’s “last entrepreneurship.”"


def squeeze(text: str) -> str:
    """White space collapsed to single spaces: line wrapping differs between layouts, words do not."""
    return " ".join(text.split())


def page_texts(path: Path) -> list[str]:
    return [squeeze(page.extract_text()) for page in PdfReader(path).pages]


def pdftotext_pages(path: Path, *, layout: bool = False) -> list[str]:
    """Each page's text as poppler's pdftotext gives it (`layout`: lines as drawn, with their spacing).

    pypdf sometimes cuts a word where one run of glyphs ends and the next begins ("word0x 828");
    tests that count words or characters per line read the PDF as a reader's tools do."""
    options = ["-layout"] if layout else []
    text = subprocess.run(["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[: len(PdfReader(path).pages)]


def all_text(path: Path) -> str:
    return " ".join(page_texts(path))


def long_card_data(claims: int, words: int = 6) -> tuple[dict[str, Any], str]:
    """A knowledge base whose entity 'long' has `claims` claims, and the source text they quote.

    Quote lengths vary (some wrap over two or three lines) so that breaks land in varied places.
    """
    quotes = [
        f"Fact {i:03d} says “" + " ".join(f"word{i}x{k}" for k in range(words + (i % 5) * 9)) + f"” and ends {i:03d}" for i in range(claims)
    ]
    entity = {
        "id": "long",
        "name": "Long Card",
        "kind": "product",
        "native_name": "长卡",
        "summary": "An entity with many claims.",
        "claims": [
            {"statement": f"Statement {i:03d} is about fact {i:03d}.", "quote": q, "source": "article"} for i, q in enumerate(quotes)
        ],
    }
    return minimal_kb(entities=[entity]), ". ".join(quotes) + ".\n"


def fonts(reader: PdfReader) -> list[DictionaryObject]:
    """Every font the pages use, descendant fonts of composite (Type0) fonts included."""
    found: dict[int, DictionaryObject] = {}
    for page in reader.pages:
        resources = page.get("/Resources")
        font_map = resources.get_object().get("/Font") if resources else None
        for reference in font_map.get_object().values() if font_map else []:
            font = reference.get_object()
            found[id(font)] = font
            for descendant in font.get("/DescendantFonts", []):
                found[id(descendant.get_object())] = descendant.get_object()
    return list(found.values())


def font_file_missing(font: DictionaryObject) -> bool:
    """True when a font that should carry its program (all but Type0 wrappers) does not."""
    if font.get("/Subtype") == "/Type0":
        return False
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return True
    descriptor = descriptor.get_object()
    return not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def link_uris(path: Path) -> list[str]:
    uris = []
    for page in PdfReader(path).pages:
        for annotation in page.get("/Annots", []) or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                uris.append(str(action["/URI"]))
    return uris


class PageLink(NamedTuple):
    """A link on `page` (0-based) over the words `text`, to `target` (0-based page; None: not a page)."""

    page: int
    text: str
    target: int | None


def _runs(page: PageObject) -> list[tuple[float, float, str]]:
    """(x, y, text) of each text run drawn on `page`, in PDF user space."""
    runs: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: object) -> None:
        if text.strip():
            runs.append((tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5], text))

    page.extract_text(visitor_text=visit)
    return runs


def page_links(path: Path) -> list[PageLink]:
    """Every link annotation of the PDF, with the words drawn under it and the page it opens."""
    reader = PdfReader(path)
    found: list[PageLink] = []
    for number, page in enumerate(reader.pages):
        runs = _runs(page)
        for reference in page.get("/Annots", []) or []:
            annotation = reference.get_object()
            left, bottom, right, top = (float(v) for v in annotation["/Rect"])
            words = " ".join(t.strip() for x, y, t in runs if left - 1 <= x < right - 0.5 and bottom - 3 <= y <= top)
            destination = annotation.get("/Dest")
            action = annotation.get("/A")
            if destination is None and action is not None and action.get("/S") == "/GoTo":
                destination = action["/D"]
            target = reader.get_page_number(destination[0].get_object()) if destination is not None else None
            found.append(PageLink(number, words, target))
    return found


def outline(path: Path) -> list[tuple[str, int]]:
    """The PDF's bookmarks: (title, 0-based page)."""
    reader = PdfReader(path)
    return [(item.title, reader.get_destination_page_number(item)) for item in reader.outline]


def page_lines(path: Path, index: int) -> list[str]:
    """The lines of page `index` as drawn, top to bottom: runs on one baseline joined left to right."""
    rows: dict[float, list[tuple[float, str]]] = {}
    for x, y, text in _runs(PdfReader(path).pages[index]):
        rows.setdefault(round(y, 1), []).append((x, text))
    return [squeeze(" ".join(text for _, text in sorted(rows[y]))) for y in sorted(rows, reverse=True)]
