"""Work around PySide6 6.12 dropping a reference to None on CPython 3.11.

Measured here (PySide6-Essentials 6.12.0, CPython 3.11.7): every PySide call that returns
None (any void method: `QObject.setObjectName`, `QPainter.save`, `QFont.setPointSizeF`, ...,
and getters returning a null pointer such as `QTextFrame.iterator.currentFrame()`) returns it
without a new reference. Each call lowers None's reference count by one; once it reaches zero
the interpreter aborts with "Fatal Python error: none_dealloc", at exit (exit status 134) after
about 500 such calls, or in the middle of a long session. Exporting one long card makes ~400.

CPython 3.12 made None immortal (PEP 683), which is why the bug does not show there. This
gives None the same protection on older CPythons: a reference count far beyond what any
number of lost references can use up. None is never deallocated anyway, so nothing else changes.
"""

from __future__ import annotations

import ctypes
import sys

_PROTECTION = 1 << 40


def protect_none() -> None:
    """Make None's reference count unreachable by leaks (idempotent; a no-op from CPython 3.12 on)."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    if sys.getrefcount(None) < _PROTECTION // 2:
        ctypes.c_ssize_t.from_address(id(None)).value += _PROTECTION
