"""A load can keep what it read (`LoadResult.snapshot`) and load that version again after the
file and its sources changed on disk: what a window shows again when a reload fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from evcards.kb.loader import load
from tests.conftest import KbWriter, minimal_kb


@pytest.mark.parametrize("packed", [False, True])
def test_a_snapshot_loads_the_version_it_was_taken_of(write_kb: KbWriter, tmp_path: Path, packed: bool) -> None:
    data = minimal_kb()
    data["entities"] += [{"id": f"extra-{i}", "name": f"Extra {i}", "kind": "place"} for i in range(5000)]  # over PACK_FROM_BYTES
    path = write_kb(data)
    first = load(path, keep_snapshot=True)
    assert first.knowledge_base is not None and first.snapshot is not None
    if packed:
        first.snapshot.pack()
    path.write_text("{ not json", encoding="utf-8")
    (tmp_path / "article.txt").unlink()  # a source gone too
    again = load(path, snapshot=first.snapshot)
    assert again.knowledge_base is not None, again.report()
    assert again.knowledge_base.data == first.knowledge_base.data
    assert again.knowledge_base.path == first.knowledge_base.path
    lei = again.knowledge_base.entity("lei-jun")
    assert lei is not None and again.knowledge_base.check(lei, 0, 0).status == first.knowledge_base.check(lei, 0, 0).status


def test_only_a_valid_file_asked_for_it_keeps_a_snapshot(write_kb: KbWriter) -> None:
    assert load(write_kb()).snapshot is None  # `evcards validate` and export keep nothing
    broken = minimal_kb()
    del broken["entities"][0]["name"]
    assert load(write_kb(broken, name="broken.json"), keep_snapshot=True).snapshot is None
