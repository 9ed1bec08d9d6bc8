"""Where the bundled resources live, in a source checkout and in an installed wheel.

The wheel carries `resources/` inside the package (`evcards/resources`); an editable install
or a plain checkout finds it beside the package. Code asks here and never builds paths itself.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
BUNDLED_DATA_NAME = "xiaomi-ev.json"


def resources_dir() -> Path:
    installed = _PACKAGE / "resources"
    return installed if installed.is_dir() else _PACKAGE.parent / "resources"


def bundled_data() -> Path:
    """The knowledge base that ships with evcards."""
    return resources_dir() / "data" / BUNDLED_DATA_NAME


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def icons_dir() -> Path:
    return resources_dir() / "icons"


def translations_dir() -> Path:
    return resources_dir() / "translations"
