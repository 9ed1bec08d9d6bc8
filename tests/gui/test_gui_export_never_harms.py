"""The window's exports (card PDF, graph, timeline) go through the one save path: a FIFO or a
device is refused with the CLI's message, a link written through, a mode kept."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from evcards.gui.main_window import MainWindow
from tests.gui.test_graph_view import open_graph


def test_the_card_pdf_to_a_fifo_is_refused_with_the_message_the_cli_gives(
    window: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    fifo = folder / "card.pdf"
    os.mkfifo(fifo)
    window.entity_pane.select_entity("lei-jun")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(fifo), "PDF files (*.pdf)"))
    warnings: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append((title, text)))
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert warnings == [
        ("Export failed", f"cannot write {fifo}: it is a FIFO (named pipe), which evcards never replaces; give the name of a file")
    ]
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and os.listdir(folder) == ["card.pdf"]


def test_the_graph_export_writes_through_a_link_keeps_a_mode_and_refuses_a_device(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    pane = open_graph(qtbot, window)
    folder = tmp_path / "out"
    folder.mkdir()
    real, link = folder / "real.svg", folder / "graph.svg"
    real.write_text("old")
    real.chmod(0o600)
    link.symlink_to(real.name)
    pane.export(str(link))
    assert link.is_symlink() and real.read_text().lstrip().startswith("<?xml") and stat.S_IMODE(real.stat().st_mode) == 0o600
    with pytest.raises(OSError, match=r"^cannot write /dev/null: it is a device"):
        pane.export("/dev/null")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert sorted(os.listdir(folder)) == ["graph.svg", "real.svg"]
