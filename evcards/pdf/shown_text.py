"""The text objects of a page's content and the glyph codes each shows, read from pypdf's parse.

pypdf's `ContentStream` tokenises the content (ISO 32000-1, 7.8.2) into `.operations`, a list
of (operands, operator); this module follows the text state over it as a reader does: the
font (`Tf`) lasts across text objects and is saved and restored with the graphics state
(`q`, `Q`), and glyphs are shown by `Tj`, `'`, `"` and the strings of a `TJ` array. So no
byte layout is assumed: white space, operators on one line, literal or hex strings and
kerned arrays read alike. Codes are two bytes, as in the composite (Identity-H) fonts Qt
embeds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pypdf import PageObject
from pypdf.generic import ArrayObject, ByteStringObject, ContentStream, DecodedStreamObject, NameObject, TextStringObject

Operation = tuple[Any, bytes]  # (operands, operator), an item of `ContentStream.operations`
# Strings read as bytes, not tried as text first: a third faster to parse, and glyph codes are bytes.
_STRINGS_AS_BYTES = "bytes"
CODE_BYTES = 2  # Qt's fonts are composite, Identity-H: two bytes a glyph
_SHOW = {b"Tj", b"'", b'"', b"TJ"}  # their last operand is the text shown


@dataclass(frozen=True, slots=True)
class TextObject:
    """A `BT` ... `ET` text object: where it starts and ends in the operations (indices of
    `BT` and `ET`), and each glyph it shows as (font resource name without the slash, code)."""

    begin: int
    end: int
    glyphs: tuple[tuple[str, int], ...]


def parse_content(data: bytes) -> ContentStream:
    """pypdf's content stream of `data` (decoded content bytes), for reading `.operations`."""
    stream = DecodedStreamObject()
    stream.set_data(data)
    return ContentStream(stream, None, forced_encoding=_STRINGS_AS_BYTES)


def page_content(page: PageObject) -> ContentStream | None:
    """pypdf's content stream of `page` (a copy: the page keeps its own until replaced), or None."""
    content = page.get_contents()
    if content is not None:
        content.forced_encoding = _STRINGS_AS_BYTES
    return content


def replace_page_content(page: PageObject, content: ContentStream) -> None:
    """Make `content`, written out again from its operations, the content of `page`, compressed."""
    stream = DecodedStreamObject()
    stream.set_data(content.get_data())
    page.replace_contents(stream.flate_encode())


def _string_bytes(operand: object) -> bytes:
    """The bytes of a string operand as written (pypdf may have decoded a hex string as text)."""
    if isinstance(operand, (TextStringObject, ByteStringObject)):
        return operand.original_bytes
    return b""


def _codes(operand: object) -> list[int]:
    """The glyph codes of a shown string, or of the strings of a `TJ` array (numbers skipped)."""
    strings = operand if isinstance(operand, ArrayObject) else [operand]
    codes: list[int] = []
    for string in strings:
        data = _string_bytes(string)
        codes.extend(int.from_bytes(data[i : i + CODE_BYTES], "big") for i in range(0, len(data) - CODE_BYTES + 1, CODE_BYTES))
    return codes


def text_objects(operations: Sequence[Operation]) -> list[TextObject]:
    """The complete text objects of `operations`, in drawing order; a `BT` left open is left out."""
    font = ""
    saved: list[str] = []
    found: list[TextObject] = []
    begin: int | None = None
    glyphs: list[tuple[str, int]] = []
    for index, (operands, operator) in enumerate(operations):
        if operator == b"Tf" and operands and isinstance(operands[0], NameObject):
            font = operands[0][1:]
        elif operator == b"q":
            saved.append(font)
        elif operator == b"Q":
            font = saved.pop() if saved else font
        elif operator == b"BT":
            begin, glyphs = index, []
        elif operator == b"ET" and begin is not None:
            found.append(TextObject(begin, index, tuple(glyphs)))
            begin = None
        elif operator in _SHOW and operands and begin is not None:
            glyphs.extend((font, code) for code in _codes(operands[-1]))
    return found
