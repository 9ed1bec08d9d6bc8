"""The timeline's data: which claims are dated and when, and the axis's ticks at each zoom."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from evcards.card.timeline_axis import ticks
from evcards.card.timeline_data import Precision, entity_timeline, knowledge_base_timeline, period_of
from evcards.kb.verdicts import Verdict
from tests.conftest import load_kb

MULTILINGUAL = Path(__file__).parent.parent / "data" / "multilingual" / "kb.json"


def test_a_date_covers_the_whole_period_it_is_written_with() -> None:
    assert period_of("2024") == (date(2024, 1, 1), date(2025, 1, 1), Precision.YEAR)
    assert period_of("2024-12") == (date(2024, 12, 1), date(2025, 1, 1), Precision.MONTH)
    assert period_of("2024-02") == (date(2024, 2, 1), date(2024, 3, 1), Precision.MONTH)
    assert period_of("2024-03-28") == (date(2024, 3, 28), date(2024, 3, 29), Precision.DAY)


@pytest.mark.parametrize("text", ["", "2024-13", "2023-02-30", "24", "2024-03-28-01", "２０２４"])
def test_what_is_not_a_date_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        period_of(text)


def test_xiaomi_claims_are_dated_by_their_own_date_else_by_their_source() -> None:
    kb = load_kb(MULTILINGUAL)
    xiaomi = kb.entity("小米")
    assert xiaomi is not None
    timeline = entity_timeline(kb, xiaomi)
    dated = [(c.claim_index, c.date_text, c.dated_by_source) for c in timeline.dated]
    # claims 1 and 7 quote sources published in March 2021 and in 2024; 0 and 4 have their own dates
    assert dated == [(0, "2010", False), (1, "2021-03", True), (7, "2024", True), (4, "2024-03-28", False)]
    assert [c.claim_index for c in timeline.undated] == [2, 3, 5, 6, 8]
    assert timeline.dated[0].statement == "Xiaomi was founded in 2010."
    assert timeline.dated[0].period is not None and timeline.dated[0].period.precision is Precision.YEAR
    assert timeline.undated[2].verdict is Verdict.NO_SOURCE_QUOTE


def test_the_whole_knowledge_base_is_in_time_order_with_each_claims_entity() -> None:
    kb = load_kb(MULTILINGUAL)
    timeline = knowledge_base_timeline(kb)
    starts = [c.period.start for c in timeline.dated if c.period]
    assert starts == sorted(starts)
    assert {c.entity_id for c in timeline.dated} >= {"小米", "su7"}  # the SU7's claims quote a source of 2024
    assert len(timeline.dated) + len(timeline.undated) == sum(len(e.claims) for e in kb.entities)


def test_ticks_go_from_decades_to_years_months_and_days_as_the_axis_zooms_in() -> None:
    def labels(first: date, last: date, width: float = 800) -> list[str]:
        return [t.label for t in ticks(first.toordinal(), last.toordinal(), width, char_width=7)[1]]

    centuries = labels(date(1900, 1, 1), date(2030, 1, 1))
    assert "1950" in centuries and "1955" not in centuries
    assert labels(date(2015, 6, 1), date(2025, 6, 1))[:3] == ["2016", "2017", "2018"]
    assert labels(date(2024, 1, 1), date(2024, 12, 31), 1200)[:2] == ["Jan 2024", "Feb 2024"]
    assert labels(date(2024, 3, 1), date(2024, 3, 8)) == [f"{d} Mar 2024" for d in range(1, 9)]


def test_ticks_never_leave_the_calendar() -> None:
    assert all(t.label for t in ticks(-1e6, 1e7, 100, 7)[1])
    assert ticks(5, 5, 100, 7)[1] == []
