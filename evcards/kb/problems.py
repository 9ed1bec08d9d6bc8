"""Problems found in a knowledge base file, each pointing at a place in it.

Two levels are kept apart: a *problem* stops a file from being a knowledge base at all;
a *finding* is about one claim (its quote is not found, or only approximately) and the
file still opens with that claim marked.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    PROBLEM = "problem"
    FINDING = "finding"


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    place: str
    message: str
    severity: Severity = Severity.PROBLEM

    def __str__(self) -> str:
        return f"{self.file}: {self.place}: {self.message}"


def preview_lines(lines: list[str], limit: int) -> list[str]:
    """The first `limit` lines of a report, then "… and K more" for the rest: a short view
    for a dialog or a bar, with the whole report one click away."""
    shown = lines[:limit]
    if len(lines) > limit:
        shown.append(f"… and {len(lines) - limit} more")
    return shown


def json_path(loc: tuple[str | int, ...]) -> str:
    """Render a location tuple as a JSON path: ('entities', 3, 'claims', 0) -> entities[3].claims[0]."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"
