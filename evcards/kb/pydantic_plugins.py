"""No third-party pydantic plugins, and no search for them.

A pydantic plugin could change how a file is validated, so evcards turns them all off
(`PYDANTIC_DISABLE_PLUGINS=__all__`, pydantic's documented switch). With that switch pydantic's
plugin loader returns no plugins without looking, but its module still imports
`importlib.metadata` (and `email`, `csv`, `socket` with it) when the first validator is built:
20-50 ms on the way to the first card, for a search that is never made. `disable()` puts in its
place a module that answers as the switched-off loader does.
"""

from __future__ import annotations

import os
import sys
import types
from collections.abc import Iterable

DISABLE_ALL = "__all__"
_LOADER = "pydantic.plugin._loader"  # the module pydantic's validators ask for plugins (pydantic 2.x)


def _no_plugins() -> Iterable[object]:
    return ()


def disable() -> None:
    """Turn pydantic's plugins off for this process, unless the environment already chose which
    to turn off; call it before pydantic builds a validator. When all are off (the default),
    pydantic's loader is not imported at all."""
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", DISABLE_ALL)
    if os.environ["PYDANTIC_DISABLE_PLUGINS"] != DISABLE_ALL or _LOADER in sys.modules:
        return  # some plugins wanted (the real loader picks them), or the loader is already there
    stand_in = types.ModuleType(_LOADER, "Stands in for pydantic's plugin loader: every plugin is disabled.")
    stand_in.get_plugins = _no_plugins  # type: ignore[attr-defined]
    sys.modules[_LOADER] = stand_in
