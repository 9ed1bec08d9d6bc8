#!/usr/bin/env python3
"""Build the bundled fallback fonts in resources/fonts/ and the map that makes their PDF text copyable.

Why: a fresh Debian install may have only DejaVu, which has no hanzi, kana, Hangul, Devanagari
or Thai, and no Arabic or Hebrew in its oblique face (the card's quotes are italic). Qt would
draw empty boxes on screen and in PDFs. evcards ships OFL Noto fonts as fallbacks:

- `NotoSansSC-evcards-subset.otf`: Noto Sans CJK SC Regular cut down to CJK Unified
  Ideographs (all of U+4E00-U+9FFF), Extension A, kana, bopomofo, Hangul syllables and jamo,
  CJK punctuation and full-width forms (~40,000 code points, CFF outlines, no hinting, no GSUB).
  Glyphs shared by two code points (WAVE DASH 〜 and FULLWIDTH TILDE ～ share one) are
  duplicated so that each code point has its own glyph: Qt's PDF writer builds the PDF's
  ToUnicode map from the cmap alone and gives a shared glyph the lowest code point.
- `NotoSans{Arabic,Hebrew,Devanagari,Thai}-Regular.ttf`: the Noto fonts whole (GSUB kept:
  Arabic joining and Devanagari conjuncts need it), each glyph that only GSUB reaches given a
  Private Use Area code point in the cmap. Qt then writes that code point to the ToUnicode map,
  and `evcards.pdf.finish` replaces it with the text the glyph stands for, from
  `glyph-text.json`, which this script derives from the GSUB lookups (a ligature stands for its
  components' text, a contextual form for its base letter's).
- `NotoEmoji-Regular.ttf`: Noto Emoji, the monochrome OFL emoji font, for emoji DejaVu lacks
  (🚗). Whole, but for the cmap: its Private Use code points beyond the BMP (Google's internal
  names for flags and sequences) are dropped, and every glyph that no BMP code point reaches
  (emoji beyond the BMP, ZWJ sequences, flags, skin tones) gets a BMP Private Use Area code
  point and its text in `glyph-text.json`: Qt's PDF writer asks the font for code points up to
  U+FFFF only.

Sources: the Debian packages fonts-noto-cjk (NotoSansCJK-Regular.ttc) and fonts-noto-core, and
the npm package @expo-google-fonts/noto-emoji 0.4.7 (`npm pack @expo-google-fonts/noto-emoji@0.4.7`
gives the tarball; it holds Google Fonts' Noto Emoji).

Usage (from the repository root, with fontTools and emoji installed, and the npm tarball there):
    python scripts/make_font_subsets.py [--cjk PATH] [--noto-dir DIR] [--emoji PATH] [--output DIR]
The output depends only on the sources and the fontTools version: running it twice gives
identical bytes.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tarfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from fontTools import subset
from fontTools.misc.psCharStrings import T2CharString
from fontTools.ttLib import TTFont

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
DEFAULT_NOTO_DIR = Path("/usr/share/fonts/truetype/noto")
DEFAULT_OUTPUT = REPO / "resources" / "fonts"
CJK_OUTPUT = "NotoSansSC-evcards-subset.otf"
GLYPH_TEXT = "glyph-text.json"
WANTED_FAMILY = "Noto Sans CJK SC"  # the simplified-Chinese face of the collection
SHAPED_FONTS = ("NotoSansArabic-Regular.ttf", "NotoSansHebrew-Regular.ttf", "NotoSansDevanagari-Regular.ttf", "NotoSansThai-Regular.ttf")
PUA_START = 0xE000
PUA_END = 0xF8FF
BMP_END = 0xFFFF
# Noto Emoji 3.006 (Google Fonts v64), as the npm package @expo-google-fonts/noto-emoji 0.4.7 ships it.
DEFAULT_EMOJI = Path("expo-google-fonts-noto-emoji-0.4.7.tgz")
EMOJI_MEMBER = "package/400Regular/NotoEmoji_400Regular.ttf"
EMOJI_OUTPUT = "NotoEmoji-Regular.ttf"

CJK_RANGES: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E),  # ASCII, so mixed strings such as "雷军 SU7" keep one font
    (0x1100, 0x11FF),  # Hangul jamo
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3040, 0x30FF),  # hiragana, katakana
    (0x3100, 0x312F),  # bopomofo
    (0x3130, 0x318F),  # Hangul compatibility jamo
    (0x31F0, 0x31FF),  # katakana phonetic extensions
    (0x3400, 0x4DBF),  # CJK unified ideographs extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xAC00, 0xD7A3),  # Hangul syllables
    (0xFF00, 0xFFEF),  # halfwidth and fullwidth forms
)
# Punctuation CJK text uses outside those blocks: · – — ‘ ’ “ ” … ‰ ※
CJK_EXTRA = "\u00b7\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2030\u203b"

# Tables evcards does not want in the CJK subset:
# - BASE, VORG, vhea, vmtx: vertical metrics and baselines (no vertical text).
# - GSUB: its only lookups for these characters are 'locl' (swaps ASCII digits for cmap-less
#   alternates in Latin runs under a non-CJK locale), 'ccmp' (turns "——" into one cmap-less
#   2-em dash glyph) and vertical forms. Glyphs without a code point drop out of the PDF's text.
DROP_TABLES = ["BASE", "VORG", "vhea", "vmtx", "GSUB"]


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


def cjk_codepoints() -> set[int]:
    wanted = {ord(c) for c in CJK_EXTRA}
    for lo, hi in CJK_RANGES:
        wanted.update(range(lo, hi + 1))  # unassigned code points are filtered by the cmap
    return wanted


def _split_shared_glyphs(font: TTFont, unicodes: set[int]) -> int:
    """Give every code point in `unicodes` a glyph of its own, copying a shared glyph onto a
    glyph this subset drops (same CID font dict, so that its subroutines still apply)."""
    cmap = font.getBestCmap()
    by_glyph: dict[str, list[int]] = defaultdict(list)
    for code in sorted(unicodes):
        by_glyph[cmap[code]].append(code)
    shared = {glyph: codes for glyph, codes in by_glyph.items() if len(codes) > 1}
    if not shared:
        return 0
    top = font["CFF "].cff.topDictIndex[0]
    char_strings = top.CharStrings
    fd_of = top.FDSelect
    order = font.getGlyphOrder()
    gid = {name: i for i, name in enumerate(order)}
    used = set(font["cmap"].buildReversed()) | set(by_glyph)
    spare: dict[int, list[str]] = defaultdict(list)
    for name in reversed(order):  # glyphs at the end: variants no kept code point reaches
        if name not in used:
            spare[fd_of[gid[name]]].append(name)
    hmtx = font["hmtx"]
    copies = 0
    for glyph, codes in sorted(shared.items(), key=lambda item: item[1][0]):
        for code in codes[1:]:
            victim = spare[fd_of[gid[glyph]]].pop()
            original = char_strings[glyph]
            original.decompile()
            # A copy, not the same object twice: the subsetter renumbers each glyph's subroutine calls once.
            char_strings[victim] = T2CharString(program=list(original.program), private=original.private, globalSubrs=original.globalSubrs)
            hmtx[victim] = hmtx[glyph]
            for table in font["cmap"].tables:
                if table.isUnicode() and code in table.cmap:
                    table.cmap[code] = victim
            copies += 1
    return copies


def build_cjk(source: Path, output: Path) -> dict[str, object]:
    face = find_face(source, WANTED_FAMILY)
    # recalcTimestamp=False keeps head.modified from the source: same inputs, same bytes.
    font = TTFont(source, fontNumber=face, recalcTimestamp=False)
    unicodes = cjk_codepoints() & set(font.getBestCmap())
    copies = _split_shared_glyphs(font, unicodes)

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
    font.save(output)
    font.close()
    return {"codepoints": len(unicodes), "split": copies, "bytes": output.stat().st_size}


def _lookups(font: TTFont) -> list[object]:
    """The GSUB subtables of types 1-4, extension subtables unwrapped, in lookup order."""
    found = []
    for lookup in font["GSUB"].table.LookupList.Lookup:
        for table in lookup.SubTable:
            sub = table
            while sub.LookupType == 7:
                sub = sub.ExtSubTable
            if sub.LookupType in (1, 2, 3, 4):
                found.append(sub)
    return found


def _derivations(subtables: list[object], text: dict[str, str]) -> list[tuple[str, str]]:
    """(glyph, text) for each way a GSUB subtable makes a glyph from glyphs whose text is known."""
    found: list[tuple[str, str]] = []
    for sub in subtables:
        kind = sub.LookupType
        if kind == 1:
            found += [(target, text[source]) for source, target in sub.mapping.items() if source in text]
        elif kind == 2:  # one glyph to several: the first carries the text
            found += [(targets[0], text[source]) for source, targets in sub.mapping.items() if source in text and targets]
        elif kind == 3:
            found += [(target, text[source]) for source, alternates in sub.alternates.items() if source in text for target in alternates]
        else:
            for first, ligatures in sub.ligatures.items():
                for ligature in ligatures:
                    parts = [first, *ligature.Component]
                    if all(part in text for part in parts):
                        found.append((ligature.LigGlyph, "".join(text[part] for part in parts)))
    return found


def glyph_texts(font: TTFont, rank: Callable[[str], object] | None = None) -> dict[str, str]:
    """The text each glyph stands for: from the cmap, else derived through GSUB (first derivation
    wins; with `rank`, the derivation of lowest rank among all for that glyph)."""
    text: dict[str, str] = {}
    for code, glyph in sorted(font.getBestCmap().items()):
        text.setdefault(glyph, chr(code))
    from_cmap = set(text)
    subtables = _lookups(font) if "GSUB" in font else []
    changed = True
    while changed:
        changed = False
        for sub in subtables:
            for glyph, value in _derivations([sub], text):
                if glyph not in text and value:
                    text[glyph] = value
                    changed = True
    if rank is not None:
        choices: dict[str, set[str]] = defaultdict(set)
        for glyph, value in _derivations(subtables, text):
            if glyph not in from_cmap and value:
                choices[glyph].add(value)
        text.update({glyph: min(values, key=rank) for glyph, values in choices.items()})
    return text


def _unicode_subtables(font: TTFont) -> list[object]:
    """The cmap subtables that map code points to glyphs (not format 14, variation sequences)."""
    return [table for table in font["cmap"].tables if table.isUnicode() and table.format != 14]


def drop_private_beyond_bmp(font: TTFont) -> int:
    """Remove the cmap's Private Use code points of planes 15 and 16 (Noto Emoji names its flag
    and sequence glyphs there); GSUB still reaches the glyphs. Returns how many were dropped."""
    dropped = set()
    for table in _unicode_subtables(font):
        for code in [code for code in table.cmap if code >= 0xF0000]:
            del table.cmap[code]
            dropped.add(code)
    return len(dropped)


def build_shaped(source: Path | TTFont, output: Path, rank: Callable[[str], object] | None = None) -> tuple[str, dict[str, str], int]:
    """Copy `source` with a PUA code point for each glyph that only GSUB or a code point beyond
    the BMP reaches; return its PostScript name, the PUA code point (hex) -> text map, and how
    many glyphs stay without text. `rank` chooses among a glyph's derivations (`glyph_texts`)."""
    font = source if isinstance(source, TTFont) else TTFont(source, recalcTimestamp=False)
    where = font["name"].getDebugName(6) if isinstance(source, TTFont) else source
    cmap = font.getBestCmap()
    if any(PUA_START <= code <= PUA_END for code in cmap):
        raise SystemExit(f"{where}: already uses the Private Use Area")
    texts = glyph_texts(font, rank)
    mapped = {glyph for code, glyph in cmap.items() if code <= BMP_END}  # what Qt's text map sees
    extra: dict[str, str] = {}
    code = PUA_START
    for glyph in font.getGlyphOrder():
        if glyph in mapped or glyph not in texts:
            continue
        if code > PUA_END:
            raise SystemExit(f"{where}: more GSUB glyphs than Private Use Area code points")
        for table in _unicode_subtables(font):
            table.cmap[code] = glyph
        extra[f"{code:04X}"] = texts[glyph]
        code += 1
    font.save(output)
    without_text = len(set(font.getGlyphOrder()) - mapped) - len(extra)
    name = font["name"].getDebugName(6)
    font.close()
    return name, extra, without_text


