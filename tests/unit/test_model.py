"""The pydantic models, tested with no widget and no Qt."""

from __future__ import annotations

import subprocess
import sys

import pytest
from pydantic import ValidationError

from evcards.kb.model import Claim, Entity, KnowledgeBase, json_schema


def test_quote_is_a_string_or_a_text_quote_selector() -> None:
    plain = Claim.model_validate({"statement": "s", "quote": "q", "source": "a"})
    selector = Claim.model_validate({"statement": "s", "quote": {"exact": "q", "prefix": "p"}, "source": "a"})
    assert plain.exact == selector.exact == "q"
    assert selector.selector.prefix == "p"


@pytest.mark.parametrize("bad_id", ["Lei Jun", "-x", "", "a/b", "x,y", "née\u3000x", "x" * 201])
def test_ids_are_letters_and_digits_with_separators(bad_id: str) -> None:
    with pytest.raises(ValidationError):
        Entity.model_validate({"id": bad_id, "name": "n", "kind": "person"})


@pytest.mark.parametrize("good_id", ["lei_jun", "x--y", "小米", "雷军", "wikidata:Q1234", "v1.2", "हिन्दी", "Zürich", "Zu\u0308rich"])
def test_ids_in_any_script(good_id: str) -> None:
    assert Entity.model_validate({"id": good_id, "name": "n", "kind": "a kind of thing"}).id == good_id


def test_structured_values_are_typed() -> None:
    claim = Claim.model_validate(
        {"statement": "s", "quote": "q", "source": "a", "value": {"type": "amount", "amount": 1.4e9, "unit": "USD", "qualifier": "over"}}
    )
    assert claim.value.amount == 1.4e9
    with pytest.raises(ValidationError):
        Claim.model_validate({"statement": "s", "quote": "q", "source": "a", "value": {"type": "amount", "amount": "NaN", "unit": "x"}})


def test_format_version_is_required() -> None:
    with pytest.raises(ValidationError):
        KnowledgeBase.model_validate({"entities": []})


def test_models_and_loader_do_not_import_qt() -> None:
    code = "import sys, evcards.kb.model, evcards.kb.loader; assert not any(m.startswith('PySide6') for m in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_the_schema_is_format_2_and_reads_format_1_too() -> None:
    schema = json_schema()
    assert "format 2" in schema["title"] and schema["properties"]["format"]["enum"] == [1, 2]
    claim = schema["$defs"]["Claim"]
    assert claim["required"] == ["statement"] and {"evidence", "quote", "source", "date", "section"} <= claim["properties"].keys()


def test_a_claims_evidence_items_whatever_the_spelling() -> None:
    pair = Claim.model_validate({"statement": "s", "quote": "q", "source": "a"})
    listed = Claim.model_validate(
        {"statement": "s", "evidence": [{"source": "a", "quote": "q"}, {"source": "b", "quote": "r", "stance": "refutes"}]}
    )
    both = Claim.model_validate(
        {"statement": "s", "quote": "q", "source": "a", "evidence": [{"source": "b", "quote": "r", "stance": "refutes"}]}
    )
    assert [(e.source, e.exact, e.stance) for e in pair.evidence_items] == [("a", "q", "supports")]
    assert [(e.source, e.exact, e.stance) for e in listed.evidence_items] == [("a", "q", "supports"), ("b", "r", "refutes")]
    assert both.evidence_items == listed.evidence_items and both.sources == ["a", "b"]
    none = Claim.model_validate({"statement": "s"})
    assert none.evidence_items == () and none.exact == "" and none.selector is None
