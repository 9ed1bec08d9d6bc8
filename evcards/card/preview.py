"""The first card, made by a second process while the window starts.

At start the window spends ~200 ms importing Qt and building its widgets, and loading a file
first needs pydantic and the loader (~130 ms of imports and validator building): all of it
Python, which two threads of one process cannot run at once. So `evcards` starts this module
as a child process before it imports Qt; the child imports the loader, loads the file the
window is about to open, and sends back the parts of the card the window opens on
(`evcards.card.parts`: plain text runs, no model objects), which the window draws at once.
The window then loads the file itself, as always, and everything but that first drawing
comes from its own load.

The parent side (`FirstCardProcess`) imports neither Qt nor pydantic. The child is only worth
starting with a second core to run on, and only for files small enough (`PREVIEW_MAX_BYTES`)
that start-up, not the load, is what the reader waits for.

On Linux the `evcards` command forks the child as its first step (`start_early`, called by
`evcards.cli.launch`): a fork of the bare interpreter skips a new one's start-up and is
~70 ms ahead of one started later. Elsewhere, or when the window is opened another way, the
child is a new interpreter (`FirstCardProcess.start`). This module imports little at its top,
as it is imported before that fork (what it imports there, both processes need).
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, NamedTuple, NoReturn, Protocol

if TYPE_CHECKING:
    import pickle

    from evcards.card.parts import Part
    from evcards.kb.limits import Limits

PREVIEW_MAX_BYTES = 1024 * 1024
"""Larger files are not loaded twice: their load takes long enough (the window starts its own
after `evcards.gui.first_card.PATIENCE_MS`) that the ~150 ms a preview saves is not worth a
second process holding a second copy of the file in memory."""
NO_PREVIEW = "EVCARDS_NO_FIRST_CARD_PROCESS"  # set (to anything) to turn the second process off


class Preview(NamedTuple):
    """The first card of `path`: the entity it shows (id and name), its parts, and whether
    their text needs shaping (`evcards.card.shaping`: the window need not compile that check
    before its first frame)."""

    path: str
    entity_id: str
    title: str
    parts: list[Part]
    needs_shaping: bool | None = None


class ChildProcess(Protocol):
    """What `FirstCardProcess` needs of its child: `subprocess.Popen`'s pipes and ending."""

    @property
    def stdin(self) -> IO[bytes] | None: ...
    @property
    def stdout(self) -> IO[bytes] | None: ...
    def poll(self) -> int | None: ...
    def wait(self) -> int: ...
    def kill(self) -> None: ...