def load_emoji(source: Path) -> TTFont:
    """Noto Emoji from the npm tarball (or a .ttf), with no Private Use code points beyond the BMP."""
    if not source.is_file():
        raise SystemExit(f"{source}: not found; `npm pack @expo-google-fonts/noto-emoji@0.4.7` downloads it")
    if source.suffix == ".tgz":
        try:
            with tarfile.open(source) as archive:
                member = archive.extractfile(EMOJI_MEMBER)
                assert member is not None  # a regular file in the package
                data: Path | io.BytesIO = io.BytesIO(member.read())
        except (KeyError, tarfile.TarError) as error:
            raise SystemExit(f"{source}: not the npm package's tarball, no {EMOJI_MEMBER} in it ({error})") from None
    else:
        data = source
    font = TTFont(data, recalcTimestamp=False)
    drop_private_beyond_bmp(font)
    return font


def emoji_rank() -> Callable[[str], object]:
    """How to choose the text of an emoji glyph that stands for several sequences: Noto Emoji
    draws one artist for 🧑‍🎨, 👨‍🎨, 👩‍🎨 in every skin tone, and accepts each ZWJ sequence
    backwards too (for right-to-left runs). A sequence Unicode lists (from the `emoji` package)
    first, then the shortest (no skin tone), then one with no gender (🧑, not 👨 or 👩)."""
    try:
        import emoji
    except ImportError:
        raise SystemExit("the emoji glyphs' text needs the emoji package: pip install emoji") from None
    known = {sequence.replace("\ufe0f", "") for sequence in emoji.EMOJI_DATA}
    gendered = set("\U0001f468\U0001f469\u2640\u2642")
    return lambda text: (text.replace("\ufe0f", "") not in known, len(text), bool(gendered & set(text)), text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cjk", type=Path, default=DEFAULT_CJK)
    parser.add_argument("--noto-dir", type=Path, default=DEFAULT_NOTO_DIR)
    parser.add_argument("--emoji", type=Path, default=DEFAULT_EMOJI, help="the npm tarball of @expo-google-fonts/noto-emoji, or its .ttf")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    emoji, rank = load_emoji(args.emoji), emoji_rank()  # first: what is missing stops the build before it takes time
    args.output.mkdir(parents=True, exist_ok=True)
    stats = build_cjk(args.cjk, args.output / CJK_OUTPUT)
    print(f"{CJK_OUTPUT}: {stats['codepoints']} code points, {stats['split']} shared glyphs split, {stats['bytes']:,} bytes")
    maps: dict[str, dict[str, str]] = {}
    for file_name in SHAPED_FONTS:
        target = args.output / file_name
        name, extra, without_text = build_shaped(args.noto_dir / file_name, target)
        maps[name] = extra
        print(f"{file_name}: {len(extra)} GSUB glyphs given a PUA code point, {without_text} without text, {target.stat().st_size:,} bytes")
    name, extra, without_text = build_shaped(emoji, args.output / EMOJI_OUTPUT, rank)
    maps[name] = extra
    size = (args.output / EMOJI_OUTPUT).stat().st_size
    print(f"{EMOJI_OUTPUT}: {len(extra)} glyphs given a PUA code point, {without_text} without text, {size:,} bytes")
    (args.output / GLYPH_TEXT).write_text(json.dumps(maps, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
