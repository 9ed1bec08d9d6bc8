"""Write a file all at once or not at all, through Qt's `QSaveFile`, and say clearly why a write failed.

`QSaveFile` writes into a temporary file beside the target (on Linux an unnamed one where the
file system allows, so nothing shows in the folder meanwhile), syncs it to disk and renames it
over the target only on `commit()`: a failed or cancelled export leaves an existing file as it
was and no partial file behind. It also keeps an existing file's permissions and writes
through a symbolic link to its target.

Qt reports a failure as text only (`errorString()`, no errno), so the message for the user
rests on what the file system shows (a missing folder, a folder in the way) and, for what it
cannot show (a full disk, a refused permission), on the words Qt and the C library use.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QIODevice, QSaveFile

# qt_error_string (qsystemerror.cpp) says these in its own words, translated in the context
# "QIODevice"; every other error number reads as the C library's strerror.
_QT_WORDS = {errno.EACCES: "Permission denied", errno.ENOSPC: "No space left on device"}


class SaveFailed(Exception):
    """A file could not be written; `str(error)` is a message for the user naming the file."""


def _reads_as(reason: str, *codes: int) -> bool:
    """Whether `reason`, as QSaveFile or an OSError words it, reports one of these error numbers."""
    words = {os.strerror(code) for code in codes}  # the C library's, in the locale Qt uses too
    words |= {QCoreApplication.translate("QIODevice", _QT_WORDS[code]) for code in codes if code in _QT_WORDS}
    return reason in words


def failure_message(target: Path, reason: str) -> str:
    """The message for a failed write of `target`, from `reason` (QSaveFile's `errorString()` or an
    OSError's `strerror`) and from what the file system shows now."""
    try:
        written = target.resolve() if target.is_symlink() else target  # QSaveFile writes to the link's target
        folder = written.parent
        if written.is_dir():
            return f"cannot write {target}: it is a folder"
        if folder.exists() and not folder.is_dir():
            return f"cannot write {target}: {folder} is not a folder"
        if not folder.exists():
            return f"cannot write {target}: the folder {folder} does not exist"
    except OSError:  # e.g. a folder on the way that may not be entered: the reason says it
        folder = target.parent
    if _reads_as(reason, errno.ENOSPC):
        return f"cannot write {target}: the disk is full"
    if _reads_as(reason, errno.EACCES, errno.EPERM, errno.EROFS):
        return f"cannot write {target}: permission denied (the folder {folder} is not writable)"
    return f"cannot write {target}: {reason}"


def _discard(file: QSaveFile) -> None:
    """Drop the temporary file now: Qt's destructor would too, but only once Python frees `file`,
    which a traceback holding this frame can put off for long."""
    if file.isOpen():  # else there is nothing left to drop (and commit() would warn)
        file.cancelWriting()
        file.commit()  # after cancelWriting(), commit() deletes the temporary file and returns False


def write_atomically(target: Path, produce: Callable[[], bytes]) -> None:
    """Write `produce()` to `target`, replacing it only once every byte is written and synced.

    The temporary file is opened before `produce` runs, so that a target that cannot be written
    fails at once, not after the work. Any exception `produce` raises (a cancel, a failure) is
    passed on, with the temporary file dropped. A failed write raises `SaveFailed`.
    """
    file = QSaveFile(str(target))  # direct-write fallback stays off: never overwrite in place
    if not file.open(QIODevice.OpenModeFlag.WriteOnly):
        raise SaveFailed(failure_message(target, file.errorString()))
    try:
        data = produce()
        if file.write(data) != len(data) or not file.commit():
            raise SaveFailed(failure_message(target, file.errorString()))
    except BaseException:
        _discard(file)
        raise
