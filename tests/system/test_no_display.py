"""With no display, `evcards` says so in one line and how to do without, instead of Qt's abort."""

from __future__ import annotations

import os
import subprocess
import sys


def test_the_window_without_a_display_says_so_in_one_line_and_exits_1() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    run = subprocess.run([sys.executable, "-m", "evcards"], capture_output=True, text=True, env=env, timeout=60)
    assert run.returncode == 1
    assert run.stdout == ""
    (line,) = run.stderr.splitlines()
    assert "no display" in line
    assert "evcards export" in line and "xvfb-run" in line
    assert "xcb" not in line and "Traceback" not in run.stderr


def test_a_command_without_a_display_still_runs() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    run = subprocess.run([sys.executable, "-m", "evcards", "list"], capture_output=True, text=True, env=env, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "xiaomi" in run.stdout
