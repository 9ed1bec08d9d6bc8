"""`evcards export`: arguments, outputs, exit codes and messages; offscreen with no CJK font installed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from evcards.cli.export import resolve_entities
from evcards.cli.main import main
from evcards.pdf.paper import default_page_size, page_size_for_territory, territory_from_environment
from tests.conftest import KbWriter, load_kb, minimal_kb
from tests.pdf_helpers import all_text, font_file_missing, fonts

pytestmark = pytest.mark.usefixtures("qapp")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["export", *args])
    out, err = capsys.readouterr()
    return code, out, err


def usage_error(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as raised:
        main(["export", *args])
    assert raised.value.code == 2
    return capsys.readouterr().err


def test_one_entity_by_name_in_any_case_writes_that_file(write_kb: KbWriter, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "lei.pdf"
    code, stdout, stderr = run(capsys, "LEI jun", "--data", str(write_kb()), "-o", str(out))
    assert code == 0, stderr
    assert stdout == f"wrote {out} (1 card, 1 page)\n" and stderr == ""
    assert PdfReader(out).metadata.title == "Lei Jun"


def test_entities_by_id_name_or_native_name(write_kb: KbWriter) -> None:
    kb = load_kb(write_kb())
    assert [e.id for e in resolve_entities(kb, ["lei-jun", "Xiaomi", "小米", "XIAOMI"])] == ["lei-jun", "xiaomi"]


def _with_folded_names() -> dict[str, Any]:
    data = minimal_kb()
    data["entities"] += [
        {"id": "bruzon", "name": "Lázaro Bruzón", "kind": "person", "claims": []},
        {"id": "zeng", "name": "Zeng Guofan", "native_name": "曾国藩", "kind": "person", "claims": []},
        {"id": "season", "name": "2018–19 season", "kind": "event", "claims": []},
    ]
    return data


@pytest.mark.parametrize(
    ("word", "entity_id"),
    [
        ("lazaro bruzon", "bruzon"),
        ("LÁZARO  BRUZÓN", "bruzon"),
        ("leijun", "lei-jun"),
        ("lei jun", "lei-jun"),
        ("Léi Jūn", "lei-jun"),
        ("xiaomi", "xiaomi"),
        ("ｘｉａｏｍｉ", "xiaomi"),
        ("zengguofan", "zeng"),  # the surname's reading, although pypinyin reads 曾 as "ceng" first
        ("2018-19 season", "season"),
        ("Lei", "lei-jun"),  # an alias
    ],
)
def test_entities_by_a_name_folded_as_the_filter_folds_it(write_kb: KbWriter, word: str, entity_id: str) -> None:
    kb = load_kb(write_kb(_with_folded_names()))
    assert [e.id for e in resolve_entities(kb, [word])] == [entity_id]


def test_an_exact_name_wins_over_a_folded_one(write_kb: KbWriter) -> None:
    data = _with_folded_names()
    data["entities"].append({"id": "lazaro", "name": "Lazaro Bruzon", "kind": "person", "claims": []})
    kb = load_kb(write_kb(data))
    assert [e.id for e in resolve_entities(kb, ["lazaro bruzon"])] == ["lazaro"]
    assert [e.id for e in resolve_entities(kb, ["Lázaro Bruzón"])] == ["bruzon"]


def test_a_folded_name_shared_by_two_entities_lists_them(write_kb: KbWriter, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _with_folded_names()
    data["entities"].append({"id": "bruzon-2", "name": "Lazaro Bruzón", "kind": "person", "claims": []})
    code, _, stderr = run(capsys, "lazaro bruzon", "--data", str(write_kb(data)), "-o", str(tmp_path / "x.pdf"))
    assert code == 1 and "'lazaro bruzon' names several entities (bruzon, bruzon-2); give the id instead" in stderr


def test_a_part_of_a_name_is_suggested_not_exported(write_kb: KbWriter, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, stderr = run(capsys, "bruzo", "--data", str(write_kb(_with_folded_names())), "-o", str(tmp_path / "x.pdf"))
    assert code == 1 and stderr == "evcards export: no entity is called 'bruzo'; closest: Lázaro Bruzón (bruzon)\n"
    assert list(tmp_path.glob("*.pdf")) == []


def test_unknown_entity_exits_1_with_the_closest_names(write_kb: KbWriter, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, stderr = run(capsys, "Lei Jn", "--data", str(write_kb()), "-o", str(tmp_path / "x.pdf"))
    assert code == 1 and stdout == ""
    assert stderr == "evcards export: no entity is called 'Lei Jn'; closest: Lei Jun (lei-jun)\n"
    code, _, stderr = run(capsys, "zzzz", "--data", str(write_kb()), "-o", str(tmp_path / "x.pdf"))
    assert code == 1 and "run 'evcards list' to see them" in stderr
    assert list(tmp_path.glob("*.pdf")) == []


@pytest.mark.parametrize("blank", ["", "   "])
def test_a_blank_entity_names_nothing(write_kb: KbWriter, tmp_path: Path, capsys: pytest.CaptureFixture[str], blank: str) -> None:
    code, stdout, stderr = run(capsys, blank, "--data", str(write_kb()), "-o", str(tmp_path / "x.pdf"))
    assert code == 1 and stdout == ""
    assert stderr == "evcards export: an empty ENTITY names nothing: give an id or a name ('evcards list' shows them), or --all\n"
    assert list(tmp_path.glob("*.pdf")) == []


def test_a_name_shared_by_two_entities_asks_for_the_id(write_kb: KbWriter, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = minimal_kb()
    data["entities"][1]["name"] = "xiaomi"
    code, _, stderr = run(capsys, "Xiaomi", "--data", str(write_kb(data)), "-o", str(tmp_path / "x.pdf"))
    assert code == 1 and "'Xiaomi' names several entities (xiaomi, lei-jun); give the id instead" in stderr


def test_several_entities_make_a_folder_with_progress(write_kb: KbWriter, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "cards"
    code, stdout, stderr = run(capsys, "xiaomi", "Lei Jun", "--data", str(write_kb()), "-o", str(folder))
    assert code == 0, stderr
    assert sorted(p.name for p in folder.iterdir()) == ["lei-jun.pdf", "xiaomi.pdf"]
    assert stderr.splitlines() == ["[1/2] Xiaomi", "[2/2] Lei Jun"]
    assert stdout == f"wrote 2 PDFs to {folder}\n"


def test_all_single_makes_one_pdf_with_bookmarks_in_list_order(
    write_kb: KbWriter, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "all.pdf"
    code, stdout, _ = run(capsys, "--all", "--single", "--data", str(write_kb()), "-o", str(out), "--page-size", "letter")
    assert code == 0 and stdout == f"wrote {out} (2 cards, 3 pages)\n"  # a contents page, then the cards
    reader = PdfReader(out)
    assert [item.title for item in reader.outline] == [
        "Contents",
        "Lei Jun",
        "Xiaomi",
    ]  # by name, as the window lists them (file order: Xiaomi first)
    assert [round(float(v)) for v in reader.pages[0].mediabox][2:] == [612, 792]


def test_one_entity_into_an_existing_folder(write_kb: KbWriter, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(capsys, "xiaomi", "--data", str(write_kb()), "-o", str(tmp_path))
    assert code == 0 and (tmp_path / "xiaomi.pdf").is_file()


def test_invalid_data_file_prints_the_problems(write_kb: KbWriter, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = write_kb("{oops")
    code, stdout, stderr = run(capsys, "xiaomi", "--data", str(bad), "-o", str(tmp_path / "x.pdf"))
    assert code == 1 and stdout == ""
    assert f"{bad}: 1:2: invalid JSON" in stderr
    assert stderr.endswith(f"evcards export: {bad} is not a valid knowledge base; nothing was exported\n")
    assert not (tmp_path / "x.pdf").exists()


def test_unverified_quotes_export_with_a_warning(write_kb: KbWriter, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = minimal_kb()
    data["entities"][0]["claims"][0]["quote"] = "words that are not in the source"
    code, _, stderr = run(capsys, "xiaomi", "--data", str(write_kb(data)), "-o", str(tmp_path / "x.pdf"))
    assert code == 0 and "warning: 1 quote not verified" in stderr
    assert "✗ quote not found in source" in all_text(tmp_path / "x.pdf")


def test_unwritable_targets_exit_1_with_a_message(write_kb: KbWriter, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The wording for a full disk or a refused permission: tests/gui/test_pdf_export.py."""
    data = str(write_kb())
    code, _, stderr = run(capsys, "xiaomi", "--data", data, "-o", str(tmp_path / "no" / "x.pdf"))
    assert (
        code == 1 and stderr == f"evcards export: cannot write {tmp_path / 'no' / 'x.pdf'}: the folder {tmp_path / 'no'} does not exist\n"
    )
    (tmp_path / "notes.txt").write_text("x")
    code, _, stderr = run(capsys, "xiaomi", "--data", data, "-o", str(tmp_path / "notes.txt" / "x.pdf"))
    assert (
        code == 1
        and stderr == f"evcards export: cannot write {tmp_path / 'notes.txt' / 'x.pdf'}: {tmp_path / 'notes.txt'} is not a folder\n"
    )
    too_long = tmp_path / ("x" * 300 + ".pdf")  # the file system refuses even to look at it
    for entities in (["xiaomi"], ["xiaomi", "lei-jun", "--single"]):
        code, _, stderr = run(capsys, *entities, "--data", data, "-o", str(too_long))
        assert code == 1 and stderr.splitlines()[-1].startswith(f"evcards export: cannot write {too_long}: "), stderr
        assert "Traceback" not in stderr and not [p for p in tmp_path.iterdir() if p.name.startswith("xxx")]


