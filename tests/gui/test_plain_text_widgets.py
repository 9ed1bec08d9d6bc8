"""A knowledge base full of markup: every widget shows the data as the literal text it is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QApplication, QGraphicsView, QLabel, QMenu, QMessageBox, QProgressDialog, QToolTip, QWidget

from tests.conftest import ARTICLE_QUOTE, SOURCE_TEXT, KbWriter, minimal_kb, open_window

IMG = '<img src="/tmp/x.png">'
LINK = '<a href="file:///etc/passwd">x</a>'
NAME = f"<b>bold</b> {IMG} A & B &amp; [*]"
LEI = f"Lei {LINK} & co"


def shown(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What a reader sees of `text` in a label, tooltip or message box of that format."""
    rich = text_format == Qt.TextFormat.RichText or (text_format == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text))
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText().replace("\u2028", "\n")


def label_shown(label: QLabel) -> str:
    return shown(label.text(), label.textFormat())


def markup_kb() -> dict[str, Any]:
    data = minimal_kb(format=2)
    data["title"] = f"KB {IMG}"
    data["sources"][0] |= {"title": f"<i>Title</i> {LINK}", "author": "<b>Ann</b>", "url": "https://example.com/?a=1&b=<2>"}
    xiaomi, lei = data["entities"]
    xiaomi |= {"name": NAME, "summary": f"Summary {IMG} <b>x</b>"}
    xiaomi["claims"][0] |= {"statement": f"<b>Founded</b> {IMG} in 2010 & on.", "date": "2010"}
    lei |= {"name": LEI}
    lei["claims"][0] |= {"date": "2011"}
    return data


@pytest.fixture
def markup_window(qtbot: Any, settings: Any, write_kb: KbWriter, tmp_path: Path):
    path = write_kb(markup_kb(), name="A & B <b>kb.json", source_text=SOURCE_TEXT)
    window = open_window(qtbot, settings, path)
    window.resize(1200, 800)
    window.go_to("xiaomi")
    qtbot.waitUntil(lambda: window.card.entity is not None and window.card.entity.id == "xiaomi")
    yield window
    window.close()


def test_every_label_shows_the_data_literally(markup_window: Any, qtbot: Any) -> None:
    window = markup_window
    window.action_registry["timeline"].trigger()
    window.action_registry["graph_pane"].trigger()
    qtbot.waitUntil(lambda: window.timeline_dock.isVisible() and window.graph_dock.isVisible())
    qtbot.keyClicks(window.entity_pane.filter_field, "Lei")  # the card's entity is hidden: the filter note names it
    qtbot.waitUntil(lambda: window.findChild(QLabel, "filter_note").isVisible())
    window.action_registry["source_pane"].trigger()
    texts = [label_shown(label) for label in window.findChildren(QLabel) if label.text()]
    texts += [shown(widget.toolTip()) for widget in window.findChildren(QWidget) if widget.toolTip()]
    for text in texts:
        assert "x.png" not in text or IMG in text, text  # an image is never drawn: its markup is shown
        assert "passwd" not in text or LINK in text, text
    assert any(NAME in text for text in texts)  # the filter note
    assert f"KB {IMG}" in window.windowHandle().title() and NAME in window.windowHandle().title()
    heading = window.findChild(QLabel, "source_citation")
    qtbot.waitUntil(lambda: bool(heading.text()))
    assert f"<i>Title</i> {LINK}" in label_shown(heading) and "<b>Ann</b>" in label_shown(heading)


def test_tooltips_show_the_data_literally(markup_window: Any, qtbot: Any) -> None:
    window = markup_window
    model = window.entity_pane.model
    row_tips = [shown(model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)) for row in range(model.rowCount())]
    assert any(tip.startswith(NAME) for tip in row_tips) and any(tip.startswith(LEI) for tip in row_tips)
    window.action_registry["graph_pane"].trigger()
    qtbot.waitUntil(window.graph_dock.isVisible)
    view = window.findChild(QGraphicsView, "graph_view")
    qtbot.waitUntil(lambda: len(view.scene().items()) > 2)
    graph_tips = [shown(item.toolTip()) for item in view.scene().items() if item.toolTip()]
    assert f"{NAME} (Organization)" in graph_tips  # the kind label the card shows
    assert any(tip.startswith(NAME) and tip.endswith(LEI) for tip in graph_tips)  # a relation: from — type → to
    window.action_registry["timeline"].trigger()
    qtbot.waitUntil(window.timeline_dock.isVisible)
    canvas = window.timeline_pane().canvas
    qtbot.waitUntil(lambda: len(canvas.marks()) > 0)
    position = canvas.marks()[0].centre.toPoint()
    QApplication.sendEvent(canvas, QHelpEvent(QEvent.Type.ToolTip, position, canvas.mapToGlobal(position)))
    assert shown(QToolTip.text()).startswith(f"<b>Founded</b> {IMG} in 2010 & on.")


def test_the_recent_menu_shows_a_file_name_with_ampersand_and_markup(markup_window: Any) -> None:
    menu = markup_window.findChild(QMenu, "menu_recent")
    menu.aboutToShow.emit()
    entries = [action.iconText() for action in menu.actions() if action.isEnabled() and not action.isSeparator()]
    assert any("A & B <b>kb.json" in entry for entry in entries), entries


def test_export_progress_and_its_warning_show_the_names_literally(
    markup_window: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from evcards.gui import pdf_actions
    from evcards.pdf import export as pdf_export

    window = markup_window
    target = tmp_path / "<b>cards & co.pdf"
    monkeypatch.setattr(pdf_actions, "PROGRESS_DELAY_MS", 0)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    labels: list[str] = []

    def fail_after_rendering(path: Path, produce: Any) -> None:
        [dialog] = window.findChildren(QProgressDialog)
        labels.extend(label_shown(label) for label in dialog.findChildren(QLabel) if label.text())  # names the first card
        produce()
        raise pdf_export.ExportError(f"cannot write {path}: {IMG} the disk is full")

    warnings: list[str] = []
    monkeypatch.setattr(pdf_export, "write_atomically", fail_after_rendering)
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(shown(text)))
    window.action_registry["export_cards"].trigger()
    assert len(labels) == 1 and labels[0].startswith("Preparing card 1 of 2: ") and labels[0].endswith((NAME, LEI)), labels
    assert warnings == [f"cannot write {target}: {IMG} the disk is full"]


def test_the_card_shows_names_and_statements_as_text(markup_window: Any) -> None:
    text = markup_window.card.toPlainText()
    assert NAME in text and f"Summary {IMG} <b>x</b>" in text and f"<b>Founded</b> {IMG} in 2010 & on." in text
    assert ARTICLE_QUOTE in text


def test_the_welcome_state_names_a_broken_file_literally(qtbot: Any, settings: Any, write_kb: KbWriter) -> None:
    from evcards.gui.main_window import MainWindow

    broken = '<img src="x.png">'  # a file name holds no slash
    path = write_kb("{ not json", name=f"{broken}.json")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    window.open_file(path)
    heading = window.findChild(QLabel, "welcome_heading")
    qtbot.waitUntil(lambda: heading.isVisible() and "Cannot open" in heading.text())
    assert label_shown(heading) == f"Cannot open {broken}.json"
    assert label_shown(window.findChild(QLabel, "welcome_problem")).startswith(f"{path} is not a valid knowledge base")
