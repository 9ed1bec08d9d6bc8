"""The yardstick for start-up: the least a PySide6 app does to show an empty main window.

It reports "evcards: shown" exactly as `evcards` does under EVCARDS_EXIT_AFTER_SHOWN: on the
first turn of the event loop after `show()`; then it quits.
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def shown() -> None:
    print("evcards: shown", flush=True)
    app.quit()


app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1100, 720)
window.show()
QTimer.singleShot(0, shown)
sys.exit(app.exec())
