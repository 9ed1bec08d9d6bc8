"""The loader checks common quotes inline, for speed; it must agree with `quotes.locate` everywhere."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evcards.kb.loader import load
from evcards.kb.quotes import locate

TEXT = "Lei’s “last entrepreneurship,” Lei Jun said. Lei Jun  founded Xiaomi in 2010. 🚗 Lei Jun again.\n"

quotes = st.one_of(
    st.builds(lambda a, n: TEXT[a : a + n] if TEXT[a : a + n].strip() else "Lei", st.integers(0, len(TEXT) - 1), st.integers(1, 30)),
    st.sampled_from(["Lei Jun", "Lei's \"last", "Lei Jun founded", "not in the text", "Xiaomi in 2010"]),
)
selectors = st.one_of(
    quotes,
    st.builds(
        lambda exact, prefix, start: {k: v for k, v in {"exact": exact, "prefix": prefix, "start": start}.items() if v is not None},
        quotes,
        st.one_of(st.none(), st.sampled_from(["said. ", ". ", "🚗 ", "x"])),
        st.one_of(st.none(), st.integers(0, len(TEXT))),
    ),
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(claims=st.lists(selectors, min_size=1, max_size=8))
def test_loader_and_locate_agree(tmp_path: Path, claims: list[object]) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    data = {
        "format": 1,
        "sources": [{"id": "a", "title": "A", "text_file": "a.txt"}],
        "entities": [{"id": "e", "name": "E", "kind": "person", "claims": [{"statement": "s", "quote": q, "source": "a"} for q in claims]}],
    }
    (tmp_path / "kb.json").write_text(json.dumps(data), encoding="utf-8")
    result = load(tmp_path / "kb.json")
    kb = result.knowledge_base
    assert kb is not None, result.report()
    entity = kb.entities[0]
    for index, claim in enumerate(entity.claims):
        assert kb.check(entity, index) == locate(claim.quote, TEXT), claim.quote
