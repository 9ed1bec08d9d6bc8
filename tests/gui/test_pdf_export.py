"""PDF export: what the PDF holds (text, metadata, fonts, pages, links) and how a failed export ends."""

from __future__ import annotations

import errno
import os
import stat
from datetime import date, datetime
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QPageSize, QPdfWriter, QTextBlock, QTextCursor, QTextDocument, QTextFrame

from evcards import __version__
from evcards.card.document import build_card_document
from evcards.file_saving import os_error_message
from evcards.pdf import export as pdf_export
from evcards.pdf.export import ExportCancelled, ExportError, ExportProgress, export_pdf, print_card
from evcards.pdf.pages import PaintFailed, content_height, lay_out
from evcards.pdf.radicals import radical_candidates
from tests.conftest import KbWriter, load_kb, minimal_kb, write_and_load
from tests.pdf_helpers import (
    CURLY_QUOTE,
    CURLY_STATEMENT,
    all_text,
    font_file_missing,
    fonts,
    link_uris,
    long_card_data,
    outline,
    page_links,
    page_texts,
    squeeze,
)

pytestmark = pytest.mark.usefixtures("qapp")
TODAY = date(2026, 1, 2)
CURLY_SOURCE = f"{CURLY_QUOTE} Lei Jun founded Xiaomi. Since its inception in 2010, Xiaomi has disrupted the smartphone industry.\n"


def curly_kb_data() -> dict:
    data = minimal_kb()
    data["entities"][1]["claims"].append({"statement": CURLY_STATEMENT, "quote": CURLY_QUOTE, "source": "article"})
    return data


def test_card_pdf_holds_the_card_text_verbatim(write_kb: KbWriter, tmp_path: Path) -> None:
    kb = write_and_load(write_kb, curly_kb_data(), CURLY_SOURCE)
    target = tmp_path / "lei-jun.pdf"
    [written] = export_pdf(kb, [kb.entity("lei-jun")], target, today=TODAY)
    assert written.path == target and written.pages == 1
    text = all_text(target)
    for expected in (
        "Lei Jun",
        "雷军",
        "PERSON",
        "Founder of",
        "Xiaomi",
        "Founded Xiaomi.",
        "“Lei Jun founded Xiaomi”",
        CURLY_STATEMENT,
        f"“{CURLY_QUOTE}”",
        "An article",
    ):
        assert expected in text, expected
    assert "quote found in source" in text and "[1] An article" in text
    assert "he means it’s final" in text  # no "ﬁ" ligature in place of "fi"
    assert "Test KB · exported 2026-01-02" in text and "page 1 of 1" in text


def test_metadata_title_creator_and_language(write_kb: KbWriter, tmp_path: Path) -> None:
    kb = write_and_load(write_kb)
    target = tmp_path / "x.pdf"
    export_pdf(kb, [kb.entity("xiaomi")], target)
    reader = PdfReader(target, strict=True)
    assert reader.metadata.title == "Xiaomi"
    assert reader.metadata.creator == f"evcards {__version__}"
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert "/Outlines" not in reader.trailer["/Root"] and reader.page_mode is None  # one card: nothing to bookmark
    # Qt's document information and its XMP copy, both kept as Qt wrote them, and still agreeing.
    assert reader.metadata.producer.startswith("Qt ") and reader.metadata.producer == reader.xmp_metadata.pdf_producer
    assert reader.xmp_metadata.dc_title == {"x-default": "Xiaomi"}
    created = reader.metadata.creation_date
    assert created is not None and abs((created - datetime.now(tz=created.tzinfo)).total_seconds()) < 600
    assert reader.metadata.modification_date == created


def test_fonts_are_embedded_subset_and_small(write_kb: KbWriter, tmp_path: Path) -> None:
    kb = write_and_load(write_kb)
    target = tmp_path / "lei.pdf"
    export_pdf(kb, [kb.entity("lei-jun")], target)
    used = fonts(PdfReader(target))
    assert len(used) >= 4  # regular, bold, italic and the CJK fallback, each a Type0 and its descendant
    assert [str(f.get("/BaseFont")) for f in used if font_file_missing(f)] == []
    for font in used:
        name = str(font["/BaseFont"]).lstrip("/")
        assert name[6] == "+" and name[:6].isupper(), f"{name} is not named as a subset"
    assert target.stat().st_size < 200_000


