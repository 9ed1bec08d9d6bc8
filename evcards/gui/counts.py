"""Counted nouns in the window's words ("1 claim", "2 claims"), through Qt's translation system.

The words and their plural forms are `evcards.plural`'s; here each count first makes sure the
application has its translators (`evcards.translators`), so any window, dialog or test that
counts gets the right words, however its application was made.
"""

from __future__ import annotations

from evcards import plural
from evcards.translators import install_translators, installed


def install_translator() -> None:
    """Install the chosen language's translators (English: its plural forms), once per application."""
    if not installed():
        install_translators()


def claims(count: int) -> str:
    install_translator()
    return plural.claims(count)


def quotes(count: int) -> str:
    install_translator()
    return plural.quotes(count)


def problems(count: int) -> str:
    install_translator()
    return plural.problems(count)


def cards(count: int) -> str:
    install_translator()
    return plural.cards(count)


def pages(count: int) -> str:
    install_translator()
    return plural.pages(count)


def entities_shown(shown: int, total: int) -> str:
    """ "1 of 1 entity", "3 of 120 entities": the noun agrees with the total."""
    install_translator()
    return plural.entities_shown(shown, total)
