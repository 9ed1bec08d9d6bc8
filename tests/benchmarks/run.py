"""Measure evcards at scale and compare each figure with its target (issues 5 and 14).

    python tests/benchmarks/run.py [--size S|M|L] [--json OUT.json]

Generates (or reuses) deterministic synthetic knowledge bases, measures, prints a table with
PASS/FAIL per figure and writes the figures as JSON. The targets of issue 5 are judged at
size L, those of issue 14 (card_render_ms_p95, time_to_first_card_ratio,
reload_rss_growth_pct) at M; S is a smoke run (CI) whose figures only show that every
measurement still works.

JSON keys: load_ratio_vs_json, load_ratio_multilingual (issue 15: a generated multilingual
file of 10,000 claims, 500 at S, whose quotes are line-wrapped in their sources), filter_ms_median, filter_ms_p95, card_render_ms_median,
card_render_ms_p95, time_to_first_card_ratio, export_ms_per_card, export_ms_long_card,
reload_rss_growth_pct, rss_mb_L, timeline_render_ms, graph_layout_ms_ego, graph_layout_ms_overview (issue 17;
the graph figures always on size M), close_during_huge_load_ms, refuse_huge_name_ms, window_stall_ms_minified, huge_card_ms (issue 18), machine, and `run` (size, data, raw timings, notes). Peak
memory is measured on the chosen size: at L it is `rss_mb_L`; at S or M `rss_mb_L` is null and
the figure is `rss_mb_S` / `rss_mb_M`. The time to the first card is always taken on the
bundled knowledge base (what a user sees at first start), the reloads on the chosen size.
A figure that could not be measured is null, with the reason in run.notes.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.benchmarks import generate, multilingual  # noqa: E402
from tests.benchmarks.bench_load import load_ratio  # noqa: E402
from tests.benchmarks.machine import machine_info, speed_probe_ms  # noqa: E402

# figure -> (target, what the figure is, unit)
TARGETS: dict[str, tuple[float, str]] = {
    "load_ratio_vs_json": (2.5, "load / json.loads, best of 3"),
    "load_ratio_multilingual": (2.5, "multilingual, 10,000 claims: load / json.loads, best of 3"),
    "filter_ms_median": (16, "filter key press, median (ms)"),
    "filter_ms_p95": (33, "filter key press, p95 (ms)"),
    "query_ms_median": (16, "three-term field query over the filter file, median (ms)"),
    "query_ms_p95": (33, "three-term field query over the filter file, p95 (ms)"),
    "card_render_ms_median": (16, "select a 60-claim card, laid out, median of 20 (ms)"),
    "card_render_ms_p95": (16, "select a 60-claim card, laid out, p95 of 20 (ms)"),
    "time_to_first_card_ratio": (1.5, "start to first card painted / bare Qt viewer, median of 7"),
    "export_ms_per_card": (150, "export Lei Jun card as PDF (ms)"),
    "export_ms_long_card": (600, "export a 60-claim card as PDF (ms)"),
    "reload_rss_growth_pct": (10, "memory after 20 reloads vs after the first load (%)"),
    "rss_mb_L": (800, "peak memory: load the file, show the window (MB)"),
    "timeline_render_ms": (50, "timeline: lay out and paint 5,000 dated claims to a QImage, median of 21 (ms)"),
    # issue 17: the relation graph (tests/benchmarks/bench_graph.py)
    "graph_layout_ms_ego": (100, "lay out a 197-node two-hop neighbourhood, median of 7 (ms)"),
    "graph_layout_ms_overview": (2000, "lay out the overview of 2,000 entities (size M), median of 3 (ms)"),
    # issue 18: hostile input (tests/benchmarks/bench_hostile.py)
    "close_during_huge_load_ms": (200, "close the window while it reads a 2 GB source, median of 5 (ms)"),
    "refuse_huge_name_ms": (1000, "load a file with a 1 MB entity name until refused, median of 5 (ms)"),
    "window_stall_ms_minified": (1000, "longest window stall while it opens an ~80 MB file on one line (ms)"),
    "huge_card_ms": (1000, "select a card of 2,000 approximate quotes: longest the window stands still, median of 3 (ms)"),
}


# The multilingual file has 10,000 claims; S, a smoke run, takes a small one.
MULTILINGUAL_CLAIMS = {"S": 500, "M": multilingual.CLAIMS, "L": multilingual.CLAIMS}
# The file on one line: ~80 MB at M and L (its target is about that size), 1,000 entities at S.
MINIFIED_ENTITIES = {"S": 1_000, "M": 27_000, "L": 27_000}


class Run:
    """Collects figures; a failed measurement becomes null with a note, never a crash."""

    def __init__(self, size: str) -> None:
        self.size = size
        self.figures: dict[str, Any] = {key: None for key in TARGETS}
        self.details: dict[str, Any] = {}
        self.notes: list[str] = []

    def step(self, name: str, action: Callable[[], None]) -> None:
        print(f"[bench] {name} ...", file=sys.stderr, flush=True)
        self.details.setdefault("speed_probe_ms", {})[name] = round(speed_probe_ms(), 2)
        start = time.perf_counter()
        try:
            action()
        except Exception as error:  # noqa: BLE001 - reported, and the figure stays null
            self.notes.append(f"{name}: not measured: {type(error).__name__}: {error}")
            print(f"[bench] {name}: FAILED: {error}", file=sys.stderr, flush=True)
        print(f"[bench] {name}: {time.perf_counter() - start:.1f} s", file=sys.stderr, flush=True)


def measure(size: str) -> dict[str, Any]:
    started = time.perf_counter()
    run = Run(size)
    paths: dict[str, Path] = {}

    def make_data() -> None:
        paths["kb"] = generate.generate_size(size)
        paths["filter"] = paths["kb"] if size == "S" else generate.generate_filter_kb()
        run.details["data"] = {"kb": str(paths["kb"]), "filter_kb": str(paths["filter"])}

    run.step("generate data", make_data)
    if "kb" not in paths:
        return report(run, started)

    def load_figure() -> None:
        figures = load_ratio(paths["kb"])
        run.details["load"] = figures
        run.figures["load_ratio_vs_json"] = figures["ratio"]

    run.step(f"load ratio ({size})", load_figure)

    def multilingual_figure() -> None:
        figures = load_ratio(multilingual.generate_multilingual(MULTILINGUAL_CLAIMS[size]))
        run.details["load_multilingual"] = {"claims": MULTILINGUAL_CLAIMS[size], **figures}
        run.figures["load_ratio_multilingual"] = figures["ratio"]

    run.step(f"load ratio (multilingual, {MULTILINGUAL_CLAIMS[size]} claims)", multilingual_figure)
    _graph_figures(run)
    gc.collect()
    _window_figures(run, paths["filter"])
    gc.collect()
    _process_figures(run, paths["kb"])
    return report(run, started)


def _graph_figures(run: Run) -> None:
    """Issue 17's layouts, always on size M: its 2,000 entities are the overview's limit."""
    from tests.benchmarks.bench_graph import graph_figures

    def graph_figure() -> None:
        figures = graph_figures(generate.generate_size("M"))
        run.details["graph"] = figures
        run.figures["graph_layout_ms_ego"] = figures["ego_ms_median"]
        run.figures["graph_layout_ms_overview"] = figures["overview_ms_median"]

    run.step("relation graph layouts (M)", graph_figure)


def _window_figures(run: Run, filter_kb: Path) -> None:
    from evcards.gui.app import create_application
    from tests.benchmarks.bench_export import export_figures
    from tests.benchmarks.bench_window import card_render_figures, filter_figures, open_window, query_figures

    app = create_application()
    _timeline_figure(run)
    _hostile_figures(run)
    holder: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="evcards-bench-settings-") as folder:

        def open_it() -> None:
            holder["window"], run.details["open_window"] = open_window(filter_kb, Path(folder) / "settings.ini")
            run.details["filter_entities"] = len(holder["window"].kb.entities)

        run.step("open the window", open_it)
        window = holder.get("window")
        if window is not None:

            def filter_figure() -> None:
                figures = filter_figures(window)
                run.details["filter"] = figures
                run.figures["filter_ms_median"] = figures["median_ms"]
                run.figures["filter_ms_p95"] = figures["p95_ms"]

            def query_figure() -> None:
                figures = query_figures(window)
                run.details["query"] = figures
                run.figures["query_ms_median"] = figures["median_ms"]
                run.figures["query_ms_p95"] = figures["p95_ms"]

            def card_figure() -> None:
                figures = card_render_figures(window, generate.LONG_ENTITY_ID)
                run.details["card_render"] = figures
                run.figures["card_render_ms_median"] = figures["median_ms"]
                run.figures["card_render_ms_p95"] = figures["p95_ms"]

            def export_figure() -> None:
                figures = export_figures(window.kb, generate.LONG_ENTITY_ID)
                run.figures["export_ms_per_card"] = figures["per_card_ms"]
                run.figures["export_ms_long_card"] = figures["long_card_ms"]
                run.details["export_ms_devanagari_card"] = figures["devanagari_card_ms"]

            run.step(f"filter ({run.details.get('filter_entities')} entities)", filter_figure)
            run.step("query language", query_figure)
            run.step("card render", card_figure)
            run.step("export", export_figure)
            window.close()
            window.deleteLater()
        app.processEvents()
    _huge_card_figure(run)


def _hostile_figures(run: Run) -> None:
    """Issue 18: a close answered during a huge read, a huge name refused (synthetic: needs no file)."""
    from tests.benchmarks.bench_hostile import close_ms, refuse_huge_name_ms, window_stall_minified

    def close_figure() -> None:
        figures = close_ms()
        run.details["close_during_huge_load"] = figures
        run.figures["close_during_huge_load_ms"] = figures["median_ms"]

    def refuse_figure() -> None:
        figures = refuse_huge_name_ms()
        run.details["refuse_huge_name"] = figures
        run.figures["refuse_huge_name_ms"] = figures["median_ms"]

    def minified_figure() -> None:
        figures = window_stall_minified(MINIFIED_ENTITIES[run.size])
        run.details["window_stall_minified"] = figures
        run.figures["window_stall_ms_minified"] = figures["longest_ui_stall_ms"]

    run.step("close during a 2 GB read", close_figure)
    run.step("refuse a 1 MB name", refuse_figure)
    run.step(f"open a file on one line ({MINIFIED_ENTITIES[run.size]:,} entities)", minified_figure)


def _huge_card_figure(run: Run) -> None:
    """Issue 18: a card of 2,000 approximate quotes in its own window, after the others (synthetic)."""
    from tests.benchmarks.bench_hostile import huge_card_ms

    def huge_card_figure() -> None:
        figures = huge_card_ms()
        run.details["huge_card"] = figures
        run.figures["huge_card_ms"] = figures["median_ms"]

    run.step("a card of 2,000 approximate quotes", huge_card_figure)


def _timeline_figure(run: Run) -> None:
    """Issue 17: the timeline dock with 5,000 dated claims (synthetic: needs no file)."""
    from tests.benchmarks.bench_timeline import timeline_figures

    def timeline_figure() -> None:
        figures = timeline_figures()
        run.details["timeline"] = figures
        run.figures["timeline_render_ms"] = figures["median_ms"]

    run.step("timeline render (5,000 dated claims)", timeline_figure)


def _process_figures(run: Run, kb: Path) -> None:
    from tests.benchmarks.bench_processes import first_card_ratio, reload_rss_growth, window_rss

    def first_card_figure() -> None:
        figures = first_card_ratio()
        run.details["first_card"] = figures
        run.figures["time_to_first_card_ratio"] = figures["ratio"]

    def rss_figure() -> None:
        figures = window_rss(kb)
        run.details["rss"] = figures
        if run.size == "L":
            run.figures["rss_mb_L"] = figures["rss_mb"]
        else:
            run.figures[f"rss_mb_{run.size}"] = figures["rss_mb"]

    def reload_figure() -> None:
        figures = reload_rss_growth(kb)
        run.details["reload"] = figures
        run.figures["reload_rss_growth_pct"] = figures["growth_pct"]

    run.step("first card (bundled data)", first_card_figure)
    run.step(f"peak memory ({run.size})", rss_figure)
    run.step(f"memory over 20 reloads ({run.size})", reload_figure)


def report(run: Run, started: float) -> dict[str, Any]:
    result = dict(run.figures)
    result["machine"] = machine_info()
    result["run"] = {"size": run.size, "seconds": round(time.perf_counter() - started, 1), "notes": run.notes, **run.details}
    return result


def verdict(key: str, value: float | None) -> str:
    if value is None:
        return "n/a"
    return "PASS" if value <= TARGETS[key][0] else "FAIL"


def table(result: dict[str, Any]) -> str:
    size = result["run"]["size"]
    rows = [("figure", "value", "target", "", "what")]
    for key, (target, what) in TARGETS.items():
        shown_key, value = key, result.get(key)
        if key == "rss_mb_L" and size != "L":
            shown_key, value = f"rss_mb_{size}", result.get(f"rss_mb_{size}")
        rows.append((shown_key, "null" if value is None else f"{value:.2f}", f"<= {target:g}", verdict(key, value), what))
    widths = [max(len(row[c]) for row in rows) for c in range(4)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row[:4], widths)) + "  " + row[4] for row in rows]
    machine = result["machine"]
    lines.append(
        f"size {size}; {machine['cpu']}, {machine['cores']} cores; Python {machine['python']}, Qt {machine['qt']}, "
        f"pydantic {machine['pydantic']}; {result['run']['seconds']} s"
    )
    probes = result["run"].get("speed_probe_ms") or {}
    if probes:
        slowest = max(probes, key=probes.__getitem__)
        lines.append(
            f"machine speed probe (a fixed Python loop, before each step): {min(probes.values()):.1f}-{max(probes.values()):.1f} ms, "
            f"slowest before {slowest!r}"
        )
    if size == "S":
        lines.append("(the targets are judged at M and L; this run only shows that every measurement works)")
    lines += [f"note: {note}" for note in result["run"]["notes"]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure evcards at scale against the targets of issue 5.")
    parser.add_argument("--size", choices=sorted(generate.SIZES), default="L", help="knowledge base size (default L)")
    parser.add_argument("--json", type=Path, metavar="OUT.json", help="write the figures here")
    args = parser.parse_args(argv)
    result = measure(args.size)
    print(table(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
