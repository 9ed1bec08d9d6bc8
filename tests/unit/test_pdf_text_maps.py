"""The PDF's text maps: ToUnicode CMaps read, repaired and written; Devanagari put back in reading order."""

from __future__ import annotations

import pytest
from fontTools.ttLib import TTFont

from evcards.pdf.actual_text import logical_order
from evcards.pdf.shown_text import Operation, parse_content
from evcards.pdf.unicode_map import glyph_texts, parse_cmap, repaired, write_cmap
from evcards.pdf.unmapped import fill_unmapped
from evcards.resources import fonts_dir

QT_CMAP = """/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
2 beginbfrange
<0000> <0000> <0000>
<0001> <0003> [<201C> <0936> <E04F>]
endbfrange
1 beginbfrange
<0010> <0012> <0041>
endbfrange
1 beginbfchar
<0020> <00660069>
endbfchar
endcmap
"""


def test_a_cmap_as_qt_writes_it_is_read_code_by_code() -> None:
    assert parse_cmap(QT_CMAP) == {0: "\x00", 1: "“", 2: "श", 3: "\ue04f", 0x10: "A", 0x11: "B", 0x12: "C", 0x20: "fi"}


def test_a_written_cmap_reads_back_the_same_including_text_beyond_the_bmp() -> None:
    mapping = {code: chr(0x4E00 + code) for code in range(250)} | {300: "😀", 301: "क्ष"}
    written = write_cmap(mapping)
    assert parse_cmap(written) == mapping
    assert written.count("beginbfchar") == 3  # at most 100 entries a block


def test_devanagari_glyphs_that_only_substitution_reaches_are_given_their_letters() -> None:
    pua = glyph_texts()["NotoSansDevanagari-Regular"]
    conjuncts = set(pua.values())
    assert "क्ष" in conjuncts and "त्र" in conjuncts and "र्" in conjuncts  # conjuncts, reph
    code = next(code for code, text in pua.items() if text == "क्ष")
    assert repaired("QZBAAA+NotoSansDevanagari-Regular", chr(code)) == "क्ष"
    assert repaired("QZBAAA+DejaVuSans", chr(code)) == chr(code)  # another font's private code point is left alone


@pytest.mark.parametrize(
    "emoji",
    [
        "🚗",  # beyond the BMP, where Qt's text map stops
        "🧪",
        "🇨🇳",  # a flag: two regional indicators, one glyph
        "🧑\u200d🎨",  # one glyph for every artist: the sequence with no gender or skin tone
        "👨\u200d👩\u200d👧",
    ],
)
def test_every_glyph_of_the_bundled_emoji_font_is_given_its_emoji(emoji: str) -> None:
    """Through the Private Use code point the font gives each glyph, whose glyph `emoji` draws."""
    font = TTFont(fonts_dir() / "NotoEmoji-Regular.ttf")
    cmap = font.getBestCmap()
    glyph = cmap[ord(emoji)] if len(emoji) == 1 else None
    pua = glyph_texts()["NotoEmoji-Regular"]
    codes = [code for code, text in pua.items() if text == emoji and (glyph is None or cmap[code] == glyph)]
    assert len(codes) == 1
    assert repaired("ABCDEF+NotoEmoji-Regular", chr(codes[0])) == emoji


@pytest.mark.parametrize(
    ("drawn", "typed"),
    [
        ("\ufeb7", "\u0634"),  # SHEEN initial form, as DejaVu Sans maps it
        ("\ufef9", "\u0625\u0644"),  # lam-alef with hamza below: given last to first, as poppler reads it backwards
        ("\ufb01", "fi"),
        ("\t", " "),  # a font's space glyph also mapped from the tab
        ("～", "～"),
        ("A", "A"),
        ("\u2f08", "人"),  # 人 and its Kangxi radical share a glyph in Noto Sans CJK: 人物 came back as ⼈物
        ("\u2f1c", "又"),
    ],
)
def test_presentation_forms_become_the_letters_typed(drawn: str, typed: str) -> None:
    assert repaired("ABCDEF+DejaVuSans", drawn) == typed


@pytest.mark.parametrize(
    ("visual", "typed"),
    [
        (["क्ष", "ि", "त्र", "य"], "क्षत्रिय"),  # the vowel sign ि is drawn before its cluster
        (["ि", "स्", "क"], "स्कि"),
        (["स्", "म", "ा", "ट", "र्"], "स्मार्ट"),  # the reph is drawn after the consonant it comes before
        (["ि", "म", "र्"], "र्मि"),
        (["न", "म", "स्", "त", "े"], "नमस्ते"),
        (["ห", "ม", "ี", "่"], "หมี่"),  # Thai is drawn as typed
    ],
)
def test_devanagari_glyphs_in_visual_order_read_back_as_typed(visual: list[str], typed: str) -> None:
    assert logical_order(visual) == typed


def _page(*codes: int) -> list[Operation]:
    """A page's content as Qt writes it: one text object in font F1 showing `codes`."""
    shown = b"".join(b"1 0 Td <%04X> Tj\n" % code for code in codes)
    return parse_content(b"q\nBT\n/F1 12 Tf 1 0 0 -1 0 0 Tm\n" + shown + b"ET\nQ\n").operations


def test_a_glyph_beyond_the_bmp_is_found_between_its_neighbours_in_the_drawn_text() -> None:
    maps = {7: {1: "a", 2: " ", 4: "b"}}
    assert fill_unmapped([(_page(1, 2, 3, 2, 4), {"F1": 7})], maps, "x a 😀 b y") == {7}
    assert maps[7][3] == "😀"


def test_a_glyph_found_with_two_meanings_or_nowhere_stays_unmapped() -> None:
    maps = {7: {1: "a", 4: "b"}}
    assert fill_unmapped([(_page(1, 3, 4), {"F1": 7})], maps, "a😀b and a😎b") == set()
    assert fill_unmapped([(_page(1, 3, 4), {"F1": 7})], maps, "a😀c") == set()
    assert fill_unmapped([(_page(1, 3, 4), {"F1": 7})], maps, "a♥b") == set()  # in the BMP Qt's own map would have it
    assert 3 not in maps[7]
