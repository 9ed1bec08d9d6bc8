"""Light, dark or the desktop's palette: chosen in View > Color Scheme, or forced by the environment.

Many Linux desktops give Qt no dark palette even when the desktop is dark, so evcards brings
its own. EVCARDS_COLOR_SCHEME ("dark" or "light") wins over the menu's choice: tests and
screenshots need a fixed palette whatever the settings say.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

COLOR_SCHEME = "EVCARDS_COLOR_SCHEME"  # "dark" or "light": override the desktop's choice and the settings


def forced_scheme() -> str | None:
    """ "dark" or "light" when EVCARDS_COLOR_SCHEME says so, else None."""
    scheme = os.environ.get(COLOR_SCHEME, "").lower()
    return scheme if scheme in ("dark", "light") else None


def apply_color_scheme(app: QApplication, choice: str) -> str:
    """Apply "system", "light" or "dark" (the environment's scheme instead, when it forces one),
    live: every widget repaints with the new palette. Returns the scheme applied."""
    scheme = forced_scheme() or choice
    hints = app.styleHints()
    if scheme in ("dark", "light"):
        hints.setColorScheme(Qt.ColorScheme.Dark if scheme == "dark" else Qt.ColorScheme.Light)
        if app.style().name().lower() not in ("fusion", ""):  # "": the Fusion proxy of scroll_bar_style
            app.setStyle("Fusion")
            from evcards.gui.scroll_bar_style import speed_up_scroll_bars

            speed_up_scroll_bars(app)
        app.setPalette(dark_palette() if scheme == "dark" else app.style().standardPalette())
    else:
        hints.unsetColorScheme()
        app.setPalette(QPalette())  # nothing set: the platform's own palette again
    return scheme


def dark_palette() -> QPalette:
    """A dark palette for desktops whose platform theme gives Qt none."""
    palette = QPalette()
    role, color = QPalette.ColorRole, QColor
    for name, value in {
        role.Window: "#1e2228",
        role.WindowText: "#e6edf3",
        role.Base: "#161b22",
        role.AlternateBase: "#21262d",
        role.Text: "#e6edf3",
        role.Button: "#21262d",
        role.ButtonText: "#e6edf3",
        role.Highlight: "#1f6feb",
        role.HighlightedText: "#ffffff",
        role.Link: "#6cb6ff",
        role.PlaceholderText: "#8b949e",
        role.ToolTipBase: "#21262d",
        role.ToolTipText: "#e6edf3",
        role.Mid: "#30363d",
        role.Dark: "#0d1117",
    }.items():
        palette.setColor(name, color(value))
    for name in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, name, color("#6e7681"))
    return palette
