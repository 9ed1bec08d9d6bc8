"""Counts in messages: "1 claim", "2 claims". No Qt, nothing to import."""

from __future__ import annotations


def counted(count: int, noun: str) -> str:
    """`count` and `noun`, with an "s" unless the count is one (every noun evcards counts takes one)."""
    return f"{count} {noun}{'s' * (count != 1)}"
