"""A claim's verdict, derived from its evidence items and where their quotes stand.

The rules (docs/format.md, "Verdicts"):

- An evidence item *counts* when its quote is found in its source, verbatim or approximately
  (an approximate quote has the same words once folded; the card marks it). A quote that is
  not found counts for nothing: the claim must not look sourced by words its source lacks.
- `context` items never count: they give background, neither for nor against.
- Among the items that count: support (`supports` or `partial`) and `refutes` together:
  *contested*; only `refutes`: *refuted*; any `supports`: *supported*; only `partial`:
  *partly supported*.
- No evidence item at all: *no source quote*. Items, but none that counts (quotes not found,
  or context only): *unconfirmed*.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

from evcards.kb.quotes import QuoteStatus


class Verdict(str, Enum):
    SUPPORTED = "supported"
    PARTLY_SUPPORTED = "partly supported"
    CONTESTED = "contested"
    REFUTED = "refuted"
    UNCONFIRMED = "unconfirmed"
    NO_SOURCE_QUOTE = "no source quote"


def counts(stance: str, status: QuoteStatus) -> bool:
    """Whether an evidence item takes part in its claim's verdict."""
    return stance != "context" and status is not QuoteStatus.NOT_FOUND


def verdict_of(items: Iterable[tuple[str, QuoteStatus]]) -> Verdict:
    """The verdict of a claim whose evidence items have these (stance, quote status) pairs."""
    seen = False
    stances: set[str] = set()
    for stance, status in items:
        seen = True
        if counts(stance, status):
            stances.add(stance)
    if not seen:
        return Verdict.NO_SOURCE_QUOTE
    support = stances & {"supports", "partial"}
    if support and "refutes" in stances:
        return Verdict.CONTESTED
    if "refutes" in stances:
        return Verdict.REFUTED
    if "supports" in stances:
        return Verdict.SUPPORTED
    if "partial" in stances:
        return Verdict.PARTLY_SUPPORTED
    return Verdict.UNCONFIRMED
