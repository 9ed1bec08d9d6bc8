"""Open the first file with its first card drawn from the second process (`evcards.card.preview`).

The card made by the child is drawn as soon as it arrives; the window's own load starts once
that card is on screen (a loading thread running beside the drawing would slow both), or at
once when the child has nothing to give. Whatever the child says, the window's own load
decides what is shown after it: the list, the card, the problems.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from evcards.gui.first_paint import after_first_paint

if TYPE_CHECKING:
    from evcards.card.preview import FirstCardProcess, Preview
    from evcards.gui.main_window import MainWindow

# How long the window waits for the child before it loads the file itself: the child answers
# within ~100 ms of being asked on a machine with a core to spare; on a busy one the window's own
# load may be first, and the child's card, if it comes before that load ends, is drawn still.
PATIENCE_MS = 250
# How long the window, built but not yet shown, waits for the child's card, so that its first
# paint has the card (and no empty card comes first): the child usually answers within this of
# the window being built; a later answer is waited for without holding the window back.
BEFORE_SHOW_MS = 40


class FirstCard(QObject):
    """Waits for the child's card for `path`, shows it in `window`, then opens `path`."""

    arrived = Signal(object)  # Preview or None, from the reading thread

    def __init__(self, window: MainWindow, process: FirstCardProcess, path: Path, patience_ms: int = PATIENCE_MS) -> None:
        super().__init__(window)
        self._window = window
        self._process = process
        self._path = path
        self._opened = False  # the wait is over: the file was opened, or the reader opened another
        self._loading_it = False  # the window's own load of `path` has started
        self.arrived.connect(self._show)
        self._patience = QTimer(self, singleShot=True, interval=patience_ms)
        self._patience.timeout.connect(self._open)
        window.destroyed.connect(process.stop)

    def start(self) -> None:
        """Called before the window is shown: a card there within `BEFORE_SHOW_MS` is drawn
        at once, in the window's first paint; a later one when it comes."""
        if self._process.answered(BEFORE_SHOW_MS / 1000):
            preview = self._process.result()
            if preview is None:  # the file loads once the window is up, as without a child
                QTimer.singleShot(0, self, self._open)
            else:
                self._show(preview)
            return
        self._patience.start()
        threading.Thread(target=self._wait_for_child, name="evcards-first-card", daemon=True).start()

    def _wait_for_child(self) -> None:
        preview = self._process.result()
        with contextlib.suppress(RuntimeError):  # the window has closed meanwhile
            self.arrived.emit(preview)  # to the window's thread

    def _show(self, preview: Preview | None) -> None:
        window = self._window
        if preview is None or preview.path != str(self._path):
            self._open()
            return
        other_file = window.loader.is_busy() and not self._loading_it
        if window.kb is not None or window.card.shows_card or other_file or (self._opened and not self._loading_it):
            return  # the window's own load was first, or the reader opened another file
        if not self._opened:
            after_first_paint(window.card.painted, self, self._open)  # the window's load starts once it is painted
        window.card.show_preview(preview.parts, preview.title, preview.entity_id, preview.needs_shaping)

    def _open(self) -> None:
        if self._opened:
            return
        self._opened = True
        self._patience.stop()
        if self._window.kb is None and not self._window.loader.is_busy():  # the reader has not opened another file meanwhile
            self._loading_it = True
            self._window.open_file(self._path)
