"""`evcards migrate IN OUT`: write a knowledge base in format 2.

IN must load (errors refuse it, exit 1; findings do not matter: the quotes are carried over
as they are). OUT is written atomically: a temporary file beside it, synced, then renamed, so
an interrupted run leaves OUT as it was; an OUT that is a symbolic link is written through.
IN, or an OUT that exists, is overwritten only with --force.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from evcards.cli.report import EXIT_INVALID, EXIT_OK, print_problems
from evcards.translation import fill, translate


def configure_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", type=Path, metavar="IN", help=translate("cli", "the knowledge base to migrate (format 1 or 2)"))
    parser.add_argument("output", type=Path, metavar="OUT", help=translate("cli", "the format-2 file to write"))
    parser.add_argument("--force", action="store_true", help=translate("cli", "overwrite OUT if it exists, even when it is IN"))


def write_atomically(target: Path, text: str) -> None:
    """Write `text` (UTF-8) to `target`, replacing it only once every byte is on disk."""
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _refusal(source: Path, target: Path, force: bool) -> str | None:
    if target.is_dir():
        return fill(translate("cli", "%1 is a folder: give the path of the file to write"), target)
    if target.parent.exists() and not target.parent.is_dir():
        return fill(translate("cli", "cannot write %1: %2 is a file, not a folder"), target, target.parent)
    if not target.parent.is_dir():
        return fill(translate("cli", "cannot write %1: the folder %2 does not exist"), target, target.parent)
    if force or not target.exists():
        return None
    if source.exists() and target.samefile(source):
        return fill(translate("cli", "%1 is the file being migrated: give another OUT, or --force to replace it"), target)
    return fill(translate("cli", "%1 exists: give another OUT, or --force to replace it"), target)


def run_migrate(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from evcards.kb.loader import load
    from evcards.kb.migrate import to_format_2

    source, target = args.input, args.output
    if (refusal := _refusal(source, target, args.force)) is not None:
        print(f"evcards migrate: {refusal}", file=sys.stderr)
        return EXIT_INVALID
    result = load(source)
    if result.knowledge_base is None:
        print_problems(result)
        print(fill(translate("cli", "evcards migrate: %1 is not a valid knowledge base; nothing written"), source), file=sys.stderr)
        return EXIT_INVALID
    # A symbolic link is written through, not replaced by a file: it still names the new file
    # (and OUT linking to IN, with --force, replaces IN, as the refusal without it says).
    written = target.resolve() if target.is_symlink() else target
    data = to_format_2(result.knowledge_base.data, result.knowledge_base.path.parent, written.resolve().parent)
    try:
        write_atomically(written, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    except OSError as error:
        print(fill(translate("cli", "evcards migrate: cannot write %1: %2"), target, error.strerror or error), file=sys.stderr)
        return EXIT_INVALID
    print(fill(translate("cli", "%1: written in format 2 from %2"), target, source))
    return EXIT_OK
