"""A knowledge base as loaded from its file: the data, and what loading found out about it.

The pydantic models (`evcards.kb.model`) are the file format and hold only what the file
says. Loading adds the file's path, each source's text and where each evidence item's quote
stands in its source; they are kept here, beside the data, never written into it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TypeAlias

from evcards.kb.model import Entity, Evidence, KnowledgeBase, Source
from evcards.kb.quotes import QuoteCheck, QuoteStatus
from evcards.kb.verdicts import Verdict, verdict_of

VerbatimAt: TypeAlias = int
"""A quote found verbatim, by the code-point offset where it starts: see `LoadedKnowledgeBase`."""
ItemCheck: TypeAlias = QuoteCheck | VerbatimAt
ClaimChecks: TypeAlias = ItemCheck | tuple[ItemCheck, ...]
"""A claim's checks: the one item's check for a claim with one evidence item (nearly every
claim), else a tuple with one per item (empty for a claim with none)."""


class LoadedKnowledgeBase:
    """A valid knowledge base, its source texts, and where each evidence item's quote stands.

    Made by `evcards.kb.loader.load` once it has checked that ids are unique, that every
    reference resolves and that every source text was read; nothing changes it afterwards.

    Checks are kept per entity id, one entry per claim (see `ClaimChecks`), each item's in the
    form the loader finds it: a `QuoteCheck`, or for a quote found verbatim (nearly every one)
    only the offset where it starts, from which `check` makes its `QuoteCheck` when asked. A `QuoteCheck` made at
    load for every claim cost 25 ms on the benchmark's 20,000 claims (size M): half of a
    `json.loads` of the file, where the whole load has a budget of two and a half.
    """

    __slots__ = ("__weakref__", "_checks", "_data", "_entities", "_path", "_sources", "_texts")  # weakref: see who keeps one alive

    def __init__(
        self,
        data: KnowledgeBase,
        path: Path,
        texts: Mapping[str, str],
        checks: Mapping[str, Sequence[ClaimChecks]],
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

    def source_title(self, source_id: str) -> str:
        """What a card calls the source `source_id`: its title, file name or id."""
        source = self._sources.get(source_id)
        return source.display_title if source else source_id

    def evidence(self, entity: Entity, claim_index: int) -> tuple[tuple[Evidence, QuoteCheck], ...]:
        """Each evidence item of `entity.claims[claim_index]` with where its quote stands in its
        source, in the order of `Claim.evidence_items`; `entity` is one of this knowledge base's."""
        found = self._checks[entity.id][claim_index]
        items = entity.claims[claim_index].evidence_items
        found_items = found if isinstance(found, tuple) else (found,)
        return tuple((item, _as_check(check, item.exact)) for item, check in zip(items, found_items))

    def checks(self, entity: Entity, claim_index: int) -> tuple[QuoteCheck, ...]:
        """Where each evidence item's quote stands, in the order of `Claim.evidence_items`."""
        return tuple(check for _, check in self.evidence(entity, claim_index))

    def check(self, entity: Entity, claim_index: int, evidence_index: int = 0) -> QuoteCheck:
        """Where one evidence item's quote stands (the first by default); IndexError for an item
        the claim does not have."""
        found = self._checks[entity.id][claim_index]
        if isinstance(found, tuple):
            item = found[evidence_index]
        elif evidence_index == 0:
            item = found
        else:
            raise IndexError(evidence_index)
        if isinstance(item, QuoteCheck):
            return item
        return _as_check(item, entity.claims[claim_index].evidence_items[evidence_index].exact)

    def quote_statuses(self, entity: Entity) -> set[QuoteStatus]:
        """The statuses of all of `entity`'s quotes, read as stored: no `QuoteCheck` is made for a
        verbatim one (the search language's has:approximate asks this of every entity)."""
        found: set[QuoteStatus] = set()
        for claim in self._checks[entity.id]:
            for item in claim if isinstance(claim, tuple) else (claim,):
                found.add(item.status if isinstance(item, QuoteCheck) else QuoteStatus.VERIFIED)
        return found

    def verdict(self, entity: Entity, claim_index: int) -> Verdict:
        """The claim's verdict from its evidence (see `evcards.kb.verdicts`)."""
        return verdict_of((item.stance, check.status) for item, check in self.evidence(entity, claim_index))

    def __repr__(self) -> str:
        return f"<LoadedKnowledgeBase {str(self._path)!r}: {len(self._data.entities)} entities>"


def _as_check(found: ItemCheck, exact: str) -> QuoteCheck:
    if isinstance(found, QuoteCheck):
        return found
    return QuoteCheck(QuoteStatus.VERIFIED, found, found + len(exact), exact)
