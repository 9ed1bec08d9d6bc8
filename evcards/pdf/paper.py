"""The default paper size: US Letter where the locale's territory uses it, A4 everywhere else.

On Linux the paper size is a locale category of its own (LC_PAPER), read here from the
environment as the C library would (LC_ALL, then LC_PAPER, then LANG). Elsewhere, or when
those say nothing about a territory, Qt's idea of the system locale decides.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

from PySide6.QtCore import QLocale

# CLDR's "US-Letter" paper territories (supplementalData.xml, paperSize); everything else is A4.
LETTER_TERRITORIES = frozenset({"US", "CA", "MX", "PR", "PH", "CL", "CO", "VE", "CR", "GT", "NI", "PA", "SV", "BZ"})
_LOCALE_NAME = re.compile(r"^[A-Za-z]{2,3}_([A-Za-z]{2})\b")


def territory_from_environment(environ: Mapping[str, str]) -> str | None:
    """The territory ('US') of the locale that decides paper size, or None if it names none."""
    for variable in ("LC_ALL", "LC_PAPER", "LANG"):
        value = environ.get(variable)
        if value:
            match = _LOCALE_NAME.match(value)
            return match[1].upper() if match else None
    return None


def page_size_for_territory(territory: str | None) -> str:
    return "letter" if territory and territory.upper() in LETTER_TERRITORIES else "a4"


def default_page_size(environ: Mapping[str, str] | None = None) -> str:
    """'letter' or 'a4' for this machine's locale; 'a4' where the territory is unknown."""
    territory = territory_from_environment(os.environ if environ is None else environ)
    if territory is None:
        system = QLocale.system()
        if system.language() != QLocale.Language.C:
            territory = QLocale.territoryToCode(system.territory()) or None
    return page_size_for_territory(territory)
