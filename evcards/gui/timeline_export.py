"""Export of the timeline as it is shown: PNG (at twice the screen's pixels), PDF and SVG.

Each is painted by the canvas's own `render_to`, marks as paths, so that PDF and SVG stay
vector drawings; QtSvg comes with PySide6-Essentials.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QRectF, QSize
from PySide6.QtGui import QImage, QPaintDevice

from evcards.translation import QT_TRANSLATE_NOOP, fill


class TimelineCanvas(Protocol):
    """What export needs of `evcards.gui.timeline_view.TimelineCanvas` (named here, not
    imported: the view imports this module)."""

    def size(self) -> QSize: ...

    def render_to(self, device: QPaintDevice, size: QSize | None = None, *, vector: bool = True) -> None: ...


EXPORT_FILTER = QT_TRANSLATE_NOOP("TimelineExport", "PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)")
EXPORT_SCALE = 2  # a PNG at twice the screen's pixels, sharp when printed or zoomed


def export_canvas(canvas: TimelineCanvas, path: Path) -> None:
    """Save `canvas` as shown, by `path`'s suffix; ValueError for another suffix, OSError when
    the file cannot be written."""
    suffix = path.suffix.lower()
    size = canvas.size()
    if suffix == ".png":
        image = QImage(size * EXPORT_SCALE, QImage.Format.Format_ARGB32)
        canvas.render_to(image)
        if not image.save(str(path)):  # PNG, by the suffix
            raise OSError(fill(QCoreApplication.translate("TimelineExport", "cannot write %1"), path))
    elif suffix == ".pdf":
        from PySide6.QtCore import QMarginsF, QSizeF
        from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

        writer = QPdfWriter(str(path))
        writer.setTitle(QCoreApplication.translate("TimelineExport", "Timeline"))
        writer.setResolution(96)
        page = QPageSize(
            QSizeF(size.width(), size.height()), QPageSize.Unit.Point, QCoreApplication.translate("TimelineExport", "Timeline")
        )
        writer.setPageLayout(QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
        canvas.render_to(writer, QSize(writer.width(), writer.height()))
    elif suffix == ".svg":
        from PySide6.QtSvg import QSvgGenerator

        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setTitle(QCoreApplication.translate("TimelineExport", "Timeline"))
        canvas.render_to(generator, size)
    else:
        raise ValueError(fill(QCoreApplication.translate("TimelineExport", "%1: save as .png, .pdf or .svg"), path.name))
    if not path.is_file():
        raise OSError(fill(QCoreApplication.translate("TimelineExport", "cannot write %1"), path))