class FirstCardProcess:
    """The child process, from the window's side: start it, ask it for a file's first card,
    read the answer (blocking: call `result` from a thread of its own)."""

    def __init__(self, process: ChildProcess) -> None:
        self._process = process

    @staticmethod
    def worth_starting() -> bool:
        """Whether a second core can run the child (one core would run it instead of the window),
        this is a Python that can start it, and it is not turned off (`EVCARDS_NO_FIRST_CARD_PROCESS`)."""
        if getattr(sys, "frozen", False) or not Path(sys.executable or "-").name.startswith("python"):
            return False  # a bundled app's executable is the app itself, not Python: it would open a second window
        return _wanted()

    @classmethod
    def fork(cls) -> FirstCardProcess | None:
        """The child, as a fork of this process, which must have no other thread (and no Qt):
        only `start_early` calls it. None when the fork fails."""
        request_in, request_out = os.pipe()
        answer_in, answer_out = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            for fd in (request_in, request_out, answer_in, answer_out):
                os.close(fd)
            return None
        if pid == 0:  # the child: whatever happens (Ctrl+C now), it never returns into the window's code
            try:
                os.close(request_out)
                os.close(answer_in)
                _quiet_standard_streams()  # as a started child's: the terminal or a caller's pipe is not held open
                child_main(os.fdopen(request_in, "rb"), os.fdopen(answer_out, "wb"))
            finally:
                os._exit(1)
        os.close(request_in)
        os.close(answer_out)
        return cls(_ForkedChild(pid, os.fdopen(request_out, "wb"), os.fdopen(answer_in, "rb")))

    @classmethod
    def start(cls) -> FirstCardProcess | None:
        """The child, started now so that it imports the loader while this process imports Qt;
        None when it cannot start."""
        # This evcards, not another on the path; and with -P, not modules from the folder the
        # window was started in (a json.py there would be run by `-c` otherwise).
        root = str(Path(__file__).resolve().parents[2])
        code = (
            f"import sys; {root!r} in sys.path or sys.path.insert(0, {root!r}); from evcards.card.preview import child_main; child_main()"
        )
        import subprocess

        try:
            process = subprocess.Popen(
                [sys.executable, "-P", "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
            )
        except OSError:
            return None
        return cls(process)

    def request(self, path: Path, remembered: str | None, language: str, limits: Limits) -> bool:
        """Ask for the first card of `path` (the entity `remembered`, if the file has it, else its
        most connected one), in `language`, loaded within `limits`. False, and the child ended,
        when `path` is not a file small enough to be worth it or the child is gone."""
        try:
            worth_it = path.stat().st_size <= PREVIEW_MAX_BYTES
        except (OSError, ValueError):
            worth_it = False
        stdin = self._process.stdin
        if not worth_it or stdin is None:
            self.stop()
            return False
        import json
        from dataclasses import asdict  # not before the child is started: it imports `inspect`

        request = {"path": str(path), "remembered": remembered, "language": language, "limits": asdict(limits)}
        try:
            stdin.write(json.dumps(request).encode() + b"\n")
            stdin.close()
        except OSError:  # the child has ended (BrokenPipeError)
            self.stop()
            return False
        return True

    def answered(self, timeout_s: float) -> bool:
        """Whether the answer (or the child's end) is there to read, waiting `timeout_s` at most.
        Always False where pipes cannot be waited on (Windows): the answer is then read in a thread."""
        import select

        stdout = self._process.stdout
        if stdout is None or sys.platform == "win32":
            return False
        with contextlib.suppress(OSError, ValueError):
            return bool(select.select([stdout], [], [], timeout_s)[0])
        return False

    def result(self) -> Preview | None:
        """The child's answer, once it has ended; None when it found no card to show (the file
        has problems or no entities) or failed."""
        stdout = self._process.stdout
        try:
            data = stdout.read() if stdout is not None else b""
        except (OSError, ValueError):  # closed by `stop` (the window has closed)
            data = b""
        if self._process.wait() != 0 or not data:
            return None
        import pickle

        try:
            preview = _parts_unpickler(data).load()
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            return None
        return preview if isinstance(preview, Preview) else None

    def stop(self) -> None:
        """End the child, if it still runs (the window closed before it answered)."""
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()
        for stream in (self._process.stdin, self._process.stdout):
            if stream is not None:
                stream.close()


def _quiet_standard_streams() -> None:
    """Point a forked child's stdin, stdout and stderr at the null device."""
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.close(null)


def _wanted() -> bool:
    """Not turned off (`EVCARDS_NO_FIRST_CARD_PROCESS`), and a second core to run the child on
    (one core would run it instead of the window)."""
    return not os.environ.get(NO_PREVIEW) and _cores() >= 2


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _parts_unpickler(data: bytes) -> pickle.Unpickler:
    """An unpickler of `data` that reads only a `Preview` of card parts, whatever the bytes
    say: nothing else is built. (A function, so that `pickle` is imported when first used.)"""
    import io
    import pickle

    allowed = frozenset({"Preview", "Run", "LineBreak", "Paragraph", "QuoteBox", "RelationRow", "RelationTable"})

    class PartsUnpickler(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> type:
            if module in ("evcards.card.parts", __name__) and name in allowed:
                found: type = super().find_class(module, name)  # the standard lookup, for these names only
                return found
            raise pickle.UnpicklingError(f"{module}.{name} is not a card part")

    return PartsUnpickler(io.BytesIO(data))


_early: list[FirstCardProcess] = []  # the child `start_early` forked, until taken


def start_early() -> None:
    """Fork the child now, when it is worth it and safe: on Linux, in a process that has no
    thread and no Qt yet (`evcards.cli.launch`, at the very start). `take_early` gives it."""
    if sys.platform.startswith("linux") and "PySide6.QtCore" not in sys.modules and _wanted():
        child = FirstCardProcess.fork()
        _early.extend([child] if child is not None else [])


def take_early() -> FirstCardProcess | None:
    """The child `start_early` forked, once (None if it did not)."""
    return _early.pop() if _early else None


class _ForkedChild:
    """A forked child, as `subprocess.Popen` would show it (a fork has no Popen of its own)."""

    def __init__(self, pid: int, stdin: IO[bytes], stdout: IO[bytes]) -> None:
        self.pid = pid
        self.stdin: IO[bytes] | None = stdin
        self.stdout: IO[bytes] | None = stdout
        self._status: int | None = None

    def poll(self) -> int | None:
        return self._reap(os.WNOHANG)

    def wait(self) -> int:
        status = self._reap(0)
        assert status is not None
        return status

    def kill(self) -> None:
        import signal

        if self._status is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)

    def _reap(self, options: int) -> int | None:
        if self._status is None:
            try:
                pid, status = os.waitpid(self.pid, options)
            except ChildProcessError:  # reaped by the other thread (`stop` while `result` waits)
                return self._status if self._status is not None else -1
            if pid:
                self._status = os.waitstatus_to_exitcode(status)
        return self._status


def child_main(stdin: IO[bytes] | None = None, stdout: IO[bytes] | None = None) -> NoReturn:
    """The child's whole life: answer, then end at once. Its interpreter's tidying up (~20 ms with
    pydantic loaded) would only delay the end of the answer, which the window waits for; and a
    forked child must never return into the window's code. Default pipes: stdin and stdout."""
    import gc
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C in the terminal ends it at once, as the window
    # The child lives a few hundred ms, makes no garbage worth collecting and ends without
    # tidying up: the collector's walks would only slow its imports (by ~10 ms, measured).
    gc.disable()
    status = 1
    out = stdout or sys.stdout.buffer
    try:
        status = serve(stdin, out)
    finally:
        with contextlib.suppress(OSError):  # the window has gone: nobody to answer
            out.flush()
        os._exit(status)


def serve(stdin: IO[bytes] | None = None, stdout: IO[bytes] | None = None) -> int:
    """The child: import the loader, wait for the request, answer with the card's parts (or
    nothing). Always exits 0 unless something unforeseen fails: the window then loads as usual."""
    from evcards.kb import pydantic_plugins

    pydantic_plugins.disable()  # as the window's own load does
    from evcards.card.content import card_parts
    from evcards.card.first_entity import start_entity_id
    from evcards.card.parts import parts_text
    from evcards.card.shaping import needs_shaping
    from evcards.kb.limits import Limits
    from evcards.kb.loader import load
    from evcards.kb.model import KnowledgeBase
    from evcards.kb.text_fold import verbatim_fold
    from evcards.translation import set_language, translate

    # What a first load and card build on first use, built while the window starts and asks:
    # the validators, the fold's patterns (quotes in context), the system language's words.
    KnowledgeBase.model_rebuild()
    verbatim_fold("一 a\u00a0 b")
    translate("Card", "Claims")
    needs_shaping("")
    line = (stdin or sys.stdin.buffer).readline()
    if not line:  # the window decided not to ask
        return 0
    import json
    import pickle

    request = json.loads(line)
    set_language(request["language"])
    path = Path(request["path"])
    kb = load(path, limits=Limits(**request["limits"])).knowledge_base
    entity_id = start_entity_id(kb, request["remembered"]) if kb is not None else None
    entity = kb.entity(entity_id) if kb is not None and entity_id is not None else None
    if kb is None or entity is None:
        return 0
    parts = card_parts(kb, entity)
    preview = Preview(str(path), entity.id, entity.name, parts, needs_shaping(parts_text(parts)))
    out = stdout or sys.stdout.buffer
    out.write(pickle.dumps(preview, protocol=pickle.HIGHEST_PROTOCOL))
    out.flush()
    return 0
