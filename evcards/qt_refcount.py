"""Keep `None`, `True` and `False` alive under PySide6 6.12 on Python 3.11.

PySide6 6.12 hands some constants back to Python without taking a reference to them: `None`
from every Qt call that returns nothing (a void method, a null pointer, an invalid QVariant),
`True` from `Signal.emit`. Each such call lowers the constant's reference count by one. A
running window makes thousands of these calls a minute (each list row painted is a dozen),
and when a count reaches zero the interpreter aborts ("Fatal Python error: none_dealloc" or
"bool_dealloc"). Python 3.12 made these constants immortal, so only 3.11 is hit.

`keep_constants_alive` does for 3.11 what 3.12 does: it gives each of them a reference count
no session can use up. Everything in evcards that uses Qt calls it first (the window, and the
fonts module that the card document and the PDF export go through).
"""

from __future__ import annotations

import ctypes
import sys

SPARE_REFERENCES = 1 << 40  # a million lost references a second would take 35 years to use these up
CONSTANTS = (None, True, False)


def keep_constants_alive() -> None:
    """Raise the reference counts of None, True and False by `SPARE_REFERENCES`, once, where needed and safe."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or hasattr(sys, "getobjects"):
        return  # immortal already, or not CPython objects, or (a trace-refs build) laid out otherwise
    for constant in CONSTANTS:
        if sys.getrefcount(constant) < SPARE_REFERENCES:
            # The reference count is the first field of every CPython object (PyObject.ob_refcnt).
            ctypes.c_ssize_t.from_address(id(constant)).value += SPARE_REFERENCES
