"""Save bytes to a file the user named, atomically, without ever harming what is there.

Every file evcards writes for the user (a card PDF, a folder of them, a graph or timeline
image, and the other export formats) goes through `save_bytes`:

- The target is looked at first (`check_target`): one that exists and is not a regular file
  (a folder, a device such as /dev/null, a FIFO, a socket) is refused, never replaced, also
  when the user runs as root. A symbolic link is written through to the file it names: the
  user named the link, so the link stays and its target gets the new content (a dangling one
  creates its target), as `cp` and editors do.
- The temporary file is created only once the bytes are ready, beside the file that is
  replaced (so the rename stays on one file system), named `.NAME.evcards-PID-XXXXXXXX.part`.
  It is written, synced, given the existing file's mode (and owner, where allowed), and
  renamed over the target. While it exists, SIGTERM and SIGHUP remove it before the process
  ends as the signal says, and `remove_temporary_files()` (at exit, or when the window
  closes) does too.
- A temporary file of that naming that a killed process left behind (its PID gone, or older
  than a minute) is removed on the next save into that folder; nothing else is touched.
- Every failure raises `SaveFailed`, an `OSError` whose text names the file and the real
  cause, from the error number (a missing folder, a folder that takes no new files such as
  /proc, a read-only file system, a full disk, a refused permission, a name too long).

Pure Python, no Qt: QSaveFile keeps a file's mode and writes through links too, but it
replaces a FIFO or a device and reports failures as text only, without the error number.
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import os
import re
import secrets
import signal
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

STALE_AFTER_SECONDS = 60
# Ours, and only ours: a hidden name, our marker, the writing process's id, 8 hex digits.
TEMPORARY_NAME = re.compile(r"\..*\.evcards-(?P<pid>[0-9]+)-[0-9a-f]{8}\.part", re.DOTALL)
# The naming of evcards's earlier hand-rolled saver (no process id): removed once older than a minute.
_OLD_TEMPORARY_NAME = re.compile(r"\..*\.pdf\.[0-9a-f]{8}\.part", re.DOTALL)
_NAME_KEPT = 100  # characters of the target's name in the temporary name, so that it stays short
# A test hook, documented in docs/architecture.md: seconds to wait with the temporary file
# written, before it is renamed into place (to interrupt a save where it matters).
PAUSE_VARIABLE = "EVCARDS_SAVE_PAUSE"
_CLEANUP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))

_live: set[str] = set()  # temporary files this process is writing now
_live_lock = threading.Lock()
_cleaned: dict[str, float] = {}  # folder -> when it was last cleaned (time.monotonic)


class SaveFailed(OSError):
    """A file could not be written; `str(error)` is a message for the user naming the file and why."""


_KINDS = {
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFSOCK: "a socket",
}


def _first_missing_or_file(folder: Path) -> tuple[Path, bool]:
    """The first folder on the way to `folder` that is missing (False) or is a file (True)."""
    for step in (*reversed(folder.parents), folder):
        try:
            if not stat.S_ISDIR(os.stat(step).st_mode):
                return step, True
        except FileNotFoundError:
            return step, False
        except OSError:
            continue
    return folder, False


def os_error_message(target: Path, error: OSError, written: Path | None = None) -> str:
    """The message for `error` raised while writing `target` (`written`: the file really written,
    when `target` is a symbolic link), from the error number and what the file system shows."""
    written = written or target
    folder = written.parent
    head = f"cannot write {target}"
    code = error.errno
    if code in (errno.ENOENT, errno.ENOTDIR):
        blocker, is_file = _first_missing_or_file(folder)
        if is_file:
            return f"{head}: {blocker} is not a folder"
        if blocker != folder or not folder.is_dir():
            return f"{head}: the folder {blocker} does not exist"
        return f"{head}: the folder {folder} does not take new files (a system folder such as /proc or /sys)"
    if code == errno.EISDIR:
        return f"{head}: it is a folder"
    if code == errno.EROFS:
        return f"{head}: the folder {folder} is on a read-only file system"
    if code in (errno.EACCES, errno.EPERM):
        return f"{head}: permission denied (the folder {folder} or the file is not writable for you)"
    if code == errno.ENOSPC:
        return f"{head}: the disk is full"
    if code == errno.EDQUOT:
        return f"{head}: your disk quota is used up"
    if code == errno.ENAMETOOLONG:
        return f"{head}: the name is too long for the file system"
    if code == errno.ELOOP:
        return f"{head}: the symbolic links on the way go round in a circle"
    return f"{head}: {error.strerror or error}"


def check_target(target: Path) -> Path:
    """The file to write for `target` (the file a symbolic link names, else `target`), after
    refusing what must not be replaced or cannot be written; `SaveFailed` says why.

    Cheap, and done before the work that makes the bytes, so that a hopeless target fails at once."""
    written = target
    try:
        if stat.S_ISLNK(os.lstat(target).st_mode):
            written = Path(os.path.realpath(target))
        mode = os.stat(written).st_mode
    except FileNotFoundError:
        mode = None  # a new file (or a dangling link's target): its folder is checked below
    except OSError as error:
        raise SaveFailed(os_error_message(target, error, written)) from error
    if mode is not None and stat.S_ISDIR(mode):
        raise SaveFailed(f"cannot write {target}: it is a folder")
    if mode is not None and not stat.S_ISREG(mode):
        kind = _KINDS.get(stat.S_IFMT(mode), "not a regular file")
        raise SaveFailed(f"cannot write {target}: it is {kind}, which evcards never replaces; give the name of a file")
    folder = written.parent
    try:
        if not stat.S_ISDIR(os.stat(folder).st_mode):
            raise SaveFailed(f"cannot write {target}: {folder} is not a folder")
    except OSError as error:
        if isinstance(error, SaveFailed):
            raise
        raise SaveFailed(os_error_message(target, error, written)) from error
    if not os.access(folder, os.W_OK | os.X_OK):
        code = errno.EROFS if os.statvfs(folder).f_flag & os.ST_RDONLY else errno.EACCES
        raise SaveFailed(os_error_message(target, OSError(code, os.strerror(code)), written))
    return written


def _pid_gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # it exists, as another user's
    return False


def remove_stale_temporary_files(folder: Path, now: float | None = None) -> list[Path]:
    """Remove the temporary files of evcards's naming in `folder` that no save is writing any
    more (their process is gone, or they are older than a minute); return what was removed.
    Only regular files of this user are touched; a failure to remove one is no error."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    with _live_lock:
        live = set(_live)
    for entry in entries:
        ours = TEMPORARY_NAME.fullmatch(entry.name)
        if ours is None and _OLD_TEMPORARY_NAME.fullmatch(entry.name) is None:
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid() or entry.path in live:
            continue
        old = now - info.st_mtime > STALE_AFTER_SECONDS
        if old or (ours is not None and _pid_gone(int(ours["pid"]))):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _clean_folder_now_and_then(folder: Path) -> None:
    """`remove_stale_temporary_files`, at most once a minute per folder: a folder export of
    10,000 cards would otherwise list its growing folder 10,000 times."""
    now = time.monotonic()
    key = os.path.abspath(folder)
    if now - _cleaned.get(key, -STALE_AFTER_SECONDS) >= STALE_AFTER_SECONDS:
        _cleaned[key] = now
        remove_stale_temporary_files(folder)


