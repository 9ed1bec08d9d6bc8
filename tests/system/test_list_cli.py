"""`evcards list`: columns that line up in a terminal whatever the script, and `--json` for scripts."""

from __future__ import annotations

import json
from typing import Any

import pytest
from wcwidth import wcswidth

from evcards.cli.main import main
from tests.conftest import KbWriter, minimal_kb

NAMES = {
    "xiaomi": "Xiaomi",
    "lei-jun": "雷军",  # two cells per Han character
    "hyundai": "현대자동차",  # Hangul syllables: two cells each
    "zoe": "Zoe\u0308 Cafe\u0301",  # decomposed accents: the marks take no cell
    "car": "Fast car 🚗",  # an emoji: two cells
    "ana": "Ａｎａ",  # full-width Latin
}


def _multiscript_kb() -> dict[str, Any]:
    data = minimal_kb()
    data["entities"][0]["name"] = NAMES["xiaomi"]
    data["entities"][1]["name"] = NAMES["lei-jun"]
    data["entities"][1]["claims"][0]["quote"] = "words that are not there"
    for entity_id in ("hyundai", "zoe", "car", "ana"):
        data["entities"].append({"id": entity_id, "name": NAMES[entity_id], "kind": "organization", "claims": []})
    return data


def _list(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["list", *args])
    return code, capsys.readouterr().out


def test_columns_line_up_by_display_width(write_kb: KbWriter, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _list(capsys, str(write_kb(_multiscript_kb())))
    assert code == 0
    header, *lines = out.splitlines()
    rows = {line.split()[0]: line for line in lines}
    assert rows.keys() == NAMES.keys()
    name_starts = {wcswidth(line[: line.index(NAMES[entity_id])]) for entity_id, line in rows.items()}
    name_starts.add(wcswidth(header[: header.index("NAME")]))
    assert len(name_starts) == 1, out  # every name starts in the same terminal column
    assert len({wcswidth(line) for line in [header, *lines]}) == 1, out  # the right-aligned counts end together
    assert rows["lei-jun"].endswith(" 1") and rows["car"].endswith(" 0")


def test_json_lists_every_entity_with_its_names_and_quote_counts(write_kb: KbWriter, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _list(capsys, "--json", "--data", str(write_kb(_multiscript_kb())))
    assert code == 0
    records = json.loads(out)
    assert [r["id"] for r in records] == list(NAMES)
    lei = records[1]
    assert lei == {
        "id": "lei-jun",
        "name": "雷军",
        "native_name": "雷军",
        "names": {},
        "aliases": ["Lei"],
        "kind": "person",
        "claims": 1,
        "quotes": {"verified": 0, "approximate": 0, "not-found": 1},
        "verdicts": {"supported": 0, "partly supported": 0, "contested": 0, "refuted": 0, "unconfirmed": 1, "no source quote": 0},
    }
    assert records[0]["quotes"]["verified"] == 1 and records[2]["claims"] == 0
    assert "雷军" in out  # UTF-8, not \u escapes


def test_json_of_an_invalid_file_prints_nothing_and_exits_1(write_kb: KbWriter, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["list", "--json", str(write_kb("[]"))])
    captured = capsys.readouterr()
    assert code == 1 and captured.out == "" and captured.err


def test_a_line_break_tab_or_bidi_override_in_a_name_is_shown_escaped(write_kb: KbWriter, capsys: pytest.CaptureFixture[str]) -> None:
    """A terminal would act on them: a new row in the middle of a name, the rest of the line reversed."""
    data = minimal_kb()
    data["entities"][0]["name"] = "Lei\nJun\tXiaomi"
    data["entities"][1]["name"] = "\u202eevil"
    data["entities"][1]["kind"] = "per\u2066son"
    code, out = _list(capsys, str(write_kb(data)))
    lines = out.splitlines()
    assert code == 0 and len(lines) == 1 + len(data["entities"])
    assert "Lei\\nJun\\tXiaomi" in lines[1] and "\\u202eevil" in lines[2] and "per\\u2066son" in lines[2]
    assert len({wcswidth(line) for line in lines}) == 1  # the counts, right-aligned, still line up
