"""What a person would see as a missing character: the glyphs Qt chose for a laid-out text.

Imported by the child processes of the system tests that run under DejaVu-only fontconfig
(run from the repository root), so that they check glyphs the same way."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextDocument, QTextLayout


def missing_glyphs(layout: QTextLayout, text: str, where: str) -> list[str]:
    """One line per character of `text` that `layout` draws as a box (.notdef, glyph 0) or with
    a font that lacks it. (Not matched glyph by glyph: Qt 6.11 gives the first glyph of every
    run but the first the string index 0.)"""
    missing: list[str] = []
    runs = layout.glyphRuns(0, len(text.encode("utf-16-le")) // 2, QTextLayout.GlyphRunRetrievalFlag.RetrieveAll)
    if text.strip() and not runs:
        missing.append(f"{where}: no glyph at all for {text!r}")
    for run in runs:
        if 0 in run.glyphIndexes():
            missing.append(f"{where}: a box in {text!r}, drawn with {run.rawFont().familyName()} {run.rawFont().styleName()}")
    for ch in text:
        if ch.isprintable() and not ch.isspace() and not any(run.rawFont().supportsCharacter(ord(ch)) for run in runs):
            missing.append(f"{where}: {ch!r} (U+{ord(ch):04X}) in {text!r} is in none of {[run.rawFont().familyName() for run in runs]}")
    return missing


def line_layout(text: str, font: QFont) -> QTextLayout:
    """`text` laid out on one line in `font`."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return layout


def missing_in_document(document: QTextDocument, where: str) -> tuple[list[str], int]:
    """`missing_glyphs` for every block of a laid-out document, and how many blocks it has."""
    missing: list[str] = []
    block = document.begin()
    blocks = 0
    while block.isValid():
        document.documentLayout().blockBoundingRect(block)  # lays the block out
        missing += missing_glyphs(block.layout(), block.text(), where)
        block = block.next()
        blocks += 1
    return missing, blocks
