"""Validate a big knowledge base file a slice of entities at a time, so the window stays alive.

pydantic validates a whole file in one call that holds Python's lock: other threads, the
window's included, stand still for as long as it takes (over a second for 200,000 claims).
A file laid out the usual way, one entity per indented block as `json.dumps(indent=...)` and
editors write it, can be cut at the lines where an entity begins: a raw line break is never
inside a JSON string, so such a line is always structure. Each slice is validated on its own;
between slices other threads run, and `progress` can cancel.

Anything unexpected (another layout, a slice that is not JSON, a key given twice) returns None
and the caller validates the file whole: this path only ever accepts a file that whole-file
validation accepts, with the same result, because slices that are each valid JSON can only
have been cut between entities. A file whose slices are JSON but break the format raises
`SliceErrors`, with pydantic's errors placed and ordered as whole-file validation gives them.

A file with another layout (minified, on one line) is cut where `evcards.kb.entity_bounds`,
a real JSON parser walking the file one entity at a time, finds its entities begin; its
slices are then slices of the decoded text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import AnyStr

from pydantic import ConfigDict, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails, from_json

from evcards.kb.entity_bounds import entity_bounds
from evcards.kb.model import Entity, KnowledgeBase
from evcards.kb.shared_fields_sets import FieldsSetPool, share_fields_sets

SLICE_BYTES = 512 * 1024  # about 8 ms of validation on a small machine
_FIRST_KEY = re.compile(rb"\A[ \t\r\n]*\{[ \t]*\r?\n([ \t]+)\"")
_ARRAY_OPENS = re.compile(rb"[ \t]*:[ \t]*\[")
_WHITESPACE = b" \t\r\n"


class SliceErrors(Exception):
    """What whole-file validation would have raised, found a slice at a time (see the module's docstring)."""

    def __init__(self, errors: list[ErrorDetails]) -> None:
        super().__init__(f"{len(errors)} validation errors")
        self.errors = errors


def _errors(error: ValidationError) -> list[ErrorDetails]:
    return error.errors(include_url=False, include_input=False)


def _in_file(errors: list[ErrorDetails], first: int) -> list[ErrorDetails] | None:
    """A slice's errors placed in the file: its entity `i` is the file's `first + i`; None if
    one of them is about the slice as a whole (not JSON, not a list of objects)."""
    if any(not error["loc"] or not isinstance(error["loc"][0], int) for error in errors):
        return None
    for error in errors:
        error["loc"] = ("entities", first + int(error["loc"][0]), *error["loc"][1:])
    return errors


@cache
def _entity_list() -> TypeAdapter[list[Entity]]:
    return TypeAdapter(list[Entity], config=ConfigDict(cache_strings="keys"))


def _slices(data: bytes) -> tuple[int, int, list[int]] | None:
    """Where the entities array starts and ends, and where to cut it; None if not laid out so.

    Only literal searches (`bytes.find`): a regular expression walks 80 MB some 50 times slower.
    """
    first = _FIRST_KEY.match(data)
    if first is None:
        return None
    indent = first.group(1)
    key = b"\n" + indent + b'"entities"'
    at = data.find(key)
    opening = _ARRAY_OPENS.match(data, at + len(key)) if at != -1 else None
    if opening is None or data.find(b'"entities"', 0, at) != -1:
        return None
    start = opening.end()
    end = data.find(b"\n" + indent + b"]", start)
    if end == -1 or data.find(b'"entities"', end) != -1:
        return None  # no end, or a key given twice: leave that to the whole-file parser
    entity = b"\n" + indent + indent + b"{"
    cuts: list[int] = []
    position = data.find(entity, start, end)
    while position != -1:
        cuts.append(position)
        position = data.find(entity, position + SLICE_BYTES, end)
    if not cuts or data[start : cuts[0]].strip(_WHITESPACE):
        return None
    return start, end, cuts


def validate_in_slices(
    data: bytes, progress: Callable[[int, int], None] | None = None, big: list[int] | None = None, big_bytes: int = 0
) -> KnowledgeBase | None:
    """The knowledge base in `data`, validated a slice at a time; None: validate it whole instead.

    `progress(done, total)` counts bytes (characters, for a file not laid out one entity per
    block) of the entities array and may raise to cancel. `big` gets the index of each entity
    in a slice of more than `big_bytes` (entities in smaller slices are smaller than that: see
    `evcards.kb.card_size`).
    """
    found = _slices(data)
    if found is not None:
        return _validated(data, *found, progress, big, big_bytes)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None  # whole-file validation says where
    found = entity_bounds(text, SLICE_BYTES, progress)
    return None if found is None else _validated(text, *found, progress, big, big_bytes)


def _validated(
    document: AnyStr,
    start: int,
    end: int,
    cuts: list[int],
    progress: Callable[[int, int], None] | None,
    big: list[int] | None,
    big_bytes: int,
) -> KnowledgeBase | None:
    bounds = [*cuts, end]
    adapter = _entity_list()
    entities: list[Entity] = []
    errors: list[ErrorDetails] = []
    signs = (_WHITESPACE, b",", b"[", b"]") if isinstance(document, bytes) else (_WHITESPACE.decode(), ",", "[", "]")
    whitespace, comma, opening, closing = signs
    count = 0  # entities so far, valid or not
    pool: FieldsSetPool = {}
    for k in range(len(cuts)):
        piece = document[bounds[k] : bounds[k + 1]].rstrip(whitespace)
        if k < len(cuts) - 1:  # a separating comma between slices, and none after the last
            if not piece.endswith(comma):
                return None
            piece = piece[:-1]
        piece = opening + piece + closing
        try:
            in_piece = adapter.validate_json(piece)
            share_fields_sets(in_piece, pool)  # while the slice's objects are fresh in the CPU's cache
            entities += in_piece
            size = len(in_piece)
        except ValidationError as error:
            in_slice = _in_file(_errors(error), count)
            if in_slice is None:
                return None  # not JSON, or not a list of objects: whole-file validation says where
            errors += in_slice
            size = len(from_json(piece))  # parsed by the validator's own parser: it read the slice
        except RecursionError:
            return None
        if big is not None and len(piece) > big_bytes:
            big += range(count, count + size)
        count += size
        if progress:
            progress(bounds[k + 1] - start, end - start)
    try:
        kb = KnowledgeBase.model_validate_json(document[:start] + document[end:])
    except ValidationError as error:
        rest = _errors(error)
        if any(detail["type"] == "json_invalid" for detail in rest):
            return None  # its place would be the place in what is left once the entities are cut out
        fields = set(KnowledgeBase.model_fields)  # whole-file validation: the fields in order (entities last), then unknown keys
        known = [detail for detail in rest if detail["loc"] and detail["loc"][0] in fields]
        raise SliceErrors(known + errors + [detail for detail in rest if detail not in known]) from None
    except RecursionError:
        return None
    if errors:
        raise SliceErrors(errors)
    kb.entities = entities
    return kb
