"""Keys given twice in one JSON object.

JSON parsers, pydantic's included, keep the last of two equal keys without a word: an entity
with two "claims" lists would silently lose the first, a claim with two "quote"s would be
checked against one of them. evcards refuses such a file and says where the repeat is.

The check parses the file a second time, which costs about as much as reading it. It runs on
files up to `CHECK_UP_TO_BYTES`, the ones people edit by hand; files beyond that are written
by programs, whose JSON writers (`json.dump` and the like, from a dict) do not repeat keys,
and are read without the second pass.
"""

from __future__ import annotations

import json
from typing import Any

from evcards.kb.problems import json_path

CHECK_UP_TO_BYTES = 8 * 1024 * 1024


class _Repeats(dict[str, Any]):
    """An object that had repeated keys, marked so that the walk below can name its place."""

    repeated: list[str]


def _has_repeats(pairs: list[tuple[str, Any]]) -> bool:
    return len({key for key, _ in pairs}) != len(pairs)


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object as a dict, marked when it repeats a key."""
    return _marked(pairs) if _has_repeats(pairs) else dict(pairs)


def _marked(pairs: list[tuple[str, Any]]) -> _Repeats:
    marked = _Repeats(pairs)
    seen: set[str] = set()
    marked.repeated = []
    for key, _ in pairs:
        if key in seen and key not in marked.repeated:
            marked.repeated.append(key)
        seen.add(key)
    return marked


def repeated_keys(data: bytes) -> list[tuple[str, str]]:
    """(place, key) for each key given twice in one object, in document order.

    Invalid JSON gives [] here: the loader has reported it already, with its position.
    """
    repeats = 0

    def count(pairs: list[tuple[str, Any]]) -> None:
        """A first pass only counts: no second tree of the whole file is kept."""
        nonlocal repeats
        repeats += _has_repeats(pairs)

    try:
        json.loads(data, object_pairs_hook=count)
    except (ValueError, RecursionError):
        return []
    if not repeats:
        return []  # the common case: one pass, no tree, no walk
    tree = json.loads(data, object_pairs_hook=_object)
    found: list[tuple[str, str]] = []
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(tree, ())]
    while stack:
        node, loc = stack.pop()
        if isinstance(node, dict):
            if isinstance(node, _Repeats):
                found += [(json_path(loc), key) for key in node.repeated]
            stack += [(value, (*loc, key)) for key, value in reversed(node.items())]
        elif isinstance(node, list):
            stack += [(value, (*loc, index)) for index, value in reversed(list(enumerate(node)))]
    return found
