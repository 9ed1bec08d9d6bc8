"""Export of the timeline as it is shown: PNG (at twice the screen's pixels), PDF and SVG.

Each is painted by the canvas's own `render_to`, marks as paths, so that PDF and SVG stay
vector drawings; QtSvg comes with PySide6-Essentials.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QRectF, QSize
from PySide6.QtGui import QImage, QImageWriter, QPaintDevice

from evcards.file_saving import check_target, save_bytes
from evcards.translation import QT_TRANSLATE_NOOP, fill


class TimelineCanvas(Protocol):
    """What export needs of `evcards.gui.timeline_view.TimelineCanvas` (named here, not
    imported: the view imports this module)."""

    def size(self) -> QSize: ...

    def render_to(self, device: QPaintDevice, size: QSize | None = None, *, vector: bool = True) -> None: ...


EXPORT_FILTER = QT_TRANSLATE_NOOP("TimelineExport", "PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)")
EXPORT_SCALE = 2  # a PNG at twice the screen's pixels, sharp when printed or zoomed


def canvas_bytes(canvas: TimelineCanvas, suffix: str) -> bytes:
    """`canvas` as shown, as a PNG, PDF or SVG file's bytes by `suffix` (".png", ".pdf", ".svg");
    ValueError for another suffix, OSError when Qt cannot draw it."""
    size = canvas.size()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if suffix == ".png":
        image = QImage(size * EXPORT_SCALE, QImage.Format.Format_ARGB32)
        canvas.render_to(image)
        if not QImageWriter(buffer, b"png").write(image):
            raise OSError(QCoreApplication.translate("TimelineExport", "the PNG could not be drawn"))
    elif suffix == ".pdf":
        from PySide6.QtCore import QMarginsF, QSizeF
        from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

        writer = QPdfWriter(buffer)
        writer.setTitle(QCoreApplication.translate("TimelineExport", "Timeline"))
        writer.setResolution(96)
        page = QPageSize(
            QSizeF(size.width(), size.height()), QPageSize.Unit.Point, QCoreApplication.translate("TimelineExport", "Timeline")
        )
        writer.setPageLayout(QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
        canvas.render_to(writer, QSize(writer.width(), writer.height()))
        del writer
    elif suffix == ".svg":
        from PySide6.QtSvg import QSvgGenerator

        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setTitle(QCoreApplication.translate("TimelineExport", "Timeline"))
        canvas.render_to(generator, size)
        del generator
    else:
        raise ValueError(QCoreApplication.translate("TimelineExport", "save as .png, .pdf or .svg"))
    data = bytes(buffer.data().data())
    if not data:
        raise OSError(fill(QCoreApplication.translate("TimelineExport", "the %1 could not be drawn"), suffix[1:].upper()))
    return data


def export_canvas(canvas: TimelineCanvas, path: Path) -> None:
    """Save `canvas` as shown, by `path`'s suffix, through `evcards.file_saving` (nothing but a
    regular file replaced, a link written through); ValueError for another suffix, OSError (its
    text for the user) when the file cannot be written."""
    check_target(path)  # before the drawing: a device or a FIFO is refused at once
    try:
        data = canvas_bytes(canvas, path.suffix.lower())
    except ValueError as error:
        raise ValueError(f"{path.name}: {error}") from error
    save_bytes(path, data)
