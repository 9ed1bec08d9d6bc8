"""The yardstick for the time to the first card: the least a PySide6 app does to show a file.

    python bare_first_card.py FILE.json

It reads the file with `json.loads`, shows a list of the entities' names beside a
`QTextBrowser` with the first entity's text (name, summary, each claim's statement and
quote, as plain text) and prints "evcards: first card painted" exactly as `evcards` does
under EVCARDS_EXIT_AFTER_SHOWN: on the turn of the event loop after the browser first
painted that text. Then it quits. No validation, no quote checks, no styling: what any
viewer of the same file must do at least.
"""

import json
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QListWidget, QMainWindow, QSplitter, QTextBrowser

app = QApplication(sys.argv[:1])
data = json.loads(Path(sys.argv[1]).read_bytes())
entities = data["entities"]
first = entities[0]
lines = [first["name"], first.get("summary", "")]
for claim in first.get("claims", []):
    lines.append(claim["statement"])
    for item in ([claim] if "quote" in claim else []) + claim.get("evidence", []):  # format 1 and 2
        quote = item["quote"] if isinstance(item["quote"], str) else item["quote"]["exact"]
        lines.append(f"“{quote}”")

window = QMainWindow()
splitter = QSplitter(window)
names = QListWidget(splitter)
names.addItems([entity["name"] for entity in entities])
names.setCurrentRow(0)
browser = QTextBrowser(splitter)
browser.setPlainText("\n\n".join(lines))
splitter.setSizes([280, 720])
window.setCentralWidget(splitter)
window.resize(1100, 720)


def painted() -> None:
    print("evcards: first card painted", flush=True)
    app.quit()


class FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            browser.viewport().removeEventFilter(self)
            QTimer.singleShot(0, painted)  # after this paint (and the flush) has ended
        return False


watch = FirstPaint()
browser.viewport().installEventFilter(watch)
window.show()
sys.exit(app.exec())
