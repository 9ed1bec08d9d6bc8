"""Hostile input (issue 18): how fast a window answers a close while it reads a huge source, and
how fast a file with a 1 MB entity name is refused (it used to hang the window for over a minute).

`close_ms`: a window starts loading a knowledge base whose one source is a 2 GB sparse file (the
size limit raised so that it is read), and is closed half a second later; the time `close()`
takes, median of 5. `refuse_huge_name_ms`: `evcards.kb.loader.load` of a file whose entity name
is a million characters, until it is refused; median of 5. `window_stall_ms_minified`: the
longest time the window's timer could not fire while it opened a generated knowledge base of
~80 MB written on one line (no entity per block: `minified_kb`), until the loader finished.
`huge_card_ms`: in the main window,
selecting an entity of 2,000 claims (the most one may hold) whose quotes are all approximate,
until its whole card is written and laid out; the longest time the window did not answer (a
5 ms timer that could not fire), median of 3.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from itertools import pairwise
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


HUGE_CARD_CLAIMS = 2_000  # evcards.kb.limits.CLAIMS_PER_ENTITY


def huge_card_kb(folder: Path, claims: int = HUGE_CARD_CLAIMS) -> Path:
    """A knowledge base in `folder` whose entity `huge` has `claims` claims, each quoting its own
    sentence of the source with straight apostrophes where the source has curly ones: every
    quote approximate, each box with its differences marked. Entity `small` has none."""
    sentences = [
        f"In its report number {k}, the company’s board said that the plant’s output of batteries rose again, "
        "and the city’s officials welcomed the news for the region."
        for k in range(claims)
    ]
    (folder / "report.txt").write_text(" ".join(sentences), encoding="utf-8")
    data = {
        "format": 2,
        "sources": [{"id": "report", "title": "Reports", "text_file": "report.txt"}],
        "entities": [
            {
                "id": "huge",
                "name": "Huge",
                "kind": "organization",
                "claims": [
                    {"statement": f"Output rose in report {k}.", "evidence": [{"source": "report", "quote": sentence.replace("’", "'")}]}
                    for k, sentence in enumerate(sentences)
                ],
            },
            {"id": "small", "name": "Small", "kind": "organization"},
        ],
    }
    path = folder / "kb.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def huge_card_ms(runs: int = 3) -> dict[str, Any]:
    from PySide6.QtCore import QEventLoop, QTimer

    from tests.benchmarks.bench_window import open_window, settle

    stalls, wholes = [], []
    with tempfile.TemporaryDirectory(prefix="evcards-bench-hostile-") as name:
        folder = Path(name)
        window, _ = open_window(huge_card_kb(folder), folder / "settings.ini")
        pane = window.entity_pane
        huge, small = pane.model.row_of("huge"), pane.model.row_of("small")
        assert huge is not None and small is not None
        for _ in range(runs):
            pane.select_row(small)
            settle()
            ticks: list[float] = []
            timer = QTimer()
            timer.setInterval(5)
            timer.timeout.connect(lambda ticks=ticks: ticks.append(time.perf_counter()))
            loop = QEventLoop()
            window.card.rendered.connect(loop.quit)
            timer.start()
            start = time.perf_counter()
            QTimer.singleShot(0, lambda: pane.select_row(huge))
            loop.exec()
            window.card.document().size()  # the whole card laid out
            end = time.perf_counter()
            timer.stop()
            window.card.rendered.disconnect(loop.quit)
            stalls.append(max(b - a for a, b in pairwise([start, *ticks, end])) * 1000)
            wholes.append((end - start) * 1000)
            shown = window.current_entity()
            assert shown is not None and shown.id == "huge", "the card does not show the huge entity"
        window.close()
        window.deleteLater()
    return {
        "median_ms": round(statistics.median(stalls), 1),
        "stalls_ms": [round(t, 1) for t in stalls],
        "whole_card_ms": [round(t, 1) for t in wholes],
    }


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
