"""A loaded knowledge base: the file's data untouched, and beside it what loading found out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from evcards.kb import loader, piecewise
from evcards.kb.loader import load
from evcards.kb.model import KnowledgeBase
from evcards.kb.quotes import QuoteCheck, QuoteStatus
from tests.conftest import ARTICLE_QUOTE, SOURCE_TEXT, KbWriter, load_kb, minimal_kb


def test_the_data_is_what_the_file_says_and_nothing_more(write_kb: KbWriter) -> None:
    path = write_kb()
    kb = load_kb(path)
    assert kb.data == KnowledgeBase.model_validate_json(path.read_bytes())
    assert kb.data.model_dump(exclude_unset=True) == minimal_kb()


def test_a_big_file_validated_in_slices_gives_the_same_data(write_kb: KbWriter, monkeypatch: pytest.MonkeyPatch) -> None:
    data = minimal_kb()
    data["entities"] += [{"id": f"e{i}", "name": f"E{i}", "kind": "person"} for i in range(5)]
    path = write_kb(data)
    monkeypatch.setattr(loader, "SLICES_FROM_BYTES", 0)  # every file is big
    monkeypatch.setattr(piecewise, "SLICE_BYTES", 1)  # one entity a slice
    totals: set[int] = set()
    result = load(path, lambda done, total: totals.add(total))
    assert len(totals) == 4, "progress counts the bytes read (the file, its source file), the bytes validated, the claims anchored"
    assert {path.stat().st_size, (path.parent / "article.txt").stat().st_size} < totals
    assert result.knowledge_base is not None, result.report()
    assert result.knowledge_base.data == KnowledgeBase.model_validate_json(path.read_bytes())


def _parts_that_give_different_fields() -> dict[str, Any]:
    data = minimal_kb(format=2)
    lei, xiaomi = {"exact": "Lei Jun founded Xiaomi"}, {"exact": ARTICLE_QUOTE, "prefix": "”. "}
    data["entities"][0]["claims"] = [
        {"statement": "Founded in 2010.", "evidence": [{"source": "article", "quote": ARTICLE_QUOTE}], "date": "2010"},
        {
            "statement": "A year.",
            "evidence": [{"source": "article", "quote": xiaomi, "stance": "context"}],
            "value": {"type": "year", "year": 2010},
        },
        {"statement": "No quote yet.", "section": "History", "evidence": []},
    ]
    data["entities"][1]["claims"] = [
        {"statement": "Founded Xiaomi.", "evidence": [{"source": "article", "quote": lei}, {"source": "article", "quote": xiaomi}]},
        {
            "statement": "Rich.",
            "evidence": [{"source": "article", "quote": lei, "stance": "partial"}],
            "value": {"type": "amount", "amount": 1.5, "unit": "USD"},
        },
    ]
    data["entities"].append({"id": "bare", "name": "Bare", "kind": "thing", "relations": [{"type": "made_by", "target": "xiaomi"}]})
    return data


@pytest.mark.parametrize("in_slices", [True, False])
def test_each_part_knows_which_fields_its_file_gave(write_kb: KbWriter, monkeypatch: pytest.MonkeyPatch, in_slices: bool) -> None:
    data = _parts_that_give_different_fields()
    if in_slices:
        monkeypatch.setattr(loader, "SLICES_FROM_BYTES", 0)
        monkeypatch.setattr(piecewise, "SLICE_BYTES", 1)
    result = load(write_kb(data))
    assert result.knowledge_base is not None, result.report()
    assert result.knowledge_base.data.model_dump(mode="json", exclude_unset=True) == data
    claims = [claim for entity in result.knowledge_base.entities for claim in entity.claims]
    assert [claim.model_fields_set for claim in claims] == [set(claim) for entity in data["entities"] for claim in entity.get("claims", [])]


def test_entities_and_sources_by_id(write_kb: KbWriter) -> None:
    kb = load_kb(write_kb())
    assert [e.id for e in kb.entities] == ["xiaomi", "lei-jun"]
    assert kb.entity("lei-jun") is kb.entities[1] and kb.entity("lei-jin") is None
    assert kb.source("article") is kb.sources[0] and kb.source("blog") is None


def test_source_texts_by_source_id(write_kb: KbWriter) -> None:
    kb = load_kb(write_kb())
    assert kb.source_text("article") == SOURCE_TEXT
    assert kb.source_text("blog") is None


def test_the_path_is_the_file_resolved(write_kb: KbWriter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_kb()
    monkeypatch.chdir(tmp_path)
    kb = load_kb(Path("kb.json"))
    assert kb.path == (tmp_path / "kb.json").resolve() and kb.path.is_absolute()


def test_the_title_shown_is_the_files_name_when_it_has_none(write_kb: KbWriter) -> None:
    assert load_kb(write_kb()).display_title == "Test KB"
    assert load_kb(write_kb(minimal_kb(title=None), name="untitled.json")).display_title == "untitled.json"


def test_every_claim_has_the_check_of_its_quote(write_kb: KbWriter) -> None:
    data = minimal_kb()
    data["entities"][1]["claims"] += [
        {"statement": "Hinted.", "quote": {"exact": "Lei Jun likes", "start": SOURCE_TEXT.index("Lei Jun likes")}, "source": "article"},
        {"statement": "Straight quotes.", "quote": 'Lei\'s "last entrepreneurship."', "source": "article"},
        {"statement": "Nowhere.", "quote": "Lei Jun founded Tesla", "source": "article"},
    ]
    kb = load_kb(write_kb(data))
    lei = kb.entity("lei-jun")
    assert lei is not None
    checks = [kb.check(lei, index) for index in range(len(lei.claims))]
    founded, likes = SOURCE_TEXT.index("Lei Jun founded"), SOURCE_TEXT.index("Lei Jun likes")
    assert checks[:2] == [
        QuoteCheck(QuoteStatus.VERIFIED, founded, founded + len("Lei Jun founded Xiaomi"), "Lei Jun founded Xiaomi"),
        QuoteCheck(QuoteStatus.VERIFIED, likes, likes + len("Lei Jun likes"), "Lei Jun likes"),
    ]
    assert checks[2].status is QuoteStatus.APPROXIMATE and checks[2].actual == "Lei’s “last entrepreneurship.”"
    assert checks[3].status is QuoteStatus.NOT_FOUND and checks[3].start is None
    xiaomi = kb.entity("xiaomi")
    assert xiaomi is not None
    assert kb.check(xiaomi, 0).actual == ARTICLE_QUOTE