def test_a_long_card_runs_over_pages_without_splitting_a_claim(write_kb: KbWriter, tmp_path: Path) -> None:
    data, source = long_card_data(60)
    kb = write_and_load(write_kb, data, source)
    target = tmp_path / "long.pdf"
    [written] = export_pdf(kb, [kb.entity("long")], target)
    pages = page_texts(target)
    assert written.pages == len(pages) > 1
    assert all(f"page {n} of {len(pages)}" in text for n, text in enumerate(pages, 1))
    for claim in kb.entity("long").claims:
        quote, statement = f"“{squeeze(claim.exact)}”", squeeze(claim.statement)
        holding = [n for n, text in enumerate(pages) if quote in text]
        assert len(holding) == 1, f"{claim.statement}: quote found whole on pages {holding}"
        assert statement in pages[holding[0]], f"{claim.statement} is not on the page of its quote"
        assert sum(text.count(statement) for text in pages) == 1


def _frames_and_statements(document: QTextDocument) -> list[tuple[float, float, float]]:
    """(statement top, quote box top, quote box bottom) for each claim of a laid-out card."""
    layout, found = document.documentLayout(), []

    def box(block: QTextBlock) -> QTextFrame | None:
        frame = QTextCursor(block).currentFrame()
        return None if frame == document.rootFrame() else frame

    block = document.begin()
    while block.isValid():
        next_block = block.next()
        quote = box(next_block) if next_block.isValid() else None
        if quote is not None and box(block) is None and block.text().startswith(("1", "2", "3", "4", "5", "6", "7", "8", "9")):
            rect = layout.frameBoundingRect(quote)
            found.append((layout.blockBoundingRect(block).top(), rect.top(), rect.bottom()))
        block = next_block
    return found


def test_page_breaks_never_fall_inside_a_quote_or_after_a_lone_statement(write_kb: KbWriter) -> None:
    data, source = long_card_data(60)
    kb = write_and_load(write_kb, data, source)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    card = lay_out(build_card_document(kb, kb.entity("long"), for_print=True), writer)
    claims = _frames_and_statements(card.document)
    assert len(claims) == 60 and len(card.pages) > 2
    breaks = [page.bottom for page in card.pages[:-1]]
    for statement_top, _table_top, table_bottom in claims:
        assert not any(statement_top < y < table_bottom for y in breaks), (statement_top, table_bottom, breaks)
    room = content_height(writer) / card.scale_y
    assert all(0 < page.bottom - page.top <= room + 0.01 for page in card.pages)
    assert all(a.bottom == b.top for a, b in pairwise(card.pages))


def test_a_quote_taller_than_a_page_is_split_rather_than_lost(write_kb: KbWriter, tmp_path: Path) -> None:
    data, source = long_card_data(2, words=1500)
    kb = write_and_load(write_kb, data, source)
    target = tmp_path / "huge.pdf"
    [written] = export_pdf(kb, [kb.entity("long")], target)
    words = all_text(target).split()
    assert written.pages > 2
    for claim in kb.entity("long").claims:
        # word<claim>x<k>: each word is unique in the source; the first and last few also stand
        # in the context the neighbouring quotes' boxes show, so they are left out
        for word in claim.exact.split()[10:-10:97]:
            assert words.count(word) == 1, word  # every part printed once, none on two pages


def test_the_quote_boxes_print_as_shapes_not_images(write_kb: KbWriter, tmp_path: Path) -> None:
    """PDF viewers resample images (poppler drew a texture's 3-pixel bar one pixel wide): the
    bars and boxes are filled rectangles, so the PDF has no image or pattern at all."""
    kb = write_and_load(write_kb, minimal_kb())
    target = tmp_path / "card.pdf"
    export_pdf(kb, [kb.entity("lei-jun")], target)
    for page in PdfReader(str(target)).pages:
        resources = page["/Resources"]
        assert not resources.get("/XObject") and not resources.get("/Pattern")


