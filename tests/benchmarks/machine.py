"""What the figures were measured on: they mean little without the CPU and the versions."""

from __future__ import annotations

import os
import platform
import time
from pathlib import Path

from tests.benchmarks.stats import median

PROBE_LOOP = 200_000


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_info() -> dict[str, object]:
    import pydantic
    import pydantic_core
    import PySide6
    from PySide6.QtCore import qVersion

    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "qt": qVersion(),
        "pyside6": PySide6.__version__,
        "pydantic": pydantic.VERSION,
        "pydantic_core": pydantic_core.__version__,
    }


def speed_probe_ms(rounds: int = 5) -> float:
    """Milliseconds for a fixed pure-Python loop, median of `rounds`: how fast the machine is
    right now. On a shared VM this drifts during a run, and a figure measured while the probe
    was slow is slow for that reason too."""
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        total = 0
        for i in range(PROBE_LOOP):
            total += i * i % 7
        samples.append((time.perf_counter() - start) * 1000)
    return median(samples)
