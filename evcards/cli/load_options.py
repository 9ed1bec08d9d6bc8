"""The options of every command that loads a knowledge base: the size of a source, and sources outside its folder."""

from __future__ import annotations

from typing import TYPE_CHECKING

from evcards.kb.limits import DEFAULT_SOURCE_MB, Limits

if TYPE_CHECKING:
    import argparse


def _megabytes(text: str) -> float:
    import argparse

    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} is not a size in megabytes (a number above 0, such as 50 or 200)")
    return value


def add_load_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-source-mb",
        type=_megabytes,
        metavar="MB",
        help=f"the largest source text to read, in megabytes (default: {DEFAULT_SOURCE_MB}); all of them together may be ten times that",
    )
    parser.add_argument(
        "--allow-outside-sources",
        action="store_true",
        help="read source texts outside the knowledge base file's folder (refused by default: a file from someone else "
        "could name any of yours, e.g. ../../.ssh/id_rsa)",
    )


def limits_from(args: argparse.Namespace) -> Limits:
    return Limits.of(getattr(args, "max_source_mb", None), getattr(args, "allow_outside_sources", False))
