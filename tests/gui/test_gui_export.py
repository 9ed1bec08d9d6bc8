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
    assert window.pdf.notice.label.text() == "Exported Lei Jun to card.pdf"
    assert window.pdf.notice.label.toolTip() == str(written)
    assert window.pdf.open_button.isVisible()
    # The words and the button side by side: the button covers no part of the message.
    label, button = window.pdf.notice.label.geometry(), window.pdf.open_button.geometry()
    assert label.right() < button.left() and label.width() >= window.pdf.notice.label.sizeHint().width()
    assert button.width() <= 2 * window.pdf.open_button.sizeHint().width()  # a button, not a bar
    assert window.settings.last_export_folder == tmp_path


def test_cancelled_dialog_writes_nothing(window: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: ("", ""))
    window.settings.last_export_folder = tmp_path
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert list(tmp_path.glob("*.pdf")) == []


def _save_to(path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def save_dialog(parent: Any, caption: str, directory: str, filter_: str) -> tuple[str, str]:
        asked.append(directory)
        return str(path), "PDF files (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    return asked


def test_ctrl_shift_e_exports_the_listed_cards_as_one_pdf(window: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window.settings.last_export_folder = tmp_path
    asked = _save_to(tmp_path / "su7.pdf", monkeypatch)
    qtbot.keyClicks(window.entity_pane.filter_field, "su7")
    listed = [e.name for e in window.entity_pane.listed_entities()]
    assert len(listed) >= 2 and all("SU7" in name for name in listed[:2])
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert asked == [str(tmp_path / "xiaomi-s-move-into-electric-vehicles.pdf")]  # named after the knowledge base
    reader = PdfReader(tmp_path / "su7.pdf")
    assert [item.title for item in reader.outline] == ["Contents", *listed]  # a bookmark per listed card, in list order
    assert window.pdf.notice.label.text().startswith(f"Exported {len(listed)} cards (")
    assert window.pdf.open_button.isVisible()


def test_cancel_in_the_progress_dialog_leaves_no_file(window: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QProgressDialog

    out = tmp_path / "out"
    out.mkdir()
    _save_to(out / "all.pdf", monkeypatch)
    labels: list[str] = []
    set_value = QProgressDialog.setValue

    def press_cancel_midway(dialog: QProgressDialog, value: int) -> None:
        labels.append(dialog.labelText())
        set_value(dialog, value)
        if value >= dialog.maximum() // 4:
            dialog.cancel()  # what the Cancel button does

    monkeypatch.setattr(QProgressDialog, "setValue", press_cancel_midway)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    listed = window.entity_pane.listed_entities()
    assert labels and labels[0] == f"Preparing card 2 of 9: {listed[1].name}"  # the card being worked on
    assert list(out.iterdir()) == []  # neither the PDF nor a partial file
    assert window.statusBar().currentMessage() == "Export cancelled; all.pdf was not written."


def test_exporting_an_empty_list_says_so_without_asking_for_a_file(
    window: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = _save_to(tmp_path / "none.pdf", monkeypatch)
    qtbot.keyClicks(window.entity_pane.filter_field, "no such entity anywhere")
    window.action_registry["export_cards"].trigger()
    assert asked == [] and not (tmp_path / "none.pdf").exists()
    assert "no card to export" in window.statusBar().currentMessage()


def test_an_export_error_is_shown_after_the_progress_dialog_closed(
    window: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox, QProgressDialog

    from evcards.gui import pdf_actions
    from evcards.pdf import export as pdf_export

    monkeypatch.setattr(pdf_actions, "PROGRESS_DELAY_MS", 0)  # the dialog shows at once
    _save_to(tmp_path / "cards.pdf", monkeypatch)

    def disk_full_after_rendering(target: Path, produce: Any) -> None:
        produce()  # every card laid out and drawn, with progress
        raise pdf_export.ExportError(f"cannot write {target}: the disk is full")

    monkeypatch.setattr(pdf_export, "write_atomically", disk_full_after_rendering)
    shown_with: list[list[bool]] = []

    def warning(parent: Any, title: str, text: str) -> None:
        shown_with.append([d.isVisible() for d in window.findChildren(QProgressDialog)])

    monkeypatch.setattr(QMessageBox, "warning", warning)
    window.action_registry["export_cards"].trigger()
    assert shown_with == [[False]]  # the message, and no progress dialog left open behind it


def test_exporting_the_whole_list_follows_its_order_and_names_the_author_from_settings(
    window: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.pdf_helpers import page_links

    window.settings.pdf_author = "Ada Reader"
    _save_to(tmp_path / "all.pdf", monkeypatch)
    listed = [e.name for e in window.entity_pane.listed_entities()]
    assert listed[0] == "Apple" and listed != [e.name for e in window.kb.entities]  # the list is by name, the file is not
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    reader = PdfReader(tmp_path / "all.pdf")
    assert [item.title for item in reader.outline] == ["Contents", *listed]
    contents = [link.text for link in page_links(tmp_path / "all.pdf") if link.page == 0][::2]  # each name, then its page number
    assert contents == listed
    assert reader.metadata.author == "Ada Reader"
