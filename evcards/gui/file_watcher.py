"""Notice when the open file changes on disk, once per burst of writes.

Editors save in several steps (truncate, write, rename), so changes are debounced; a file
replaced by rename drops out of QFileSystemWatcher and is added again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

DEBOUNCE_MS = 300


class FileWatcher(QObject):
    changed = Signal(Path)

    def __init__(self, parent: QObject | None = None, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._path: Path | None = None
        self._watcher.fileChanged.connect(lambda _p: self._timer.start())
        self._watcher.directoryChanged.connect(lambda _p: self._timer.start())
        self._timer.timeout.connect(self._fire)

    @property
    def debounce_ms(self) -> int:
        """How long the files must stay quiet before a change is reported."""
        return self._timer.interval()

    @debounce_ms.setter
    def debounce_ms(self, value: int) -> None:
        self._timer.setInterval(value)

    def watch(self, paths: list[Path]) -> None:
        """Watch the knowledge base file and its source texts (the first path is the one reported)."""
        if self._watcher.files():
            self._watcher.removePaths(self._watcher.files())
        if self._watcher.directories():
            self._watcher.removePaths(self._watcher.directories())
        self._path = paths[0] if paths else None
        existing = [str(p) for p in paths if p.exists()]
        if existing:
            self._watcher.addPaths(existing)
        if self._path is not None and self._path.parent.exists():
            self._watcher.addPath(str(self._path.parent))
        self._mtimes = {p: self._stamp(p) for p in paths}

    @staticmethod
    def _stamp(path: Path) -> tuple[int, int] | None:
        try:
            stat = path.stat()
        except OSError:
            return None
        return stat.st_mtime_ns, stat.st_size

    def _fire(self) -> None:
        if self._path is None:
            return
        now = {p: self._stamp(p) for p in self._mtimes}
        watched = set(self._watcher.files())
        for path in now:
            if str(path) not in watched and path.exists():
                self._watcher.addPath(str(path))
        if now != self._mtimes:
            self._mtimes = now
            self.changed.emit(self._path)
