"""The card's PDF with its relation graph: one more page, the entity's neighbourhood as the
window draws it (`evcards.card.graph_scene`), on paper colours whatever the screen's scheme."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QGraphicsScene

from evcards.card.graph_scene import build_scene, scene_bytes
from evcards.graph.layout import layout
from evcards.graph.neighbourhood import RelationIndex
from evcards.kb.loaded import LoadedKnowledgeBase
from evcards.pdf.saving import SaveFailed, write_atomically
from evcards.translation import fill


def paper_palette() -> QPalette:
    """Black on white: a printed page is white in a dark scheme too."""
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor("white"))
    palette.setColor(QPalette.ColorRole.Text, QColor("black"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#1f6feb"))
    return palette


def append_graph(pdf: Path, kb: LoadedKnowledgeBase, entity_id: str, hops: int = 1) -> None:
    """Add `entity_id`'s neighbourhood graph as the last page of the PDF at `pdf` (needs a
    QApplication: the graph is a QGraphicsScene). OSError when the file cannot be rewritten."""
    graph = RelationIndex(kb).neighbourhood(entity_id, hops)
    entity = kb.entity(entity_id)
    scene = QGraphicsScene()
    build_scene(scene, graph, layout(graph), paper_palette())
    page_bytes = scene_bytes(
        scene, "pdf", fill(QCoreApplication.translate("Pdf", "Relation graph: %1"), entity.name if entity else entity_id)
    )

    def produce() -> bytes:
        writer = PdfWriter(clone_from=PdfReader(pdf))
        writer.add_page(PdfReader(io.BytesIO(page_bytes)).pages[0])
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    try:
        write_atomically(pdf, produce)
    except SaveFailed as error:
        raise OSError(str(error)) from error
