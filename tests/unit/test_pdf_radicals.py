"""A PDF glyph mapped to a CJK radical is given the character the card wrote: the ideograph
that shares the radical's glyph, unless the card wrote the radical."""

from __future__ import annotations

import unicodedata

import pytest
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from evcards.pdf.radicals import radical_candidates, radical_choices
from evcards.pdf.unicode_map import parse_cmap, repair_to_unicode, repaired, write_cmap

SUPPLEMENT = [chr(code) for code in range(0x2E80, 0x2F00) if unicodedata.name(chr(code), "")]
KANGXI = [chr(code) for code in range(0x2F00, 0x2FE0) if unicodedata.name(chr(code), "")]


def test_every_radical_unicode_pairs_with_an_ideograph_is_in_the_table() -> None:
    table = radical_candidates()
    assert set(SUPPLEMENT) - set(table) == {"\u2e80"}  # CJK RADICAL REPEAT: Unicode names no equivalent
    assert set(KANGXI) <= set(table)


def test_a_kangxi_radical_first_becomes_its_compatibility_decomposition() -> None:
    """Unicode's equivalent and NFKC agree: the repair evcards made with NFKC still holds."""
    table = radical_candidates()
    assert [radical for radical in KANGXI if table[radical][0] != unicodedata.normalize("NFKC", radical)] == []


@pytest.mark.parametrize(("radical", "ideograph"), list(zip("⻚⻢⻓⻔⻅⻥⻦⻰⼈", "页马长门见鱼鸟龙人")))
def test_with_nothing_else_known_a_radical_becomes_unicodes_equivalent_ideograph(radical: str, ideograph: str) -> None:
    assert repaired("ABCDEF+NotoSansCJKsc-Regular", radical) == ideograph
    assert radical_choices([radical, "a"]) == {radical: ideograph}


def test_the_text_drawn_decides_between_a_radical_and_the_ideographs_sharing_its_glyph() -> None:
    assert radical_choices(["⻚"], "第 1 页") == {"⻚": "页"}
    assert radical_choices(["⻚"], "部首⻚") == {"⻚": "⻚"}  # a card about radicals keeps them
    assert radical_choices(["⻚"], "部首⻚，首页") == {"⻚": "页"}  # both on one glyph: the ideograph, for both
    # ⼾ shares its glyph with 户 in Noto Sans CJK SC and with 戸 in JP; its NFKC is the Traditional 戶.
    assert radical_choices(["⼾"], "用户") == {"⼾": "户"}
    assert radical_choices(["⼾"], "戸籍") == {"⼾": "戸"}
    assert radical_choices(["⼾"], "") == {"⼾": "戶"}


def test_a_font_that_draws_a_radical_apart_from_its_ideograph_keeps_the_radical() -> None:
    """Two glyphs of one font given the radical and its ideograph: the radical was typed."""
    assert radical_choices(["⻚", "页"]) == {"⻚": "⻚"}
    assert radical_choices(["⼾", "戶"], "用户") == {"⼾": "户"}  # another ideograph of its glyph still can be


def test_a_pdf_font_map_gives_back_the_name_written() -> None:
    stream = DecodedStreamObject()
    stream.set_data(write_cmap({1: "⻢", 2: "斯", 3: "克", 4: "⼈"}).encode("ascii"))
    font = DictionaryObject({NameObject("/BaseFont"): NameObject("/ABCDEF+NotoSansCJKsc-Regular"), NameObject("/ToUnicode"): stream})
    assert repair_to_unicode(font, "马斯克，人")
    assert parse_cmap(stream.get_data().decode("latin-1")) == {1: "马", 2: "斯", 3: "克", 4: "人"}
    assert not repair_to_unicode(font, "马斯克，人")  # nothing left to change
