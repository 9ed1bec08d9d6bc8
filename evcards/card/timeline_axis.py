"""The ticks of a time axis: which dates get a tick and a label at a given zoom.

The step is the smallest of day, month, quarter, 1, 2, 5, 10... years whose labels fit
between two ticks, so that zooming in goes from decades to years, months and days. Times are
proleptic Gregorian ordinals (`date.toordinal`), as floats for positions between days.
"""

from __future__ import annotations

import math
from datetime import date
from typing import NamedTuple

from wcwidth import wcswidth

from evcards.translation import QT_TRANSLATE_NOOP, fill, translate

MONTHS = (
    QT_TRANSLATE_NOOP("TimelineAxis", "Jan"),
    QT_TRANSLATE_NOOP("TimelineAxis", "Feb"),
    QT_TRANSLATE_NOOP("TimelineAxis", "Mar"),
    QT_TRANSLATE_NOOP("TimelineAxis", "Apr"),
    QT_TRANSLATE_NOOP("TimelineAxis", "May"),
    QT_TRANSLATE_NOOP("TimelineAxis", "Jun"),
    QT_TRANSLATE_NOOP("TimelineAxis", "Jul"),
    QT_TRANSLATE_NOOP("TimelineAxis", "Aug"),
    QT_TRANSLATE_NOOP("TimelineAxis", "Sep"),
    QT_TRANSLATE_NOOP("TimelineAxis", "Oct"),
    QT_TRANSLATE_NOOP("TimelineAxis", "Nov"),
    QT_TRANSLATE_NOOP("TimelineAxis", "Dec"),
)
LABEL_GAP_CHARS = 3  # room between two labels, in average characters
FIRST, LAST = date(1, 1, 1).toordinal(), date(9999, 12, 31).toordinal()


class Step(NamedTuple):
    unit: str  # "day", "month" or "year"
    size: int  # how many units

    @property
    def days(self) -> float:
        return {"day": 1.0, "month": 30.44, "year": 365.25}[self.unit] * self.size

    @property
    def label_chars(self) -> int:
        """The widest label's width in average characters (a CJK one counts two: "2024年12月")."""
        return max(wcswidth(label(date(2024, 12, 28), self.unit)), 1)


STEPS = (
    Step("day", 1),
    Step("month", 1),
    Step("month", 3),
    *(Step("year", n) for n in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)),
)


class Tick(NamedTuple):
    at: float  # ordinal
    label: str


def label(day: date, unit: str) -> str:
    month = translate("TimelineAxis", MONTHS[day.month - 1])
    if unit == "day":
        return fill(translate("TimelineAxis", "%1 %2 %3", "day, month, year"), day.day, month, day.year)
    if unit == "month":
        return fill(translate("TimelineAxis", "%1 %2", "month, year"), month, day.year)
    return str(day.year)


def choose_step(days_per_pixel: float, char_width: float) -> Step:
    """The finest step whose labels, `char_width` pixels a character, do not touch."""
    for step in STEPS:
        if step.days / days_per_pixel >= (step.label_chars + LABEL_GAP_CHARS) * char_width:
            return step
    return STEPS[-1]


def _starts(step: Step, low: float, high: float) -> list[date]:
    first = date.fromordinal(max(FIRST, min(LAST, math.floor(low))))
    last = date.fromordinal(max(FIRST, min(LAST, math.ceil(high))))
    found: list[date] = []
    if step.unit == "day":
        return [date.fromordinal(n) for n in range(first.toordinal(), last.toordinal() + 1)]
    if step.unit == "month":
        index = first.year * 12 + first.month - 1
        index += -index % step.size
        while (day := date(index // 12, index % 12 + 1, 1)) <= last:
            found.append(day)
            index += step.size
            if index // 12 > 9999:
                break
        return found
    year = max(1, first.year + -first.year % step.size)
    while year <= min(last.year, 9999):
        found.append(date(year, 1, 1))
        year += step.size
    return found


def ticks(low: float, high: float, width: float, char_width: float) -> tuple[Step, list[Tick]]:
    """The step and the ticks between ordinals `low` and `high` drawn over `width` pixels."""
    if high <= low or width <= 0:
        return STEPS[-1], []
    step = choose_step((high - low) / width, char_width)
    return step, [Tick(float(day.toordinal()), label(day, step.unit)) for day in _starts(step, low, high) if low <= day.toordinal() <= high]
