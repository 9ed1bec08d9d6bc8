"""Page content laid out otherwise than Qt's usual bytes (one line, literal strings, TJ arrays,
the font set outside the text object, bytes that look like operators inside a string) is read
and rewritten alike: pypdf parses it."""

from __future__ import annotations

from pypdf.generic import DictionaryObject

from evcards.pdf.actual_text import add_actual_text, with_actual_text
from evcards.pdf.shown_text import parse_content
from evcards.pdf.unmapped import context_runs, fill_unmapped

# क्ष ि त्र य, drawn in visual order; typed "क्षत्रिय"
DEVANAGARI = {1: "क्ष", 2: "ि", 3: "त्र", 4: "य", 5: " "}
LAYOUTS = {
    "one line, a TJ array": b"q BT /F1 12 Tf [<0001> -20 <0002>] TJ [<00030004>] TJ ET Q",
    "literal strings, extra white space": b"q\r\n  BT\t/F1   12 Tf\n\n(\\000\\001)Tj (\\000\\002\\000\\003) Tj\n<0004>Tj  ET\nQ",
    "the font set before the text object": b"/F1 12 Tf q BT 1 0 0 1 10 10 Tm <0001> Tj 2 0 Td <00020003> ' 0 0 <0004> \" ET Q",
    "operators in a string before it": b"/P <</Alt (BT /F1 1 Tf ET)>> BDC EMC BT /F2 9 Tf /F1 12 Tf <00010002> Tj <00030004> Tj ET",
}


def _spans(data: bytes) -> list[str]:
    """The /ActualText of each marked-content span in `data`, in order."""
    return [
        str(operands[1]["/ActualText"])
        for operands, operator in parse_content(data).operations
        if operator == b"BDC" and isinstance(operands[1], DictionaryObject) and "/ActualText" in operands[1]
    ]


def test_a_devanagari_run_gets_its_text_in_reading_order_whatever_the_layout() -> None:
    for layout, data in LAYOUTS.items():
        written = with_actual_text(data, {"F1": DEVANAGARI, "F2": {5: "a"}})
        assert written is not None, layout
        assert _spans(written) == ["क्षत्रिय"], layout
        operators = [operator for _, operator in parse_content(written).operations]
        begin = len(operators) - 1 - operators[::-1].index(b"BDC")  # the span added, after any already there
        assert operators[begin + 1] == b"BT" and operators[operators.index(b"EMC", begin) - 1] == b"ET", layout


def test_the_text_objects_in_other_fonts_are_kept_byte_for_byte() -> None:
    data = b"q BT /F2 9 Tf <0005> Tj ET Q\nq BT /F1 12 Tf <00020001> Tj ET Q\nq BT /F2 9 Tf <0005>Tj ET Q"
    written = with_actual_text(data, {"F1": DEVANAGARI, "F2": {5: "a"}})
    assert written is not None and _spans(written) == ["क्षि"]
    assert written.startswith(b"q BT /F2 9 Tf <0005> Tj ET Q\nq ") and written.endswith(b" Q\nq BT /F2 9 Tf <0005>Tj ET Q")
    assert with_actual_text(data, {"F1": {1: "a", 2: "b"}, "F2": {5: "a"}}) is None  # no Devanagari: unchanged


def test_the_drawing_is_kept_operation_for_operation() -> None:
    content = parse_content(LAYOUTS["one line, a TJ array"])
    before = [operator for _, operator in content.operations]
    add_actual_text(content, {"F1": DEVANAGARI})
    after = [operator for _, operator in parse_content(content.get_data()).operations]
    assert [operator for operator in after if operator not in (b"BDC", b"EMC")] == before


def test_a_run_with_an_actual_text_already_or_in_another_font_is_left_alone() -> None:
    spanned = b"/Span <</ActualText (x)>> BDC BT /F1 12 Tf <0001> Tj ET EMC"
    assert with_actual_text(spanned, {"F1": DEVANAGARI}) is None
    latin = b"BT /F2 12 Tf <0001> Tj ET BT /F1 12 Tf <0002> Tj ET"
    content = parse_content(latin)
    assert add_actual_text(content, {"F1": DEVANAGARI, "F2": {1: "a"}})
    assert _spans(content.get_data()) == ["ि"]  # the second text object only


def test_a_glyph_beyond_the_bmp_is_found_in_a_tj_array_on_one_line() -> None:
    maps = {7: {1: "a", 2: " ", 4: "b"}}
    page = parse_content(b"BT /F1 9 Tf [<0001> 30 (\\000\\002) -250 <0003>] TJ (\\000\\002\\000\\004) Tj ET").operations
    assert fill_unmapped([(page, {"F1": 7})], maps, "x a 😀 b y") == {7}
    assert maps[7][3] == "😀"


def test_a_glyph_beyond_the_bmp_is_told_apart_by_neighbours_a_few_text_objects_away() -> None:
    """Qt writes a text object per run of one font: the neighbours that tell 😀 from 😎 here
    are in other text objects, past one that draws only a space."""
    runs = [
        b"BT /F2 9 Tf <0001> Tj ET",
        b"BT /F2 9 Tf <0002> Tj ET",
        b"BT /F2 9 Tf <0003> Tj ET",
        b"BT /F1 9 Tf <0009> Tj ET",
        b"BT /F2 9 Tf <0004> Tj ET",
    ]
    data = b"\nq 1 0 0 1 0 0 cm Q\n".join(runs)
    maps = {7: {}, 8: {1: "x", 2: " ", 3: "a", 4: "b"}}
    fonts = {"F1": 7, "F2": 8}
    pages = [(run, fonts) for run in context_runs(data, ["F1"], {"F1": maps[7], "F2": maps[8]})]
    assert fill_unmapped(pages, maps, "x a😀b and y a😎b") == {7}
    assert maps[7] == {9: "😀"}
