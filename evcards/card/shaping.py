"""Whether a text needs OpenType shaping to be drawn right (no Qt).

The card skips shaping for text that needs none (see `evcards.card.document.card_font`). The
check is a regular expression whose compiling takes ~4 ms, so it lives apart from Qt: the first
card's process (`evcards.card.preview`) answers it for the first card, and the window compiles
it with the first card it writes itself, after its first frame.
"""

from __future__ import annotations

import re
from functools import cache

# Scripts whose glyphs are drawn one per character with no joining, reordering or mark
# placement: Latin, Greek, Cyrillic, general punctuation and symbols (✓ ✗ ≈), kana, Han and
# Hangul syllables. Left out, so they are shaped: every combining mark (U+0300-U+036F,
# Cyrillic U+0483-U+0489, marks for symbols U+20D0-U+20FF, ideographic tone marks
# U+302A-U+302F, kana voicing marks U+3099-U+309A), Hangul jamo, Arabic, Hebrew, Indic
# scripts, Thai, variation selectors and emoji beyond U+27BF.
_NEEDS_NO_SHAPING = (
    "\u0000-\u02ff\u0370-\u03ff\u0400-\u0482\u048a-\u04ff\u1e00-\u1eff\u2000-\u20cf\u2100-\u27bf"
    "\u3000-\u3029\u3030-\u3098\u309b-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uff00-\uffef"
)


@cache
def _shaping_pattern() -> re.Pattern[str]:
    return re.compile(f"[^{_NEEDS_NO_SHAPING}]")  # compiled at the first use, not at start-up


def needs_shaping(text: str) -> bool:
    """True if `text` has a character that is drawn wrong without OpenType shaping."""
    return _shaping_pattern().search(text) is not None
