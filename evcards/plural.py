"""Counted nouns ("1 claim", "2 claims"; "1 条声明" in Chinese) for every layer, Qt or not.

Qt's plural forms (`%n` and the forms each language needs: English two, Chinese one) from the
translations in `resources/translations`, through `evcards.translation`: in the window and the
PDF that is Qt's translator, in `validate` and `list` the `.ts` itself, read without Qt. English
is the source language, but its plural forms come from a translation too: without one, Qt would
show "1 claim(s)".
"""

from __future__ import annotations

from evcards.translation import Words, fill


class Counts(Words):
    """Each count is a literal `Counts.tr` call in this class, so that pyside6-lupdate finds its
    text as a plural message of the context "Counts"."""

    @classmethod
    def claims(cls, count: int) -> str:
        return Counts.tr("%n claim(s)", "", count)

    @classmethod
    def quotes(cls, count: int) -> str:
        return Counts.tr("%n quote(s)", "", count)

    @classmethod
    def problems(cls, count: int) -> str:
        return Counts.tr("%n problem(s)", "", count)

    @classmethod
    def cards(cls, count: int) -> str:
        return Counts.tr("%n card(s)", "", count)

    @classmethod
    def pages(cls, count: int) -> str:
        return Counts.tr("%n page(s)", "", count)

    @classmethod
    def entities(cls, count: int) -> str:
        return Counts.tr("%n entity(-ies)", "", count)

    @classmethod
    def errors(cls, count: int) -> str:
        return Counts.tr("%n error(s)", "", count)

    @classmethod
    def findings(cls, count: int) -> str:
        return Counts.tr("%n finding(s)", "", count)

    @classmethod
    def entities_shown(cls, shown: int, total: int) -> str:
        """ "1 of 1 entity", "3 of 120 entities": the noun agrees with the total."""
        return fill(Counts.tr("%1 of %n entities", "", total), shown)


claims, quotes, problems, cards, pages = Counts.claims, Counts.quotes, Counts.problems, Counts.cards, Counts.pages
entities, errors, findings, entities_shown = Counts.entities, Counts.errors, Counts.findings, Counts.entities_shown
