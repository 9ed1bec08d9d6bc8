"""Python's cyclic garbage collector, paused while evcards builds many objects that are not garbage.

Reference counting frees evcards' objects; the cyclic collector only looks for reference
cycles. Every few hundred new objects it walks the young ones, and now and then all of them,
and while a window is built or a file is loaded it finds next to nothing:
- start-up (importing Qt's bindings, building the window) makes ~30,000 objects that live
  as long as the app, and ~70 objects of cyclic garbage; the collector ran ~55 times before
  the window showed;
- loading 200,000 claims took twice as long with it running.

After the pause, the objects made meanwhile can be moved out of the collector's sight
(`gc.freeze`), so that it never walks them again: they are still freed by reference
counting when nothing refers to them, but a cycle among them would be kept.
"""

from __future__ import annotations

import gc
from types import TracebackType


class PausedCollector:
    """The collector paused from construction (not from entering a `with` block: construct it
    where the pause must start, and make sure `resume()` or the block's end follows).

    `freeze_after`: resuming freezes every object alive when the collector's count of new
    objects (tracked objects made, less those freed, since its last run) reached this (None:
    never). If the collector was already off, it is left off and nothing is frozen.
    """

    def __init__(self, freeze_after: int | None) -> None:
        self._freeze_after = freeze_after
        self._was_enabled = gc.isenabled()
        self._paused = True
        gc.disable()

    def resume(self) -> None:
        """Switch the collector back on (once; later calls do nothing)."""
        made = gc.get_count()[0]
        self._resume(freeze=self._freeze_after is not None and made >= self._freeze_after)

    def freeze_and_resume(self) -> None:
        """Resume, freezing every object alive (unless the collector was off before the pause):
        for start-up, whose objects live as long as the app."""
        self._resume(freeze=True)

    def _resume(self, freeze: bool) -> None:
        if not self._paused:
            return
        self._paused = False
        if self._was_enabled:
            if freeze:
                gc.freeze()
            gc.enable()

    def __enter__(self) -> PausedCollector:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.resume()
