"""Run in a fresh process by `bench_processes.reload_rss_growth`: does reloading leak?

    python reload_memory.py FILE.json [RELOADS]

Opens FILE in the real main window (shown, offscreen), then reloads it RELOADS times through
the window's own reload path (`MainWindow.reload()`, as File > Reload and the file watcher
do), waiting for each load to finish. After the first load and after each reload it collects
garbage and reads the process's current resident memory. Prints one JSON line:
{"rss_mb": [after the load, after reload 1, ...], "entities": N, "seconds": S}.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from evcards.gui.app import create_application
from evcards.gui.main_window import MainWindow
from evcards.gui.settings import Settings

PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")


def resident_mb() -> float:
    """Current (not peak) resident memory, after a full collection: what the process still holds."""
    gc.collect()
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * PAGE_BYTES / 2**20


def wait_for_load(window: MainWindow, start: object, timeout_s: float = 300) -> None:
    """Run `start` (which starts a load) and the event loop until the window's loader finishes."""
    loop = QEventLoop()
    window.loader.finished.connect(loop.quit)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    try:
        start()  # type: ignore[operator]
        if window.loader.is_busy():
            loop.exec()
    finally:
        window.loader.finished.disconnect(loop.quit)
    if window.loader.is_busy():
        raise RuntimeError(f"a load did not finish within {timeout_s:g} s")
    QApplication.processEvents()  # what the new knowledge base posted: list layout, the card's paint


def main(path: Path, reloads: int) -> dict[str, object]:
    create_application()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="evcards-bench-settings-") as folder:
        window = MainWindow(Settings(Path(folder) / "settings.ini"))
        window.resize(1100, 720)
        window.show()
        QApplication.processEvents()
        wait_for_load(window, lambda: window.open_file(path))
        if window.kb is None:
            raise RuntimeError(f"the window did not load {path}")
        entities = len(window.kb.entities)
        rss = [resident_mb()]
        for _ in range(reloads):
            before = window.kb
            wait_for_load(window, window.reload)
            if window.kb is None or window.kb is before:
                raise RuntimeError("a reload did not replace the knowledge base")
            del before
            rss.append(resident_mb())
        window.close()
    return {"rss_mb": [round(mb, 2) for mb in rss], "entities": entities, "seconds": round(time.perf_counter() - started, 2)}


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(json.dumps(main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 20)), flush=True)
