"""Migration to format 2: the new file loads and gives the same cards and verdicts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evcards.card.content import card_parts
from evcards.card.parts import card_text
from evcards.cli.main import main
from evcards.kb.limits import Limits
from evcards.kb.loaded import LoadedKnowledgeBase
from evcards.kb.loader import load
from evcards.resources import bundled_data
from tests.conftest import KbWriter, load_kb, minimal_kb

MULTILINGUAL = Path(__file__).parent.parent / "data" / "multilingual" / "kb.json"


def cards(kb: LoadedKnowledgeBase) -> dict[str, tuple[str, list[str]]]:
    """Every card as text, and every claim's verdict, by entity id."""
    return {
        e.id: (card_text(card_parts(kb, e, for_print=True)), [kb.verdict(e, k).value for k in range(len(e.claims))]) for e in kb.entities
    }


def migrate(source: Path, target: Path, *more: str) -> int:
    return main(["migrate", str(source), str(target), *more])


def format_1_with_everything(write_kb: KbWriter) -> Path:
    data = minimal_kb()
    claims = data["entities"][1]["claims"]
    claims[0]["value"] = {"type": "amount", "amount": 1.4e9, "unit": "USD"}
    claims.append({"statement": "Selector.", "quote": {"exact": "Lei Jun", "suffix": " likes"}, "source": "article"})
    claims.append({"statement": "Missing.", "quote": "not in the article", "source": "article"})
    return write_kb(data)


@pytest.mark.parametrize("which", ["bundled", "format 1", "multilingual"])
def test_a_migrated_file_gives_the_same_cards_and_verdicts(tmp_path: Path, write_kb: KbWriter, which: str) -> None:
    source = {"bundled": bundled_data, "multilingual": lambda: MULTILINGUAL}.get(which, lambda: format_1_with_everything(write_kb))()
    target = tmp_path / "elsewhere" / "migrated.json"  # another folder: text file paths must follow
    target.parent.mkdir()
    assert migrate(source, target) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == 2
    migrated = load(target, limits=Limits(outside_sources=True)).knowledge_base  # its sources stayed where they were, outside
    assert migrated is not None and cards(migrated) == cards(load_kb(source))


def test_migrating_into_another_folder_says_its_sources_are_now_outside(
    tmp_path: Path, write_kb: KbWriter, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "elsewhere" / "migrated.json"
    target.parent.mkdir()
    assert migrate(write_kb(), target) == 0
    assert "sources[0].text_file (../article.txt) is outside the folder of" in capsys.readouterr().err
    assert load(target).knowledge_base is None  # refused, as the note says
    assert migrate(write_kb(), tmp_path / "beside.json") == 0
    assert "outside" not in capsys.readouterr().err


def test_migration_writes_evidence_lists_and_no_defaults(tmp_path: Path, write_kb: KbWriter) -> None:
    target = tmp_path / "out.json"
    assert migrate(format_1_with_everything(write_kb), target) == 0
    written = target.read_text(encoding="utf-8")
    data = json.loads(written)
    lei = data["entities"][1]
    assert lei["claims"][0] == {
        "statement": "Founded Xiaomi.",
        "evidence": [{"source": "article", "quote": "Lei Jun founded Xiaomi"}],
        "value": {"type": "amount", "amount": 1.4e9, "unit": "USD"},
    }
    assert lei["claims"][1]["evidence"] == [{"source": "article", "quote": {"exact": "Lei Jun", "suffix": " likes"}}]
    assert (
        "null" not in written and "[]" not in written and '"supports"' not in written and '"quote": "' not in written.split('"evidence"')[0]
    )


def test_migration_refuses_to_overwrite_without_force(tmp_path: Path, write_kb: KbWriter, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_kb()
    before = source.read_bytes()
    assert migrate(source, source) == 1
    assert "is the file being migrated" in capsys.readouterr().err and source.read_bytes() == before
    existing = tmp_path / "existing.json"
    existing.write_text("keep me", encoding="utf-8")
    assert migrate(source, existing) == 1
    assert "exists: give another OUT, or --force" in capsys.readouterr().err and existing.read_text(encoding="utf-8") == "keep me"
    assert migrate(source, existing, "--force") == 0
    assert json.loads(existing.read_text(encoding="utf-8"))["format"] == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt", "existing.json", "kb.json"]  # no temporary file left


def test_migration_refuses_an_invalid_file_and_writes_nothing(
    tmp_path: Path, write_kb: KbWriter, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.json"
    assert migrate(write_kb('{"format": 1}'), target) == 1
    err = capsys.readouterr().err
    assert "(top level).entities: required field is missing" in err or "entities: required field is missing" in err
    assert "nothing written" in err and not target.exists()
    assert migrate(tmp_path / "missing.json", target) == 1
    assert "file not found" in capsys.readouterr().err
    assert migrate(write_kb(), tmp_path / "no-such-folder" / "out.json") == 1
    assert "does not exist" in capsys.readouterr().err


def test_migration_writes_through_a_symbolic_link(tmp_path: Path, write_kb: KbWriter, capsys: pytest.CaptureFixture[str]) -> None:
    """A link to IN is IN: refused without --force, and with it IN is replaced, the link kept."""
    source = write_kb()
    link = tmp_path / "link.json"
    link.symlink_to(source.name)
    assert migrate(source, link) == 1
    assert "is the file being migrated" in capsys.readouterr().err
    assert migrate(source, link, "--force") == 0
    assert link.is_symlink() and json.loads(source.read_text(encoding="utf-8"))["format"] == 2


def test_migration_onto_a_path_under_a_file_says_so(tmp_path: Path, write_kb: KbWriter, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_kb()
    assert migrate(source, source / "out.json") == 1
    assert f"{source} is a file, not a folder" in capsys.readouterr().err