def test_markup_in_data_prints_as_literal_text(write_kb: KbWriter, tmp_path: Path) -> None:
    data = minimal_kb()
    data["entities"][0]["claims"][0]["statement"] = "<b>not bold</b><script>x</script>"
    data["entities"][0]["summary"] = '<a href="https://evil.example">click</a> &amp; more'
    kb = write_and_load(write_kb, data)
    target = tmp_path / "x.pdf"
    export_pdf(kb, [kb.entity("xiaomi")], target)
    text = all_text(target)
    assert "<b>not bold</b><script>x</script>" in text
    assert '<a href="https://evil.example">click</a> &amp; more' in text
    assert "https://evil.example" not in link_uris(target)


def test_source_url_is_a_live_link_and_in_app_links_are_not(write_kb: KbWriter, tmp_path: Path) -> None:
    data = minimal_kb()
    data["sources"][0].update(url="https://example.com/article", publisher="Example News", published="2024-03-01")
    kb = write_and_load(write_kb, data)
    target = tmp_path / "x.pdf"
    export_pdf(kb, [kb.entity("xiaomi")], target)
    assert link_uris(target) == ["https://example.com/article"]
    assert "An article, Example News, 2024-03-01" in all_text(target)


def test_several_cards_in_one_pdf_start_on_fresh_pages_with_bookmarks(write_kb: KbWriter, tmp_path: Path) -> None:
    kb = write_and_load(write_kb)
    target = tmp_path / "both.pdf"
    [written] = export_pdf(kb, kb.entities, target, page_size="letter")
    reader = PdfReader(target, strict=True)
    assert written.entities == ("xiaomi", "lei-jun") and written.pages == len(reader.pages) == 3  # after a contents page
    assert outline(target) == [("Contents", 0), ("Xiaomi", 1), ("Lei Jun", 2)]
    assert reader.page_mode == "/UseOutlines"  # the bookmarks panel opens with the file
    assert reader.metadata.title == "Test KB" and reader.trailer["/Root"]["/Lang"] == "en"
    assert page_texts(target)[2].startswith("Lei Jun 雷军")
    assert [round(float(v)) for v in reader.pages[0].mediabox] == [0, 0, 612, 792]


def test_folder_mode_writes_one_pdf_per_entity(write_kb: KbWriter, tmp_path: Path) -> None:
    kb = write_and_load(write_kb)
    folder = tmp_path / "cards"
    seen: list[ExportProgress] = []
    written = export_pdf(kb, kb.entities, folder, single=False, progress=seen.append)
    assert [f.path for f in written] == [folder / "xiaomi.pdf", folder / "lei-jun.pdf"]
    assert [(p.done, p.total, p.entity.id, p.writing, p.fraction) for p in seen] == [
        (1, 2, "xiaomi", True, 0.5),
        (2, 2, "lei-jun", True, 1.0),
    ]
    assert [p.next_card for p in seen] == [(1, True), None]  # each card is written at once: no second stage
    assert PdfReader(folder / "lei-jun.pdf").metadata.title == "Lei Jun"
    assert sorted(p.name for p in folder.iterdir()) == ["lei-jun.pdf", "xiaomi.pdf"]


