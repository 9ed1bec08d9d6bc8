"""Data from a file never acts on the terminal: `list`, `validate` and `export` show control
characters and bidi controls escaped (issue 18, item 4)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from wcwidth import wcswidth

from evcards.cli.main import main
from evcards.cli.terminal_text import escaped
from tests.conftest import KbWriter, minimal_kb

RETITLE = "\x1b]0;pwned\x07"  # an OSC sequence: sets the terminal's title
HOSTILE = f"Lei{RETITLE}Jun\u202e\u2066x\x9b2J"  # and a bidi override, an isolate, a C1 CSI
SHOWN = "Lei\\u001b]0;pwned\\u0007Jun\\u202e\\u2066x\\u009b2J"


def _hostile_kb() -> dict[str, object]:
    data = minimal_kb()
    data["entities"][1]["name"] = HOSTILE
    return data


def _assert_nothing_acts(text: str) -> None:
    assert escaped(text.replace("\n", "")) == text.replace("\n", ""), repr(text)


def test_escaped_writes_what_a_terminal_acts_on_as_escapes() -> None:
    assert escaped(HOSTILE) == SHOWN
    assert escaped("Lei\nJun\tX\r") == "Lei\\nJun\\tX\\r"
    assert escaped("雷军 Zürich 🚗") == "雷军 Zürich 🚗"  # what a terminal shows stays as it is


def test_list_shows_the_name_escaped_and_the_columns_still_line_up(write_kb: KbWriter, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", str(write_kb(_hostile_kb()))]) == 0
    out = capsys.readouterr().out
    _assert_nothing_acts(out)
    lines = out.splitlines()
    assert SHOWN in lines[2]
    claims = [wcswidth(line) for line in lines]
    assert len(set(claims)) == 1  # the CLAIMS column, right-aligned, ends every line at one width


def test_list_json_escapes_them_too_and_still_parses_to_the_name(write_kb: KbWriter, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--json", str(write_kb(_hostile_kb()))]) == 0
    out = capsys.readouterr().out
    _assert_nothing_acts(out)
    assert [entity["name"] for entity in json.loads(out)] == ["Xiaomi", HOSTILE]


def test_validate_shows_a_hostile_file_name_escaped(write_kb: KbWriter, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_kb(name=f"kb{RETITLE}.json")
    assert main(["validate", str(path)]) == 0
    out, err = capsys.readouterr()
    _assert_nothing_acts(out + err)
    assert out.startswith(str(path.parent / "kb\\u001b]0;pwned\\u0007.json") + ": valid")


@pytest.mark.usefixtures("qapp")
def test_export_progress_and_messages_show_the_name_escaped(write_kb: KbWriter, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = write_kb(_hostile_kb())
    assert main(["export", "--all", "--data", str(data), "-o", str(tmp_path / "cards")]) == 0
    out, err = capsys.readouterr()
    _assert_nothing_acts(out + err)
    assert f"[1/2] {SHOWN}" in err.splitlines()
    assert main(["export", "--data", str(data), "-o", str(tmp_path / "x.pdf"), f"Lei{RETITLE}"]) == 1
    err = capsys.readouterr().err
    _assert_nothing_acts(err)
    assert "Lei\\u001b]0;pwned\\u0007" in err
