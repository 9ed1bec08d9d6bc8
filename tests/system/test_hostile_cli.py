"""Hostile input through the command line: a clear error with its place and exit 1, never a
traceback or a run of minutes; `--max-source-mb` and `--allow-outside-sources` on every command
that loads."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from evcards.cli.main import main
from tests.conftest import SOURCE_TEXT, KbWriter, minimal_kb, outside_kb
from tests.system.test_cli import evcards


def kb_with_text_file(write_kb: KbWriter, text_file: str) -> Path:
    data = minimal_kb()
    data["sources"][0]["text_file"] = text_file
    return write_kb(data, source_text=None)


def test_validate_reports_a_nul_byte_in_a_text_file_path_without_a_traceback(write_kb: KbWriter) -> None:
    path = kb_with_text_file(write_kb, "article\u0000.txt")
    run = evcards("validate", str(path))
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert f"{path}: sources[0].text_file: is not a usable path: it holds a NUL character" in run.stderr


def test_validate_refuses_a_huge_entity_name_at_its_place(write_kb: KbWriter) -> None:
    data = minimal_kb()
    data["entities"][0]["name"] = "x" * 1_000_000
    run = evcards("validate", str(write_kb(data)))
    assert run.returncode == 1
    assert "entities[0].name: is too long: at most 1,000 characters" in run.stderr
    assert len(run.stderr) < 2_000  # the name is not repeated


@pytest.mark.parametrize("thing", ["fifo", "folder", "not utf-8"])
def test_validate_reports_a_source_that_is_no_text(
    write_kb: KbWriter, tmp_path: Path, thing: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = kb_with_text_file(write_kb, "article.txt")
    target = tmp_path / "article.txt"
    if thing == "fifo":
        os.mkfifo(target)  # opening it for reading would wait for a writer: it must not be opened
    elif thing == "folder":
        target.mkdir()
    else:
        target.write_bytes(b"\xfe Lei Jun")
    assert main(["validate", str(path)]) == 1
    said = {"fifo": "is not a regular file", "folder": "is a folder, not a file", "not utf-8": "is not UTF-8 text"}[thing]
    assert said in capsys.readouterr().err


def test_max_source_mb_sets_the_limit(write_kb: KbWriter, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_kb(source_text=SOURCE_TEXT + "padding " * 100_000)  # 0.8 MB
    assert main(["validate", str(path), "--max-source-mb", "0.5"]) == 1
    assert "sources[0].text_file: is 0.8 MB, over the limit of 0.5 MB" in capsys.readouterr().err
    assert main(["validate", str(path)]) == 0


@pytest.mark.parametrize("value", ["0", "-3", "lots", "inf"])
def test_max_source_mb_must_be_a_size(write_kb: KbWriter, value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["validate", str(write_kb()), f"--max-source-mb={value}"])
    assert exit_.value.code == 2
    assert "is not a size in megabytes" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["validate", "list"])
def test_sources_outside_the_folder_need_the_option(tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = outside_kb(tmp_path)
    assert main([command, str(path)]) == 1
    err = capsys.readouterr().err
    assert "sources[0].text_file: is outside the knowledge base's folder" in err and "--allow-outside-sources" in err
    assert main([command, str(path), "--allow-outside-sources"]) == 0


def test_export_takes_the_load_options(tmp_path: Path) -> None:
    # In a process of its own: export starts a Qt application, which the window's tests in
    # this process could not replace.
    path = outside_kb(tmp_path)
    out = tmp_path / "card.pdf"
    refused = evcards("export", "--data", str(path), "lei-jun", "-o", str(out))
    assert refused.returncode == 1
    assert "is outside the knowledge base's folder" in refused.stderr and not out.exists()
    allowed = evcards("export", "--data", str(path), "lei-jun", "-o", str(out), "--allow-outside-sources", "--max-source-mb", "5")
    assert allowed.returncode == 0, allowed.stderr
    assert out.stat().st_size > 0


def test_the_bundled_data_needs_no_permission() -> None:
    run = evcards("validate")
    assert run.returncode == 0, run.stderr
