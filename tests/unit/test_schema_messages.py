"""A value that breaks a pattern of the format is named in words, not by its regular expression."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evcards.kb.loader import load


def _messages(tmp_path: Path, data: dict) -> list[str]:
    path = tmp_path / "kb.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = load(path)
    return [f"{problem.place}: {problem.message}" for problem in [*result.problems, *result.findings]]


def _kb(**entity: object) -> dict:
    base = {"id": "e", "name": "Xiaomi", "kind": "organization"}
    return {"format": 2, "sources": [{"id": "s", "text": "Lei Jun founded Xiaomi."}], "entities": [{**base, **entity}]}


@pytest.mark.parametrize("bad_id", ["lei jun", "xiaomi😀", "-lead", "a/b"])
def test_an_id_that_breaks_the_rule_is_told_the_rule(tmp_path: Path, bad_id: str) -> None:
    messages = _messages(tmp_path, _kb(id=bad_id))
    assert messages == [
        "entities[0].id: is not an id: letters and digits of any script, then also '-', '_', '.' or ':' (no spaces, emoji or other signs)"
    ]


def test_white_space_only_and_empty_texts_are_told_so(tmp_path: Path) -> None:
    data = _kb(summary="x")
    data["sources"] = [{"id": "s", "text": "   "}, {"id": "t", "text": ""}]
    assert _messages(tmp_path, data) == ["sources[0].text: should have more than white space", "sources[1].text: should not be empty"]


def test_a_relation_type_is_told_its_form(tmp_path: Path) -> None:
    messages = _messages(tmp_path, _kb(relations=[{"type": "Founded By", "target": "e"}]))
    assert messages == ["entities[0].relations[0].type: should be lower-case words joined by '_', e.g. founded_by"]


def test_a_quote_of_invisible_characters_only_is_told_so(tmp_path: Path) -> None:
    messages = _messages(tmp_path, _kb(claims=[{"statement": "x", "evidence": [{"source": "s", "quote": "\u200b\u00ad"}]}]))
    assert messages == [
        "entities[0].claims[0].evidence[0].quote: not-found: the quote has no visible character (only zero-width or invisible ones)"
    ]