def test_a_long_export_lays_cards_out_again_instead_of_keeping_them_and_writes_the_same_pdf(
    write_kb: KbWriter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Thousands of laid-out documents would take gigabytes: past a limit they are not kept."""
    kb = write_and_load(write_kb)
    kept, relaid = tmp_path / "kept.pdf", tmp_path / "relaid.pdf"
    export_pdf(kb, kb.entities, kept, today=TODAY)
    built: list[str] = []
    build = pdf_export.build_card_document
    monkeypatch.setattr(pdf_export, "build_card_document", lambda kb, entity, **kw: built.append(entity.id) or build(kb, entity, **kw))
    monkeypatch.setattr(pdf_export, "KEEP_LAID_OUT_CARDS", 1)
    export_pdf(kb, kb.entities, relaid, today=TODAY)
    assert built == ["xiaomi", "lei-jun"] * 2  # laid out for the page count, then again to draw
    assert page_texts(relaid) == page_texts(kept)
    assert outline(relaid) == [("Contents", 0), ("Xiaomi", 1), ("Lei Jun", 2)]
    assert page_links(relaid) == page_links(kept)


def test_a_card_that_paginates_differently_the_second_time_fails_the_export_cleanly(
    write_kb: KbWriter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "page X of Y" and the bookmarks rest on the first count: a mismatch is never written."""
    kb = write_and_load(write_kb)
    monkeypatch.setattr(pdf_export, "KEEP_LAID_OUT_CARDS", 1)
    lay_out = pdf_export.lay_out
    calls: list[int] = []

    def second_time_one_page_more(document: Any, device: Any) -> Any:
        card = lay_out(document, device)
        calls.append(1)
        if len(calls) > len(kb.entities):
            card.pages.append(card.pages[-1])
        return card

    monkeypatch.setattr(pdf_export, "lay_out", second_time_one_page_more)
    before = _listing(tmp_path)
    with pytest.raises(ExportError, match="came out with a different number of pages"):
        export_pdf(kb, kb.entities, tmp_path / "x.pdf")
    assert _listing(tmp_path) == before  # neither the PDF nor a partial file


PAINT_CARDS = pdf_export.paint_cards


def _fail_after_painting(*args: object, **kwargs: object) -> int:
    PAINT_CARDS(*args, **kwargs)
    raise PaintFailed("the device could not start a new page")


def _listing(folder: Path) -> list[str]:
    """Every name in `folder`, hidden ones too: what a failed export must leave as it found."""
    return sorted(os.listdir(folder))


def test_a_failure_midway_keeps_the_existing_file_and_leaves_nothing(
    write_kb: KbWriter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb = write_and_load(write_kb)
    target = tmp_path / "x.pdf"
    target.write_bytes(b"the previous export")
    before = _listing(tmp_path)
    monkeypatch.setattr(pdf_export, "paint_cards", _fail_after_painting)
    with pytest.raises(ExportError, match=r"cannot write .*x\.pdf: the device could not start a new page"):
        export_pdf(kb, [kb.entity("xiaomi")], target)
    assert target.read_bytes() == b"the previous export"
    assert _listing(tmp_path) == before


def test_an_unexpected_error_also_cleans_up(write_kb: KbWriter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kb = write_and_load(write_kb)
    before = _listing(tmp_path)
    monkeypatch.setattr(pdf_export, "finish_pdf", lambda *args, **kwargs: (_ for _ in ()).throw(RuntimeError("boom")))
    with pytest.raises(RuntimeError, match="boom"):
        export_pdf(kb, [kb.entity("xiaomi")], tmp_path / "x.pdf")
    assert _listing(tmp_path) == before


def test_places_that_cannot_hold_the_pdf_are_named_with_the_reason(write_kb: KbWriter, tmp_path: Path) -> None:
    """Each refused before any card is drawn, with the file and the real cause in the message."""
    kb = write_and_load(write_kb)
    (tmp_path / "file.txt").write_text("x")
    before = _listing(tmp_path)
    refused = {
        tmp_path / "missing" / "x.pdf": f"the folder {tmp_path / 'missing'} does not exist",
        tmp_path: "it is a folder",
        tmp_path / "file.txt" / "x.pdf": f"{tmp_path / 'file.txt'} is not a folder",
    }
    for target, reason in refused.items():
        drawn: list[ExportProgress] = []
        with pytest.raises(ExportError) as raised:
            export_pdf(kb, [kb.entity("xiaomi")], target, progress=drawn.append)
        assert str(raised.value) == f"cannot write {target}: {reason}" and drawn == []
    with pytest.raises(ExportError) as raised:  # a folder of PDFs is created, but not its parents
        export_pdf(kb, kb.entities, tmp_path / "missing" / "cards", single=False)
    assert str(raised.value) == f"cannot write {tmp_path / 'missing' / 'cards'}: the folder {tmp_path / 'missing'} does not exist"
    with pytest.raises(ExportError, match="not a folder"):
        export_pdf(kb, kb.entities, tmp_path / "file.txt", single=False)
    assert _listing(tmp_path) == before and (tmp_path / "file.txt").read_text() == "x"


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EDQUOT, "your disk quota is used up"),
        (errno.EACCES, "permission denied (the folder {folder} or the file is not writable for you)"),
        (errno.EROFS, "the folder {folder} is on a read-only file system"),
        (errno.ENAMETOOLONG, "the name is too long for the file system"),
        (errno.EIO, os.strerror(errno.EIO)),  # anything else: the system's words as they are
    ],
)
def test_a_full_disk_or_a_refused_permission_reads_plainly(tmp_path: Path, code: int, message: str) -> None:
    """A full disk or a read-only file system cannot be made here, and the tests run as root,
    whom a folder's permissions do not stop: so the message is checked from the error number
    the system would give, at `os_error_message`, where it is made."""
    target = tmp_path / "x.pdf"
    error = OSError(code, os.strerror(code))
    assert os_error_message(target, error) == f"cannot write {target}: {message.format(folder=tmp_path)}"


