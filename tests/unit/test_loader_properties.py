"""Whatever the bytes, loading gives a knowledge base or a problem report, never another exception."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evcards.kb.loader import load
from tests.conftest import minimal_kb

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


def assert_report_or_kb(path: Path) -> None:
    result = load(path)
    assert (result.knowledge_base is None) == bool(result.problems)
    for problem in result.problems:
        assert str(problem).startswith(f"{path}: ")


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "kb.json"
    path.write_bytes(data)
    assert_report_or_kb(path)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(value=json_values)
def test_arbitrary_json(tmp_path: Path, value: object) -> None:
    path = tmp_path / "kb.json"
    path.write_text(json.dumps(value), encoding="utf-8")
    assert_report_or_kb(path)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(path_in_kb=st.sampled_from(["entities", "sources", "title", "format"]), value=json_values)
def test_arbitrary_json_in_a_valid_file(tmp_path: Path, path_in_kb: str, value: object) -> None:
    (tmp_path / "article.txt").write_text("text", encoding="utf-8")
    path = tmp_path / "kb.json"
    path.write_text(json.dumps(minimal_kb(**{path_in_kb: value})), encoding="utf-8")
    assert_report_or_kb(path)
