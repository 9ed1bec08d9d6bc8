"""Write a PDF all at once or not at all: `evcards.file_saving`, with the bytes made only once
the target is known to be writable.

Kept as the PDF export's entry point (`write_atomically(target, produce)`): `produce` does the
long work (drawing every card), so a target that cannot be written is refused before it starts,
and the temporary file is created only when the bytes are ready.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from evcards.file_saving import SaveFailed, check_target, os_error_message, save_bytes

__all__ = ["SaveFailed", "os_error_message", "write_atomically"]


def write_atomically(target: Path, produce: Callable[[], bytes]) -> Path:
    """Write `produce()` to `target`, replacing it only once every byte is written and synced;
    return the file written (a symbolic link's target). `target` is checked before `produce`
    runs; an exception `produce` raises is passed on, nothing written. `SaveFailed` on failure."""
    check_target(target)
    return save_bytes(target, produce())
