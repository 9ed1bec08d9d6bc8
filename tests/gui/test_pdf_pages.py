"""Printed pages: the card's measure and a centred column on A4 and Letter; a quote taller
than a page is cut between lines, each line printed once."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from evcards.pdf.export import export_pdf
from evcards.resources import bundled_data
from tests.conftest import KbWriter, load_kb, minimal_kb, write_and_load
from tests.pdf_helpers import long_card_data, pdftotext_pages

pytestmark = pytest.mark.usefixtures("qapp")


def quote_words(text: str, claim: int) -> list[int]:
    """The numbers k of the words `word<claim>x<k>` in `text`, in reading order."""
    return [int(k) for k in re.findall(rf"\bword{claim}x(\d+)\b", text)]


@pytest.mark.parametrize("page_size", ["letter", "a4"])
def test_a_quote_taller_than_a_page_prints_every_line_once_and_in_order(write_kb: KbWriter, tmp_path: Path, page_size: str) -> None:
    data, source = long_card_data(1, words=1600)
    kb = write_and_load(write_kb, data, source)
    target = tmp_path / "huge.pdf"
    [written] = export_pdf(kb, [kb.entity("long")], target, page_size=page_size)
    assert written.pages > 2
    pages = [quote_words(text, 0) for text in pdftotext_pages(target)]
    assert [k for page in pages for k in page] == list(range(1600))
    assert sum(1 for page in pages if page) > 2  # the quote itself runs over the pages


def test_a_paragraph_taller_than_a_page_prints_every_line_once_and_in_order(write_kb: KbWriter, tmp_path: Path) -> None:
    data = minimal_kb()
    data["entities"][0]["summary"] = " ".join(f"word9x{k}" for k in range(1500))
    kb = write_and_load(write_kb, data)
    target = tmp_path / "summary.pdf"
    export_pdf(kb, [kb.entity("xiaomi")], target, page_size="letter")
    pages = [quote_words(text, 9) for text in pdftotext_pages(target)]
    assert [k for page in pages for k in page] == list(range(1500))
    assert sum(1 for page in pages if page) > 2


def word_boxes(path: Path) -> list[tuple[float, list[tuple[float, float]]]]:
    """Per page: its width and the (left, right) of every word on it, in points (pdftotext -bbox)."""
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in html.split("<page ")[1:]:
        size = re.search(r'width="([\d.]+)"', page)
        assert size is not None
        width = float(size[1])
        words = [(float(a), float(b)) for a, b in re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', page)]
        pages.append((width, words))
    return pages


@pytest.mark.parametrize("page_size", ["a4", "letter"])
def test_printed_lines_keep_the_cards_measure_in_a_centred_column(tmp_path: Path, page_size: str) -> None:
    kb = load_kb(bundled_data())
    target = tmp_path / "xiaomi.pdf"
    [written] = export_pdf(kb, [kb.entity("xiaomi")], target, page_size=page_size)
    lines = [" ".join(line.split()) for page in pdftotext_pages(target, layout=True) for line in page.splitlines()]
    longest = max(len(line) for line in lines)
    assert 70 <= longest <= 90, max(lines, key=len)  # a measure of about 70-90 characters, as on screen
    assert written.pages == len(word_boxes(target))
    for width, words in word_boxes(target):
        # headings and paragraphs start at the column's left edge, the footer's page number
        # ends at its right edge; quote boxes and the relation table stay between the two
        left, right = min(a for a, _ in words), max(b for _, b in words)
        assert abs(left - (width - right)) < 3, (left, width - right)
        assert right - left < width * 0.75  # a column, not the page's whole width