def remove_temporary_files() -> None:
    """Remove the temporary files this process is writing now: at exit, on a signal, when the
    window closes. Safe to call at any time (a save in progress then fails at its rename)."""
    with _live_lock:
        paths = list(_live)
        _live.clear()
    for path in paths:
        with contextlib.suppress(OSError):
            os.unlink(path)


atexit.register(remove_temporary_files)


def _end_on_signal(number: int, frame: FrameType | None) -> None:
    """Remove the temporary files, then end as the signal would have ended the process."""
    remove_temporary_files()
    signal.signal(number, signal.SIG_DFL)
    os.kill(os.getpid(), number)


@contextlib.contextmanager
def _cleanup_on_signals() -> Iterator[None]:
    """While a temporary file exists: SIGTERM and SIGHUP remove it first (only the main thread
    may set handlers; elsewhere `remove_temporary_files` at exit is what is left)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {number: signal.signal(number, _end_on_signal) for number in _CLEANUP_SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            # None: a handler set outside Python, which cannot be put back; the default is the closest
            signal.signal(number, signal.SIG_DFL if handler is None else handler)


def _temporary_name(written: Path) -> Path:
    return written.with_name(f".{written.name[:_NAME_KEPT]}.evcards-{os.getpid()}-{secrets.token_hex(4)}.part")


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]


def _pause_for_tests() -> None:
    pause = os.environ.get(PAUSE_VARIABLE)
    if pause:
        time.sleep(float(pause))


def _write_temporary(temporary: Path, data: bytes, existing: os.stat_result | None) -> None:
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
    try:
        if existing is not None:  # the replaced file's mode, and owner where allowed (root)
            if (existing.st_uid, existing.st_gid) != (os.geteuid(), os.getegid()):
                with contextlib.suppress(OSError):
                    os.fchown(descriptor, existing.st_uid, existing.st_gid)
            os.fchmod(descriptor, stat.S_IMODE(existing.st_mode))
        _write_all(descriptor, data)
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def save_bytes(target: Path, data: bytes) -> Path:
    """Write `data` to `target` atomically: afterwards `target` holds all of `data`, or is as it
    was. Return the file written (the link's target for a symbolic link). `SaveFailed` on failure."""
    written = check_target(target)
    _clean_folder_now_and_then(written.parent)
    temporary = _temporary_name(written)
    with _cleanup_on_signals():
        with _live_lock:
            _live.add(str(temporary))
        try:
            try:
                existing: os.stat_result | None = os.stat(written)
            except FileNotFoundError:
                existing = None
            _write_temporary(temporary, data, existing)
            _pause_for_tests()
            check_target(target)  # still not a FIFO or a folder: it may have changed meanwhile
            os.replace(temporary, written)
        except BaseException as error:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            if isinstance(error, OSError) and not isinstance(error, SaveFailed):
                raise SaveFailed(os_error_message(target, error, written)) from error
            raise
        finally:
            with _live_lock:
                _live.discard(str(temporary))
    _sync_folder(written.parent)
    return written


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows it (not every file system does)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
