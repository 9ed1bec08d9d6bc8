"""Fonts bundled with evcards, so names in Chinese script render on a machine with no CJK font.

A fresh machine may have only DejaVu, which has no Han characters. The bundled OFL font subset
is registered with Qt and appended to the fallback families of the fonts the card and the list
use; Qt then embeds it (subset) in PDFs as well.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from evcards.resources import fonts_dir

# Bundled file -> the family it provides. A machine that has the full family installed keeps
# it: registering the subset under the same name would hide the full font's other characters.
BUNDLED_FONTS = {"NotoSansSC-evcards-subset.otf": "Noto Sans CJK SC"}


@lru_cache(maxsize=1)
def register_bundled_fonts() -> tuple[str, ...]:
    """Register the bundled fonts once per process (unless installed); return their families."""
    installed = set(QFontDatabase.families())
    families: list[str] = []
    for file_name, family in BUNDLED_FONTS.items():
        if family not in installed:
            font_id = QFontDatabase.addApplicationFont(str(fonts_dir() / file_name))
            if font_id == -1:
                continue
        if family not in families:
            families.append(family)
    return tuple(families)


def with_fallbacks(font: QFont) -> QFont:
    """`font` with the bundled families appended as fallbacks for characters it lacks."""
    result = QFont(font)
    base = list(font.families()) or [font.family()]
    result.setFamilies(base + [f for f in register_bundled_fonts() if f not in base])
    return result


def install_application_font(app: QApplication) -> None:
    """Make the bundled fallbacks part of the application's default font."""
    app.setFont(with_fallbacks(app.font()))
