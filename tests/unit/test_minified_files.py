"""A big knowledge base file in any layout (minified, on one line) loads a slice of entities at a
time, with progress and cancel, and gives the data and problems that reading it whole gives."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from evcards.kb import loader, piecewise
from evcards.kb.entity_bounds import entity_bounds
from evcards.kb.loader import LoadCancelled, load
from evcards.kb.model import KnowledgeBase
from tests.conftest import KbWriter, minimal_kb

TRICKY = 'a summary with },{"id": "x", "entities": [{ and ]} inside, and \\ " quotes'


def _data(entities: int = 6) -> dict[str, Any]:
    data = minimal_kb()
    data["entities"] += [{"id": f"e{i}", "name": f"E{i}", "kind": "person", "summary": TRICKY} for i in range(entities)]
    return data


def _minified(write_kb: KbWriter, data: dict[str, Any], separators: tuple[str, str] = (",", ":")) -> Path:
    return write_kb(json.dumps(data, ensure_ascii=False, separators=separators))


@pytest.fixture
def every_file_in_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "SLICES_FROM_BYTES", 0)  # every file is big
    monkeypatch.setattr(piecewise, "SLICE_BYTES", 1)  # one entity a slice


@pytest.mark.parametrize("separators", [(",", ":"), (", ", ": ")])
@pytest.mark.usefixtures("every_file_in_slices")
def test_a_minified_file_gives_the_data_of_the_whole_file(write_kb: KbWriter, separators: tuple[str, str]) -> None:
    data = _data()
    data = {"entities": data["entities"], "format": 1, "sources": data["sources"]}  # entities first, strings that look like structure
    path = _minified(write_kb, data, separators)
    totals: set[int] = set()
    result = load(path, lambda done, total: totals.add(total))
    assert result.knowledge_base is not None, result.report()
    assert result.knowledge_base.data == KnowledgeBase.model_validate_json(path.read_bytes())
    assert len(totals) == 5, "progress counts the file read, the entities found, validated, the source read, the claims anchored"


@pytest.mark.parametrize("indent", [None, 2])
@pytest.mark.usefixtures("every_file_in_slices")
def test_problems_found_a_slice_at_a_time_are_those_of_the_whole_file(
    write_kb: KbWriter, monkeypatch: pytest.MonkeyPatch, indent: int | None
) -> None:
    data = _data()
    data["entities"][3]["kind"] = 7
    data["entities"][3]["nmae"] = "typo"
    data["entities"][5]["aliases"] = [""]
    data["entities"][6]["claims"] = [{"statement": "No quote.", "quote": "x" * 10, "source": "article", "stance": "supports"}]
    data["title"] = ["not", "a", "title"]
    data["extra"] = 1
    data = {"extra": 1, **data}
    path = write_kb(json.dumps(data, ensure_ascii=False, indent=indent, separators=None if indent else (",", ":")))
    reports: list[tuple[int, int]] = []
    problems = load(path, lambda done, total: reports.append((done, total))).lines()
    size = path.stat().st_size
    assert any(done == total != size for done, total in reports), "every slice validated, past the first with a problem"
    monkeypatch.setattr(loader, "SLICES_FROM_BYTES", 1 << 40)  # read whole
    assert problems == load(path).lines()
    assert [line.split(": ")[1] for line in problems] == [
        "title",
        "entities[3].kind",
        "entities[3].nmae",
        "entities[5].aliases[0]",
        "entities[6].claims[0].stance",
        "extra",
    ]


@pytest.mark.usefixtures("every_file_in_slices")
def test_a_minified_load_can_be_cancelled_while_it_is_validated(write_kb: KbWriter) -> None:
    data = _data(entities=40)
    path = _minified(write_kb, data)
    claims = sum(len(entity.get("claims", [])) for entity in data["entities"])
    not_validating = {path.stat().st_size, (path.parent / "article.txt").stat().st_size, claims}  # read, anchored
    reports: list[tuple[int, int]] = []

    def cancel_while_validating(done: int, total: int) -> None:
        reports.append((done, total))
        if total not in not_validating and 0 < done < total:
            raise LoadCancelled

    with pytest.raises(LoadCancelled):
        load(path, cancel_while_validating)
    assert reports[-1][1] not in not_validating


@pytest.mark.parametrize(
    "text",
    [
        '{"format": 1, "entities": []}',  # nothing to slice
        '{"format": 1, "entities": [{}], "entities": [{}]}',  # a key given twice
        '{"format": 1, "entities": [{}, ]}',  # not JSON
        '{"format": 1, "entities": [{}]} {}',  # something after the object
        '[{"entities": [{}]}]',
        '{"format": 1}',
    ],
)
def test_what_cannot_be_sliced_is_left_to_whole_file_validation(text: str) -> None:
    assert entity_bounds(text, 1) is None


def test_entities_are_found_where_they_begin() -> None:
    text = '{"entities" :[ {"id": "a,]"} ,{"id":"b"},\n{"id":"c"}] , "format":1}'
    start, end, cuts = entity_bounds(text, 1) or (0, 0, [])
    assert [text[cut : cut + 4] for cut in cuts] == ['{"id', '{"id', '{"id'] and text[end] == "]"
    assert text[start:end].startswith("{") and len(cuts) == 3
    assert entity_bounds(text, 1_000)[2] == cuts[:1]  # type: ignore[index]  # slices of at least that many characters
