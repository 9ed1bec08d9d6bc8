"""Run in a fresh process by `bench_processes.reload_rss_growth`: does reloading leak?

    python reload_memory.py FILE.json [RELOADS]

Opens FILE in the real main window (shown, offscreen), then reloads it RELOADS times through
the window's own reload path (`MainWindow.reload()`, as File > Reload and the file watcher
do), waiting for each load to finish, and for the work the load set going in other threads
(the filter's pinyin readings, which import pypinyin on the first load: measured before them,
the first load's figure lacked ~10 MB that every later one had). After the first load and
after each reload it collects garbage and reads the process's current resident memory.
Prints one JSON line: {"rss_mb": [after the load, after reload 1, ...], "entities": N,
"seconds": S, "pymalloc_mb": [...], "pymalloc_arenas": [...]}; the last two (what Python's
small-object allocator has handed out, and how many 1 MiB arenas it holds for that, at the
same moments) say whether growth is live objects or memory the allocator keeps.
"""

from __future__ import annotations

import gc
import json
import os
import re
import sys
import tempfile
import threading
import time
import weakref
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from evcards.gui.app import create_application
from evcards.gui.main_window import MainWindow
from evcards.gui.settings import Settings

PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")


def settle(timeout_s: float = 120) -> None:
    """Let the threads a load started finish (the window's own thread is the only one left)."""
    for thread in threading.enumerate():
        if thread is not threading.main_thread() and not isinstance(thread, threading._DummyThread):
            thread.join(timeout_s)


def pymalloc_stats() -> tuple[float, int]:
    """MB in use in Python's small-object allocator, and its arenas (from sys._debugmallocstats)."""
    read, write = os.pipe()
    saved = os.dup(2)
    os.dup2(write, 2)  # the statistics go to C's stderr
    os.close(write)
    try:
        sys._debugmallocstats()
    finally:
        os.dup2(saved, 2)
        os.close(saved)
    os.set_blocking(read, False)
    chunks = []
    try:
        while chunk := os.read(read, 1 << 16):
            chunks.append(chunk)
    except BlockingIOError:
        pass
    os.close(read)
    text = b"".join(chunks)

    def number(name: bytes) -> int:
        found = re.search(rb"# " + name + rb"\s*=\s*([\d,]+)", text)
        return int(found.group(1).replace(b",", b"")) if found else -1

    return number(b"bytes in allocated blocks") / 2**20, number(b"arenas allocated current")


def resident_mb() -> float:
    """Current (not peak) resident memory, after a full collection: what the process still holds."""
    settle()
    gc.collect()
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * PAGE_BYTES / 2**20


def wait_for_load(window: MainWindow, start: object, timeout_s: float = 300) -> None:
    """Run `start` (which starts a load) and the event loop until the window's loader finishes."""
    loop = QEventLoop()
    window.loader.finished.connect(loop.quit)
    timer = QTimer(singleShot=True, interval=int(timeout_s * 1000))  # stopped below: nothing outlives the load
    timer.timeout.connect(loop.quit)
    timer.start()
    try:
        start()  # type: ignore[operator]
        if window.loader.is_busy():
            loop.exec()
    finally:
        timer.stop()
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
        pymalloc = [pymalloc_stats()]
        for _ in range(reloads):
            before = weakref.ref(window.kb)  # not a reference of its own: a reader's window has no other holder
            wait_for_load(window, window.reload)
            if window.kb is None or window.kb is before():
                raise RuntimeError("a reload did not replace the knowledge base")
            del before
            rss.append(resident_mb())
            pymalloc.append(pymalloc_stats())
        window.close()
    return {
        "rss_mb": [round(mb, 2) for mb in rss],
        "entities": entities,
        "seconds": round(time.perf_counter() - started, 2),
        "pymalloc_mb": [round(mb, 2) for mb, _ in pymalloc],
        "pymalloc_arenas": [arenas for _, arenas in pymalloc],
    }


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(json.dumps(main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 20)), flush=True)
