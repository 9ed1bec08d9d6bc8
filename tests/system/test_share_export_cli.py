"""`evcards export --format md|html|json`: the format from the option or OUT's suffix, and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evcards.cli.main import main
from tests.conftest import KbWriter
from tests.system.test_export_cli import run, usage_error


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("lei.md", b"# Lei Jun \xe9\x9b\xb7\xe5\x86\x9b\n"),
        ("lei.markdown", b"# Lei Jun"),
        ("lei.HTML", b"<!DOCTYPE html>"),
        ("lei.json", b"{\n"),
    ],
)
def test_the_format_follows_the_suffix(
    write_kb: KbWriter, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, start: bytes
) -> None:
    out = tmp_path / name
    code, stdout, stderr = run(capsys, "lei-jun", "--data", str(write_kb()), "-o", str(out))
    assert (code, stdout, stderr) == (0, f"wrote {out} (1 card)\n", "")
    assert out.read_bytes().startswith(start)


def test_the_option_wins_over_the_suffix_and_an_unknown_suffix_means_pdf(
    write_kb: KbWriter, tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp: object
) -> None:
    data = str(write_kb())
    assert run(capsys, "lei-jun", "--data", data, "--format", "md", "-o", str(tmp_path / "lei.pdf"))[0] == 0
    assert (tmp_path / "lei.pdf").read_text(encoding="utf-8").startswith("# Lei Jun")
    assert run(capsys, "lei-jun", "--data", data, "-o", str(tmp_path / "lei.txt"))[0] == 0
    assert (tmp_path / "lei.txt").read_bytes().startswith(b"%PDF-")


def test_several_entities_make_one_document_and_json_validates(
    write_kb: KbWriter, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(write_kb())
    for suffix in ("md", "html", "json"):
        out = tmp_path / f"all.{suffix}"
        assert run(capsys, "--all", "--data", data, "-o", str(out)) == (0, f"wrote {out} (2 cards)\n", "")
    assert "\n## Contents\n\n1. [Lei Jun 雷军](#card-lei-jun)\n2. [Xiaomi 小米](#card-xiaomi)\n" in (tmp_path / "all.md").read_text(
        encoding="utf-8"
    )
    assert (tmp_path / "all.html").read_text(encoding="utf-8").count('<article class="card">') == 2
    assert [e["id"] for e in json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))["entities"]] == ["lei-jun", "xiaomi"]
    assert main(["validate", str(tmp_path / "all.json")]) == 0, capsys.readouterr()


def test_into_a_folder_the_file_is_named_after_the_entity(write_kb: KbWriter, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    assert run(capsys, "xiaomi", "--data", str(write_kb()), "--format", "html", "-o", str(folder))[0] == 0
    assert (folder / "xiaomi.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_an_unknown_format_is_a_usage_error(write_kb: KbWriter, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = usage_error(capsys, "lei-jun", "--data", str(write_kb()), "--format", "docx", "-o", str(tmp_path / "x.docx"))
    assert "argument --format: invalid choice: 'docx' (choose from 'pdf', 'md', 'html', 'json')" in err
    assert not (tmp_path / "x.docx").exists()


def test_pdf_options_with_another_format_are_a_usage_error(write_kb: KbWriter, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = usage_error(capsys, "--all", "--single", "--with-graph", "--data", str(write_kb()), "-o", str(tmp_path / "x.md"))
    assert "--single, --with-graph: only for a PDF; this export writes Markdown, one file with every card" in err
    assert not (tmp_path / "x.md").exists()


def test_a_folder_that_does_not_exist_is_named(write_kb: KbWriter, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "missing" / "x.json"
    code, stdout, stderr = run(capsys, "lei-jun", "--data", str(write_kb()), "-o", str(out))
    assert (code, stdout) == (1, "")
    assert stderr == f"evcards export: cannot write {out}: the folder {out.parent} does not exist\n"
