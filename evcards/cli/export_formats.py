"""`evcards export --format md|html|json`: cards as Markdown, HTML or a knowledge base excerpt.

The format is `--format`, else the output's suffix (`.md`, `.html`, `.json`, ...), else PDF,
which `evcards.cli.export` writes. Markdown and HTML put every card asked for into one
document (several after a list of contents); JSON writes a format-2 knowledge base of the
entities and what their cards cite (`evcards.kb.excerpt`). The bytes go through the PDF's
save function (`evcards.pdf.saving`), so these files are written as safely as a PDF.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from evcards.cli.plural import cards
from evcards.cli.report import EXIT_INVALID, EXIT_OK
from evcards.cli.terminal_text import say
from evcards.translation import fill, translate

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence
    from pathlib import Path

    from evcards.kb.loaded import LoadedKnowledgeBase
    from evcards.kb.model import Entity

FORMATS = ("pdf", "md", "html", "json")
_SUFFIXES = {".pdf": "pdf", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json"}
_NAMES = {"md": "Markdown", "html": "HTML", "json": "JSON"}
_EXTENSIONS = {"md": ".md", "html": ".html", "json": ".json"}


def add_format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="pdf, md (Markdown), html or json (a knowledge base of the entities and the sources their cards cite); "
        "default: from OUT's suffix, else pdf",
    )


def chosen_format(args: argparse.Namespace) -> str:
    """`--format`, else what OUT's suffix names, else pdf."""
    given: str | None = args.format
    return given or _SUFFIXES.get(args.output.suffix.lower(), "pdf")


def dispatch_format(
    parser: argparse.ArgumentParser, args: argparse.Namespace, kb: LoadedKnowledgeBase, entities: Sequence[Entity]
) -> int | None:
    """Export `entities` as the Markdown, HTML or JSON the command line asks for, and return the
    exit code; None when it asks for a PDF. Options only a PDF has are refused (exit 2)."""
    kind = chosen_format(args)
    if kind == "pdf":
        return None
    pdf_only = [
        name
        for name, given in (
            ("--single", args.single),
            ("--page-size", args.page_size),
            ("--with-graph", args.with_graph),
            ("--author", args.author),
        )
        if given
    ]
    if pdf_only:
        parser.error(f"{', '.join(pdf_only)}: only for a PDF; this export writes {_NAMES[kind]}, one file with every card")
    return export_document(kb, entities, args.output, kind)


def _target(kb: LoadedKnowledgeBase, entities: Sequence[Entity], output: Path, kind: str) -> Path:
    """OUT, or in an existing folder OUT: the entity's id (one card) or the knowledge base's
    file name, with the format's extension."""
    try:
        folder = output.is_dir()
    except OSError:
        folder = False
    if not folder:
        return output
    return output / f"{entities[0].id if len(entities) == 1 else kb.path.stem}{_EXTENSIONS[kind]}"


def _producer(kb: LoadedKnowledgeBase, entities: Sequence[Entity], kind: str, target: Path) -> Callable[[], bytes]:
    if kind == "md":
        from evcards.card.markdown import cards_markdown

        return lambda: cards_markdown(kb, entities).encode("utf-8")
    if kind == "html":
        from evcards.card.html_export import cards_html

        return lambda: cards_html(kb, entities).encode("utf-8")
    from evcards.kb.excerpt import excerpt_json

    return lambda: excerpt_json(kb, entities, target.absolute().parent)


def export_document(kb: LoadedKnowledgeBase, entities: Sequence[Entity], output: Path, kind: str) -> int:
    """Write `entities` as one `kind` file ("md", "html" or "json") at `output`; the exit code."""
    from evcards.pdf.saving import SaveFailed, write_atomically

    target = _target(kb, entities, output, kind)
    try:
        write_atomically(target, _producer(kb, entities, kind, target))
    except SaveFailed as error:
        say(f"evcards export: {error}")
        return EXIT_INVALID
    say(fill(translate("cli", "wrote %1 (%2)"), target, cards(len(entities))), sys.stdout)
    return EXIT_OK
