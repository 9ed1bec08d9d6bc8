"""Hostile input (issue 18): how fast a window answers a close while it reads a huge source, and
how fast a file with a 1 MB entity name is refused (it used to hang the window for over a minute).

`close_ms`: a window starts loading a knowledge base whose one source is a 2 GB sparse file (the
size limit raised so that it is read), and is closed half a second later; the time `close()`
takes, median of 5. `refuse_huge_name_ms`: `evcards.kb.loader.load` of a file whose entity name
is a million characters, until it is refused; median of 5. `window_stall_ms_minified`: the
longest time the window's timer could not fire while it opened a generated knowledge base of
~80 MB written on one line (no entity per block: `minified_kb`), until the loader finished.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

SPARSE_BYTES = 2 << 30
MINIFIED_ENTITIES = 27_000  # ten claims each: about 80 MB written without white space
MINIFIED_FILE = "kb-minified.json"


def _knowledge_base(folder: Path, **entity: Any) -> Path:
    path = folder / "kb.json"
    data = {"format": 2, "sources": [{"id": "s", "text_file": "big.txt"}], "entities": [{"id": "e", "name": "E", "kind": "x", **entity}]}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def close_ms(runs: int = 5) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from evcards.gui.main_window import MainWindow
    from evcards.gui.settings import Settings

    app = QApplication.instance()
    assert app is not None
    times = []
    with tempfile.TemporaryDirectory(prefix="evcards-bench-hostile-") as name:
        folder = Path(name)
        with (folder / "big.txt").open("wb") as file:
            file.truncate(SPARSE_BYTES)
        path = _knowledge_base(folder)
        for _ in range(runs):
            window = MainWindow(Settings(folder / "settings.ini"))
            window.outside_sources.use_options(argparse.Namespace(max_source_mb=SPARSE_BYTES / 1e6 + 1, allow_outside_sources=False))
            window.show()
            window.open_file(path)
            started = time.perf_counter()
            while time.perf_counter() - started < 0.5:
                app.processEvents()
            assert window.loader.is_busy(), "the load ended before the close: nothing measured"
            start = time.perf_counter()
            window.close()
            times.append((time.perf_counter() - start) * 1000)
            window.deleteLater()
            app.processEvents()
    return {"median_ms": round(statistics.median(times), 1), "times_ms": [round(t, 1) for t in times]}


def refuse_huge_name_ms(runs: int = 5) -> dict[str, Any]:
    from evcards.kb.loader import load

    times = []
    with tempfile.TemporaryDirectory(prefix="evcards-bench-hostile-") as name:
        folder = Path(name)
        (folder / "big.txt").write_text("A source.", encoding="utf-8")
        path = _knowledge_base(folder, name="x" * 1_000_000)
        for _ in range(runs):
            start = time.perf_counter()
            result = load(path)
            times.append((time.perf_counter() - start) * 1000)
            assert result.knowledge_base is None, "the huge name was not refused"
    return {"median_ms": round(statistics.median(times), 1), "times_ms": [round(t, 1) for t in times]}


def minified_kb(entities: int = MINIFIED_ENTITIES) -> Path:
    """A generated knowledge base written on one line (`json.dumps` without indent), beside its
    sources; made once, then reused like the other generated files."""
    from tests.benchmarks import generate

    indented = generate.generate(entities)
    path = indented.with_name(MINIFIED_FILE)
    if not path.is_file():
        staging = path.with_suffix(".tmp")
        staging.write_text(json.dumps(json.loads(indented.read_bytes()), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        staging.replace(path)
    return path


def window_stall_minified(entities: int = MINIFIED_ENTITIES) -> dict[str, Any]:
    """Open `minified_kb()` in a shown window; the longest stall of its timer, and the load's time."""
    from tests.benchmarks.bench_window import open_window

    path = minified_kb(entities)
    with tempfile.TemporaryDirectory(prefix="evcards-bench-hostile-") as name:
        window, figures = open_window(path, Path(name) / "settings.ini")
        entity_count = len(window.kb.entities) if window.kb is not None else 0
        window.close()
        window.deleteLater()
    return {
        "longest_ui_stall_ms": round(figures["longest_ui_stall_ms"], 1),
        "seconds": round(figures["seconds"], 2),
        "file_mb": round(path.stat().st_size / 1e6, 1),
        "entities": entity_count,
    }
