"""Counts in the command line's messages: "1 claim", "2 claims", "1 entity", "3 entities".

The same counted words as the window's (`evcards.plural`), which the commands that need no
window read without importing Qt.
"""

from __future__ import annotations

from evcards.plural import cards, claims, entities, errors, findings, pages, quotes

__all__ = ["cards", "claims", "entities", "errors", "findings", "pages", "quotes"]
