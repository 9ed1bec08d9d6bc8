"""The window's PDF and print actions: file dialog, status message with Open, print and preview.

All drawing is done by `evcards.pdf.export`, the same code the command line uses, from the
same card document the screen shows. Printing and PDF modules, and the dialogs, are imported
on first use, which keeps them out of start-up.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from evcards.gui import counts
from evcards.gui.plain_text import plain_label, plain_message, plain_tooltip
from evcards.translation import fill

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar

    from evcards.gui.settings import Settings
    from evcards.kb.loaded import LoadedKnowledgeBase
    from evcards.kb.model import Entity

STATUS_TIMEOUT_MS = 15000
PROGRESS_STEPS = 1000
PROGRESS_DELAY_MS = 400  # a quick export finishes without a dialog flashing up


def _file_stem(title: str) -> str:
    """A file name from a knowledge base's title: "Xiaomi & EVs" -> "xiaomi-evs"."""
    return re.sub(r"[^\w]+", "-", title.casefold()).strip("-") or "cards"


class ExportNotice(QWidget):
    """What was exported, with a button that opens it: one widget in the status bar, so the
    button never covers the words (a temporary status message would be drawn under it)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("export_notice")
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.open_button = QPushButton(self.tr("Open PDF"), self)
        self.open_button.setAccessibleName(self.tr("Open the exported PDF"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.open_button)
        layout.addStretch(1)  # the button keeps its own width
        self._hide_later = QTimer(self)
        self._hide_later.setSingleShot(True)
        self._hide_later.setInterval(STATUS_TIMEOUT_MS)
        self._hide_later.timeout.connect(self.hide)
        self.hide()

    def show_export(self, message: str, target: Path) -> None:
        self.label.setText(message)
        self.label.setToolTip(plain_tooltip(str(target)))
        self.show()
        self._hide_later.start()


class PdfActions:
    def __init__(self, window: QWidget, settings: Settings, status_bar: QStatusBar) -> None:
        self._window = window
        self._settings = settings
        self._status = status_bar
        self.notice = ExportNotice(window)
        self.open_button = self.notice.open_button
        self.open_button.clicked.connect(self._open_last)
        status_bar.addWidget(self.notice, 1)
        self.last_export: Path | None = None
        self.with_graph = False
        """File ▸ Card PDF with Relation Graph: a card's PDF ends with its graph (evcards.pdf.graph_page)."""

    def export(self, kb: LoadedKnowledgeBase | None, entity: Entity | None) -> Path | None:
        if kb is None or entity is None:
            return None
        target = self._ask_target(QCoreApplication.translate("PdfActions", "Export Card as PDF"), f"{entity.id}.pdf")
        if target is None:
            return None
        from evcards.pdf.export import ExportError, export_pdf
        from evcards.pdf.paper import default_page_size

        try:
            export_pdf(kb, [entity], target, page_size=default_page_size(), author=self._author())
            if self.with_graph:
                from evcards.pdf.graph_page import append_graph

                append_graph(target, kb, entity.id)
        except (ExportError, OSError) as error:
            self._warn(QCoreApplication.translate("PdfActions", "Export failed"), str(error))
            return None
        self._exported(target, fill(QCoreApplication.translate("PdfActions", "Exported %1 to %2"), entity.name, target.name))
        return target

    def _author(self) -> str:
        return (self._settings.pdf_author or "").strip()

    def export_many(self, kb: LoadedKnowledgeBase | None, entities: list[Entity]) -> Path | None:
        """Every listed card in one PDF, in the list's order (what the filter shows: the window
        passes `listed_entities()`), after a contents page; a progress dialog's Cancel leaves no file."""
        if kb is None:
            return None
        if not entities:
            self._status.showMessage(
                QCoreApplication.translate("PdfActions", "The list shows no card to export: clear the filter to list them all."),
                STATUS_TIMEOUT_MS,
            )
            return None
        if len(entities) == 1:
            return self.export(kb, entities[0])
        target = self._ask_target(
            fill(QCoreApplication.translate("PdfActions", "Export %1 as PDF"), counts.cards(len(entities))),
            f"{_file_stem(kb.display_title)}.pdf",
        )
        if target is None:
            return None
        from PySide6.QtWidgets import QProgressDialog

        from evcards.pdf.export import ExportCancelled, ExportError, ExportProgress, export_pdf
        from evcards.pdf.paper import default_page_size

        total = len(entities)
        dialog = QProgressDialog(
            fill(QCoreApplication.translate("PdfActions", "Preparing card %1 of %2: %3"), 1, total, entities[0].name),
            QCoreApplication.translate("PdfActions", "Cancel"),
            0,
            PROGRESS_STEPS,
            self._window,
        )
        dialog.setObjectName("export_progress")
        dialog.setLabel(  # a name is never markup
            plain_label(dialog, fill(QCoreApplication.translate("PdfActions", "Preparing card %1 of %2: %3"), 1, total, entities[0].name))
        )
        dialog.setWindowTitle(QCoreApplication.translate("PdfActions", "Exporting cards"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        dialog.setAutoReset(False)

        def progress(step: ExportProgress) -> None:
            # Reported once a card is done: the label names the card being worked on next.
            if (upcoming := step.next_card) is not None:
                verb = (
                    QCoreApplication.translate("PdfActions", "Writing card %1 of %2: %3")
                    if upcoming.writing
                    else QCoreApplication.translate("PdfActions", "Preparing card %1 of %2: %3")
                )
                dialog.setLabelText(fill(verb, upcoming.index + 1, total, entities[upcoming.index].name))
            else:
                dialog.setLabelText(QCoreApplication.translate("PdfActions", "Finishing the PDF…"))
            dialog.setValue(round(step.fraction * PROGRESS_STEPS))  # a modal dialog handles events here: Cancel works

        try:
            try:
                files = export_pdf(
                    kb,
                    entities,
                    target,
                    page_size=default_page_size(),
                    progress=progress,
                    cancelled=dialog.wasCanceled,
                    author=self._author(),
                )
            finally:
                dialog.close()
                dialog.deleteLater()
        except ExportCancelled:
            self._status.showMessage(
                fill(QCoreApplication.translate("PdfActions", "Export cancelled; %1 was not written."), target.name), STATUS_TIMEOUT_MS
            )
            return None
        except ExportError as error:
            self._warn(QCoreApplication.translate("PdfActions", "Export failed"), str(error))
            return None
        pages = files[0].pages
        self._exported(
            target,
            fill(
                QCoreApplication.translate("PdfActions", "Exported %1 (%2) to %3"),
                counts.cards(len(entities)),
                counts.pages(pages),
                target.name,
            ),
        )
        return target

    def _ask_target(self, title: str, file_name: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        folder = self._settings.last_export_folder or Path.home()
        chosen, _ = QFileDialog.getSaveFileName(
            self._window, title, str(folder / file_name), QCoreApplication.translate("PdfActions", "PDF files (*.pdf)")
        )
        if not chosen:
            return None
        return Path(chosen) if chosen.lower().endswith(".pdf") else Path(chosen + ".pdf")

    def _warn(self, title: str, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self._window, title, plain_message(message))

    def _exported(self, target: Path, message: str) -> None:
        self._settings.last_export_folder = target.parent
        self.last_export = target
        self._status.clearMessage()
        self.notice.show_export(message, target)

    def _open_last(self) -> None:
        if self.last_export is not None:
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_export)))

    def print_(self, kb: LoadedKnowledgeBase | None, entity: Entity | None) -> None:
        if kb is None or entity is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from evcards.pdf.export import ExportError, print_card

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(entity.name)
        dialog = QPrintDialog(printer, self._window)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            try:
                print_card(kb, entity, printer)
            except ExportError as error:
                self._warn(QCoreApplication.translate("PdfActions", "Printing failed"), str(error))

    def preview(self, kb: LoadedKnowledgeBase | None, entity: Entity | None) -> None:
        if kb is None or entity is None:
            return
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from evcards.pdf.export import preview_painter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self._window)
        dialog.setObjectName("print_preview")
        dialog.paintRequested.connect(preview_painter(kb, entity))
        dialog.exec()
