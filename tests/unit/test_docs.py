"""The format's reference shows the schema evcards really prints, and examples that are true."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from evcards.cli.main import main
from evcards.kb.loader import load
from evcards.kb.model import json_schema
from evcards.kb.verdicts import Verdict

FORMAT_DOC = Path(__file__).resolve().parents[2] / "docs" / "format.md"


def test_the_schema_in_docs_format_is_the_one_evcards_schema_prints() -> None:
    text = FORMAT_DOC.read_text(encoding="utf-8")
    found = re.search(r"<summary>The JSON Schema of format \d+</summary>\s*```json\n(.*?)\n```", text, re.S)
    assert found, "docs/format.md has no JSON Schema block"
    assert json.loads(found[1]) == json_schema(), "run `evcards schema` and paste its output into docs/format.md"


def _examples() -> dict[str, str]:
    """Each example file of docs/format.md by its heading: the first JSON block under it."""
    text = FORMAT_DOC.read_text(encoding="utf-8").split("## JSON Schema")[0].split("## Examples")[1]
    found = re.findall(r"### (.+?)\n.*?```json\n(.*?)\n```", text, re.S)
    return dict(found)


def _write_example(folder: Path, data: str) -> Path:
    from evcards.resources import resources_dir

    (folder / "sources").mkdir(parents=True)
    shutil.copy(resources_dir() / "data" / "sources" / "xiaomi-ev-article.txt", folder / "sources")
    path = folder / "kb.json"
    path.write_text(data, encoding="utf-8")
    return path


def test_every_example_is_a_valid_format_2_file(tmp_path: Path) -> None:
    examples = _examples()
    assert len(examples) == 4
    for k, (heading, data) in enumerate(examples.items()):
        assert json.loads(data)["format"] == 2, heading
        result = load(_write_example(tmp_path / str(k), data))
        assert result.knowledge_base is not None and not result.problems, (heading, result.report())
        assert bool(result.findings) == (heading == "A file with findings"), heading


def test_the_verdicts_the_stances_example_states(tmp_path: Path) -> None:
    [data] = [data for heading, data in _examples().items() if heading.startswith("Several quotes")]
    result = load(_write_example(tmp_path, data))
    kb = result.knowledge_base
    assert kb is not None, result.report()
    [entity] = kb.entities
    assert [kb.verdict(entity, k) for k in range(3)] == [Verdict.CONTESTED, Verdict.PARTLY_SUPPORTED, Verdict.NO_SOURCE_QUOTE]


def test_the_validate_output_shown_is_what_evcards_prints(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write_example(tmp_path, _examples()["A file with findings"])
    text = FORMAT_DOC.read_text(encoding="utf-8")
    shown = re.search(r"\$ evcards validate findings.json\n(.*?)\n```", text, re.S)
    assert shown is not None
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out.replace(str(path), "findings.json") == shown[1] + "\n"
