"""Export cards as PDF, print them, and feed a print preview: one rendering and one pagination.

Every path goes through `evcards.pdf.pages`: the card document from `build_card_document(...,
for_print=True)`, laid out on the target device and painted page by page with a footer. PDFs
are rendered in memory, finished with what Qt cannot write (`evcards.pdf.finish`: the language,
bookmarks, links between cards, Subject and Keywords, subset font names), then saved through
`evcards.pdf.saving`, so a failed export leaves no partial file and an existing file untouched.
Several cards in one PDF follow a contents page (`evcards.pdf.contents`) and link to each
other where a relation names a card of the PDF (`evcards.pdf.links`).

A `QGuiApplication` (or `QApplication`) must exist before calling anything here.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import accumulate, chain
from pathlib import Path
from typing import NamedTuple

from pypdf.errors import PyPdfError
from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter

from evcards import __version__
from evcards.card.basics import kind_label
from evcards.card.document import build_card_document
from evcards.kb.loaded import LoadedKnowledgeBase
from evcards.kb.model import Entity
from evcards.pdf.contents import contents_title, lay_out_contents
from evcards.pdf.finish import Bookmark, finish_pdf
from evcards.pdf.language import document_language
from evcards.pdf.links import link_relations
from evcards.pdf.pages import PagedCard, PaintFailed, footer_text, lay_out, paginate_and_paint, paint_cards
from evcards.pdf.saving import SaveFailed, os_error_message, write_atomically
from evcards.translation import fill

PAGE_SIZES: dict[str, QPageSize.PageSizeId] = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
PAGE_MARGINS_MM = QMarginsF(18, 16, 18, 12)
PDF_RESOLUTION = 1200
CREATOR = f"evcards {__version__}"
# A laid-out card document takes a few hundred KB: up to this many are kept between laying
# the cards out (for the page count) and drawing them; more are laid out again when drawn.
KEEP_LAID_OUT_CARDS = 100

CancelledCheck = Callable[[], bool]


class NextCard(NamedTuple):
    index: int  # type: ignore[assignment]  # in the exported entities; the field hides tuple.index, as the GUI reads it
    writing: bool  # else being laid out


@dataclass(frozen=True, slots=True)
class ExportProgress:
    """One card through one stage of an export.

    A single PDF numbers its pages over every card ("page 3 of 5"), so all its cards are laid
    out before the first is written: two stages. A folder of PDFs writes each card at once.
    """

    done: int  # cards finished in this stage
    total: int
    entity: Entity
    writing: bool  # False while a single PDF's cards are laid out
    stages: int

    @property
    def next_card(self) -> NextCard | None:
        """The card the export works on after this report, or None when only finishing the file is left."""
        if self.done < self.total:
            return NextCard(self.done, self.writing)
        if not self.writing and self.stages == 2:
            return NextCard(0, True)
        return None

    @property
    def fraction(self) -> float:
        stage = (self.stages - 1) if self.writing else 0
        return (stage * self.total + self.done) / (self.stages * self.total)


ProgressCallback = Callable[[ExportProgress], None]


class ExportError(Exception):
    """An export failed; `str(error)` is a message for the user, naming the file concerned."""


class ExportCancelled(Exception):
    """The export was cancelled; no partial file is left behind."""


@dataclass(frozen=True, slots=True)
class ExportedFile:
    path: Path
    pages: int
    entities: tuple[str, ...]


def footer_for(kb: LoadedKnowledgeBase, today: date | None = None) -> str:
    """The footer's left side: the knowledge base's name and the export date."""
    return footer_text(kb.display_title, fill(QCoreApplication.translate("Pdf", "exported %1"), (today or date.today()).isoformat()))


def keywords(entities: Sequence[Entity]) -> str:
    """The PDF's keywords: the kinds of its entities, by label, in alphabetical order."""
    return ", ".join(sorted({kind_label(entity.kind) for entity in entities}, key=str.casefold))


