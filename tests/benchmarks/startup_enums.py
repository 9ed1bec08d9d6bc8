"""How much of start-up PySide6 spends building Python enums, for evcards and for bare Qt.

PySide6 builds every enum of a Qt class, with Python's `enum` module, the first time Python
code uses the class. This probe times those builds in a fresh process until the window is
shown ("evcards: shown"), and names the classes they belong to:

    python tests/benchmarks/startup_enums.py [--top N]

Each side runs once; the machine's noise applies (run it a few times). Timing every build adds
a little overhead of its own.
"""

from __future__ import annotations

import argparse
import builtins
import collections
import enum
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script from anywhere, like run.py
    sys.path.insert(0, str(ROOT))

from tests.benchmarks.bench_processes import BARE_QT, SHOWN_MARKER, child_environment  # noqa: E402

_built: list[tuple[object, float]] = []
_shown = False


def _trace() -> None:
    """Time each enum class that `enum`'s functional API builds until the window is shown."""
    build = enum.EnumType.__call__

    def timed(cls: type, *args: object, **kwargs: object) -> object:
        start = time.perf_counter()
        made = build(cls, *args, **kwargs)
        if not _shown and (len(args) >= 2 or "names" in kwargs):  # a new class, not a member lookup
            _built.append((made, time.perf_counter() - start))
        return made

    enum.EnumType.__call__ = timed  # type: ignore[method-assign]


def _owners() -> dict[int, str]:
    import PySide6.QtCore
    import PySide6.QtGui
    import PySide6.QtWidgets

    wanted = {id(made) for made, _ in _built}
    found: dict[int, str] = {}
    for module in (PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets):
        for name in dir(module):
            owner = getattr(module, name, None)
            if isinstance(owner, type) and (name == "Qt" or name.startswith("Q")):
                found.update({id(v): name for v in vars(owner).values() if id(v) in wanted})
    return found


def _report(top: int) -> None:
    owners = _owners()
    by_class: collections.Counter[str] = collections.Counter()
    count: collections.Counter[str] = collections.Counter()
    for made, seconds in _built:
        owner = owners.get(id(made), getattr(made, "__qualname__", "?"))
        by_class[owner] += seconds
        count[owner] += 1
    total = sum(by_class.values()) * 1000
    print(f"  {len(_built)} enums in {len(by_class)} classes, {total:.1f} ms before the window was shown", file=sys.stderr)
    for owner, seconds in by_class.most_common(top):
        print(f"    {seconds * 1000:6.1f} ms  {count[owner]:3d}  {owner}", file=sys.stderr)


def _run_traced(target: str, top: int) -> None:
    _trace()
    show = builtins.print

    def print_and_report(*args: object, **kwargs: object) -> None:
        global _shown
        if not _shown and args and str(args[0]).startswith(SHOWN_MARKER):
            _shown = True
            _report(top)
        show(*args, **kwargs)  # type: ignore[call-overload]

    builtins.print = print_and_report
    if target == "evcards":
        from evcards.cli.main import main

        sys.argv = ["evcards"]
        main()
    else:
        sys.argv = [str(BARE_QT)]
        exec(compile(BARE_QT.read_text(), str(BARE_QT), "exec"), {"__name__": "__main__"})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=10, help="classes to list (default 10)")
    parser.add_argument("--traced", choices=("evcards", "bare"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.traced:
        _run_traced(args.traced, args.top)
        return
    with tempfile.TemporaryDirectory(prefix="evcards-enums-") as config:
        env = child_environment(config)
        for target in ("evcards", "bare"):
            print(f"{target}:", file=sys.stderr, flush=True)
            command = [sys.executable, "-m", "tests.benchmarks.startup_enums", "--traced", target, "--top", str(args.top)]
            subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, check=True)


if __name__ == "__main__":
    main()
