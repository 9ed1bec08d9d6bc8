"""Figures taken in the real main window: filtering as the reader types, and showing a long card.

The window loads the file the way a user's does (in the background), then key presses are
sent to its filter field. A key press is timed until its events are handled and the posted
work (the list view's delayed layout, repaint) has run: what the reader waits for.
"""

from __future__ import annotations

import time
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from evcards.gui.main_window import MainWindow
from evcards.gui.settings import Settings
from evcards.kb.model import Entity
from evcards.search.entity_filter import EntityFilter
from tests.benchmarks.stats import median, percentile

# Realistic queries against the generated names: a person, a company, a product, a place in
# Han characters, and a word that only claims contain.
QUERIES = ("lei jun", "hangzhou battery", "aurora x7", "杭州电池", "solid-state")


def open_window(path: Path, settings_file: Path, timeout_s: float = 240) -> tuple[MainWindow, dict[str, float]]:
    """A shown main window with `path` loaded, waiting on the loader's own `finished` signal.

    Also says how long that took and the longest time the window did not respond meanwhile
    (a 5 ms timer that could not fire): loading runs in a thread, but holds Python's lock.
    """
    window = MainWindow(Settings(settings_file))
    window.resize(1100, 720)
    window.show()
    settle()
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    loop = QEventLoop()
    window.loader.finished.connect(loop.quit)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    start = time.perf_counter()
    timer.start()
    window.open_file(path)
    loop.exec()
    settle()
    timer.stop()
    ticks.append(time.perf_counter())
    if window.kb is None:
        raise RuntimeError(f"the window did not load {path}")
    points = [start, *ticks]
    stall = max(b - a for a, b in pairwise(points))
    return window, {"seconds": ticks[-1] - start, "longest_ui_stall_ms": stall * 1000}


def settle() -> None:
    """Run what the last event posted: delayed item layout, repaints."""
    QApplication.processEvents()


def _key(widget, key: Qt.Key, text: str) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))


def _key_for(ch: str) -> Qt.Key:
    if ch.isascii() and (ch.isalnum() or ch in " -"):
        return Qt.Key(ord(ch.upper()))
    return Qt.Key.Key_unknown  # what an input method's committed Han character arrives as


def filter_latencies(window: MainWindow, queries: tuple[str, ...] = QUERIES) -> list[float]:
    """Milliseconds per key press: each query typed one character at a time, then deleted."""
    field = window.entity_pane.filter_field
    field.setFocus()
    field.clear()
    settle()
    samples: list[float] = []
    for query in queries:
        for ch in query:
            start = time.perf_counter()
            _key(field, _key_for(ch), ch)
            settle()
            samples.append((time.perf_counter() - start) * 1000)
        if field.text() != query:
            raise RuntimeError(f"the filter field shows {field.text()!r}, not {query!r}")
        for _ in query:
            start = time.perf_counter()
            _key(field, Qt.Key.Key_Backspace, "")
            settle()
            samples.append((time.perf_counter() - start) * 1000)
    if field.text():
        raise RuntimeError("the filter field was not emptied")
    return samples


# Three-term field queries (issue 17): a kind and a quote status with a word, a phrase within
# years minus a kind, a relation with a name minus a status, a word within one kind.
FIELD_QUERIES = (
    "kind:product has:approximate battery",
    '"solid-state" date:2020..2022 -kind:person',
    "rel:founder_of name:lei -has:noquote",
    "kind:organization hangzhou -has:relations",
)


def query_latencies(window: MainWindow, queries: tuple[str, ...] = FIELD_QUERIES, repeats: int = 5) -> list[float]:
    """Ms from putting a whole field query in the filter field (a paste, a recalled query)
    until the list shows its matches and posted work has run; the field emptied between."""
    field = window.entity_pane.filter_field
    samples: list[float] = []
    for _ in range(repeats):
        for query in queries:
            field.clear()
            settle()
            start = time.perf_counter()
            field.setText(query)
            settle()
            samples.append((time.perf_counter() - start) * 1000)
            if not window.entity_pane.query_error.isHidden():
                raise RuntimeError(f"{query!r} does not parse: {window.entity_pane.query_error.text()}")
    field.clear()
    settle()
    return samples


def query_figures(window: MainWindow) -> dict[str, float]:
    start = time.perf_counter()
    query_latencies(window, repeats=1)  # warm-up: the field tables are built on the first use
    first = (time.perf_counter() - start) * 1000
    samples = query_latencies(window)
    return {"median_ms": median(samples), "p95_ms": percentile(samples, 0.95), "max_ms": max(samples), "first_pass_ms": first}


def match_latencies(entities: list[Entity], queries: tuple[str, ...] = QUERIES, claims_from: int = 1) -> list[float]:
    """The same key presses against `EntityFilter` alone: its share of each figure."""
    entity_filter = EntityFilter(entities, claims_from=claims_from)
    entity_filter.matches("zzzz warm-up")  # waits for the pinyin keys' thread, as the window's first key press does
    samples: list[float] = []
    for query in queries:
        for text in [query[:n] for n in range(1, len(query) + 1)] + [query[:n] for n in range(len(query) - 1, -1, -1)]:
            start = time.perf_counter()
            entity_filter.matches(text)
            samples.append((time.perf_counter() - start) * 1000)
    return samples


def filter_figures(window: MainWindow) -> dict[str, float]:
    filter_latencies(window, QUERIES[:1])  # warm-up: first paint of rows, font caches
    samples = filter_latencies(window)
    assert window.kb is not None
    matching = match_latencies(window.kb.entities)
    short_names_only = match_latencies(window.kb.entities, claims_from=3)
    return {
        "median_ms": median(samples),
        "p95_ms": percentile(samples, 0.95),
        "max_ms": max(samples),
        "presses": len(samples),
        "entity_filter_only_median_ms": median(matching),
        "entity_filter_only_p95_ms": percentile(matching, 0.95),
        "entity_filter_claims_from_3_median_ms": median(short_names_only),
        "entity_filter_claims_from_3_p95_ms": percentile(short_names_only, 0.95),
    }


def card_render_figures(window: MainWindow, entity_id: str, repeats: int = 20) -> dict[str, object]:
    """Ms from selecting `entity_id` in the list until its card is shown and laid out, and the
    events that posted have run (the card's and the list's repaint): median and p95 of
    `repeats` selections, each coming from another row, after one warm-up selection."""
    pane = window.entity_pane
    pane.filter_field.clear()
    settle()
    row = pane.model.row_of(entity_id)
    if row is None:
        raise RuntimeError(f"no entity {entity_id!r} in the list")
    other = 0 if row != 0 else 1
    samples: list[float] = []
    for _ in range(repeats + 1):
        pane.select_row(other)
        settle()
        start = time.perf_counter()
        pane.select_row(row)
        settle()
        window.card.document().size()  # the whole document laid out, not only what is visible
        samples.append((time.perf_counter() - start) * 1000)
        entity = window.current_entity()
        if entity is None or entity.id != entity_id:
            raise RuntimeError("the card does not show the selected entity")
    timed = samples[1:]
    return {
        "median_ms": median(timed),
        "p95_ms": percentile(timed, 0.95),
        "max_ms": max(timed),
        "selections": len(timed),
        "samples_ms": [round(ms, 2) for ms in timed],
    }
