"""Read the files a knowledge base names: inside its folder, within the size limits, never stuck.

A knowledge base may come from anyone, so each `text_file` is refused, with its place, when it
is not a relative path, names a file outside the JSON file's folder once symlinks are followed
(`/etc/passwd` by `../../etc/passwd`, or a symlink inside pointing out) unless the user allows
it, is not a regular file (a FIFO or a device is never opened: reading one would block or never
end), is bigger than the limit (told by `stat`, before a byte is read), or is not UTF-8. Every
`OSError` and `ValueError` (a NUL byte in a path) becomes such a problem: nothing here raises
but `progress`'s own exception.

Files are read in chunks of a megabyte, and `progress` is called after each, so that a cancel or
a closing window is answered within one chunk's read (milliseconds), not at the end of a big file.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import IO

from evcards.kb.limits import Limits, megabytes, too_big
from evcards.kb.problems import Problem
from evcards.kb.unbroken_runs import unbroken_run_message

CHUNK_BYTES = 1 << 20
BOM = b"\xef\xbb\xbf"
OUTSIDE_HINT = "allow it with --allow-outside-sources, or File > Allow Sources Outside the Folder"
Progress = Callable[[int, int], None]


def read_file_bytes(
    path: Path, shown: str, place: str, limit: int, progress: Progress | None = None, *, over: str = ""
) -> tuple[bytes, Problem | None]:
    """The bytes of the regular file at `path` (without a UTF-8 byte-order mark), or a problem.

    The file is opened without blocking (a FIFO put there after the check does not hang the
    open), checked again once open (`fstat`), and read a chunk at a time up to `limit` bytes.
    `over` says what a file bigger than `limit` is over, when not a limit of its own."""
    try:
        before = os.stat(path)
        if stat.S_ISDIR(before.st_mode):
            return b"", Problem(shown, place, f"is a folder, not a file: {path}")
        if not stat.S_ISREG(before.st_mode):
            return b"", Problem(shown, place, f"is not a regular file (a device or a pipe?): {path}")
        if before.st_size > limit:
            return b"", Problem(shown, place, f"{over or too_big(before.st_size, limit)}: {path}")
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(descriptor, "rb", buffering=0) as file:
            now = os.fstat(file.fileno())
            if not stat.S_ISREG(now.st_mode):
                return b"", Problem(shown, place, f"is not a regular file (a device or a pipe?): {path}")
            data = _read_chunks(file, now.st_size, limit, progress)
    except FileNotFoundError:
        return b"", Problem(shown, place, f"file not found: {path}")
    except IsADirectoryError:
        return b"", Problem(shown, place, f"is a folder, not a file: {path}")
    except PermissionError:
        return b"", Problem(shown, place, f"cannot be read (permission denied): {path}")
    except _GrewTooBig:
        return b"", Problem(shown, place, f"{over or f'grew past the limit of {megabytes(limit)} while it was read'}: {path}")
    except OSError as error:
        return b"", Problem(shown, place, f"cannot be read: {error.strerror or error}: {path}")
    except ValueError as error:  # a NUL byte in the path
        return b"", Problem(shown, place, f"is not a usable path: {error}")
    return (data[3:] if data.startswith(BOM) else data), None


class _GrewTooBig(Exception):
    """The file was bigger when read than `stat` said."""


def _read_chunks(file: IO[bytes], size: int, limit: int, progress: Progress | None) -> bytes:
    read = file.read
    chunks: list[bytes] = []
    done = 0
    while chunk := read(CHUNK_BYTES):
        done += len(chunk)
        if done > limit:
            raise _GrewTooBig
        chunks.append(chunk)
        if progress is not None:
            progress(done, max(size, done))
    return b"".join(chunks)


def utf8_problem(data: bytes, shown: str, place: str) -> Problem | None:
    """The first byte that is not UTF-8, by line and column; None when the data is UTF-8."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return _not_utf8(data, error, shown, place)
    return None


def _not_utf8(data: bytes, error: UnicodeDecodeError, shown: str, place: str) -> Problem:
    line = data.count(b"\n", 0, error.start) + 1
    column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
    where = f"{line}:{column}" if place == "(file)" else f"{place} (line {line}, column {column})"
    return Problem(shown, where, f"is not UTF-8 text: byte 0x{data[error.start]:02x} is not valid UTF-8")


def source_path(base: Path, text_file: str, shown: str, place: str, limits: Limits) -> tuple[Path | None, Problem | None]:
    """Where `text_file` (as a source gives it) is, checked to be a relative path that stays in
    `base`, the JSON file's folder, after symlinks (unless `limits` allows outside sources)."""
    if "\x00" in text_file:
        return None, Problem(shown, place, "is not a usable path: it holds a NUL character (\\u0000)")
    if Path(text_file).is_absolute() or "://" in text_file:
        return None, Problem(shown, place, "must be a path relative to the JSON file")
    path = base / text_file
    if limits.outside_sources:
        return path, None
    try:
        resolved = path.resolve()
        root = base.resolve()
    except (OSError, RuntimeError, ValueError) as error:  # a symlink loop, a name too long
        return None, Problem(shown, place, f"cannot be read: {error}: {path}")
    if not resolved.is_relative_to(root):
        message = f"is outside the knowledge base's folder ({root}): {text_file} leads to {resolved}; {OUTSIDE_HINT}"
        return None, Problem(shown, place, message)
    return path, None


class SourceReader:
    """Reads the source texts of one load, within its limits: each file, and all of them together."""

    def __init__(self, shown: str, base: Path, limits: Limits, progress: Progress | None = None) -> None:
        self.shown, self.base, self.limits, self.progress = shown, base, limits, progress
        self.total = 0  # bytes of source files read so far

    def text(self, text_file: str, place: str) -> tuple[str | None, Problem | None]:
        """The text of a source's `text_file`, or the problem with it."""
        path, problem = source_path(self.base, text_file, self.shown, place, self.limits)
        if path is None:
            return None, problem
        left = max(0, self.limits.all_sources_bytes - self.total)
        together = f"cannot be read: the source files together would be over their limit of {megabytes(self.limits.all_sources_bytes)}"
        if left < self.limits.source_bytes:
            data, problem = read_file_bytes(path, self.shown, place, left, self.progress, over=together)
        else:
            data, problem = read_file_bytes(path, self.shown, place, self.limits.source_bytes, self.progress)
        if problem is not None:
            return None, problem
        self.total += len(data)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            return None, _not_utf8(data, error, self.shown, place)
        return (None, problem) if (problem := self._unbroken(text, place)) else (text, None)

    def _unbroken(self, text: str, place: str) -> Problem | None:
        found = unbroken_run_message(text)
        return None if found is None else Problem(self.shown, f"{place} (line {found[0]})", found[1])

    def inline_problem(self, text: str, place: str) -> Problem | None:
        """A problem when an inline `text` is bigger than a source may be, or cannot be laid out."""
        limit = self.limits.source_bytes
        if len(text) * 4 <= limit:
            return self._unbroken(text, place)  # at most four bytes a character: surely within the size
        size = len(text) if len(text) > limit else len(text.encode("utf-8", "surrogatepass"))
        return Problem(self.shown, place, too_big(size, limit)) if size > limit else self._unbroken(text, place)