def test_a_target_the_file_system_cannot_even_look_at_is_refused_with_a_message(write_kb: KbWriter, tmp_path: Path) -> None:
    """A name too long for the file system (or a folder that may not be entered) makes every
    look at the target fail too: the export says why, never with a traceback."""
    kb = write_and_load(write_kb)
    target = tmp_path / ("x" * 300 + ".pdf")
    with pytest.raises(ExportError, match=r"^cannot write .*x\.pdf: .*(long|File name)"):
        export_pdf(kb, [kb.entity("lei-jun")], target, today=TODAY)


def test_an_existing_file_keeps_its_permissions_and_a_new_one_gets_the_usual(write_kb: KbWriter, tmp_path: Path) -> None:
    kb = write_and_load(write_kb)
    private, new = tmp_path / "private.pdf", tmp_path / "new.pdf"
    private.write_bytes(b"the previous export")
    private.chmod(0o600)
    export_pdf(kb, [kb.entity("xiaomi")], private)
    export_pdf(kb, [kb.entity("xiaomi")], new)
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(private.stat().st_mode) == 0o600 and PdfReader(private).metadata.title == "Xiaomi"
    assert stat.S_IMODE(new.stat().st_mode) == 0o666 & ~umask


def test_a_symbolic_link_stays_a_link_and_its_target_gets_the_pdf(write_kb: KbWriter, tmp_path: Path) -> None:
    kb = write_and_load(write_kb)
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "lei-jun.pdf").write_bytes(b"the previous export")
    links = {tmp_path / "lei-jun.pdf": archive / "lei-jun.pdf", tmp_path / "later.pdf": archive / "later.pdf"}  # the second dangles
    for link, real in links.items():
        link.symlink_to(real)
        export_pdf(kb, [kb.entity("lei-jun")], link)
        assert link.is_symlink() and link.readlink() == real
        assert PdfReader(real).metadata.title == "Lei Jun"
    assert _listing(archive) == ["later.pdf", "lei-jun.pdf"]


def test_a_single_pdf_reports_laying_out_then_writing_each_card(write_kb: KbWriter, tmp_path: Path) -> None:
    kb = write_and_load(write_kb)
    seen: list[ExportProgress] = []
    export_pdf(kb, kb.entities, tmp_path / "x.pdf", progress=seen.append)
    assert [(p.done, p.entity.id, p.writing, p.fraction) for p in seen] == [
        (1, "xiaomi", False, 0.25),
        (2, "lei-jun", False, 0.5),
        (1, "xiaomi", True, 0.75),
        (2, "lei-jun", True, 1.0),
    ]
    # what comes next, for a progress label: lay out card 1, write card 0, write card 1, finish
    assert [p.next_card for p in seen] == [(1, False), (0, True), (1, True), None]
    seen.clear()
    export_pdf(kb, kb.entities[:1], tmp_path / "one.pdf", progress=seen.append)  # one card: one stage
    assert [(p.done, p.writing, p.fraction, p.next_card) for p in seen] == [(1, True, 1.0, None)]


