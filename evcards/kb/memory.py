"""Give the memory of a dropped knowledge base back to the system (glibc only; elsewhere nothing).

A reload keeps the open knowledge base until the new one is ready, so for a moment two are
alive; the old one is then freed, but glibc's allocator keeps what it freed for later use
instead of returning it, and resident memory stays higher for good
(measured: 21 MB, 15 of the 41.6 % that the benchmark's size M grew by over 20 reloads).
Two of glibc's documented knobs, called through `ctypes` because Python has no binding:

- `mallopt(M_MMAP_THRESHOLD, ...)` fixes the size from which a block gets pages of its own.
  glibc raises that size each time such a block is freed (up to 32 MB), so after the first
  load a file's bytes, the slices it is validated in and the big lists of the next load come
  from the shared heap, where what survives them pins the pages they leave free.
- `malloc_trim(0)` hands the heaps' free pages back to the kernel.

On other C libraries (musl, macOS, Windows) both are missing and these functions do nothing.
Python's own small-object allocator is not glibc's: what it keeps is not given back here.
"""

from __future__ import annotations

import ctypes
import sys
from functools import cache

_M_MMAP_THRESHOLD = -3  # from glibc's malloc.h
OWN_PAGES_FROM_BYTES = 128 * 1024  # glibc's own starting value, kept from then on


@cache
def _glibc() -> ctypes.CDLL | None:
    """The running C library when it is glibc (it has `malloc_trim`), else None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None)  # the process's own symbols, the C library's among them
    except OSError:
        return None
    return libc if hasattr(libc, "malloc_trim") and hasattr(libc, "mallopt") else None


def keep_big_blocks_apart() -> bool:
    """From now on give every block of `OWN_PAGES_FROM_BYTES` or more pages of its own, which
    go back to the system as soon as it is freed. True when the C library took it."""
    libc = _glibc()
    return bool(libc is not None and libc.mallopt(_M_MMAP_THRESHOLD, OWN_PAGES_FROM_BYTES))


def return_free_memory() -> bool:
    """Hand the C heaps' free pages back to the system (a few milliseconds); True if any was."""
    libc = _glibc()
    return bool(libc is not None and libc.malloc_trim(0))