@pytest.mark.parametrize(
    "args",
    [
        ["-o", "x.pdf"],  # neither ENTITY nor --all
        ["xiaomi", "--all", "-o", "x.pdf"],
        ["xiaomi"],  # no -o
        ["xiaomi", "-o", "x.pdf", "--page-size", "a5"],
        ["xiaomi", "lei-jun", "-o", "cards.pdf"],  # a folder is wanted: --single for one file
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    assert "usage: evcards export" in usage_error(capsys, *args)


def test_paper_size_follows_the_locale(
    write_kb: KbWriter, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = str(write_kb())
    for locale_name, width in (("en_US.UTF-8", 612), ("de_DE.UTF-8", 595)):
        monkeypatch.setenv("LC_ALL", locale_name)
        out = tmp_path / f"{locale_name}.pdf"
        assert run(capsys, "xiaomi", "--data", data, "-o", str(out))[0] == 0
        assert round(float(PdfReader(out).pages[0].mediabox[2])) == width


def test_paper_rules() -> None:
    assert territory_from_environment({"LANG": "en_US.UTF-8", "LC_PAPER": "fr_CA.UTF-8"}) == "CA"
    assert territory_from_environment({"LC_ALL": "de_DE", "LC_PAPER": "en_US"}) == "DE"
    assert territory_from_environment({"LANG": "C.UTF-8"}) is None
    assert [page_size_for_territory(t) for t in ("US", "ca", "MX", "GB", "FR", None)] == ["letter", "letter", "letter", "a4", "a4", "a4"]
    assert default_page_size({"LC_PAPER": "es_MX.UTF-8"}) == "letter"


def _export_process(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "evcards", "export", *args], capture_output=True, text=True, env=env, timeout=120)


@pytest.mark.slow
@pytest.mark.skipif(not DEJAVU.is_dir(), reason="needs the DejaVu fonts (fonts-dejavu-core)")
def test_no_display_and_no_cjk_font_installed(tmp_path: Path) -> None:
    """Only DejaVu known to fontconfig, no display, no QT_QPA_PLATFORM: the bundled font carries 雷军."""
    fonts_conf = tmp_path / "fonts.conf"
    fonts_conf.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>{DEJAVU}</dir>'
        f"<cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["FONTCONFIG_FILE"] = str(fonts_conf)
    listed = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, env=env)
    assert listed.returncode != 0 or listed.stdout.strip() == "", "the test fontconfig still lists a CJK font"
    out = tmp_path / "cards.pdf"
    run_ = _export_process(["lei-jun", "xiaomi", "--single", "-o", str(out)], env)
    assert run_.returncode == 0, run_.stderr
    assert run_.stderr.splitlines() == ["[1/2] Lei Jun", "[2/2] Xiaomi"]
    text = all_text(out)
    assert "Lei Jun 雷军" in text and "Xiaomi 小米" in text
    assert [str(f["/BaseFont"]) for f in fonts(PdfReader(out)) if font_file_missing(f)] == []
    assert out.stat().st_size < 1_000_000


def test_export_does_not_change_the_data_file(write_kb: KbWriter, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_kb()
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    assert run(capsys, "--all", "--data", str(path), "-o", str(tmp_path / "out"))[0] == 0
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert json.loads(path.read_text(encoding="utf-8"))["title"] == "Test KB"


def test_single_follows_the_command_line_order_and_sets_the_author(
    write_kb: KbWriter, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "two.pdf"
    code, _, stderr = run(capsys, "Lei Jun", "xiaomi", "--single", "--author", "Ada Reader", "--data", str(write_kb()), "-o", str(out))
    assert code == 0, stderr
    info = PdfReader(out).metadata
    assert [item.title for item in PdfReader(out).outline] == ["Contents", "Lei Jun", "Xiaomi"]
    assert (info.author, info.subject, info.get("/Keywords")) == ("Ada Reader", "Test KB", "Organization, Person")


def test_with_graph_adds_a_page_with_the_entitys_relation_graph(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain, with_graph = tmp_path / "plain.pdf", tmp_path / "graph.pdf"
    assert run(capsys, "Xiaomi", "-o", str(plain))[0] == 0
    code, stdout, stderr = run(capsys, "Xiaomi", "--with-graph", "-o", str(with_graph))
    assert code == 0, stderr
    pages = len(PdfReader(plain).pages)
    assert len(PdfReader(with_graph).pages) == pages + 1
    assert stdout == f"wrote {with_graph} (1 card, {pages + 1} pages)\n"
    last = " ".join((PdfReader(with_graph).pages[-1].extract_text() or "").split())  # pypdf reads some spaces as tabs
    assert all(name in last for name in ("Xiaomi", "Lei Jun", "SU7", "founded by"))
