"""The loader: a knowledge base or a report naming file, place and problem; never a traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from evcards.kb.loader import LoadResult, load
from evcards.kb.problems import Severity
from evcards.kb.quotes import QuoteCheck, QuoteStatus
from tests.conftest import ARTICLE_QUOTE, SOURCE_TEXT, KbWriter, minimal_kb


def only_problem(path: Path) -> str:
    result = load(path)
    assert result.knowledge_base is None
    assert len(result.problems) == 1, result.report()
    return str(result.problems[0])


def first_claim_check(result: LoadResult, entity_id: str) -> QuoteCheck:
    """Where the quote of the entity's first claim was found, or the test fails with the loader's report."""
    kb = result.knowledge_base
    assert kb is not None, result.report()
    entity = kb.entity(entity_id)
    assert entity is not None
    return kb.check(entity, 0)


def test_valid_file_loads_with_quote_positions(write_kb: KbWriter) -> None:
    result = load(write_kb())
    assert result.is_valid, result.report()
    kb = result.knowledge_base
    assert kb is not None and kb.data.title == "Test KB"
    check = first_claim_check(result, "xiaomi")
    assert check.status is QuoteStatus.VERIFIED
    assert SOURCE_TEXT[check.start : check.end] == ARTICLE_QUOTE
    assert kb.source_text("article") == SOURCE_TEXT


def test_loading_never_writes_the_file(write_kb: KbWriter) -> None:
    path = write_kb()
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    load(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_missing_file(tmp_path: Path) -> None:
    message = only_problem(tmp_path / "nope.json")
    assert message.startswith(f"{tmp_path / 'nope.json'}: (file): file not found")


def test_folder(tmp_path: Path) -> None:
    assert "is a folder" in only_problem(tmp_path)


def deny_reading(monkeypatch: pytest.MonkeyPatch, denied_path: Path) -> None:
    """Make opening `denied_path` fail as it does for a user without the right (tests run as root too)."""
    original = os.open

    def denied(path: Any, *args: Any, **kwargs: Any) -> int:
        if Path(path) == denied_path:
            raise PermissionError(13, "Permission denied")
        return original(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)


def test_unreadable_file(write_kb: KbWriter, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_kb()
    if os.geteuid() != 0:
        path.chmod(0)
    else:  # root reads anything: make the read fail the way it does for a user
        deny_reading(monkeypatch, path)
    assert "cannot be read (permission denied)" in only_problem(path)


def test_not_utf8_names_line_and_column(write_kb: KbWriter) -> None:
    path = write_kb(b'{"format": 1,\n  "title": "caf\xe9"}')
    message = only_problem(path)
    assert f"{path}: 2:16: is not UTF-8 text: byte 0xe9" in message


def test_utf8_byte_order_mark_is_fine(write_kb: KbWriter) -> None:
    path = write_kb(b"\xef\xbb\xbf" + json.dumps(minimal_kb()).encode())
    assert load(path).is_valid


def test_invalid_json_names_line_and_column(write_kb: KbWriter) -> None:
    path = write_kb('{\n  "format": 1,\n  "entities": [,]\n}')
    assert only_problem(path) == f"{path}: 3:16: invalid JSON: expected value"


def test_truncated_json(write_kb: KbWriter) -> None:
    text = json.dumps(minimal_kb())
    assert "invalid JSON" in only_problem(write_kb(text[: len(text) // 2]))


def test_absurd_nesting(write_kb: KbWriter) -> None:
    path = write_kb('{"format": 1, "entities": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert "nested too deeply" in only_problem(path)


@pytest.mark.parametrize("payload", ["[]", '"kb"', "42", "null"])
def test_wrong_top_level_type(write_kb: KbWriter, payload: str) -> None:
    message = only_problem(write_kb(payload))
    assert "(top level): should be a JSON object" in message


def test_every_schema_error_is_reported(write_kb: KbWriter) -> None:
    data = minimal_kb()
    del data["entities"][0]["name"]
    data["entities"][1]["kind"] = 7
    data["entities"][1]["claims"][0]["quote"] = ""
    data["entities"][1]["colour"] = "red"
    result = load(write_kb(data))
    places = {p.place: p.message for p in result.problems}
    assert places == {
        "entities[0].name": "required field is missing",
        "entities[1].kind": "should be a string",
        "entities[1].claims[0].quote": "should be a string or an object with 'exact', with more than white space",
        "entities[1].colour": "unknown field 'colour' (not part of the evcards format)",
    }


@pytest.mark.parametrize(("key", "meant"), [("statment", "statement"), ("natve_name", "native_name"), ("relation", "relations")])
def test_a_misspelt_field_is_named_with_the_one_meant(write_kb: KbWriter, key: str, meant: str) -> None:
    data = minimal_kb()
    data["entities"][0]["claims"][0][key] = "x"
    assert f"unknown field {key!r} (not part of the evcards format; did you mean {meant!r}?)" in only_problem(write_kb(data))


def test_duplicate_ids(write_kb: KbWriter) -> None:
    data = minimal_kb()
    data["entities"][1]["id"] = "xiaomi"
    data["entities"][0]["relations"] = []
    message = only_problem(write_kb(data))
    assert message.endswith("entities[1].id: duplicate entity id 'xiaomi' (first used at entities[0])")


def test_a_key_given_twice_is_refused_and_named_where_it_is(write_kb: KbWriter) -> None:
    """JSON keeps the last of two equal keys: the first list of claims would be lost unseen."""
    text = json.dumps(minimal_kb(), indent=2, ensure_ascii=False)
    lei_jun = text.index('"name": "Lei Jun"')
    text = text[:lei_jun] + '"claims": [],\n      ' + text[lei_jun:]  # a second "claims" in entities[1]
    text = text.replace('"title": "Test KB"', '"title": "Test KB",\n  "title": "Other"')
    result = load(write_kb(text))
    assert result.knowledge_base is None
    assert [str(p).split(": ", 1)[1] for p in result.problems] == [
        "(top level): the key 'title' is given twice; JSON keeps only the last one, so keep one and remove the other",
        "entities[1]: the key 'claims' is given twice; JSON keeps only the last one, so keep one and remove the other",
    ]


def test_a_repeated_key_inside_a_quote_object_is_found(write_kb: KbWriter) -> None:
    data = minimal_kb()
    data["entities"][0]["claims"][0]["quote"] = {"exact": "Founded", "prefix": "x"}
    text = json.dumps(data).replace('"prefix": "x"', '"prefix": "x", "exact": "Lei Jun founded"')
    assert only_problem(write_kb(text)).endswith(
        "entities[0].claims[0].quote: the key 'exact' is given twice; JSON keeps only the last one, so keep one and remove the other"
    )


def test_unknown_entity_and_source_references(write_kb: KbWriter) -> None:
    data = minimal_kb()
    data["entities"][0]["relations"][0]["target"] = "lei-jin"
    data["entities"][1]["claims"][0]["source"] = "blog"
    result = load(write_kb(data))
    assert [f"{p.place}: {p.message}" for p in result.problems] == [
        "entities[0].relations[0].target: no entity has the id 'lei-jin'",
        "entities[1].claims[0].source: no source has the id 'blog'",
    ]


def test_missing_source_text_file(write_kb: KbWriter) -> None:
    message = only_problem(write_kb(source_text=None))
    assert "sources[0].text_file: file not found" in message and "article.txt" in message


def test_quote_not_in_source_is_a_finding_not_a_problem(write_kb: KbWriter) -> None:
    data = minimal_kb()
    data["entities"][1]["claims"][0]["quote"] = "Lei Jun founded Tesla"
    result = load(write_kb(data))
    assert result.knowledge_base is not None and not result.problems and not result.is_valid
    [finding] = result.findings
    assert finding.severity is Severity.FINDING
    assert finding.place == "entities[1].claims[0].quote"
    assert "not-found" in finding.message
    assert first_claim_check(result, "lei-jun").status is QuoteStatus.NOT_FOUND


def test_straight_quotes_match_only_approximately_and_say_what_the_source_has(write_kb: KbWriter) -> None:
    data = minimal_kb()
    data["entities"][1]["claims"][0]["quote"] = 'Lei\'s   "last entrepreneurship."'
    result = load(write_kb(data))
    [finding] = result.findings
    assert "approximate" in finding.message and "Lei’s “last entrepreneurship.”" in finding.message
    check = first_claim_check(result, "lei-jun")
    assert SOURCE_TEXT[check.start : check.end] == "Lei’s “last entrepreneurship.”"


def test_prefix_picks_the_right_repeat(write_kb: KbWriter) -> None:
    data = minimal_kb()
    data["entities"][1]["claims"][0]["quote"] = {"exact": "Lei Jun", "prefix": "Xiaomi. "}
    result = load(write_kb(data))
    check = first_claim_check(result, "lei-jun")
    assert check.status is QuoteStatus.VERIFIED
    assert check.start == SOURCE_TEXT.index("Lei Jun likes")


def test_wrong_position_hint_falls_back_to_search(write_kb: KbWriter) -> None:
    data = minimal_kb()
    data["entities"][1]["claims"][0]["quote"] = {"exact": "Lei Jun founded", "start": 3}
    check = first_claim_check(load(write_kb(data)), "lei-jun")
    assert check.status is QuoteStatus.VERIFIED and check.start == SOURCE_TEXT.index("Lei Jun founded")


def test_positions_count_code_points_after_an_emoji(write_kb: KbWriter) -> None:
    result = load(write_kb(source_text="🚗 " + SOURCE_TEXT))
    check = first_claim_check(result, "xiaomi")
    assert check.start == 2 + SOURCE_TEXT.index(ARTICLE_QUOTE)


@pytest.mark.parametrize("text_file", ["/etc/hostname", "https://example.com/article.txt"])
def test_source_text_must_be_a_relative_path(write_kb: KbWriter, text_file: str) -> None:
    data = minimal_kb()
    data["sources"][0]["text_file"] = text_file
    assert only_problem(write_kb(data)).endswith("sources[0].text_file: must be a path relative to the JSON file")


def test_odd_unknown_field_names_are_named(write_kb: KbWriter) -> None:
    data = minimal_kb()
    data["entities"][0]["foo-bar"] = 1
    data["entities"][0]["claims"][0]["quote"] = {"exact": "Lei Jun founded", "my key": 2}
    places = {p.place: p.message for p in load(write_kb(data)).problems}
    assert places["entities[0].foo-bar"] == "unknown field 'foo-bar' (not part of the evcards format)"
    assert places["entities[0].claims[0].quote.my key"] == "unknown field 'my key' (not part of the evcards format)"


def test_a_quote_of_white_space_is_refused(write_kb: KbWriter) -> None:
    data = minimal_kb()
    data["entities"][0]["claims"][0]["quote"] = "   "
    assert only_problem(write_kb(data)).endswith(
        "entities[0].claims[0].quote: should be a string or an object with 'exact', with more than white space"
    )


def test_syntax_error_column_counts_characters_not_bytes(write_kb: KbWriter) -> None:
    path = write_kb('{"title": "雷军雷军", x}')
    assert only_problem(path).startswith(f"{path}: 1:19: invalid JSON")


def test_a_source_that_is_a_pipe_is_refused_without_reading_it(write_kb: KbWriter, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    data = minimal_kb()
    data["sources"][0]["text_file"] = "pipe.txt"
    assert "sources[0].text_file: is not a regular file" in only_problem(write_kb(data))


@pytest.mark.parametrize("enabled", [True, False])
def test_loading_leaves_the_garbage_collector_as_it_found_it(write_kb: KbWriter, enabled: bool) -> None:
    """The loader pauses the collector while it builds objects; a caller's setting survives a
    load, bad or good, so nothing a load made is kept from the collector afterwards."""
    import gc

    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        assert load(write_kb()).knowledge_base is not None
        assert load(write_kb("{oops")).knowledge_base is None
        assert gc.isenabled() is enabled
        assert gc.get_freeze_count() == 0  # nothing kept from the collector for good
    finally:
        (gc.enable if was else gc.disable)()


def test_a_quote_not_in_the_source_is_reported_with_the_closest_passage(write_kb: KbWriter) -> None:
    data = minimal_kb()
    data["entities"][1]["claims"][0]["quote"] = "Lei Jun founded Xiaomy"
    result = load(write_kb(data))
    [finding] = result.findings
    assert finding.message == "not-found: the quote is not in the source text; closest passage: “Lei Jun founded Xiaomi.” (98 % similar)"
