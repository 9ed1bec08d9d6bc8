"""The command line's counts read as English: "1 entity", "2 entities", "0 claims"."""

from __future__ import annotations

from evcards.cli.plural import claims, entities


def test_counts_agree_with_their_noun() -> None:
    assert [claims(n) for n in (0, 1, 2)] == ["0 claims", "1 claim", "2 claims"]
    assert [entities(n) for n in (0, 1, 2)] == ["0 entities", "1 entity", "2 entities"]
