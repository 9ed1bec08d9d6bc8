"""Ctrl+E in the window: proposes <entity-id>.pdf in the last folder, writes the PDF, says where."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from tests.pdf_helpers import all_text



def test_ctrl_e_writes_the_card_through_the_file_dialog(window: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window.entity_pane.select_entity("lei-jun")
    window.settings.last_export_folder = tmp_path
    proposed: list[str] = []

    def save_dialog(parent: Any, caption: str, directory: str, filter_: str) -> tuple[str, str]:
        proposed.append(directory)
        return str(tmp_path / "card"), "PDF files (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert proposed == [str(tmp_path / "lei-jun.pdf")]
    written = tmp_path / "card.pdf"
    reader = PdfReader(written)
    text = all_text(written)
    assert "Lei Jun" in text and "雷军" in text and "“last entrepreneurship,”" in text
    assert reader.metadata.title == "Lei Jun"
    assert str(written) in window.statusBar().currentMessage()
    assert window.pdf.open_button.isVisible()
    assert window.settings.last_export_folder == tmp_path


def test_cancelled_dialog_writes_nothing(window: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: ("", ""))
    window.settings.last_export_folder = tmp_path
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert list(tmp_path.glob("*.pdf")) == []
