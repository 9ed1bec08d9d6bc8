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
from evcards.translation import QT_TRANSLATE_NOOP, translate


class Verdict(str, Enum):
    SUPPORTED = "supported"
    PARTLY_SUPPORTED = "partly supported"
    CONTESTED = "contested"
    REFUTED = "refuted"
    UNCONFIRMED = "unconfirmed"
    NO_SOURCE_QUOTE = "no source quote"

    @property
    def label(self) -> str:
        """The verdict in the reader's language (the value is the file format's word)."""
        return translate("Verdict", _LABELS[self])


_LABELS = {
    Verdict.SUPPORTED: QT_TRANSLATE_NOOP("Verdict", "supported"),
    Verdict.PARTLY_SUPPORTED: QT_TRANSLATE_NOOP("Verdict", "partly supported"),
    Verdict.CONTESTED: QT_TRANSLATE_NOOP("Verdict", "contested"),
    Verdict.REFUTED: QT_TRANSLATE_NOOP("Verdict", "refuted"),
    Verdict.UNCONFIRMED: QT_TRANSLATE_NOOP("Verdict", "unconfirmed"),
    Verdict.NO_SOURCE_QUOTE: QT_TRANSLATE_NOOP("Verdict", "no source quote"),
}


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
