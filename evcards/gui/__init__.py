"""The desktop window (PySide6). Everything under here may import Qt; nothing outside does, but for fonts and PDF."""

from evcards.qt_refcount import keep_constants_alive

keep_constants_alive()  # before any Qt call: see evcards.qt_refcount
