"""The dated claims of an entity or of a whole knowledge base, as periods on a time axis.

A claim's date is its own `date`, else the `published` date of its first evidence item's
source (the claim holds at least since the source said it). A date says only as much as it
is written with: "2024" is the whole of 2024, "2024-03" the whole of March, so each claim
becomes a half-open period [start, end) of days with its precision, and the timeline draws a
year-precise claim as a bar over its year. Claims with neither date are kept apart, in card
order, for a list beside the axis. No Qt here: the view (`evcards.gui.timeline_view`) only
draws what this module gives.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, NamedTuple

from evcards.kb.dates import DATE_FORMS, is_date

if TYPE_CHECKING:
    from evcards.kb.loaded import LoadedKnowledgeBase
    from evcards.kb.model import Claim, Entity
    from evcards.kb.verdicts import Verdict


class Precision(str, Enum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class Period(NamedTuple):
    """Days from `start` (included) to `end` (excluded), as written with `precision`."""

    start: date
    end: date
    precision: Precision

    @property
    def middle(self) -> float:
        """The middle of the period, as a proleptic Gregorian ordinal (`date.toordinal`)."""
        return (self.start.toordinal() + self.end.toordinal()) / 2


def period_of(text: str) -> Period:
    """The period an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD, as `evcards.kb.dates` accepts)
    covers; ValueError for anything else."""
    if not is_date(text):
        raise ValueError(f"{text!r} is not an ISO 8601 date: write {DATE_FORMS}")
    parts = text.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return Period(date(year, 1, 1), _next_year(year), Precision.YEAR)
    month = int(parts[1])
    if len(parts) == 2:
        start = date(year, month, 1)
        end = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
        return Period(start, end, Precision.MONTH)
    day = date(year, month, int(parts[2]))
    return Period(day, date.fromordinal(day.toordinal() + 1), Precision.DAY)


def _next_year(year: int) -> date:
    return date(year + 1, 1, 1) if year < date.max.year else date.max


class TimelineClaim(NamedTuple):
    """One claim as the timeline shows it: whose it is, what it says, its verdict, and when."""

    entity_id: str
    entity_name: str
    claim_index: int  # in the entity's `claims`: what the card numbers `claim_index + 1`
    statement: str
    verdict: Verdict
    date_text: str | None  # as the file writes it; None for an undated claim
    dated_by_source: bool  # the date is the source's `published`, not the claim's own `date`
    period: Period | None


class Timeline(NamedTuple):
    """Dated claims in time order (then by entity and card order), and the undated ones apart."""

    dated: list[TimelineClaim]
    undated: list[TimelineClaim]


def claim_date(kb: LoadedKnowledgeBase, claim: Claim) -> tuple[str, bool] | None:
    """The claim's date as written and whether it is its source's; None for an undated claim."""
    if claim.date:
        return claim.date, False
    items = claim.evidence_items
    source = kb.source(items[0].source) if items else None
    if source is not None and source.published:
        return source.published, True
    return None


def _entity_claims(kb: LoadedKnowledgeBase, entity: Entity) -> list[TimelineClaim]:
    found = []
    for index, claim in enumerate(entity.claims):
        dated = claim_date(kb, claim)
        text, by_source = dated if dated is not None else (None, False)
        period = period_of(text) if text is not None else None
        verdict = kb.verdict(entity, index)
        found.append(TimelineClaim(entity.id, entity.name, index, claim.statement, verdict, text, by_source, period))
    return found


def _timeline(claims: list[TimelineClaim]) -> Timeline:
    dated = [c for c in claims if c.period is not None]
    dated.sort(key=lambda c: (c.period.start if c.period else date.min, c.period.end if c.period else date.min))
    return Timeline(dated, [c for c in claims if c.period is None])


def entity_timeline(kb: LoadedKnowledgeBase, entity: Entity) -> Timeline:
    """The claims of one entity's card."""
    return _timeline(_entity_claims(kb, entity))


def knowledge_base_timeline(kb: LoadedKnowledgeBase) -> Timeline:
    """The claims of every entity, in file order before the sort by date."""
    return _timeline([c for entity in kb.entities for c in _entity_claims(kb, entity)])
