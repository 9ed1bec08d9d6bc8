"""The command line, run as a user runs it: a separate process, exit codes and messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema

from evcards import __version__
from evcards.resources import bundled_data
from tests.conftest import KbWriter, minimal_kb


def evcards(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "evcards", *args], capture_output=True, text=True, encoding="utf-8", cwd=cwd, env=env, timeout=120
    )


def test_validate_bundled_data_exits_0() -> None:
    run = evcards("validate")
    assert run.returncode == 0, run.stderr
    assert "valid" in run.stdout and "every quote verified" in run.stdout


def test_validate_counts_in_words(write_kb: KbWriter) -> None:
    data = minimal_kb()
    data["entities"] = [data["entities"][1]]
    data["entities"][0]["relations"] = []
    data["entities"][0]["claims"] = data["entities"][0]["claims"][:1]
    path = write_kb(data)
    run = evcards("validate", str(path))
    assert run.stdout.strip() == f"{path}: valid: 1 entity, 1 claim, every quote verified", run.stderr


def test_a_mistyped_command_is_named_not_opened_as_a_file(tmp_path: Path) -> None:
    run = evcards("valdate", "kb.json", cwd=tmp_path)
    assert run.returncode == 2
    assert run.stderr.strip() == "evcards: 'valdate' is neither a command nor a file; did you mean 'validate'?"


def test_validate_refuses_bad_file_with_exit_1_and_place(write_kb: KbWriter) -> None:
    data = minimal_kb()
    data["entities"][0]["relations"][0]["target"] = "nobody"
    path = write_kb(data)
    run = evcards("validate", str(path))
    assert run.returncode == 1
    assert f"{path}: entities[0].relations[0].target: no entity has the id 'nobody'" in run.stderr
    assert "Traceback" not in run.stderr


def test_validate_accepts_a_file_with_findings_and_lists_them(write_kb: KbWriter) -> None:
    data = minimal_kb()
    data["entities"][0]["claims"][0]["quote"] = "words that are not there"
    path = write_kb(data)
    run = evcards("validate", str(path))
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(f"{path}: valid, with 1 finding (1 not found): 2 entities, 2 claims (1 supported, 1 unconfirmed)\n")
    assert "  entity 'xiaomi', claim 1, evidence 1 (entities[0].claims[0].quote): not-found\n" in run.stdout


def test_validate_invalid_json(write_kb: KbWriter) -> None:
    run = evcards("validate", "--data", str(write_kb("{oops")))
    assert run.returncode == 1 and ": 1:2: invalid JSON" in run.stderr


def test_usage_errors_exit_2() -> None:
    assert evcards("validate", "a.json", "b.json").returncode == 2
    assert evcards("--no-such-option").returncode == 2
    run = evcards("validate", "a.json", "--data", "b.json")
    assert run.returncode == 2 and "not both" in run.stderr


def test_list_shows_the_entities(write_kb: KbWriter) -> None:
    run = evcards("list")
    assert run.returncode == 0
    lines = run.stdout.splitlines()
    assert lines[0].split() == ["ID", "KIND", "NAME", "CLAIMS"]
    rows = {line.split()[0]: line.split() for line in lines[1:]}
    assert rows["lei-jun"][:2] == ["lei-jun", "person"] and rows["lei-jun"][-1] == "9"
    assert {"xiaomi", "lei-jun", "su7", "su7-max"} <= rows.keys()
    assert evcards("list", str(write_kb("[]"))).returncode == 1


def test_list_warns_of_unverified_quotes_with_their_number(write_kb: KbWriter) -> None:
    data = minimal_kb()
    for entity in data["entities"]:
        entity["claims"][0]["quote"] = "words that are not there"
    run = evcards("list", str(write_kb(data)))
    assert run.returncode == 0 and "warning: 2 quotes not verified; run 'evcards validate'" in run.stderr


def test_schema_is_json_schema_the_bundled_data_meets() -> None:
    run = evcards("schema")
    assert run.returncode == 0
    schema = json.loads(run.stdout)
    jsonschema.Draft202012Validator(schema).validate(json.loads(bundled_data().read_text(encoding="utf-8")))


def test_help_and_version() -> None:
    run = evcards("--help")
    assert run.returncode == 0 and "validate" in run.stdout and "export" in run.stdout
    assert evcards("--version").stdout.strip() == f"evcards {__version__}"
    assert evcards("validate", "--help").returncode == 0


def test_validate_and_list_do_not_import_qt() -> None:
    code = "import sys, evcards.cli.main as c; c.main(['list']); assert not any(m.startswith('PySide6') for m in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0
