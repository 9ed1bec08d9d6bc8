"""`evcards export`: write entity cards as PDF from the command line, with or without a display.

    evcards export ENTITY [ENTITY ...] [--data FILE.json] [--all] [--single] [--page-size a4|letter]
                   [--author NAME] -o OUT

One entity: OUT is the PDF file (or an existing folder that receives `<entity-id>.pdf`).
Several, or --all: OUT is a folder with one PDF per entity, unless --single puts every card in
one PDF with a contents page, bookmarks and links between the cards. The cards come in the
order given; --all takes the window's list order (by name). Exit 0 on success, 1 with a
message (unknown entity, invalid data, unwritable target), 2 for a wrong command line.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from dataclasses import replace
from pathlib import Path

from evcards.cli.export_formats import add_format_option, dispatch_format
from evcards.cli.load_options import add_load_options, limits_from
from evcards.cli.plural import cards, pages
from evcards.cli.report import EXIT_INVALID, EXIT_OK, print_problems, warn_unverified
from evcards.cli.terminal_text import say
from evcards.kb.loaded import LoadedKnowledgeBase
from evcards.kb.loader import load
from evcards.kb.model import Entity
from evcards.resources import bundled_data
from evcards.search.entity_filter import EntityFilter
from evcards.search.folding import fold_for_search
from evcards.search.names import find_by_name, searchable_names
from evcards.translation import fill, translate

EXIT_USAGE = 2  # a query that does not parse: a wrong command line, as argparse exits
PAGE_SIZE_CHOICES = ("a4", "letter")


class UnknownEntity(LookupError):
    """An ENTITY argument that names no entity, or several; `str()` is the message."""


def configure_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "entities",
        nargs="*",
        metavar="ENTITY",
        help=translate("cli", "an entity's id or name, folded as the window's filter folds it ('Lei Jun', 'lei-jun', '雷军', 'leijun')"),
    )
    parser.add_argument("--data", type=Path, metavar="FILE.json", help=translate("cli", "the knowledge base (default: the bundled one)"))
    parser.add_argument(
        "--all", action="store_true", help=translate("cli", "export every entity of the knowledge base, by name as the window lists them")
    )
    parser.add_argument(
        "--query",
        metavar="QUERY",
        help=translate(
            "cli",
            "export the entities this search matches, as the window's filter lists them (e.g. 'kind:product'); exit 2 if it does not parse",
        ),
    )
    parser.add_argument(
        "--single",
        action="store_true",
        help=translate(
            "cli",
            "with several entities, one PDF: a contents page, then each card from a new page, in the order given, linked to each other",
        ),
    )
    parser.add_argument("--author", default="", metavar="NAME", help=translate("cli", "the PDF's author (default: none)"))
    parser.add_argument(
        "--page-size",
        choices=PAGE_SIZE_CHOICES,
        help=translate("cli", "paper size (default: from the locale; letter in the US, Canada, Mexico, ..., A4 elsewhere)"),
    )
    parser.add_argument(
        "--with-graph",
        action="store_true",
        help=translate("cli", "add a page with each card's relation graph (its entity and direct neighbours)"),
    )
    parser.add_argument(
        "-o", "--output", type=output_path, required=True, metavar="OUT", help=translate("cli", "the PDF file, or the folder for several")
    )
    add_load_options(parser)
    add_format_option(parser)


def output_path(text: str) -> Path:
    """OUT as a path; an empty one is refused (as a path it would be the current folder)."""
    if not text.strip():
        raise argparse.ArgumentTypeError(translate("cli", "OUT is empty: give the file (or folder) to write"))
    return Path(text)


def _describe(entity: Entity) -> str:
    return entity.name if entity.name.casefold() == entity.id else f"{entity.name} ({entity.id})"


def _exactly_named(kb: LoadedKnowledgeBase, word: str) -> list[Entity]:
    """By id, name or a name in another script as written (case aside); else as the filter folds them."""
    wanted = word.strip().casefold()
    exact = [e for e in kb.entities if wanted in {e.id.casefold(), e.name.casefold(), *(n.casefold() for n in e.native_names)}]
    return exact or find_by_name(kb.entities, word)


def _closest(kb: LoadedKnowledgeBase, word: str) -> list[str]:
    """Names that hold `word` (as the window's filter finds them), else names close in spelling."""
    entity_filter = EntityFilter(kb.entities)
    holding = [entity_filter.entities[row] for row in entity_filter.search(word.strip()).named[:5]]
    if holding:
        return [_describe(e) for e in holding]
    by_key = {fold_for_search(key): e for e in kb.entities for key in (e.id, *searchable_names(e))}
    close = difflib.get_close_matches(fold_for_search(word.strip()), list(by_key), n=3, cutoff=0.5)
    return list(dict.fromkeys(_describe(by_key[key]) for key in close))


def resolve_entities(kb: LoadedKnowledgeBase, wanted: list[str]) -> list[Entity]:
    """The entities `wanted` names, without repeats: by id, name or native name as written (case
    aside), else by any name folded as the filter folds it ("lazaro bruzon", "leijun" for 雷军)."""
    found: list[Entity] = []
    for word in wanted:
        if not word.strip():
            raise UnknownEntity(
                translate("cli", "an empty ENTITY names nothing: give an id or a name ('evcards list' shows them), or --all")
            )
        matches = _exactly_named(kb, word)
        if len(matches) > 1:
            ids = ", ".join(e.id for e in matches)
            raise UnknownEntity(fill(translate("cli", "%1 names several entities (%2); give the id instead"), repr(word), ids))
        if not matches:
            suggestions = _closest(kb, word)
            hint = (
                fill(translate("cli", "; closest: %1"), ", ".join(suggestions))
                if suggestions
                else translate("cli", "; run 'evcards list' to see them")
            )
            raise UnknownEntity(fill(translate("cli", "no entity is called %1%2"), repr(word), hint))
        if matches[0] not in found:
            found.append(matches[0])
    return found


def _is_folder(path: Path) -> bool:
    """Whether `path` is a folder; a path the file system refuses to look at (a name too long, a
    folder that may not be entered) is not, and writing it then says why."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _gui_application(widgets: bool = False) -> object:
    """The running Qt application, or a new QGuiApplication (a QApplication for `widgets`: the
    relation graph is a QGraphicsScene); offscreen when there is no display."""
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if os.name == "posix" and sys.platform != "darwin" and no_display:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    if widgets:
        from PySide6.QtWidgets import QApplication

        return _translated(QGuiApplication.instance() or QApplication(["evcards"]))
    return _translated(QGuiApplication.instance() or QGuiApplication(["evcards"]))


def _translated(app: object) -> object:
    """`app`, speaking the chosen language (the PDF's labels are Qt's translations)."""
    from evcards.translators import install_translators

    install_translators()
    return app


def _fail(message: str) -> int:
    say(fill(translate("cli", "evcards export: %1"), message))
    return EXIT_INVALID


def run_export(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if sum(map(bool, (args.all, args.entities, args.query is not None))) > 1:
        parser.error(translate("cli", "give ENTITY names, --all or --query, only one of them"))
    if not args.all and not args.entities and args.query is None:
        parser.error(translate("cli", "give at least one ENTITY, or --all, or --query QUERY"))
    result = load(args.data or bundled_data(), limits=limits_from(args))
    kb = result.knowledge_base
    if kb is None:
        print_problems(result)
        return _fail(fill(translate("cli", "%1 is not a valid knowledge base; nothing was exported"), result.path))
    warn_unverified(result, translate("cli", "the cards mark them"))
    try:
        if args.query is not None:
            from evcards.cli.query_args import matching

            if (found := matching(kb, args.query, "export")) is None:
                return EXIT_USAGE
            if not found:
                return _fail(
                    fill(translate("cli", "no entity of %1 matches the query %2; nothing was exported"), result.path, repr(args.query))
                )
            entities = found
        else:
            entities = EntityFilter(kb.entities).entities if args.all else resolve_entities(kb, args.entities)
    except UnknownEntity as error:
        return _fail(str(error))
    if not entities:
        return _fail(fill(translate("cli", "%1 has no entities; nothing was exported"), result.path))
    if (written := dispatch_format(parser, args, kb, entities)) is not None:  # md, html, json
        return written
    several = args.all or args.query is not None or len(entities) > 1
    target: Path = args.output
    if several and not args.single and target.suffix.lower() == ".pdf" and not _is_folder(target):
        parser.error(
            fill(
                translate("cli", "with several entities OUT is a folder, and %1 looks like a PDF file: add --single for one PDF"),
                repr(str(target)),
            )
        )
    if not several and _is_folder(target):
        target = target / f"{entities[0].id}.pdf"

    app = _gui_application(widgets=args.with_graph)  # kept alive until the export is done
    from evcards.pdf.export import ExportError, ExportProgress, export_pdf
    from evcards.pdf.paper import default_page_size

    def progress(step: ExportProgress) -> None:
        if step.writing:
            say(f"[{step.done}/{step.total}] {step.entity.name}")

    try:
        files = export_pdf(
            kb,
            entities,
            target,
            page_size=args.page_size or default_page_size(),
            single=args.single or not several,
            progress=progress if several else None,
            author=args.author.strip(),
        )
    except ExportError as error:
        return _fail(str(error))
    if args.with_graph:
        from evcards.pdf.graph_page import append_graph

        try:
            for file in files:
                for entity_id in file.entities:
                    append_graph(file.path, kb, entity_id)
        except OSError as error:
            return _fail(str(error))
        files = [replace(file, pages=file.pages + len(file.entities)) for file in files]
    del app
    if len(files) == 1:
        say(fill(translate("cli", "wrote %1 (%2, %3)"), files[0].path, cards(len(files[0].entities)), pages(files[0].pages)), sys.stdout)
    else:
        say(fill(translate("cli", "wrote %1 PDFs to %2"), len(files), target), sys.stdout)
    return EXIT_OK
