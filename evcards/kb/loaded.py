"""A knowledge base as loaded from its file: the data, and what loading found out about it.

The pydantic models (`evcards.kb.model`) are the file format and hold only what the file
says. Loading adds the file's path, each source's text and where each claim's quote stands
in its source; they are kept here, beside the data, never written into it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TypeAlias

from evcards.kb.model import Entity, KnowledgeBase, Source
from evcards.kb.quotes import QuoteCheck, QuoteStatus

VerbatimAt: TypeAlias = int
"""A quote found verbatim, by the code-point offset where it starts: see `LoadedKnowledgeBase`."""


class LoadedKnowledgeBase:
    """A valid knowledge base, its source texts, and the verdict on each claim's quote.

    Made by `evcards.kb.loader.load` once it has checked that ids are unique, that every
    reference resolves and that every source text was read; nothing changes it afterwards.

    Verdicts are kept per entity id, one per claim, in the form the loader finds them: a
    `QuoteCheck`, or for a quote found verbatim (nearly every one) only the offset where it
    starts, from which `check` makes its `QuoteCheck` when asked. A `QuoteCheck` made at
    load for every claim cost 25 ms on the benchmark's 20,000 claims (size M): half of a
    `json.loads` of the file, where the whole load has a budget of two and a half.
    """

    __slots__ = ("_checks", "_data", "_entities", "_path", "_sources", "_texts")

    def __init__(
        self,
        data: KnowledgeBase,
        path: Path,
        texts: Mapping[str, str],
        checks: Mapping[str, Sequence[QuoteCheck | VerbatimAt]],
    ) -> None:
        self._data = data
        self._path = path
        self._texts = texts
        self._checks = checks
        self._entities = {entity.id: entity for entity in data.entities}
        self._sources = {source.id: source for source in data.sources}

    @property
    def data(self) -> KnowledgeBase:
        """What the file says, exactly as `KnowledgeBase.model_validate_json` reads it."""
        return self._data

    @property
    def path(self) -> Path:
        """The file this knowledge base was loaded from, resolved."""
        return self._path

    @property
    def entities(self) -> list[Entity]:
        return self._data.entities

    @property
    def sources(self) -> list[Source]:
        return self._data.sources

    @property
    def display_title(self) -> str:
        """The knowledge base's title, or its file's name when it has none."""
        return self._data.title or self._path.name

    def entity(self, entity_id: str) -> Entity | None:
        return self._entities.get(entity_id)

    def source(self, source_id: str) -> Source | None:
        return self._sources.get(source_id)

    def source_text(self, source_id: str) -> str | None:
        return self._texts.get(source_id)

    def check(self, entity: Entity, claim_index: int) -> QuoteCheck:
        """Where the quote of `entity.claims[claim_index]` stands in its source; `entity` is one of this knowledge base's."""
        found = self._checks[entity.id][claim_index]
        if isinstance(found, QuoteCheck):
            return found
        exact = entity.claims[claim_index].exact
        return QuoteCheck(QuoteStatus.VERIFIED, found, found + len(exact), exact)

    def __repr__(self) -> str:
        return f"<LoadedKnowledgeBase {str(self._path)!r}: {len(self._data.entities)} entities>"
