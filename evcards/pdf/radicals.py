"""Which character a PDF glyph that Qt mapped to a CJK radical stands for.

CJK fonts draw a radical and the ideograph it looks like with one glyph: in Noto Sans CJK ⻚
(U+2EDA) is 页, ⻢ is 马, ⼈ (Kangxi, U+2F08) is 人, and in its Simplified Chinese face ⼾ is 户.
Qt's PDF writer gives a shared glyph the lowest code point of the cmap, the radical's, so a
PDF drawn with an installed Noto Sans CJK gave 马斯克 back as ⻢斯克. The table
(resources/fonts/radical-ideographs.json, built by scripts/make_radical_map.py) lists for each
radical of U+2E80-U+2EFF and U+2F00-U+2FDF Unicode's equivalent unified ideograph
(EquivalentUnifiedIdeograph.txt), then what else the Noto CJK faces draw with its glyph.

A ToUnicode map holds one text per glyph, so it cannot tell apart a radical and an ideograph
that share a glyph. `radical_choices` decides with what the export knows:

- a candidate that another glyph of the same font stands for is not this glyph's (the font
  draws them apart, and a radical the map holds next to its ideograph was typed as a radical);
- of the rest, the first the text drawn holds (户 rather than 戶 for ⼾ when the card says 用户);
- else the radical itself if the text drawn holds it (a card about radicals keeps its ⻚);
- else Unicode's equivalent, as NFKC would give for a Kangxi radical.

What it cannot do: a card that holds both ⻚ and 页, drawn by a font with one glyph for them,
gives 页 for both (the ideograph is by far the commoner). The text drawn is the cards' plain
text; page footers and labels are not in it, and a radical there becomes its ideograph.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import cache

from evcards.resources import fonts_dir

RADICALS_FILE = "radical-ideographs.json"


@cache
def radical_candidates() -> Mapping[str, tuple[str, ...]]:
    """Radical -> the characters its glyph may stand for, Unicode's equivalent ideograph first."""
    path = fonts_dir() / RADICALS_FILE
    raw: dict[str, list[str]] = json.loads(path.read_text(encoding="utf-8"))["radicals"] if path.is_file() else {}
    return {chr(int(radical, 16)): tuple(chr(int(code, 16)) for code in codes) for radical, codes in raw.items()}


def radical_choices(texts: Iterable[str], drawn_text: str = "") -> dict[str, str]:
    """For one font's ToUnicode map (the texts of its glyphs): each radical in it -> the text
    its glyph is given, chosen as the module says from `drawn_text`, the text the export drew."""
    mapped = set(texts)
    table = radical_candidates()
    choices: dict[str, str] = {}
    for radical in mapped & table.keys():
        candidates = [text for text in table[radical] if text not in mapped]
        written = [text for text in candidates if text in drawn_text]
        if written:
            choices[radical] = written[0]
        elif radical in drawn_text or not candidates or candidates[0] != table[radical][0]:
            choices[radical] = radical  # typed so, or the font draws Unicode's equivalent apart
        else:
            choices[radical] = candidates[0]
    return choices
