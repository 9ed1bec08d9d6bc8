"""The text objects of a page's content and the glyph codes each shows, read from pypdf's parse.

pypdf's `ContentStream` tokenises the content (ISO 32000-1, 7.8.2) into `.operations`, a list
of (operands, operator); this module follows the text state over it as a reader does: the
font (`Tf`) lasts across text objects and is saved and restored with the graphics state
(`q`, `Q`), and glyphs are shown by `Tj`, `'`, `"` and the strings of a `TJ` array. So no
byte layout is assumed: white space, operators on one line, literal or hex strings and
kerned arrays read alike. Codes are two bytes, as in the composite (Identity-H) fonts Qt
embeds.

A page's content is parsed whole only where it must be. pypdf parses some 15 µs an
operation (a full page of text, some 50 ms), and a page may need only its few Devanagari
runs: `text_object_spans` finds the text objects' bytes without a parse where the content
has nothing whose bytes could look like an operator (no literal string, comment, inline
image or escaped name), so that only the text objects that matter are parsed.
"""

from __future__ import annotations

import re
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


_TOKEN_END = rb"(?![^\s()<>\[\]{}/%])"  # white space or a delimiter follows


def token(word: bytes) -> bytes:
    """A pattern for `word` as a whole token: not part of a name, a number or another operator."""
    return rb"(?<![^\s()<>\[\]{}])(?:" + word + rb")" + _TOKEN_END


def names_pattern(names: Sequence[str]) -> re.Pattern[bytes]:
    """A pattern for any of the resource `names` (without the slash) as a name token."""
    return re.compile(rb"/(?:" + b"|".join(re.escape(name.encode("latin-1")) for name in names) + rb")" + _TOKEN_END)


# Literal strings, comments and inline image data may hold any bytes, an escaped name any name.
_OPAQUE = re.compile(rb"[(%#]|" + token(rb"BI"))
_TEXT_OBJECT = re.compile(token(rb"BT") + rb".*?" + token(rb"ET"), re.S)
_FONT_OR_SHOWN = re.compile(token(rb"Tf|Tj|TJ|'|\""))


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


def page_data(page: PageObject) -> bytes:
    """The decoded content of `page` (its streams joined), empty if it has none."""
    content = page.get_contents()
    return content.get_data() if content is not None else b""


def replace_page_content(page: PageObject, data: bytes) -> None:
    """Make `data` (decoded content) the content of `page`, compressed."""
    stream = DecodedStreamObject()
    stream.set_data(data)
    page.replace_contents(stream.flate_encode())


def text_object_spans(data: bytes) -> list[tuple[int, int]] | None:
    """The byte spans of the text objects of content `data`, each from its `BT` to the end of
    its `ET`, found without a parse; None where only a parse can tell: content with a literal
    string, a comment, an inline image or an escaped name, or with a text object that shows
    text before it sets its font (the font then comes from outside it)."""
    if _OPAQUE.search(data):
        return None
    spans: list[tuple[int, int]] = []
    for match in _TEXT_OBJECT.finditer(data):
        first = _FONT_OR_SHOWN.search(match[0])
        if first is not None and first[0] != b"Tf":
            return None
        spans.append(match.span())
    return spans


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
