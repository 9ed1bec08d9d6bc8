"""Python's cyclic garbage collector, paused while the window starts.

Until its event loop first runs, the window's process only imports modules and builds
widgets: PySide6 alone creates ~300 Python enum classes, and every object made is kept. The
collector walked them ~70 times (63 young, 5 middle collections), ~10 ms of the ~250 ms
before the first card, and freed nothing. So `evcards.cli.launch` pauses it at the start of a
window's process and the window resumes it on its event loop's first turn, before any file is
loaded (`evcards.kb.loader` manages the collector during a load itself). Nothing is frozen:
once resumed, the collector sees every object.
"""

from __future__ import annotations

import gc

_paused: list[bool] = []  # [True] while this module's pause lasts


def pause() -> None:
    """Pause the collector, unless it is paused already (by someone else: left to them)."""
    if gc.isenabled() and not _paused:
        gc.disable()
        _paused.append(True)


def resume() -> None:
    """End `pause` (nothing if it did not pause the collector)."""
    if _paused:
        _paused.clear()
        gc.enable()
