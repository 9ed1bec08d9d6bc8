"""Where each entity of a knowledge base file begins, whatever its layout (minified included).

`evcards.kb.piecewise` cuts a file laid out one entity per indented block at its line breaks.
A file written on one line (`json.dumps` without `indent`, most programs' writers) has none;
validated whole, an 80 MB one held Python's lock for seconds and the window stood still.
Here the file's top-level object is walked with the standard library's JSON scanner
(`json.JSONDecoder.raw_decode`), one value at a time: each call reads one entity (or one other
top-level value), so other threads run between calls, and `progress` can cancel. It is a real
JSON parser, so the places found are the entities' and nothing in a string can fool it.

The values it reads are dropped: pydantic validates the text again, a slice at a time, so the
data and every problem are exactly what whole-file validation gives. (Validating the scanner's
dicts instead was slower at 60 MB, 1.4 s against 1.0 s, and reads JSON with Python's rules,
which differ: NaN, lone surrogates.)
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")  # JSON's white space


class _NotSliceable(Exception):
    """Not a JSON object with one `entities` array: leave the file to whole-file validation."""


def entity_bounds(text: str, every: int, progress: Callable[[int, int], None] | None = None) -> tuple[int, int, list[int]] | None:
    """(start, end, cuts) for the `entities` array of `text`: where its content starts, where its
    `]` stands, and where the entities begin that are at least `every` characters apart (the
    first always); None for a file that is not one JSON object with one non-empty `entities`
    array (invalid JSON, a key given twice...): whole-file validation then says what is wrong.

    `progress(done, total)` counts characters scanned and may raise to cancel."""
    try:
        return _Walk(text, every, progress).top_level()
    except (_NotSliceable, ValueError, RecursionError):  # json.JSONDecodeError is a ValueError
        return None


class _Walk:
    def __init__(self, text: str, every: int, progress: Callable[[int, int], None] | None) -> None:
        self.text, self.every, self.progress = text, every, progress

    def _space(self, at: int) -> int:
        return _SPACE.match(self.text, at).end()  # type: ignore[union-attr]  # matches empty: never None

    def _expect(self, at: int, sign: str) -> int:
        if not self.text.startswith(sign, at):
            raise _NotSliceable
        return self._space(at + 1)

    def _value_end(self, at: int) -> int:
        return _DECODER.raw_decode(self.text, at)[1]

    def top_level(self) -> tuple[int, int, list[int]]:
        text = self.text
        at = self._expect(self._space(0), "{")
        found: tuple[int, int, list[int]] | None = None
        while True:
            key, at = _DECODER.raw_decode(text, at)
            if not isinstance(key, str):
                raise _NotSliceable
            at = self._expect(self._space(at), ":")
            if key == "entities":
                if found is not None:
                    raise _NotSliceable  # given twice: JSON keeps the last, and so does whole-file validation
                found, at = self._entities(self._expect(at, "["))
            else:
                at = self._space(self._value_end(at))
            if text.startswith(",", at):
                at = self._space(at + 1)
                continue
            at = self._expect(at, "}")
            break
        if found is None or at != len(text):
            raise _NotSliceable
        return found

    def _entities(self, start: int) -> tuple[tuple[int, int, list[int]], int]:
        text = self.text
        at = start
        cuts: list[int] = []
        if text.startswith("]", at):
            raise _NotSliceable  # no entity: nothing to slice
        while True:
            if not cuts or at - cuts[-1] >= self.every:
                cuts.append(at)
                if self.progress is not None:
                    self.progress(at, len(text))  # a slice's worth scanned: a place to cancel
            at = self._space(self._value_end(at))
            if text.startswith(",", at):
                at = self._space(at + 1)
                continue
            if not text.startswith("]", at):
                raise _NotSliceable
            return (start, at, cuts), self._space(at + 1)
