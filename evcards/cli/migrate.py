"""`evcards migrate IN OUT`: write a knowledge base in format 2.

IN must load (errors refuse it, exit 1; findings do not matter: the quotes are carried over
as they are). OUT is written atomically by `evcards.file_saving` (as every export): an interrupted run
leaves OUT as it was, a symbolic link is written through, a device or FIFO is refused.
IN, or an OUT that exists, is overwritten only with --force.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from evcards.cli.load_options import add_load_options, limits_from
from evcards.cli.report import EXIT_INVALID, EXIT_OK, print_problems
from evcards.cli.terminal_text import say
from evcards.file_saving import SaveFailed, save_bytes
from evcards.translation import fill, translate


def configure_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", type=Path, metavar="IN", help=translate("cli", "the knowledge base to migrate (format 1 or 2)"))
    parser.add_argument("output", type=Path, metavar="OUT", help=translate("cli", "the format-2 file to write"))
    parser.add_argument("--force", action="store_true", help=translate("cli", "overwrite OUT if it exists, even when it is IN"))
    add_load_options(parser)


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
        say(fill(translate("cli", "evcards migrate: %1"), refusal))
        return EXIT_INVALID
    result = load(source, limits=limits_from(args))
    if result.knowledge_base is None:
        print_problems(result)
        say(fill(translate("cli", "evcards migrate: %1 is not a valid knowledge base; nothing written"), source))
        return EXIT_INVALID
    # A symbolic link is written through, not replaced by a file: it still names the new file
    # (and OUT linking to IN, with --force, replaces IN, as the refusal without it says).
    written = target.resolve() if target.is_symlink() else target
    data = to_format_2(result.knowledge_base.data, result.knowledge_base.path.parent, written.resolve().parent)
    try:
        save_bytes(target, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    except SaveFailed as error:  # it names the file and the cause
        say(fill(translate("cli", "evcards migrate: %1"), error))
        return EXIT_INVALID
    say(fill(translate("cli", "%1: written in format 2 from %2"), target, source), sys.stdout)
    _warn_outside(target, written.resolve().parent, data)
    return EXIT_OK


def _warn_outside(target: Path, folder: Path, data: dict[str, object]) -> None:
    """Say which source files the new file names outside its folder: evcards refuses them
    unless allowed (evcards.kb.source_files), so the reader knows before opening it."""
    from evcards.kb.limits import Limits
    from evcards.kb.source_files import source_path

    sources = data.get("sources")
    for i, source in enumerate(sources if isinstance(sources, list) else []):
        text_file = source.get("text_file") if isinstance(source, dict) else None
        if isinstance(text_file, str) and source_path(folder, text_file, str(target), "", Limits())[0] is None:
            say(
                f"evcards migrate: note: sources[{i}].text_file ({text_file}) is outside the folder of {target}: "
                "evcards reads it only with --allow-outside-sources; copy the file beside the new one to share it"
            )
