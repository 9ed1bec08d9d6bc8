"""Figures that need fresh processes: the time to the first card against a bare Qt viewer,
peak memory, and memory over reloads.

`evcards` is started as a user would (the `evcards` command pip installed beside this Python,
else `python -m evcards`; see `evcards_command`) with EVCARDS_EXIT_AFTER_SHOWN=1:
the app prints "evcards: shown" on the first turn of its event loop after showing the window,
"evcards: loaded N entities" once the file is loaded and displayed, and "evcards: first card
painted" once the card view has painted a card; then it quits. The time to the first card is
timed to that last line (bare_first_card.py prints the same), memory is the whole process's
peak. Each child gets its own settings folder, so the reader's settings are neither used nor
changed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from tests.benchmarks.stats import median

EXIT_AFTER_SHOWN = "EVCARDS_EXIT_AFTER_SHOWN"
BARE_FIRST_CARD = Path(__file__).with_name("bare_first_card.py")
RELOAD_CHILD = Path(__file__).with_name("reload_memory.py")
LOADED_MARKER = "evcards: loaded"
FIRST_CARD_MARKER = "evcards: first card painted"


def evcards_command() -> list[str]:
    """The `evcards` command as a user runs it: the script pip installed beside this Python
    (what the README's Quick start runs), else `python -m evcards` (which also imports `runpy`)."""
    script = Path(sys.executable).with_name("evcards")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "evcards"]


def child_environment(config_home: str) -> dict[str, str]:
    env = dict(os.environ)
    # As installed by pip, the package has its byte code; a shell that forbids writing it would
    # make every start compile the modules again, which no user's start does.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env[EXIT_AFTER_SHOWN] = "1"
    env["XDG_CONFIG_HOME"] = config_home
    return env


def time_to_marker(args: list[str], config_home: str, marker: str = FIRST_CARD_MARKER, timeout: float = 240) -> float:
    """Seconds from launching a fresh process to its first line starting with `marker`; the process then ends.

    Its output is read by a thread, so a child that never ends is killed after `timeout` and
    named in the error, instead of holding up the whole run on a read that never returns."""
    start = time.perf_counter()
    child = subprocess.Popen(args, env=child_environment(config_home), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    seen_at: list[float] = []

    def read_lines() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            if not seen_at and line.startswith(marker):
                seen_at.append(time.perf_counter() - start)

    reader = threading.Thread(target=read_lines, daemon=True)
    reader.start()
    try:
        child.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
        when = "after" if seen_at else "before"
        raise RuntimeError(f"{args} did not end within {timeout:g} s ({when} printing {marker!r})") from None
    finally:
        reader.join(timeout=5)
    if child.returncode != 0:
        raise RuntimeError(f"{args} exited with {child.returncode}")
    if not seen_at:
        raise RuntimeError(f"{args} never printed {marker!r}: does the app honour {EXIT_AFTER_SHOWN}?")
    return seen_at[0]


# Run by a small middle process: the kernel's peak for a child that was forked from a large
# process (this runner, after the in-process figures) would include the pages it shared
# with that parent until it started the new program, so the parent must be small.
_WAIT_AND_REPORT = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[1:])
_, status, usage = os.wait4(child.pid, 0)
print(f"peak-rss-kib {usage.ru_maxrss} exit {os.waitstatus_to_exitcode(status)}", flush=True)
"""


def peak_rss_mb(args: list[str], config_home: str, timeout: float = 240) -> tuple[float, str]:
    """Peak resident memory (MB) of one fresh process, from the kernel's accounting, and its stdout."""
    done = subprocess.run(
        [sys.executable, "-c", _WAIT_AND_REPORT, *args],
        env=child_environment(config_home),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    report = done.stdout.strip().splitlines()[-1].split() if done.stdout.strip() else []
    if len(report) != 4 or report[0] != "peak-rss-kib":
        raise RuntimeError(f"{args}: no memory report:\n{done.stderr[-2000:]}")
    if report[3] != "0":
        raise RuntimeError(f"{args} exited with {report[3]}:\n{done.stderr[-2000:]}")
    return int(report[1]) / 1024, done.stdout


def first_card_ratio(runs: int = 7) -> dict[str, object]:
    """Median of `runs` alternating fresh starts, each timed until its first card is painted:
    `evcards` as a user starts it the first time (no file named, no settings yet: it opens
    the bundled knowledge base) against bare_first_card.py showing the same file; one
    warm-up each first (byte code, font caches)."""
    from evcards.resources import bundled_data

    evcards_args = evcards_command()
    bare_args = [sys.executable, str(BARE_FIRST_CARD), str(bundled_data())]
    app_times: list[float] = []
    bare_times: list[float] = []
    with tempfile.TemporaryDirectory(prefix="evcards-bench-config-") as folder:
        for run in range(runs + 1):  # run 0 is the warm-up
            config = str(Path(folder) / str(run))  # each start a first start: no settings
            app_s, bare_s = time_to_marker(evcards_args, config), time_to_marker(bare_args, config)
            if run:
                app_times.append(app_s)
                bare_times.append(bare_s)
    app_s, bare_s = median(app_times), median(bare_times)
    return {
        "evcards_s": app_s,
        "bare_s": bare_s,
        "ratio": app_s / bare_s,
        "evcards_runs_s": [round(t, 4) for t in app_times],
        "bare_runs_s": [round(t, 4) for t in bare_times],
    }


def window_rss(path: Path) -> dict[str, object]:
    """Peak memory of `evcards FILE` until its window shows the loaded file."""
    with tempfile.TemporaryDirectory(prefix="evcards-bench-config-") as config:
        start = time.perf_counter()
        mb, out = peak_rss_mb([*evcards_command(), str(path)], config)
        elapsed = time.perf_counter() - start
    loaded = next((line for line in out.splitlines() if line.startswith(LOADED_MARKER)), None)
    if loaded is None:
        raise RuntimeError(f"evcards did not report the file loaded (expected {LOADED_MARKER!r} on stdout)")
    return {"rss_mb": mb, "seconds": elapsed, "loaded": loaded}


def reload_rss_growth(path: Path, reloads: int = 20, timeout: float = 600) -> dict[str, object]:
    """Resident memory of a fresh window process after loading `path`, then after each of
    `reloads` reloads (reload_memory.py), and the growth after the last one, in percent."""
    with tempfile.TemporaryDirectory(prefix="evcards-bench-config-") as config:
        done = subprocess.run(
            [sys.executable, str(RELOAD_CHILD), str(path), str(reloads)],
            env=child_environment(config),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    if done.returncode != 0:
        raise RuntimeError(f"reload_memory.py exited with {done.returncode}:\n{done.stderr[-2000:]}")
    report = json.loads(done.stdout.strip().splitlines()[-1])
    rss = report["rss_mb"]
    # The first reload holds two knowledge bases at once (the window keeps the old one until
    # the new one is ready), and Python's allocator keeps most of that memory for the next
    # one: a step, not a leak. What each later reload adds is the leak, if any.
    return {
        **report,
        "growth_pct": (rss[-1] - rss[0]) / rss[0] * 100,
        "growth_after_first_reload_pct": (rss[-1] - rss[1]) / rss[1] * 100 if len(rss) > 1 else None,
    }
