#!/usr/bin/env python3
"""Build the bundled CJK font subset: resources/fonts/NotoSansSC-evcards-subset.otf.

Why: evcards shows and prints Chinese names (小米, 雷军, ...). A fresh Debian install may have
only DejaVu fonts, which have no hanzi, so Qt would draw empty boxes on screen and in PDFs.
The full Noto Sans CJK collection is ~19 MB; a subset holding the common simplified hanzi
(GB2312 level 1, ~3,755 characters) plus CJK punctuation, fullwidth forms and every CJK
character used in resources/data/*.json is ~0.8 MB and small enough to ship in the wheel.

Source: Noto Sans CJK SC Regular, face 2 of the Debian fonts-noto-cjk TTC (SIL OFL 1.1,
no Reserved Font Name declared), so the family name "Noto Sans CJK SC" is kept unchanged.
The output stays CFF-flavoured OpenType: Qt's PDF engine re-encodes the glyphs it uses as an
embedded TrueType subset itself, so a TTF conversion buys nothing (see resources/fonts/README.md).

Usage (from the repository root, with fontTools installed):
    python scripts/make_cjk_font_subset.py [--source PATH] [--output PATH]
Re-run it whenever resources/data/*.json gains characters outside GB2312 level 1.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
DEFAULT_OUTPUT = REPO / "resources" / "fonts" / "NotoSansSC-evcards-subset.otf"
DATA_GLOB = "resources/data/*.json"
WANTED_FAMILY = "Noto Sans CJK SC"  # the simplified-Chinese face of the collection
ALWAYS = "小米雷军"

# Ranges counted as "CJK" when harvesting characters from the data files.
CJK_RANGES: tuple[tuple[int, int], ...] = (
    (0x2E80, 0x2FDF),  # CJK radicals supplement, Kangxi radicals
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3040, 0x30FF),  # hiragana, katakana
    (0x3100, 0x312F),  # bopomofo
    (0x3200, 0x33FF),  # enclosed CJK letters, CJK compatibility
    (0x3400, 0x4DBF),  # CJK unified ideographs extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE10, 0xFE1F),  # vertical forms
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # halfwidth and fullwidth forms
    (0x20000, 0x3134F),  # extensions B-G
)

# Fixed ranges always included (besides GB2312 level 1).
FIXED_RANGES: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E),  # ASCII, so mixed strings such as "雷军 SU7" keep one font
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0xFF00, 0xFFEF),  # halfwidth and fullwidth forms
)
# Punctuation Chinese text uses outside those blocks: · – — ‘ ’ “ ” … ‰ ※
EXTRA_CHARS = "\u00b7\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2030\u203b"

# Tables evcards does not want:
# - BASE, VORG, vhea, vmtx: vertical metrics and baselines (no vertical text).
# - GSUB: its only lookups here are 'locl' (swaps ASCII digits for cmap-less alternates in
#   Latin runs under a non-CJK locale) and 'ccmp' (turns "——" into one cmap-less 2-em dash
#   glyph). Qt's PDF writer builds the ToUnicode map from the cmap alone, so such glyphs
#   drop out of copy/paste, search and pdftotext ("小米SU7" extracts as "小米SU").
DROP_TABLES = ["BASE", "VORG", "vhea", "vmtx", "GSUB"]


def gb2312_level1() -> list[str]:
    """The 3,755 GB2312 level-1 hanzi (rows 0xB0-0xD7), the common simplified characters."""
    chars: list[str] = []
    for row in range(0xB0, 0xD8):
        for cell in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):  # row 0xD7 ends at 0xF9
                chars.append(bytes((row, cell)).decode("gb2312"))
    return chars


def is_cjk(ch: str) -> bool:
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in CJK_RANGES)


def _strings(node: object) -> Iterator[str]:
    """Every string (keys included) in a parsed JSON document."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from _strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)


def data_chars(paths: Iterable[Path]) -> set[str]:
    """CJK characters used in the JSON data files (parsed, so \\uXXXX escapes count too)."""
    found: set[str] = set()
    for path in paths:
        doc = json.loads(path.read_text(encoding="utf-8"))
        for text in _strings(doc):
            found.update(ch for ch in text if is_cjk(ch))
    return found


def find_face(source: Path, family: str) -> int:
    """Index of the face in a TTC whose family name (nameID 1) is `family`."""
    if source.suffix.lower() not in {".ttc", ".otc"}:
        return 0
    index = 0
    while True:
        try:
            font = TTFont(source, fontNumber=index, lazy=True)
        except IndexError:
            raise SystemExit(f"{source}: no face with family name {family!r}") from None
        name = font["name"].getDebugName(1)
        font.close()
        if name == family:
            return index
        index += 1


def wanted_codepoints(data_paths: Iterable[Path]) -> tuple[set[int], set[int], set[str]]:
    """(block code points, kept if the font has them; required code points; data chars)."""
    blocks: set[int] = set()
    for lo, hi in FIXED_RANGES:
        blocks.update(range(lo, hi + 1))  # includes unassigned code points: filtered later
    from_data = data_chars(data_paths)
    required = {ord(c) for c in EXTRA_CHARS + ALWAYS + "".join(gb2312_level1())}
    required.update(ord(c) for c in from_data)
    return blocks, required, from_data


def build(source: Path, output: Path, data_paths: list[Path]) -> dict[str, object]:
    face = find_face(source, WANTED_FAMILY)
    blocks, required, from_data = wanted_codepoints(data_paths)

    # recalcTimestamp=False keeps head.modified from the source: same inputs, same bytes.
    font = TTFont(source, fontNumber=face, recalcTimestamp=False)
    cmap = font.getBestCmap()
    missing = "".join(sorted(chr(u) for u in required if u not in cmap))
    unicodes = (blocks | required) & set(cmap)

    options = subset.Options()
    options.hinting = False  # drop CFF hints to save space
    options.desubroutinize = False  # subroutines keep the CFF small
    options.drop_tables += DROP_TABLES
    options.layout_features = ["kern"]  # GPOS only; see DROP_TABLES for why no GSUB
    options.name_IDs = ["*"]  # keep copyright (0), trademark (7), licence (13, 14) records
    options.name_languages = ["*"]  # and the zh-CN (0x804) family name
    options.notdef_outline = True
    options.glyph_names = False
    options.recalc_bounds = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)

    output.parent.mkdir(parents=True, exist_ok=True)
    font.save(output)
    font.close()

    hanzi = sum(1 for u in unicodes if 0x3400 <= u <= 0x9FFF or 0x20000 <= u <= 0x3134F)
    return {
        "face": face,
        "codepoints": len(unicodes),
        "hanzi": hanzi,
        "data_files": len(data_paths),
        "data_cjk_chars": len(from_data),
        "missing": missing,
        "bytes": output.stat().st_size,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    data_paths = sorted(REPO.glob(DATA_GLOB))
    stats = build(args.source, args.output, data_paths)
    print(f"wrote {args.output} ({stats['bytes']:,} bytes)")
    print(f"from face {stats['face']} of {args.source}")
    print(
        f"{stats['codepoints']} code points, {stats['hanzi']} hanzi, "
        f"{stats['data_cjk_chars']} CJK characters from {stats['data_files']} data file(s)"
    )
    if stats["missing"]:
        print(f"not in the source font, skipped: {stats['missing']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
