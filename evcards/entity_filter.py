"""Filter entities as the reader types: case- and accent-insensitive, fast at 100,000 rows.

Keys are folded once per knowledge base; a query is a substring scan over those keys. When a
query only grew (the reader typed one more character), only the previous matches are scanned.
Entities whose name, native name or alias match come before those matched by kind or claims.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from evcards.model import Entity

_SEPARATOR = "\x1f"


def fold_for_search(text: str) -> str:
    """Case- and accent-insensitive form: 'Lëi JUN' and 'lei jun' fold alike; 雷 stays 雷."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    if decomposed.isascii():
        return decomposed
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _name_key(entity: Entity) -> str:
    return fold_for_search(_SEPARATOR.join([entity.name, entity.native_name or "", *entity.aliases]))


def _full_key(entity: Entity, name_key: str) -> str:
    statements = _SEPARATOR.join(claim.statement for claim in entity.claims)
    return name_key + _SEPARATOR + fold_for_search(entity.kind + _SEPARATOR + statements)


class EntityFilter:
    """Answers "which rows match this query", in display order (by name)."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        order = sorted(range(len(entities)), key=lambda i: (fold_for_search(entities[i].name), entities[i].id))
        self.entities: list[Entity] = [entities[i] for i in order]
        self._name_keys = [_name_key(e) for e in self.entities]
        self._full_keys = [_full_key(e, k) for e, k in zip(self.entities, self._name_keys)]
        self._last_query = ""
        self._last_matches: list[int] = list(range(len(self.entities)))

    def __len__(self) -> int:
        return len(self.entities)

    def matches(self, query: str) -> list[int]:
        """Indices into `self.entities`: name matches first, then the rest, each in name order."""
        folded = fold_for_search(query.strip())
        if not folded:
            result = list(range(len(self.entities)))
        else:
            narrowing = self._last_query and folded.startswith(self._last_query)
            candidates = self._last_matches if narrowing else range(len(self.entities))
            keys = self._full_keys
            result = [i for i in candidates if folded in keys[i]]
            if narrowing:
                result.sort()  # the previous result was ranked; restore name order before ranking again
            names = self._name_keys
            by_name = [i for i in result if folded in names[i]]
            if by_name and len(by_name) != len(result):
                named = set(by_name)
                result = by_name + [i for i in result if i not in named]
        self._last_query, self._last_matches = folded, result
        return result
