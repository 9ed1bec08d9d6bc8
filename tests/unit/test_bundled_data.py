"""The knowledge base that ships with evcards: verbatim quotes, schema-valid, the four entities."""

from __future__ import annotations

import json

import jsonschema

from evcards.kb.loader import load
from evcards.kb.model import json_schema
from evcards.kb.quotes import QuoteStatus
from evcards.resources import bundled_data, resources_dir


def test_every_bundled_quote_is_verbatim_in_the_article() -> None:
    article = (resources_dir() / "data" / "sources" / "xiaomi-ev-article.txt").read_text(encoding="utf-8")
    result = load(bundled_data())
    kb = result.knowledge_base
    assert kb is not None and result.is_valid, result.report()
    claims = [(entity, index, claim) for entity in kb.entities for index, claim in enumerate(entity.claims)]
    assert len(claims) >= 15
    for entity, index, claim in claims:
        check = kb.check(entity, index)
        assert claim.exact in article
        assert check.status is QuoteStatus.VERIFIED
        assert article[check.start : check.end] == claim.exact


def test_curly_apostrophes_are_kept_in_quotes() -> None:
    kb = load(bundled_data()).knowledge_base
    assert any("’" in c.exact for e in kb.entities for c in e.claims)
    assert any("“last entrepreneurship,”" in c.exact for c in kb.entity("lei-jun").claims)


def test_the_four_entities_with_native_names_and_relations() -> None:
    kb = load(bundled_data()).knowledge_base
    names = {e.id: e.name for e in kb.entities}
    assert {"xiaomi": "Xiaomi", "lei-jun": "Lei Jun", "su7": "SU7", "su7-max": "SU7 Max"}.items() <= names.items()
    assert kb.entity("xiaomi").native_name == "小米"
    assert kb.entity("lei-jun").native_name == "雷军"
    assert ("founded_by", "lei-jun") in {(r.type, r.target) for r in kb.entity("xiaomi").relations}


def test_bundled_data_validates_against_the_printed_schema() -> None:
    data = json.loads(bundled_data().read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(json_schema())
    jsonschema.Draft202012Validator(json_schema()).validate(data)


def test_schema_rejects_what_the_loader_rejects() -> None:
    data = json.loads(bundled_data().read_text(encoding="utf-8"))
    data["entities"][0]["claims"][0]["quote"] = {"text": "no exact"}
    errors = list(jsonschema.Draft202012Validator(json_schema()).iter_errors(data))
    assert errors
