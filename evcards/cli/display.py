"""Whether the window can be shown, from the environment alone (nothing imported)."""

from __future__ import annotations

import os
import sys


def has_display() -> bool:
    """On Linux, a display to show the window on or a Qt platform that needs none (without
    either, Qt itself would abort, exit 134, with a message about xcb); elsewhere always."""
    variables = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    return not sys.platform.startswith("linux") or any(os.environ.get(name) for name in variables)
