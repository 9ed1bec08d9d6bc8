"""The format's reference shows the schema evcards really prints."""

from __future__ import annotations

import json
import re
from pathlib import Path

from evcards.kb.model import json_schema

FORMAT_DOC = Path(__file__).resolve().parents[2] / "docs" / "format.md"


def test_the_schema_in_docs_format_is_the_one_evcards_schema_prints() -> None:
    text = FORMAT_DOC.read_text(encoding="utf-8")
    found = re.search(r"<summary>The JSON Schema of format \d+</summary>\s*```json\n(.*?)\n```", text, re.S)
    assert found, "docs/format.md has no JSON Schema block"
    assert json.loads(found[1]) == json_schema(), "run `evcards schema` and paste its output into docs/format.md"
