"""Counted nouns in the window's words ("1 claim", "2 claims"), through Qt's translation system.

Qt's `translate` with a count picks the plural form a language needs (English two, Chinese one,
Polish three); the forms live in `resources/translations/evcards_*.ts`, compiled to `.qm` by
`scripts/update_translations.sh`. English is the source language, but its plural forms come from
a translation too: without one, Qt would show "1 claim(s)". The translator is installed on first
use, so any window, dialog or test that counts gets the right words, however its application was
made. (The command line prints without Qt and counts with `evcards.translation.translate`, from the same `.ts`.)
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from evcards.translators import install_translators, installed


def install_translator() -> None:
    """Install the chosen language's translators (English: its plural forms), once per application."""
    if not installed():
        install_translators()


# Each count is a literal `translate` call, so that pyside6-lupdate finds its text.
def claims(count: int) -> str:
    install_translator()
    return QCoreApplication.translate("Counts", "%n claim(s)", None, count)


def quotes(count: int) -> str:
    install_translator()
    return QCoreApplication.translate("Counts", "%n quote(s)", None, count)


def problems(count: int) -> str:
    install_translator()
    return QCoreApplication.translate("Counts", "%n problem(s)", None, count)


def cards(count: int) -> str:
    install_translator()
    return QCoreApplication.translate("Counts", "%n card(s)", None, count)


def pages(count: int) -> str:
    install_translator()
    return QCoreApplication.translate("Counts", "%n page(s)", None, count)


def entities_shown(shown: int, total: int) -> str:
    """ "1 of 1 entity", "3 of 120 entities": the noun agrees with the total."""
    install_translator()
    return QCoreApplication.translate("Counts", "%1 of %n entities", None, total).replace("%1", str(shown))
