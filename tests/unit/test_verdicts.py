"""A claim's verdict from its evidence: stances, and whether each quote was found."""

from __future__ import annotations

import pytest

from evcards.kb.quotes import QuoteStatus
from evcards.kb.verdicts import Verdict, verdict_of

V, A, N = QuoteStatus.VERIFIED, QuoteStatus.APPROXIMATE, QuoteStatus.NOT_FOUND


@pytest.mark.parametrize(
    ("items", "verdict"),
    [
        ([], Verdict.NO_SOURCE_QUOTE),
        ([("supports", V)], Verdict.SUPPORTED),
        ([("supports", A)], Verdict.SUPPORTED),  # the same words once folded: counts, and the card marks it
        ([("supports", N)], Verdict.UNCONFIRMED),  # words the source lacks never make a claim look sourced
        ([("partial", V)], Verdict.PARTLY_SUPPORTED),
        ([("partial", V), ("supports", V)], Verdict.SUPPORTED),
        ([("refutes", V)], Verdict.REFUTED),
        ([("supports", V), ("refutes", V)], Verdict.CONTESTED),
        ([("partial", A), ("refutes", V)], Verdict.CONTESTED),
        ([("supports", N), ("refutes", V)], Verdict.REFUTED),  # the support that was not found does not count
        ([("supports", V), ("refutes", N)], Verdict.SUPPORTED),
        ([("context", V)], Verdict.UNCONFIRMED),
        ([("context", V), ("supports", V)], Verdict.SUPPORTED),
        ([("context", V), ("refutes", V)], Verdict.REFUTED),
    ],
)
def test_verdicts(items: list[tuple[str, QuoteStatus]], verdict: Verdict) -> None:
    assert verdict_of(items) is verdict