def _new_writer(buffer: QBuffer, page_size: str, title: str, author: str) -> QPdfWriter:
    if page_size not in PAGE_SIZES:
        raise ValueError(f"unknown page size {page_size!r}: use one of {', '.join(PAGE_SIZES)}")
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(
        QPageLayout(QPageSize(PAGE_SIZES[page_size]), QPageLayout.Orientation.Portrait, PAGE_MARGINS_MM, QPageLayout.Unit.Millimeter)
    )
    writer.setTitle(title)
    writer.setAuthor(author)  # Qt writes it in the document information and in the XMP metadata
    writer.setCreator(CREATOR)
    return writer


def _card(kb: LoadedKnowledgeBase, entity: Entity, device: QPagedPaintDevice, linked: Container[str]) -> PagedCard:
    """The entity's print card laid out on `device`, its relations to the `linked` entities as links."""
    document = build_card_document(kb, entity, for_print=True)
    link_relations(document, linked)
    return lay_out(document, device)


def render_pdf(
    kb: LoadedKnowledgeBase,
    entities: Sequence[Entity],
    *,
    page_size: str = "a4",
    today: date | None = None,
    author: str = "",
    on_card_laid_out: Callable[[int], None] | None = None,
    on_card_done: Callable[[int], None] | None = None,
) -> tuple[bytes, int]:
    """The PDF of `entities` and its page count.

    Each card starts on a fresh page. Several cards come after a contents page, each with a
    bookmark, and their relations to each other are links. `on_card_laid_out(index)` and
    `on_card_done(index)` follow the two stages, e.g. to report progress or to cancel by raising."""
    if not entities:
        raise ValueError("nothing to export: no entity given")
    several = len(entities) > 1
    title = kb.display_title if several else entities[0].name
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _new_writer(buffer, page_size, title, author)
    linked = {entity.id for entity in entities} if several else set()
    keep = len(entities) <= KEEP_LAID_OUT_CARDS
    kept: list[PagedCard] = []
    page_counts: list[int] = []
    drawn: list[str] = []  # for glyphs the PDF's text maps miss (evcards.pdf.unmapped)
    for index, entity in enumerate(entities):
        card = _card(kb, entity, writer, linked)
        page_counts.append(len(card.pages))
        drawn.append(card.document.toPlainText())
        if keep:
            kept.append(card)
        del card  # else the last document of a long export would live on
        if on_card_laid_out is not None:
            on_card_laid_out(index)

    def laid_out_again() -> Iterator[PagedCard]:
        """A long export lays each card out a second time (the layout is the same) rather than
        hold thousands of documents in memory."""
        for entity, count in zip(entities, page_counts):
            card = _card(kb, entity, writer, linked)
            if len(card.pages) != count:  # e.g. the screen's resolution changed meanwhile
                raise PaintFailed(f"the card of {entity.name} came out with a different number of pages; export again")
            yield card

    cards: Iterator[PagedCard] = iter(kept) if keep else laid_out_again()
    first_pages = [0, *accumulate(page_counts[:-1])]  # of each card, counted without the contents
    leading: list[PagedCard] = []  # the contents of several cards
    bookmarks: list[Bookmark] = []
    if several:
        leading = [lay_out_contents(kb.display_title, entities, first_pages, writer)]
        drawn.append(leading[0].document.toPlainText())
        first_pages = [len(leading[0].pages) + first for first in first_pages]
        bookmarks = [Bookmark(contents_title(), 0), *(Bookmark(entity.name, first) for entity, first in zip(entities, first_pages))]

    def card_done(index: int) -> None:
        if on_card_done is not None and index >= len(leading):
            on_card_done(index - len(leading))

    total = sum(page_counts) + sum(len(card.pages) for card in leading)
    pages = paint_cards(writer, chain(leading, cards), total, footer_for(kb, today), on_card_done=card_done)
    data = bytes(buffer.data().data())  # QByteArray -> bytes: the stubs know no bytes(QByteArray)
    information = {"/Subject": kb.display_title, "/Keywords": keywords(entities)}
    try:
        data = finish_pdf(
            data,
            document_language(kb, entities),
            bookmarks,
            "\n".join(drawn),
            first_pages={entity.id: first for entity, first in zip(entities, first_pages)} if several else {},
            information=information,
        )
    except PyPdfError as error:  # pragma: no cover - only if Qt writes what pypdf cannot read
        raise PaintFailed(f"the PDF could not be finished: {error}") from error
    return data, pages


