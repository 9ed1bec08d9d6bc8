"""A knowledge base file's bytes and its sources' texts as one load read them.

A reload lets the window drop the knowledge base it shows before the new version is built:
built while the old one is alive, the new one's objects fill the gaps in the memory the old
one holds, and Python's allocator then keeps room for two knowledge bases for good (see
docs/performance.md, *Memory across reloads*). When the new version cannot be read, the
file on disk has already changed: the window loads this snapshot instead, and shows the
version it showed before. The bytes are one block (the file's size); the texts are the
loaded knowledge base's own strings, shared, not copied.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FileSnapshot:
    """What `evcards.kb.loader.load` needs to load one version of a file again without the disk."""

    data: bytes
    texts: Mapping[str, str]  # by source id, as `LoadedKnowledgeBase.source_text` gives them
