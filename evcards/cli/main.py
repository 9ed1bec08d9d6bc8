"""The `evcards` command line: start the window, or validate, list, export and describe files.

Exit codes: 0 success, 1 the data (or the export) is not right, 2 the command line is wrong.
Qt is imported only by the commands that need it, so `validate`, `list` and `schema` start fast
and work on machines with no display. The loader and the model (pydantic) are imported only
where a file is read: the window's loading thread imports them, its start-up does not.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from evcards import __version__
from evcards.cli.language_option import LanguageError, add_language_argument, take_language
from evcards.kb import pydantic_plugins
from evcards.resources import bundled_data
from evcards.translation import QT_TRANSLATE_NOOP, fill, translate

if TYPE_CHECKING:  # a plain `evcards` opens the window without argparse (8 ms of imports)
    import argparse

    from evcards.card.preview import FirstCardProcess

    Handler = Callable[[argparse.ArgumentParser, argparse.Namespace], int]

EXIT_USAGE, EXIT_INTERRUPTED = 2, 130  # 2 as argparse exits for a wrong command line


def _data_argument(
    parser: argparse.ArgumentParser, default: str = QT_TRANSLATE_NOOP("cli", "the bundled Xiaomi EV knowledge base")
) -> None:
    parser.add_argument(
        "file",
        nargs="?",
        type=Path,
        metavar="FILE.json",
        help=fill(translate("cli", "a knowledge base file (default: %1)"), translate("cli", default)),
    )
    parser.add_argument("--data", type=Path, metavar="FILE.json", help=translate("cli", "same as FILE.json"))


def _chosen_file(parser: argparse.ArgumentParser, args: argparse.Namespace) -> Path:
    if args.file and args.data and args.file != args.data:
        parser.error(translate("cli", "give the knowledge base either as FILE.json or with --data, not both"))
    return args.data or args.file or bundled_data()


def _configure_validate(parser: argparse.ArgumentParser) -> None:
    from evcards.cli.load_options import add_load_options

    _data_argument(parser)
    add_load_options(parser)
    parser.add_argument("--all", action="store_true", help=translate("cli", "show every finding, not only the first ones"))


def _validate(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from evcards.cli.load_options import limits_from
    from evcards.cli.validate import report_validation
    from evcards.kb.loader import load

    return report_validation(load(_chosen_file(parser, args), limits=limits_from(args)), show_all=args.all)


def _configure_list(parser: argparse.ArgumentParser) -> None:
    from evcards.cli.load_options import add_load_options

    _data_argument(parser)
    parser.add_argument(
        "query",
        nargs="?",
        metavar="QUERY",
        help=translate("cli", "only the entities this search matches, as in the window's filter (e.g. 'kind:product has:approximate')"),
    )
    parser.add_argument("--json", action="store_true", help=translate("cli", "a JSON array of the entities, for scripts"))
    add_load_options(parser)


def _list(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from evcards.cli.load_options import limits_from
    from evcards.cli.report import EXIT_INVALID, EXIT_OK, print_problems, warn_unverified
    from evcards.kb.loader import load

    if args.file is not None and args.query is None and args.file.suffix.lower() != ".json" and not args.file.exists():
        args.query, args.file = str(args.file), None  # `evcards list QUERY`: a word that is no file is the query
    result = load(_chosen_file(parser, args), limits=limits_from(args))
    kb = result.knowledge_base
    if kb is None:
        print_problems(result)
        return EXIT_INVALID
    from evcards.cli.listing import entities_json, entity_lines, write_out

    entities = None
    if args.query is not None:
        from evcards.cli.query_args import matching

        if (entities := matching(kb, args.query, "list")) is None:
            return EXIT_USAGE
    if args.json:
        write_out(entities_json(kb, entities), utf8=True)
    else:
        write_out("\n".join(entity_lines(kb, entities)))
    warn_unverified(result, translate("cli", "run 'evcards validate'"))
    return EXIT_OK


def _schema(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    import json

    from evcards.cli.report import EXIT_OK
    from evcards.kb.model import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def _migrate(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from evcards.cli.migrate import run_migrate

    return run_migrate(parser, args)


def _configure_migrate(parser: argparse.ArgumentParser) -> None:
    from evcards.cli.migrate import configure_parser

    configure_parser(parser)


def _export(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from evcards.cli.export import run_export

    return run_export(parser, args)


def _configure_export(parser: argparse.ArgumentParser) -> None:
    from evcards.cli.export import configure_parser

    configure_parser(parser)


COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Handler]] = {
    "validate": (
        QT_TRANSLATE_NOOP(
            "cli",
            "check a knowledge base file: exit 1 with every error when it is refused, 0 when valid (with its findings: quotes not verified)",
        ),
        _configure_validate,
        _validate,
    ),
    "list": (QT_TRANSLATE_NOOP("cli", "list the entities: id, kind, name, number of claims"), _configure_list, _list),
    "schema": (
        QT_TRANSLATE_NOOP("cli", "print the JSON Schema of the knowledge base format (format 2, which also accepts format 1 files)"),
        lambda parser: None,
        _schema,
    ),
    "migrate": (QT_TRANSLATE_NOOP("cli", "write a knowledge base in format 2: evcards migrate IN OUT"), _configure_migrate, _migrate),
    "export": (QT_TRANSLATE_NOOP("cli", "export entity cards as PDF"), _configure_export, _export),
}


def _window_parser() -> argparse.ArgumentParser:
    import argparse

    from evcards.cli.load_options import add_load_options

    commands = "\n".join(f"  evcards {name:<9} {translate('cli', help_)}" for name, (help_, _, _) in COMMANDS.items())
    parser = argparse.ArgumentParser(
        prog="evcards",
        description=translate("cli", "Browse knowledge cards whose every quote is checked against its source text."),
        usage="evcards [-h] [--version] [FILE.json | --data FILE.json]\n       evcards COMMAND [ARGS ...]\n"
        "       evcards --install-desktop-entry | --uninstall-desktop-entry",
        epilog=fill(translate("cli", "commands:\n%1\n\nRun 'evcards COMMAND --help' for a command's options."), commands),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"evcards {__version__}")
    _data_argument(parser, QT_TRANSLATE_NOOP("cli", "the file opened last, else the bundled Xiaomi EV knowledge base"))
    add_language_argument(parser)
    add_load_options(parser)
    from evcards.cli import desktop_entry

    desktop_entry.add_arguments(parser)
    return parser


def _open_window(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from evcards.cli import desktop_entry

    if desktop_entry.asked(args):
        from evcards.cli import desktop_install

        return desktop_install.run(parser, args)
    _chosen_file(parser, args)  # refuses two different files
    return _run_window(args.data or args.file, args)


def no_display() -> str | None:
    """One line saying the window cannot be shown, when Linux has no display and Qt was not told
    to do without one; else None. (Qt itself would abort, exit 134, with a message about xcb.)"""
    from evcards.cli.display import has_display

    if has_display():
        return None
    return translate(
        "cli",
        "evcards: no display to show the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); "
        "without one, use 'evcards export' (or validate, list), or start the window under 'xvfb-run evcards'",
    )


def _run_window(path: Path | None, args: argparse.Namespace | None = None) -> int:
    """None: the window reopens the file opened last. `args`: the load options given for this run."""
    if (message := no_display()) is not None:
        from evcards.cli.report import EXIT_INVALID

        print(message, file=sys.stderr)
        return EXIT_INVALID
    first_card = _first_card_process()
    from evcards.gui.app import run_app

    return run_app(path, load_options=args, first_card=first_card)


def _first_card_process() -> FirstCardProcess | None:
    """The second process that makes the first card while this one imports Qt
    (`evcards.card.preview`): the one `evcards.cli.launch` forked, else one started now; none
    when Qt is loaded already (nothing left to overlap)."""
    from evcards.card.preview import FirstCardProcess, take_early

    if (early := take_early()) is not None:
        return early
    if "PySide6.QtCore" in sys.modules or not FirstCardProcess.worth_starting():
        return None
    return FirstCardProcess.start()


def _mistyped_command(word: str) -> str | None:
    """The command `word` looks like a misspelling of ('valdate': 'validate'), when it is not a
    file either: else the window would try to open a file of that name."""
    if word.startswith("-") or Path(word).suffix or Path(word).exists():
        return None
    import difflib

    close = difflib.get_close_matches(word.lower(), COMMANDS, n=1, cutoff=0.6)
    return close[0] if close else None


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except KeyboardInterrupt:  # Ctrl+C: one line, not a traceback (an export leaves no partial file)
        print(translate("cli", "evcards: interrupted"), file=sys.stderr)
        return EXIT_INTERRUPTED


def _main(argv: Sequence[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # Set here, on the main thread before any other starts: the pinyin readings are built in a
    # thread of their own, and changing the environment while Qt reads it is not safe.
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")  # see evcards.search.pinyin
    # No third-party pydantic plugins: they could change how a file is validated, and looking
    # for them reads every installed package's metadata (importlib.metadata) before the first card.
    pydantic_plugins.disable()
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")
    try:
        argv = take_language(argv)
    except LanguageError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    if argv and argv[0] in COMMANDS:
        import argparse

        help_, configure, handler = COMMANDS[argv[0]]
        parser = argparse.ArgumentParser(prog=f"evcards {argv[0]}", description=translate("cli", help_))
        configure(parser)
        add_language_argument(parser)
        args = parser.parse_args(argv[1:])
        return handler(parser, args)
    if not argv:  # a desktop launcher's start: no parser to build
        return _run_window(None)
    if (mistyped := _mistyped_command(argv[0])) is not None:
        print(
            fill(translate("cli", "evcards: %1 is neither a command nor a file; did you mean '%2'?"), repr(argv[0]), mistyped),
            file=sys.stderr,
        )
        return EXIT_USAGE
    parser = _window_parser()
    return _open_window(parser, parser.parse_args(argv))
