"""The benchmark runner still runs end to end (size S, not timed): every figure is measured.

The figures themselves are not checked here: they depend on the machine. See
docs/performance.md for the targets and the L runs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIGURES = (
    "load_ratio_vs_json",
    "load_ratio_multilingual",
    "filter_ms_median",
    "filter_ms_p95",
    "card_render_ms_median",
    "card_render_ms_p95",
    "time_to_first_card_ratio",
    "export_ms_per_card",
    "export_ms_long_card",
    "reload_rss_growth_pct",
    "graph_layout_ms_ego",
    "graph_layout_ms_overview",
    "huge_card_ms",
)


def run_benchmark_script(name: str, *args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run `tests/benchmarks/<name>` as a reader would, from `cwd` (conftest sets Qt offscreen)."""
    return subprocess.run(
        [sys.executable, str(ROOT / "tests" / "benchmarks" / name), *args],
        cwd=cwd,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.slow
def test_runner_measures_every_figure_at_size_s(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    done = run_benchmark_script("run.py", "--size", "S", "--json", str(out), cwd=tmp_path, EVCARDS_BENCH_CACHE=str(tmp_path / "data"))
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["run"]["notes"] == [], result["run"]["notes"]
    for key in FIGURES:
        assert isinstance(result[key], (int, float)), (key, result[key])
        # memory may even shrink over the reloads; every other figure is a time or a ratio
        assert result[key] > 0 or key == "reload_rss_growth_pct", (key, result[key])
    assert len(result["run"]["reload"]["rss_mb"]) == 21  # after the load, then after each of 20 reloads
    assert "rss_mb_L" in result and result["rss_mb_L"] is None  # measured at L only
    assert isinstance(result["rss_mb_S"], (int, float)) and result["rss_mb_S"] > 0
    machine = result["machine"]
    assert {"cpu", "cores", "python", "qt", "pydantic"} <= machine.keys()
    for key in FIGURES:
        assert key in done.stdout  # the table names every figure, with PASS or FAIL
    probes = result["run"]["speed_probe_ms"]  # how fast the machine was before each step
    assert "card render" in probes and "first card (bundled data)" in probes and all(ms > 0 for ms in probes.values())
    assert "machine speed probe" in done.stdout


def test_a_start_that_never_ends_is_stopped_and_named(tmp_path: Path) -> None:
    from tests.benchmarks.bench_processes import FIRST_CARD_MARKER, time_to_marker

    stuck = [sys.executable, "-c", f"import time; print({FIRST_CARD_MARKER!r}, flush=True); time.sleep(600)"]
    with pytest.raises(RuntimeError, match="did not end within 2 s \\(after printing 'evcards: first card painted'\\)"):
        time_to_marker(stuck, str(tmp_path), timeout=2)
    quick = [sys.executable, "-c", f"print({FIRST_CARD_MARKER!r}, flush=True)"]
    assert 0 < time_to_marker(quick, str(tmp_path)) < 30


@pytest.mark.slow
def test_the_benchmark_hook_ends_the_app_when_there_is_no_card_to_paint(tmp_path: Path) -> None:
    """Under EVCARDS_EXIT_AFTER_SHOWN the app waits for its first card, but never for a card
    that will not come: a file without entities, or one it refuses."""
    from tests.benchmarks.bench_processes import FIRST_CARD_MARKER, LOADED_MARKER, child_environment

    empty = tmp_path / "empty.json"
    empty.write_text('{"format": 1, "entities": []}', encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": 1, "entities": [', encoding="utf-8")
    for path in (empty, broken):
        done = subprocess.run(
            [sys.executable, "-m", "evcards", str(path)],
            env=child_environment(str(tmp_path / "config")),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        assert f"{LOADED_MARKER} 0 entities" in done.stdout
        assert FIRST_CARD_MARKER not in done.stdout
