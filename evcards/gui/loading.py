"""Load knowledge bases off the UI thread, with progress and cancel.

The window keeps showing the previous knowledge base until the new one is ready (a reload
keeps only what it shows: `evcards.gui.reloading`); a cancelled or failed load changes
nothing. The loader (and pydantic with it) is imported by the loading
thread on its first run, not when the window starts.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

if TYPE_CHECKING:
    from PySide6.QtCore import QThread

    from evcards.kb.limits import Limits
    from evcards.kb.loader import LoadResult
    from evcards.kb.snapshot import FileSnapshot
    from evcards.search.entity_filter import EntityFilter


class _LoadWorker(QObject):
    progress = Signal(int, int)
    done = Signal(object, int, object)  # LoadResult (None when cancelled), the load's number, its EntityFilter

    def __init__(
        self, path: Path, cancel: threading.Event, number: int, limits: Limits | None = None, snapshot: FileSnapshot | None = None
    ) -> None:
        super().__init__()
        self._path = path
        self._snapshot = snapshot
        self._limits = limits
        self._cancel = cancel
        self._number = number

    def run(self) -> None:
        from evcards.kb.loader import LoadCancelled, load
        from evcards.kb.memory import keep_big_blocks_apart

        keep_big_blocks_apart()  # the file's bytes and big lists then leave no pinned holes behind

        def report(done: int, total: int) -> None:
            if self._cancel.is_set():
                raise LoadCancelled
            while total > 0x7FFFFFFF:  # the signal carries C ints: a byte count past 2 GiB is scaled down
                done, total = done >> 10, total >> 10
            self.progress.emit(done, total)

        entity_filter = None
        try:
            # The result keeps the file's bytes: what a failed reload shows again (gui/reloading.py).
            result: LoadResult | None = load(self._path, report, limits=self._limits, snapshot=self._snapshot, keep_snapshot=True)
            self._snapshot = None
            if result is not None and result.snapshot is not None and result.snapshot.worth_packing():  # beside the window's work
                threading.Thread(target=result.snapshot.pack, name="evcards-snapshot", daemon=True).start()
            if result is not None and result.knowledge_base is not None:
                from evcards.search.entity_filter import EntityFilter
                from evcards.search.query_eval import QueryIndex

                # The filter's keys take about a second at 100,000 entities: build them here,
                # not in the window's thread.
                entity_filter = EntityFilter(result.knowledge_base.entities)
                QueryIndex.prepare(entity_filter, result.knowledge_base, self._cancel.is_set)  # the search language's fields
        except LoadCancelled:
            result = None
        self.done.emit(result, self._number, entity_filter)


class Loader(QObject):
    """One load at a time; starting a new one cancels the one running."""

    started = Signal(Path)
    progress = Signal(int, int)
    finished = Signal(object, bool)  # LoadResult or None (cancelled), and whether it is a reload

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._worker: _LoadWorker | None = None
        self._cancel = threading.Event()
        self._reload = False
        self._number = 0  # of the current load: a result of an earlier one may still be queued
        self.entity_filter: EntityFilter | None = None  # built with the last knowledge base loaded
        self.limits: Limits | None = None  # what loads allow (evcards.kb.limits): the settings' choice

    def is_busy(self) -> bool:
        return self._thread is not None

    def is_opening(self) -> bool:
        """Busy opening a file (not reading the open one again)."""
        return self.is_busy() and not self._reload

    def start(self, path: Path, *, reload: bool = False, snapshot: FileSnapshot | None = None) -> None:
        """Load `path`, or with `snapshot` the version of it that the snapshot holds."""
        from PySide6.QtCore import QThread

        self.cancel_and_wait()
        self._cancel = threading.Event()
        self._number += 1
        thread = QThread(self)
        worker = _LoadWorker(path, self._cancel, self._number, self.limits, snapshot)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self.progress)
        worker.done.connect(self._finish)  # a bound method of this object: delivered in its thread
        self._reload = reload
        self._thread, self._worker = thread, worker
        self.started.emit(path)
        thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def cancel_and_wait(self) -> None:
        """Stop the load running, if any, and forget it: its result, still queued for this
        thread, is dropped (a closing window must not react to it, e.g. by loading again)."""
        if self._thread is not None:
            self._cancel.set()
            self._cleanup()  # waits for the thread
            self._number += 1

    @Slot(object, int, object)
    def _finish(self, result: LoadResult | None, number: int, entity_filter: EntityFilter | None) -> None:
        if number != self._number:
            return  # a load that another one replaced: its result is not wanted
        self._cleanup()
        self.entity_filter = entity_filter
        self.finished.emit(result, self._reload)
        if result is not None and result.knowledge_base is not None and number > 1:
            from evcards.kb.memory import return_free_memory

            # The window has let go of the knowledge base it showed before (nothing in it is a
            # reference cycle, so it is freed at once): hand the pages it held back to the system.
            # Not after the first load, which replaced nothing: the first card comes sooner.
            return_free_memory()

    def _cleanup(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread.deleteLater()
        if self._worker is not None:
            self._worker.deleteLater()
        self._thread = self._worker = None
