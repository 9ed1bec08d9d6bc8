"""Counts in the command line's messages: "1 claim", "2 claims", "1 entity", "3 entities".

The same counted words as the window's (`evcards.plural`), which the commands that need no
window read without importing Qt.
"""

from __future__ import annotations

from evcards.plural import cards, claims, entities, errors, findings, pages, quotes

__all__ = ["cards", "claims", "counted", "entities", "errors", "findings", "pages", "quotes"]


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """English only, for a noun `evcards.plural` does not count yet: `count` and `noun`, or
    `plural` (default: the noun and "s") unless the count is one."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