def _save(target: Path, produce: Callable[[], bytes]) -> None:
    """`write_atomically`, its failures told as the export's (`ExportError`, like every other)."""
    try:
        write_atomically(target, produce)
    except SaveFailed as error:
        raise ExportError(str(error)) from error


def _prepare_folder(folder: Path) -> None:
    try:
        folder.mkdir(exist_ok=True)
    except FileExistsError as error:
        raise ExportError(f"cannot write into {folder}: it is a file, not a folder") from error
    except OSError as error:
        raise ExportError(os_error_message(folder, error)) from error


def export_pdf(
    kb: LoadedKnowledgeBase,
    entities: Sequence[Entity],
    target: Path,
    *,
    page_size: str = "a4",
    single: bool = True,
    progress: ProgressCallback | None = None,
    cancelled: CancelledCheck | None = None,
    today: date | None = None,
    author: str = "",
) -> list[ExportedFile]:
    """Export `entities` as PDF and return what was written.

    `single=True`: one PDF at `target` holding every card in the order given (one card makes a
    card PDF; several get a contents page, a page break between cards, a bookmark each and
    links between them). `single=False`: `target` is a folder
    (created if missing, not its parents) that receives `<entity-id>.pdf` per entity, each
    written atomically. `progress(ExportProgress)` follows the cards; when `cancelled()` turns
    true the export stops with `ExportCancelled`, leaving no partial file (files already
    finished in folder mode stay). Failures raise `ExportError` with a message for the user.
    `author` goes into the PDF's document information (empty: none).
    """
    entities = list(entities)
    total = len(entities)

    def check_cancelled() -> None:
        if cancelled is not None and cancelled():
            raise ExportCancelled()

    stages = 2 if single and total > 1 else 1

    def reporter(batch: list[Entity], done_before: int, writing: bool) -> Callable[[int], None]:
        def report(index: int) -> None:
            if progress is not None:
                progress(ExportProgress(done_before + index + 1, total, batch[index], writing, stages))
            check_cancelled()

        return report

    def produce(batch: list[Entity], done_before: int, result: list[int]) -> Callable[[], bytes]:
        def run() -> bytes:
            try:
                data, pages = render_pdf(
                    kb,
                    batch,
                    page_size=page_size,
                    today=today,
                    author=author,
                    on_card_laid_out=reporter(batch, done_before, False) if stages == 2 else None,
                    on_card_done=reporter(batch, done_before, True),
                )
            except PaintFailed as error:
                raise ExportError(f"cannot write {target}: {error}") from error
            result.append(pages)
            return data

        return run

    check_cancelled()
    if single:
        pages: list[int] = []
        _save(target, produce(entities, 0, pages))
        return [ExportedFile(target, pages[0], tuple(e.id for e in entities))]
    _prepare_folder(target)
    written: list[ExportedFile] = []
    for done, entity in enumerate(entities):
        path = target / f"{entity.id}.pdf"
        pages = []
        _save(path, produce([entity], done, pages))
        written.append(ExportedFile(path, pages[0], (entity.id,)))
    return written


def print_card(kb: LoadedKnowledgeBase, entity: Entity, printer: QPagedPaintDevice, *, today: date | None = None) -> int:
    """Print the card on `printer` (a QPrinter, e.g. the one a QPrintPreviewDialog passes to
    its `paintRequested` slot) with the PDF's layout and footer; return the number of pages."""
    document = build_card_document(kb, entity, for_print=True)
    link_relations(document, ())  # paper has no links
    try:
        return paginate_and_paint(document, printer, footer_for(kb, today))
    except PaintFailed as error:
        raise ExportError(f"cannot print {entity.name}: {error}") from error


def preview_painter(kb: LoadedKnowledgeBase, entity: Entity) -> Callable[[QPagedPaintDevice], None]:
    """A slot for `QPrintPreviewDialog.paintRequested`: `dialog.paintRequested.connect(preview_painter(kb, entity))`."""

    def paint(printer: QPagedPaintDevice) -> None:
        print_card(kb, entity, printer)

    return paint
