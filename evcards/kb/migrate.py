"""Format 1 (or 2) to format 2, as plain JSON data: what `evcards migrate` writes.

Each claim's `quote`/`source` pair becomes its first evidence item; the rest is kept as the
file says it, with nothing that only repeats a default (no "stance": "supports", no empty
lists, no nulls). Text file paths are rewritten relative to the new file's folder, so the
new file finds the same texts wherever it is written.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from evcards.kb.model import FORMAT_VERSION, Claim, Entity, Evidence, KnowledgeBase, Source


def _evidence(item: Evidence) -> dict[str, Any]:
    quote = item.quote if isinstance(item.quote, str) else item.quote.model_dump(mode="json", exclude_none=True)
    out: dict[str, Any] = {"source": item.source, "quote": quote}
    if item.stance != "supports":
        out["stance"] = item.stance
    return out


def _claim(claim: Claim) -> dict[str, Any]:
    out: dict[str, Any] = {"statement": claim.statement}
    if items := claim.evidence_items:
        out["evidence"] = [_evidence(item) for item in items]
    if claim.value is not None:  # the value's "type" stays: it says which kind of value it is
        out["value"] = {"type": claim.value.type, **claim.value.model_dump(mode="json", exclude_defaults=True)}
    out |= claim.model_dump(mode="json", include={"date", "section"}, exclude_none=True)
    return out


def _entity(entity: Entity) -> dict[str, Any]:
    out = entity.model_dump(mode="json", exclude={"claims", "relations"}, exclude_defaults=True)
    if entity.claims:
        out["claims"] = [_claim(claim) for claim in entity.claims]
    if entity.relations:
        out["relations"] = [relation.model_dump(mode="json") for relation in entity.relations]
    return out


def _source(source: Source, from_folder: Path, to_folder: Path) -> dict[str, Any]:
    out = source.model_dump(mode="json", exclude_none=True)
    if source.text_file is not None and from_folder != to_folder:
        out["text_file"] = Path(os.path.relpath(from_folder / source.text_file, to_folder)).as_posix()
    return out


def to_format_2(kb: KnowledgeBase, from_folder: Path, to_folder: Path) -> dict[str, Any]:
    """`kb`, read from a file in `from_folder`, as the format-2 data of a file in `to_folder`
    (both resolved: text file paths are rewritten from one to the other)."""
    out: dict[str, Any] = {"format": FORMAT_VERSION}
    out |= kb.model_dump(mode="json", include={"title", "language"}, exclude_none=True)
    if kb.sources:
        out["sources"] = [_source(source, from_folder, to_folder) for source in kb.sources]
    out["entities"] = [_entity(entity) for entity in kb.entities]
    return out
