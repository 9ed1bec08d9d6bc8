"""`evcards list QUERY` and `evcards export --query QUERY`: the window's search language on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from evcards.cli.main import main
from tests.conftest import KbWriter

MULTILINGUAL = Path(__file__).parent.parent / "data" / "multilingual" / "kb.json"


def ids_listed(out: str) -> list[str]:
    return [line.split()[0] for line in out.splitlines()[1:]]


def test_list_query_on_the_bundled_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", '-kind:person "electric vehicle"']) == 0
    assert ids_listed(capsys.readouterr().out) == ["xiaomi"]
    assert main(["list", "kind:product"]) == 0
    assert ids_listed(capsys.readouterr().out) == ["su7", "su7-max", "xiaomi-14"]


def test_list_file_then_query(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", str(MULTILINGUAL), "has:approximate"]) == 0
    assert ids_listed(capsys.readouterr().out) == ["ソニー", "小米"]
    assert main(["list", "--data", str(MULTILINGUAL), "--json", "kind:product has:notfound"]) == 0
    assert '"id": "su7"' in capsys.readouterr().out


def test_a_query_that_does_not_parse_exits_2_and_points_at_the_place(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "kind:product ("]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        "evcards list: the query does not parse: this parenthesis is not closed: add a ) (at character 14)",
        "  kind:product (",
        "               ^",
    ]


@pytest.mark.usefixtures("qapp")
def test_export_query_writes_the_matching_cards(write_kb: KbWriter, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "cards"
    assert main(["export", "--query", "kind:person", "--data", str(write_kb()), "-o", str(folder)]) == 0
    assert [p.name for p in folder.iterdir()] == ["lei-jun.pdf"]
    assert main(["export", "--query", "has:wings", "--data", str(write_kb()), "-o", str(folder)]) == 2
    assert "has:wings is not known" in capsys.readouterr().err
    assert main(["export", "--query", "kind:place", "--data", str(write_kb()), "-o", str(folder)]) == 1
    assert "no entity" in capsys.readouterr().err
