"""The pydantic models, tested with no widget and no Qt."""

from __future__ import annotations

import subprocess
import sys

import pytest
from pydantic import ValidationError

from evcards.kb.model import Claim, Entity, KnowledgeBase


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
