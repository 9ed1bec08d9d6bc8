"""The `evcards` command's first step: start the first card's process before anything else.

The window waits for the card made by a second process (`evcards.card.preview`), and that
process spends ~150 ms importing pydantic and the loader. Started here, ~15 ms after Python
starts, by a fork of this still-bare interpreter (no threads, no Qt), it begins that work
~70 ms sooner than a new interpreter started once `evcards.cli.main` has been imported: the
first card then waits for the window, not for the child. Only what decides whether the window
will open is looked at here, with nothing imported; everything else is `evcards.cli.main`'s.
"""

from __future__ import annotations

import sys

from evcards.cli.display import has_display

# `evcards.cli.main.COMMANDS`, which this module must not import (a test keeps them the same).
COMMAND_NAMES = frozenset({"validate", "list", "schema", "migrate", "export"})
# Options after which no window opens (`evcards.cli.main._window_parser`, `desktop_entry`).
NO_WINDOW_OPTIONS = frozenset({"-h", "--help", "--version", "--install-desktop-entry", "--uninstall-desktop-entry"})


def main() -> int:
    """The `evcards` command (and `python -m evcards`)."""
    argv = sys.argv[1:]
    if opens_window(argv) and has_display():
        from evcards import start_pause

        start_pause.pause()  # until the window's event loop runs (the child keeps it paused)
        from evcards.card import preview

        preview.start_early()
    from evcards.cli.main import main as run

    return run(argv)


def opens_window(argv: list[str]) -> bool:
    """Whether these arguments start the window (a parser may still refuse them: the first
    card's process then ends when this one does)."""
    return not (argv and argv[0] in COMMAND_NAMES) and NO_WINDOW_OPTIONS.isdisjoint(argv)
