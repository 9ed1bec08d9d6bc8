"""What every subcommand prints about a file it read, and the exit codes they share.

Exit codes: 0 success, 1 the data (or the export) is not right, 2 the command line is wrong
(argparse's own), 130 interrupted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from evcards.cli.plural import quotes
from evcards.cli.terminal_text import say
from evcards.kb.problems import Finding, Problem
from evcards.translation import fill, translate

if TYPE_CHECKING:
    from evcards.kb.loader import LoadResult
    from evcards.kb.quotes import QuoteCheck

EXIT_OK, EXIT_INVALID = 0, 1


def print_problems(result: LoadResult) -> None:
    """The report, on standard error: what `validate`, `list` and `export` print for a bad file."""
    for line in result.lines():
        say(line)


def warn_unverified(result: LoadResult, advice: str) -> None:
    """One line for a file that loaded but has quotes that are not verified."""
    if result.findings:
        say(fill(translate("cli", "%1: warning: %2 not verified; %3"), result.path, quotes(len(result.findings)), advice))


def finding_detail(check: QuoteCheck) -> list[str]:
    """The lines that explain one finding under its place: what the check found out. The one
    place to extend (a character diff, the closest passage) as the checks learn more."""
    return [check.note] if check.note else []


def finding_lines(finding: Problem) -> list[str]:
    """A finding for `evcards validate`: its place in words and as a JSON path with its kind,
    then its details, indented."""
    if not isinstance(finding, Finding) or finding.check is None:
        return [f"{finding.place}: {finding.message}"]
    return [f"{finding.where}: {finding.kind}", *(f"    {line}" for line in finding_detail(finding.check))]
