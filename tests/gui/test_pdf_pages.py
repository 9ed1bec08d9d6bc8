"""Printed pages: a quote taller than a page is cut between lines, each line printed once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from evcards.pdf.export import export_pdf
from tests.conftest import KbWriter, write_and_load
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
