"""One typed facade over QSettings, with defaults. Tests point it at a temporary file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT_FILES = 10
DEFAULT_ZOOM = 0
ZOOM_RANGE = (-5, 10)


class Settings:
    """What evcards remembers between runs. Construct with a path for an isolated store."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            self._store = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "evcards", "evcards")
        else:
            self._store = QSettings(str(path), QSettings.Format.IniFormat)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @property
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._store.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._store.setValue("window/state", value)

    @property
    def splitter_state(self) -> QByteArray | None:
        return self._bytes("window/splitter")

    @splitter_state.setter
    def splitter_state(self, value: QByteArray) -> None:
        self._store.setValue("window/splitter", value)

    @property
    def last_file(self) -> Path | None:
        value = self._store.value("session/last_file", "")
        return Path(value) if isinstance(value, str) and value else None

    @last_file.setter
    def last_file(self, value: Path | None) -> None:
        self._store.setValue("session/last_file", str(value) if value else "")

    @property
    def last_entity(self) -> str | None:
        value = self._store.value("session/last_entity", "")
        return value if isinstance(value, str) and value else None

    @last_entity.setter
    def last_entity(self, value: str | None) -> None:
        self._store.setValue("session/last_entity", value or "")

    @property
    def recent_files(self) -> list[Path]:
        value = self._store.value("session/recent_files", [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [Path(item) for item in items if isinstance(item, str) and item][:MAX_RECENT_FILES]

    def add_recent_file(self, path: Path) -> None:
        path = path.resolve()
        recent = [path, *(p for p in self.recent_files if p != path)][:MAX_RECENT_FILES]
        self._store.setValue("session/recent_files", [str(p) for p in recent])

    def clear_recent_files(self) -> None:
        self._store.setValue("session/recent_files", [])

    @property
    def zoom(self) -> int:
        try:
            value = int(self._store.value("view/zoom", DEFAULT_ZOOM))
        except (TypeError, ValueError):
            return DEFAULT_ZOOM
        return max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], value))

    @zoom.setter
    def zoom(self, value: int) -> None:
        self._store.setValue("view/zoom", value)

    @property
    def last_export_folder(self) -> Path | None:
        value = self._store.value("export/folder", "")
        return Path(value) if isinstance(value, str) and value else None

    @last_export_folder.setter
    def last_export_folder(self, value: Path) -> None:
        self._store.setValue("export/folder", str(value))

    def sync(self) -> None:
        self._store.sync()
