"""Problems found in a knowledge base file, each pointing at a place in it.

Two levels are kept apart: a *problem* (an error) stops a file from being a knowledge base
at all; a *finding* is about one evidence item (its quote is not found, or only
approximately) and the file still opens with that item marked.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from evcards.kb.quotes import QuoteCheck


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


@dataclass(frozen=True, slots=True)
class Finding(Problem):
    """A quote that is not verified, with where it is for a reader: the entity's id, the claim's
    and the evidence item's numbers (from 1), and the check itself for the details."""

    entity_id: str = ""
    claim_number: int = 0
    evidence_number: int = 0
    check: QuoteCheck | None = None

    @property
    def kind(self) -> str:
        """'approximate' or 'not-found': what `evcards validate` counts findings by."""
        return self.check.status.value if self.check is not None else "finding"

    @property
    def where(self) -> str:
        """The place in words, then as a JSON path: entity 'xiaomi', claim 3, evidence 2 (entities[0]...)."""
        return f"entity {self.entity_id!r}, claim {self.claim_number}, evidence {self.evidence_number} ({self.place})"


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
