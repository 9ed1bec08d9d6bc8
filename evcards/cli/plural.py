"""Counts in the command line's messages: "1 claim", "2 claims", "1 entity", "3 entities".

The window counts through Qt's translation system (`evcards.gui.counts`); the commands that
need no window print without importing Qt, so they count here.
"""

from __future__ import annotations


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """`count` and `noun`, or `plural` (default: the noun and "s") unless the count is one."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
