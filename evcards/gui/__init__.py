"""The window: widgets, item models, actions and settings.

Importing this package first turns off PySide6's scan of imported modules (see
`stop_pyside_source_scan`), before the window's modules and, later, the loader's are imported.
"""

from __future__ import annotations

import sys

import PySide6  # noqa: F401 - installs PySide6's import hook, which the function below adjusts


def stop_pyside_source_scan() -> bool:
    """Stop PySide6 reading the whole source of every module imported after it.

    For its `__feature__` switches (snake_case, true_property), PySide6 asks of each newly
    imported module whether its source mentions "PySide6" (`inspect.getsource`). evcards uses
    no such switch, and the scan cost the first start about 40 ms: the loading thread imports
    pydantic and its ~70 modules after PySide6 (`import evcards.kb.loader` took 92-131 ms with
    the scan, 72-83 ms without; the first load 28-39 ms, 21-31 ms without). A module that asks
    for a feature (`from __feature__ import ...`) still gets it: that import is handled apart.
    Returns whether the scan was found and stopped (a PySide6 without it changes nothing).
    """
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "feature_imported", None)):
        return False
    feature.__dict__["feature_imported"] = _no_scan
    return True


def _no_scan(module: object) -> None:
    """In place of PySide6's `feature_imported`: the module is left unmarked, as no feature is used."""


stop_pyside_source_scan()
