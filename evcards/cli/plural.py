"""Counts in the command line's messages: "1 claim", "2 claims", "1 entity", "3 entities".

Qt's plural forms, read without Qt (`evcards.translation`): the same "%n claim(s)" messages
and translations as the window's counts (`evcards.gui.counts`), so the commands that need no
window count in the chosen language without importing Qt. Each count is a literal `translate`
call, so that pyside6-lupdate finds its text.
"""

from __future__ import annotations

from evcards.translation import translate


def claims(count: int) -> str:
    return translate("Counts", "%n claim(s)", None, count)


def quotes(count: int) -> str:
    return translate("Counts", "%n quote(s)", None, count)


def cards(count: int) -> str:
    return translate("Counts", "%n card(s)", None, count)


def pages(count: int) -> str:
    return translate("Counts", "%n page(s)", None, count)


def entities(count: int) -> str:
    return translate("Counts", "%n entity(-ies)", None, count)


def errors(count: int) -> str:
    return translate("Counts", "%n error(s)", None, count)


def findings(count: int) -> str:
    return translate("Counts", "%n finding(s)", None, count)


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """English only, for words without a translation yet: `count` and `noun`, or `plural`
    (default: the noun and "s") unless the count is one. Prefer the counts above."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
