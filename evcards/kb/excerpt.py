"""A knowledge base of a few entities and what their cards cite, to send to someone else.

No Qt here. The excerpt is a format-2 knowledge base that `evcards validate` accepts on its
own: the chosen entities as the file gives them (claims, evidence, relations), the sources
their claims cite, and each other entity a relation names as a stub (its id, names and kind,
no claims or relations) so that every relation still resolves. A source kept in a text file
is written with its text inline, so the file travels alone; a text too large for that (over
`INLINE_LIMIT` characters) stays a `text_file`, its path made relative to where the excerpt
is written.
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any

from evcards.kb.model import FORMAT_VERSION

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from evcards.kb.loaded import LoadedKnowledgeBase
    from evcards.kb.model import Entity, Source

INLINE_LIMIT = 5_000_000  # characters: a source text above this stays in its file
_STUB_FIELDS = {"id", "name", "kind", "native_name", "names"}


def _source(kb: LoadedKnowledgeBase, source: Source, folder: Path) -> dict[str, Any]:
    data = source.model_dump(mode="json", exclude_none=True)
    text = kb.source_text(source.id)
    if source.text_file is None:
        return data
    if text is not None and text.strip() and len(text) <= INLINE_LIMIT:
        del data["text_file"]
        data["text"] = text
    else:  # where the excerpt is written, the same file
        data["text_file"] = os.path.relpath(kb.path.parent / source.text_file, folder).replace(os.sep, "/")
    return data


def excerpt(kb: LoadedKnowledgeBase, entities: Sequence[Entity], folder: Path) -> dict[str, Any]:
    """The knowledge base of `entities`, their cited sources and stubs of the entities they
    relate to, as JSON data; `folder` is where it will be written (for a `text_file` kept)."""
    chosen = {entity.id for entity in entities}
    cited = dict.fromkeys(source for entity in entities for claim in entity.claims for source in claim.sources)
    related = dict.fromkeys(r.target for entity in entities for r in entity.relations if r.target not in chosen)
    stubs = [found for target in related if (found := kb.entity(target)) is not None]
    data: dict[str, Any] = {"format": FORMAT_VERSION}
    if kb.data.title:
        data["title"] = kb.data.title
    if kb.data.language:
        data["language"] = kb.data.language
    data["sources"] = [_source(kb, source, folder) for sid in cited if (source := kb.source(sid)) is not None]
    data["entities"] = [entity.model_dump(mode="json", exclude_none=True) for entity in entities]
    data["entities"] += [stub.model_dump(mode="json", exclude_none=True, include=_STUB_FIELDS) for stub in stubs]
    return data


def excerpt_json(kb: LoadedKnowledgeBase, entities: Sequence[Entity], folder: Path) -> bytes:
    """`excerpt` as the UTF-8 bytes of a JSON file, every script as written (not \\u escapes)."""
    return (json.dumps(excerpt(kb, entities, folder), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
