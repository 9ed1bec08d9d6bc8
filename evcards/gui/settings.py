"""One typed facade over QSettings, with defaults. Tests point it at a temporary file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from evcards.kb.limits import DEFAULT_SOURCE_MB, Limits

MAX_RECENT_FILES = 10
MAX_REMEMBERED_ENTITIES = 50  # files whose last viewed entity is kept
MAX_QUERY_HISTORY = 50  # queries the filter field's Up recalls
COLOR_SCHEMES = ("system", "light", "dark")
LANGUAGE_CHOICES = ("system", "en", "zh_CN")  # View > Language
DEFAULT_ZOOM = 0
ZOOM_RANGE = (-5, 10)
T = TypeVar("T")


class _BytesSetting:
    """A QByteArray value (saveGeometry, saveState); None when never stored."""

    def __init__(self, key: str) -> None:
        self.key = key

    def __get__(self, settings: Settings, owner: type | None = None) -> QByteArray | None:
        value = settings._store.value(self.key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def __set__(self, settings: Settings, value: QByteArray) -> None:
        settings._store.setValue(self.key, value)


class _TextSetting(Generic[T]):
    """A value kept as text (a path, an id); None when never stored or empty."""

    def __init__(self, key: str, convert: Callable[[str], T]) -> None:
        self.key, self._convert = key, convert

    def __get__(self, settings: Settings, owner: type | None = None) -> T | None:
        value = settings._store.value(self.key, "")
        return self._convert(value) if isinstance(value, str) and value else None

    def __set__(self, settings: Settings, value: T | None) -> None:
        settings._store.setValue(self.key, str(value) if value else "")


class Settings:
    """What evcards remembers between runs. Construct with a path for an isolated store."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            self._store = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "evcards", "evcards")
        else:
            self._store = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def path(self) -> Path:
        """The file the settings are kept in."""
        return Path(self._store.fileName())

    geometry = _BytesSetting("window/geometry")
    window_state = _BytesSetting("window/state")
    splitter_state = _BytesSetting("window/splitter")
    last_file = _TextSetting("session/last_file", Path)
    last_export_folder = _TextSetting("export/folder", Path)
    pdf_author = _TextSetting("export/pdf_author", str)  # the Author of exported PDFs; None: none

    @property
    def recent_files(self) -> list[Path]:
        value = self._store.value("session/recent_files", [])
        items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
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
            value = int(str(self._store.value("view/zoom", DEFAULT_ZOOM)))  # text in an INI file
        except ValueError:
            return DEFAULT_ZOOM
        return max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], value))

    @zoom.setter
    def zoom(self, value: int) -> None:
        self._store.setValue("view/zoom", value)

    def _remembered_entities(self) -> list[tuple[Path, str]]:
        """(file, entity id) pairs, the most recent first; kept as "id\tpath" lines."""
        value = self._store.value("session/last_entities", [])
        items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        pairs = [item.split("\t", 1) for item in items if isinstance(item, str) and "\t" in item]
        return [(Path(path), entity_id) for entity_id, path in pairs if entity_id and path]

    def last_entity(self, path: Path) -> str | None:
        """The entity last viewed in the file at `path`, if it was remembered."""
        path = path.resolve()
        remembered = next((entity_id for file, entity_id in self._remembered_entities() if file == path), None)
        if remembered is None and path == self.last_file:  # as evcards 0.1 kept it: one entity, the last file's
            legacy = self._store.value("session/last_entity", "")
            return legacy if isinstance(legacy, str) and legacy else None
        return remembered

    def remember_entity(self, path: Path, entity_id: str) -> None:
        path = path.resolve()
        kept = [(path, entity_id), *((f, e) for f, e in self._remembered_entities() if f != path)][:MAX_REMEMBERED_ENTITIES]
        self._store.setValue("session/last_entities", [f"{e}\t{f}" for f, e in kept])

    @property
    def query_history(self) -> list[str]:
        """Queries run in the filter field, the most recent first."""
        value = self._store.value("search/history", [])
        items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [item for item in items if isinstance(item, str) and item][:MAX_QUERY_HISTORY]

    def add_query(self, query: str) -> None:
        kept = [query, *(q for q in self.query_history if q != query)][:MAX_QUERY_HISTORY]
        self._store.setValue("search/history", kept)

    @property
    def color_scheme(self) -> str:
        """ "system", "light" or "dark": the palette chosen in View > Color Scheme."""
        value = self._store.value("view/color_scheme", "system")
        return value if value in COLOR_SCHEMES else "system"

    @color_scheme.setter
    def color_scheme(self, value: str) -> None:
        self._store.setValue("view/color_scheme", value if value in COLOR_SCHEMES else "system")

    @property
    def allow_outside_sources(self) -> bool:
        """Whether a knowledge base may read source texts outside its folder (File > Allow Sources
        Outside the Folder; see evcards.kb.source_files). Off unless the user turned it on."""
        return str(self._store.value("load/allow_outside_sources", "false")).lower() == "true"

    @allow_outside_sources.setter
    def allow_outside_sources(self, value: bool) -> None:
        self._store.setValue("load/allow_outside_sources", "true" if value else "false")

    @property
    def max_source_mb(self) -> float:
        """The largest source text to read, in megabytes (evcards.kb.limits); kept only in the
        settings file, as `max_source_mb` under [load]."""
        try:
            value = float(str(self._store.value("load/max_source_mb", DEFAULT_SOURCE_MB)))
        except ValueError:
            return DEFAULT_SOURCE_MB
        return value if 0 < value < float("inf") else DEFAULT_SOURCE_MB

    @max_source_mb.setter
    def max_source_mb(self, value: float) -> None:
        self._store.setValue("load/max_source_mb", value)

    def limits(self, options: object = None) -> Limits:
        """What loads in the window allow: these settings, or the command line's options for this run."""
        megabytes = getattr(options, "max_source_mb", None) or self.max_source_mb
        return Limits.of(megabytes, bool(getattr(options, "allow_outside_sources", False)) or self.allow_outside_sources)

    @property
    def language(self) -> str:
        """ "system", "en" or "zh_CN": the language chosen in View > Language."""
        value = self._store.value("view/language", "system")
        return value if value in LANGUAGE_CHOICES else "system"

    @language.setter
    def language(self, value: str) -> None:
        self._store.setValue("view/language", value if value in LANGUAGE_CHOICES else "system")

    def sync(self) -> None:
        self._store.sync()
