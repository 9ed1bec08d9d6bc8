"""The window's own text is drawn in the UI font (DejaVu Sans on a machine with only DejaVu),
with the bundled faces only for what it lacks: no full-width “ ” ’ or a "···" for … in Latin text,
and 雷军 still drawn.

The check runs in a child process whose fontconfig lists only DejaVu, over the text the widgets
really hold (the filter's placeholder, the list's rows, the no-match message, the status bar,
the menus, the card), laid out with each widget's font: the glyphs Qt chose, by font.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import dejavu_only_environment, minimal_kb

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import json, sys
from pathlib import Path
from PySide6.QtGui import QFont, QRawFont, QTextLayout
from PySide6.QtWidgets import QApplication, QMenu
from evcards.gui.app import create_application
from evcards.gui.main_window import MainWindow
from evcards.gui.settings import Settings
from tests.gui_helpers import row_texts

app = create_application()
folder = Path(sys.argv[1])
window = MainWindow(Settings(folder / "settings.ini"))
window.show()
window.open_file(folder / "kb.json")
while window.card.entity is None:
    app.processEvents()
dejavu = QRawFont.fromFont(QFont("DejaVu Sans"))
seen, wrong = [], []

def check(where, text, runs):
    # Each glyph drawn by another font than DejaVu Sans must be for a character DejaVu lacks.
    lacking = sum(1 for ch in text if not ch.isspace() and not dejavu.supportsCharacter(ord(ch)))
    others = [(run.rawFont().familyName(), len(run.glyphIndexes())) for run in runs if run.rawFont().familyName() != "DejaVu Sans"]
    boxes = sum(list(run.glyphIndexes()).count(0) for run in runs)
    seen.append([where, text, sorted({run.rawFont().familyName() for run in runs})])
    if not runs:
        wrong.append(f"{where}: no glyph at all for {text!r}")
    elif sum(count for _, count in others) != lacking or boxes:
        wrong.append(f"{where}: {text!r} drawn with {others}, {boxes} boxes; DejaVu lacks {lacking} of its characters")

def check_line(where, text, font):
    layout = QTextLayout(text, font)
    layout.beginLayout(); layout.createLine(); layout.endLayout()
    check(where, text, layout.glyphRuns())

pane = window.entity_pane
check_line("filter placeholder", pane.filter_field.placeholderText(), pane.filter_field.font())
for row in range(pane.model.rowCount()):
    for text in row_texts(window, pane.model.entity_at(row).id):
        check_line("list row", text, pane.list_view.font())
window.statusBar().showMessage("Copied the card of Lei’s “phone” …")
check_line("status bar", window.statusBar().currentMessage(), window.statusBar().font())
for menu in window.findChildren(QMenu):
    for action in menu.actions():
        if action.text():
            check_line("menu", action.text().replace("&", ""), menu.font())
block = window.card.document().begin()
while block.isValid():
    if block.text().strip():
        window.card.document().documentLayout().blockBoundingRect(block)  # lays the block out
        runs = block.layout().glyphRuns(0, len(block.text().encode("utf-16-le")) // 2, QTextLayout.GlyphRunRetrievalFlag.RetrieveAll)
        check(f"card block {block.blockNumber()}", block.text(), runs)
    block = block.next()
pane.filter_field.setText("lei’s “nothing” …")
while pane.empty_label.text() == "" or "nothing" not in pane.empty_label.text():
    app.processEvents()
check_line("no-match message", pane.empty_label.text(), pane.empty_label.font())
print(json.dumps({"seen": seen, "wrong": wrong}))
"""


@pytest.mark.slow
def test_latin_text_in_every_widget_is_drawn_in_dejavu_and_chinese_still_draws(tmp_path: Path) -> None:
    data = minimal_kb()
    lei = data["entities"][1]
    lei["aliases"] = ["Lei’s “Mi” …"]
    lei["summary"] = "Lei’s company, “Xiaomi” … founded by 雷军."
    lei["claims"][0]["statement"] = "Lei’s “phones” … sold well."
    (tmp_path / "kb.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "article.txt").write_text("Lei Jun founded Xiaomi.\n", encoding="utf-8")
    data["entities"][0]["claims"][0]["quote"] = "Lei Jun founded Xiaomi"
    (tmp_path / "kb.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    env = {**dejavu_only_environment(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path)], capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT, timeout=120
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["wrong"] == []
    places = {where.split(" ")[0] for where, _, _ in result["seen"]}
    assert {"filter", "list", "status", "menu", "card", "no-match"} <= places
    texts = " ".join(text for _, text, _ in result["seen"])
    assert "…" in texts and "“" in texts and "’" in texts and "雷军" in texts
    chinese = [families for _, text, families in result["seen"] if "雷军" in text]
    assert chinese and all("Noto Sans CJK SC" in families for families in chinese)  # drawn, by the bundled fallback
