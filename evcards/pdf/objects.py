"""Just enough PDF reading and incremental updating to finish the files Qt writes.

An incremental update (ISO 32000-1, section 7.5.6) appends new versions of objects, a
cross-reference section for them and a trailer whose /Prev points at the previous one. The
original bytes are never changed, so every offset in them stays valid.

Only what Qt 6's PDF engine writes has to be understood: a classic cross-reference table (no
cross-reference streams, no object streams) and dictionaries as plain text. Anything else
raises `PdfStructureError`, and the caller decides what to do with the unfinished file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

REFERENCE = rb"(\d+)\s+(\d+)\s+R"
_ENTRY = rb"(\d{10}) (\d{5}) ([nf])"


class PdfStructureError(ValueError):
    """The PDF is not shaped as Qt writes it."""


def text_string(text: str) -> bytes:
    """A PDF text string that holds any Unicode text: UTF-16BE with a byte-order mark, in hex."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _skip_string(data: bytes, i: int) -> int:
    """Index just after the literal string `( ... )` starting at `i` (nested parentheses, escapes)."""
    depth = 0
    while i < len(data):
        char = data[i : i + 1]
        if char == b"\\":
            i += 2
            continue
        depth += (char == b"(") - (char == b")")
        i += 1
        if depth == 0:
            return i
    raise PdfStructureError("a string is not closed")


def dictionary_end(data: bytes, start: int) -> int:
    """Index just after the dictionary `<< ... >>` that starts at `start`."""
    depth, i = 0, start
    while i < len(data):
        if data.startswith(b"<<", i):
            depth, i = depth + 1, i + 2
        elif data.startswith(b">>", i):
            depth, i = depth - 1, i + 2
            if depth == 0:
                return i
        elif data.startswith(b"(", i):
            i = _skip_string(data, i)
        elif data.startswith(b"<", i):
            end = data.find(b">", i)
            if end < 0:
                raise PdfStructureError("a hex string is not closed")
            i = end + 1
        else:
            i += 1
    raise PdfStructureError("a dictionary is not closed")


_OBJECT_HEADER = re.compile(rb"(\d+)\s+0\s+obj\s*(?=<<)")  # one pattern for every object: no compile per number


class PdfFile:
    """The last revision of a PDF as Qt writes it: its trailer and its objects' dictionaries."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        found = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", data)
        if not found:
            raise PdfStructureError("no startxref at the end of the file")
        self.xref_offset = int(found[1])
        table = re.compile(rb"xref\s+((?:\d+ \d+\s+(?:" + _ENTRY + rb"\s+)*)+)trailer\s*(?=<<)", re.S).match(data, self.xref_offset)
        if not table:
            raise PdfStructureError("no classic cross-reference table where startxref points")
        self.offsets: dict[int, int] = {}
        for section in re.finditer(rb"(\d+) (\d+)\s+((?:" + _ENTRY + rb"\s+)*)", table[1]):
            first = int(section[1])
            for k, (offset, _, kind) in enumerate(re.findall(_ENTRY, section[3])):
                if kind == b"n":
                    self.offsets[first + k] = int(offset)
        trailer = data[table.end() : dictionary_end(data, table.end())]
        root, size = re.search(rb"/Root\s+" + REFERENCE, trailer), re.search(rb"/Size\s+(\d+)", trailer)
        if not root or not size:
            raise PdfStructureError("the trailer has no /Root or /Size")
        self.root, self.size = int(root[1]), int(size[1])
        kept = [re.search(pattern, trailer) for pattern in (rb"/Info\s+" + REFERENCE, rb"/ID\s*\[[^\]]*\]")]
        self.trailer_extras = b" ".join(match[0] for match in kept if match)

    def dictionary(self, number: int) -> bytes:
        """The dictionary object `number` holds (without its stream, if it has one)."""
        offset = self.offsets.get(number)
        if offset is None:
            raise PdfStructureError(f"object {number} is not in the cross-reference table")
        header = _OBJECT_HEADER.match(self.data, offset)
        if not header or header[1] != b"%d" % number:
            raise PdfStructureError(f"object {number} is not a dictionary")
        return self.data[header.end() : dictionary_end(self.data, header.end())]

    def dictionaries(self) -> dict[int, bytes]:
        """Every object that is a dictionary (or a stream's dictionary), by number."""
        found = {}
        for number in sorted(self.offsets):
            try:
                found[number] = self.dictionary(number)
            except PdfStructureError:
                continue  # an array, a number: not a dictionary
        return found


@dataclass
class IncrementalUpdate:
    """New and replaced objects, appended to `pdf` as one update section."""

    pdf: PdfFile
    objects: dict[int, bytes] = field(default_factory=dict)
    next_number: int = field(init=False)

    def __post_init__(self) -> None:
        self.next_number = self.pdf.size

    def replace(self, number: int, body: bytes) -> None:
        self.objects[number] = body

    def reserve(self) -> int:
        """A fresh object number, to be filled with `replace`."""
        self.next_number += 1
        return self.next_number - 1

    def apply(self) -> bytes:
        """The original bytes followed by the update (or unchanged when there is nothing to add)."""
        if not self.objects:
            return self.pdf.data
        base = self.pdf.data if self.pdf.data.endswith(b"\n") else self.pdf.data + b"\n"
        update = bytearray()
        offsets: dict[int, int] = {}
        for number in sorted(self.objects):
            offsets[number] = len(base) + len(update)
            update += b"%d 0 obj\n%s\nendobj\n" % (number, self.objects[number])
        xref_offset = len(base) + len(update)
        # The free-list head first: some readers take a section not starting at 0 for a broken one.
        update += b"xref\n0 1\n0000000000 65535 f \n"
        runs: list[list[int]] = []
        for number in offsets:  # in order: filled from sorted(self.objects)
            if runs and runs[-1][-1] == number - 1:
                runs[-1].append(number)
            else:
                runs.append([number])
        for run in runs:
            update += b"%d %d\n" % (run[0], len(run)) + b"".join(b"%010d 00000 n \n" % offsets[n] for n in run)
        update += b"trailer\n<< /Size %d /Root %d 0 R %s /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (
            self.next_number,
            self.pdf.root,
            self.pdf.trailer_extras,
            self.pdf.xref_offset,
            xref_offset,
        )
        return base + bytes(update)
