"""The window's PDF and print actions: file dialog, status message with Open, print and preview.

All drawing is done by `evcards.pdf_export`, the same code the command line uses, from the
same card document the screen shows. Printing and PDF modules, and the dialogs, are imported
on first use, which keeps them out of start-up.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QPushButton

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar, QWidget

    from evcards.gui.settings import Settings
    from evcards.model import Entity, KnowledgeBase

STATUS_TIMEOUT_MS = 15000


class PdfActions:
    def __init__(self, window: QWidget, settings: Settings, status_bar: QStatusBar) -> None:
        self._window = window
        self._settings = settings
        self._status = status_bar
        self.open_button = QPushButton("Open PDF", window)
        self.open_button.setAccessibleName("Open the exported PDF")
        self.open_button.hide()
        self.open_button.clicked.connect(self._open_last)
        status_bar.addWidget(self.open_button)
        self.last_export: Path | None = None

    def export(self, kb: KnowledgeBase | None, entity: Entity | None) -> Path | None:
        if kb is None or entity is None:
            return None
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        folder = self._settings.last_export_folder or Path.home()
        proposed = str(folder / f"{entity.id}.pdf")
        chosen, _ = QFileDialog.getSaveFileName(self._window, "Export Card as PDF", proposed, "PDF files (*.pdf)")
        if not chosen:
            return None
        from evcards.paper import default_page_size
        from evcards.pdf_export import ExportError, export_pdf

        target = Path(chosen) if chosen.lower().endswith(".pdf") else Path(chosen + ".pdf")
        try:
            export_pdf(kb, [entity], target, page_size=default_page_size())
        except ExportError as error:
            QMessageBox.warning(self._window, "Export failed", str(error))
            return None
        self._settings.last_export_folder = target.parent
        self.last_export = target
        self._status.showMessage(f"Exported {entity.name} to {target}", STATUS_TIMEOUT_MS)
        self.open_button.show()
        return target

    def _open_last(self) -> None:
        if self.last_export is not None:
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_export)))

    def print_(self, kb: KnowledgeBase | None, entity: Entity | None) -> None:
        if kb is None or entity is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter
        from PySide6.QtWidgets import QMessageBox

        from evcards.pdf_export import ExportError, print_card

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(entity.name)
        dialog = QPrintDialog(printer, self._window)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            try:
                print_card(kb, entity, printer)
            except ExportError as error:
                QMessageBox.warning(self._window, "Printing failed", str(error))

    def preview(self, kb: KnowledgeBase | None, entity: Entity | None) -> None:
        if kb is None or entity is None:
            return
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from evcards.pdf_export import preview_painter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self._window)
        dialog.setObjectName("print_preview")
        dialog.paintRequested.connect(preview_painter(kb, entity))
        dialog.exec()
