"""An entity's names as a reader may type them: the filter and the command line's lookup share these."""

from __future__ import annotations

from typing import TYPE_CHECKING

from evcards.search.folding import fold_for_search
from evcards.search.pinyin import has_han, pinyin_readings

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from evcards.kb.model import Entity


def searchable_names(entity: Entity) -> list[str]:
    """Every name of `entity` that search looks at, the main name first. The one place that
    lists them: a new kind of name is one line here, for the filter and the CLI alike."""
    return [entity.name, *entity.native_names, *entity.aliases]


class Readings:
    """Pinyin readings of names, each distinct name spelled once (a knowledge base repeats
    names: 100,000 generated entities have a few hundred distinct Chinese names)."""

    def __init__(self, *, initials: bool = True) -> None:
        self._initials = initials
        self._known: dict[str, list[str]] = {}

    def of(self, names: Iterable[str]) -> list[str]:
        """The folded pinyin readings of the names that hold Han characters."""
        found: list[str] = []
        for name in names:
            if has_han(name):
                if name not in self._known:
                    self._known[name] = pinyin_readings(name, initials=self._initials)
                found += self._known[name]
        return found


def lookup_keys(entity: Entity, readings: Readings) -> set[str]:
    """What a command line may call `entity`: its id and names folded, and their pinyin."""
    names = searchable_names(entity)
    return {fold_for_search(entity.id), *(fold_for_search(name) for name in names), *readings.of(names)}


def find_by_name(entities: Sequence[Entity], word: str) -> list[Entity]:
    """The entities `word` names exactly, after folding: by id, name, native name, alias or a
    pinyin reading ("lazaro bruzon" for Lázaro Bruzón, "leijun" for 雷军). Several when it is
    ambiguous, none when nothing is called that."""
    wanted = fold_for_search(word.strip())
    readings = Readings(initials=False)  # "lj" is too short to name one entity
    return [entity for entity in entities if wanted in lookup_keys(entity, readings)]
