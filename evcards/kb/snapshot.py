"""A knowledge base file's bytes and its sources' texts as one load read them.

A reload lets the window drop the knowledge base it shows before the new version is built:
built while the old one is alive, the new one's objects fill the gaps in the memory the old
one holds, and Python's allocator then keeps room for two knowledge bases for good (see
docs/performance.md, *Memory across reloads*). When the new version cannot be read, the
file on disk has already changed: the window loads this snapshot instead, and shows the
version it showed before. The texts are the loaded knowledge base's own strings, shared, not
copied; the bytes are kept compressed once `pack` has run (zlib's fastest level: a generated
JSON file takes a seventh of its size, 8 MB in ~50 ms).
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping

PACK_FROM_BYTES = 256 * 1024  # smaller files are kept as they are


class FileSnapshot:
    """What `evcards.kb.loader.load` needs to load one version of a file again without the disk."""

    __slots__ = ("_data", "_packed", "texts")

    def __init__(self, data: bytes, texts: Mapping[str, str]) -> None:
        self._data = data
        self._packed: bytes | None = None
        self.texts = texts  # by source id, as `LoadedKnowledgeBase.source_text` gives them

    @property
    def data(self) -> bytes:
        """The file's bytes. Safe while `pack` runs in another thread: `_data` is read before
        `_packed`, and `pack` sets `_packed` before it empties `_data`."""
        data = self._data
        packed = self._packed
        return zlib.decompress(packed) if packed is not None else data

    def worth_packing(self) -> bool:
        return self._packed is None and len(self._data) >= PACK_FROM_BYTES

    def pack(self) -> None:
        """Keep the bytes compressed; for a thread of its own (zlib releases Python's lock)."""
        data = self._data
        if self.worth_packing():
            self._packed = zlib.compress(data, 1)
            self._data = b""
