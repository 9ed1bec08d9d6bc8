"""Ids and the references between them: NFC ids, unique ids, and references that resolve.

Ids are compared after Unicode NFC normalisation: "Zürich" typed with a decomposed ü (NFD, as
macOS file names and some editors write it) is the same id as its composed twin. The model
does not normalise each id as it reads it (a validator per id cost a quarter of a second on the
benchmark's 200,000 claims); the loader does it here, once, and only for a file with an id
that is not ASCII.
"""

from __future__ import annotations

import unicodedata
from typing import cast

from evcards.kb.model import KnowledgeBase
from evcards.kb.problems import Problem


def _nfc(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def _every_reference(kb: KnowledgeBase) -> tuple[set[str], set[str]]:
    """Every relation target, and every source id that a claim or an evidence item quotes.

    Evidence lists are walked only in a format 2 file: a format 1 file has none (the quote
    checks refuse any), and its 200,000 claims are walked once, not twice."""
    targets = {r.target for e in kb.entities for r in e.relations}
    quoted: set[str | None] = {c.source for e in kb.entities for c in e.claims}
    quoted.discard(None)  # claims spelt with evidence only (a test per claim cost more than this)
    if kb.format != 1:
        quoted |= {item.source for e in kb.entities for c in e.claims if c.evidence for item in c.evidence}
    return targets, cast(set[str], quoted)


def _ids_to_nfc(kb: KnowledgeBase, references: tuple[set[str], set[str]]) -> bool:
    """Every id and every reference of `kb` in NFC, in place (a walk only when one is not
    ASCII); whether anything was walked."""
    ids = {s.id for s in kb.sources} | {e.id for e in kb.entities} | references[0] | references[1]
    if all(i.isascii() for i in ids):
        return False
    for source in kb.sources:
        source.id = _nfc(source.id)
    for entity in kb.entities:
        entity.id = _nfc(entity.id)
        for relation in entity.relations:
            relation.target = _nfc(relation.target)
        for claim in entity.claims:
            if claim.source is not None:
                claim.source = _nfc(claim.source)
            for item in claim.evidence:
                item.source = _nfc(item.source)
    return True


def _duplicate_ids(shown: str, kind: str, prefix: str, ids: list[str]) -> list[Problem]:
    problems: list[Problem] = []
    first_at: dict[str, int] = {}
    for i, item_id in enumerate(ids):
        if item_id in first_at:
            problems.append(
                Problem(shown, f"{prefix}[{i}].id", f"duplicate {kind} id {item_id!r} (first used at {prefix}[{first_at[item_id]}])")
            )
        else:
            first_at[item_id] = i
    return problems


def reference_problems(shown: str, kb: KnowledgeBase) -> list[Problem]:
    """Ids given twice, and references to ids that nothing has, once every id is in NFC."""
    references = _every_reference(kb)
    if _ids_to_nfc(kb, references):
        references = _every_reference(kb)
    problems = _duplicate_ids(shown, "source", "sources", [s.id for s in kb.sources])
    problems += _duplicate_ids(shown, "entity", "entities", [e.id for e in kb.entities])
    entity_ids = {e.id for e in kb.entities}
    source_ids = {s.id for s in kb.sources}
    # Set operations over every reference first; the slow walk that names each place
    # runs only for a file that has a dangling reference.
    targets, quoted = references
    if targets <= entity_ids and quoted <= source_ids:
        return problems
    for i, entity in enumerate(kb.entities):
        for k, relation in enumerate(entity.relations):
            if relation.target not in entity_ids:
                problems.append(Problem(shown, f"entities[{i}].relations[{k}].target", f"no entity has the id {relation.target!r}"))
        for k, claim in enumerate(entity.claims):
            if claim.source is not None and claim.source not in source_ids:
                problems.append(Problem(shown, f"entities[{i}].claims[{k}].source", f"no source has the id {claim.source!r}"))
            for j, item in enumerate(claim.evidence):
                if item.source not in source_ids:
                    place = f"entities[{i}].claims[{k}].evidence[{j}].source"
                    problems.append(Problem(shown, place, f"no source has the id {item.source!r}"))
    return problems