@pytest.mark.parametrize("steps_before_cancel", [1, 3])
def test_cancelling_leaves_no_file(write_kb: KbWriter, tmp_path: Path, steps_before_cancel: int) -> None:
    """Cancelled while laying cards out, or while writing them."""
    kb = write_and_load(write_kb)
    done: list[ExportProgress] = []
    before = _listing(tmp_path)
    with pytest.raises(ExportCancelled):
        export_pdf(kb, kb.entities, tmp_path / "x.pdf", progress=done.append, cancelled=lambda: len(done) >= steps_before_cancel)
    assert len(done) == steps_before_cancel and _listing(tmp_path) == before


def test_exporting_never_touches_the_data_file(write_kb: KbWriter, tmp_path: Path) -> None:
    path = write_kb()
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    kb = load_kb(path)
    export_pdf(kb, kb.entities, tmp_path / "out", single=False)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_print_card_paginates_like_the_pdf(write_kb: KbWriter, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    data, source = long_card_data(25)
    kb = write_and_load(write_kb, data, source)
    entity = kb.entity("long")
    [exported] = export_pdf(kb, [entity], tmp_path / "export.pdf", today=TODAY)
    for mode in (QPrinter.PrinterMode.ScreenResolution, QPrinter.PrinterMode.HighResolution):
        printer = QPrinter(mode)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / f"printed-{mode.name}.pdf"))
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageMargins(pdf_export.PAGE_MARGINS_MM, pdf_export.QPageLayout.Unit.Millimeter)
        pages = print_card(kb, entity, printer, today=TODAY)
        assert pages == exported.pages > 1, mode
        # What Qt prints is its own PDF, whose text maps evcards does not repair: with an
        # installed Noto Sans CJK the 长 of 长卡 reads as the radical ⻓ that shares its glyph.
        radicals = {ord(radical): texts[0] for radical, texts in radical_candidates().items()}
        printed = [text.translate(radicals) for text in page_texts(tmp_path / f"printed-{mode.name}.pdf")]
        assert printed == page_texts(exported.path)


def test_preview_painter_paints_the_card(write_kb: KbWriter, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    kb = write_and_load(write_kb)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "preview.pdf"))
    pdf_export.preview_painter(kb, kb.entity("lei-jun"))(printer)
    assert "Lei Jun 雷军" in all_text(tmp_path / "preview.pdf")


def test_unknown_page_size_is_a_programming_error(write_kb: KbWriter, tmp_path: Path) -> None:
    kb = write_and_load(write_kb)
    with pytest.raises(ValueError, match="page size"):
        export_pdf(kb, [kb.entity("xiaomi")], tmp_path / "x.pdf", page_size="a5")
    assert sorted(os.listdir(tmp_path)) == ["article.txt", "kb.json"]


def test_the_pdf_language_is_that_of_most_quotes_on_the_cards(write_kb: KbWriter, tmp_path: Path) -> None:
    (tmp_path / "nikkei.txt").write_text("雷軍は小米の創業者である。小米は北京の企業である。\n", encoding="utf-8")
    data = minimal_kb()
    data["sources"][0]["language"] = "en"
    data["sources"].append({"id": "nikkei", "title": "日経", "text_file": "nikkei.txt", "language": "ja"})
    data["entities"][1]["claims"] += [
        {"statement": "Founder.", "quote": "雷軍は小米の創業者である", "source": "nikkei"},
        {"statement": "In Beijing.", "quote": "小米は北京の企業である", "source": "nikkei"},
    ]
    kb = write_and_load(write_kb, data)
    languages = {}
    for entity_id in ("lei-jun", "xiaomi"):
        target = tmp_path / f"{entity_id}.pdf"
        export_pdf(kb, [kb.entity(entity_id)], target)
        languages[entity_id] = PdfReader(target).trailer["/Root"]["/Lang"]
    assert languages == {"lei-jun": "ja", "xiaomi": "en"}  # two quotes from the Japanese source, one from the English
