"""Data on a terminal as text, never as commands: what every CLI line that shows data goes through.

A terminal acts on control characters instead of showing them: ESC starts sequences that can
retitle the window, clear the screen or move the cursor, a line break or tab breaks a table's
row, and the bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) turn the
rest of the line around. Names, quotes and paths come from someone else's file, so they are
shown escaped as JSON and Python write them: `\\n`, `\\t`, `\\r`, else `\\u001b`, `\\u202e`. The
escapes are plain ASCII, so a table padded by display width (wcwidth) stays lined up.
"""

from __future__ import annotations

import re
import sys
from typing import TextIO

# C0 controls, DEL, C1 controls, the line and paragraph separators, the bidi controls.
ACTING = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_SHORT = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    character = match.group()
    return _SHORT.get(character) or f"\\u{ord(character):04x}"


def escaped(text: str) -> str:
    """`text` with every character a terminal would act on written as an escape."""
    if text.isprintable() and not ACTING.search(text):
        return text
    return ACTING.sub(_escape, text)


def say(message: str, file: TextIO | None = None) -> None:
    """Print `message`, line by line (its own line breaks kept), each line escaped: for a
    message that holds data (a name, a path, a quote). Standard error by default."""
    print("\n".join(escaped(line) for line in message.split("\n")), file=file or sys.stderr)
