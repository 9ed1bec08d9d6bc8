"""`evcards validate`: errors refuse the file (exit 1), findings are counted and placed (exit 0)."""

from __future__ import annotations

from pathlib import Path

import pytest

from evcards.cli.main import main
from tests.conftest import KbWriter, minimal_kb

MULTILINGUAL = Path(__file__).parent.parent / "data" / "multilingual" / "kb.json"


def validate(path: Path, capsys: pytest.CaptureFixture[str], *more: str) -> tuple[int, str, str]:
    code = main(["validate", str(path), *more])
    out, err = capsys.readouterr()
    return code, out, err


def test_findings_are_counted_by_kind_and_the_first_are_placed(write_kb: KbWriter, capsys: pytest.CaptureFixture[str]) -> None:
    data = minimal_kb()
    data["entities"][0]["claims"] = [
        {"statement": f"Claim {n}.", "quote": "not in the article" if n % 3 else "Xiaomi's EV venture", "source": "article"}
        for n in range(14)
    ]
    path = write_kb(data)
    code, out, err = validate(path, capsys)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == f"{path}: valid, with 14 findings (9 not found, 5 approximate): 2 entities, 15 claims (6 supported, 9 unconfirmed)"
    assert lines[1] == "  entity 'xiaomi', claim 1, evidence 1 (entities[0].claims[0].quote): approximate"
    assert lines[2].startswith("      differs from the source in curly vs straight apostrophe")  # the check's own note, under its place
    assert lines[-1] == "  … and 4 more (run with --all to see every finding)"
    code, out, _ = validate(path, capsys, "--all")
    assert code == 0 and "claim 14, evidence 1" in out and "more" not in out


def test_errors_refuse_the_file_and_say_so(write_kb: KbWriter, capsys: pytest.CaptureFixture[str]) -> None:
    data = minimal_kb()
    data["entities"][0]["relations"][0]["target"] = "nobody"
    data["sources"][0]["published"] = "last year"
    path = write_kb(data)
    code, out, err = validate(path, capsys)
    assert code == 1 and out == ""
    assert err.splitlines() == [
        f"{path}: sources[0].published: published 'last year' is not an ISO 8601 date: write YYYY, YYYY-MM or YYYY-MM-DD",
        f"{path}: not valid: 1 error",
    ]


def test_the_multilingual_fixture_is_valid_with_findings(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = validate(MULTILINGUAL, capsys)
    assert code == 0 and out.startswith(f"{MULTILINGUAL}: valid, with ") and "7 entities, 19 claims (" in out
    assert "entity '小米', claim 8, evidence 1 (entities[0].claims[7].evidence[0].quote): not-found" in out
