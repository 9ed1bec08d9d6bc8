"""Markdown, HTML and JSON for sharing: they say what the card says, with every data string inert."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from evcards.card.citation import cite
from evcards.card.content import card_parts
from evcards.card.html_export import card_html, cards_html
from evcards.card.markdown import card_markdown, cards_markdown, escape
from evcards.card.parts import card_text
from evcards.cli.main import main
from evcards.kb.excerpt import excerpt_json
from evcards.kb.loaded import LoadedKnowledgeBase
from evcards.resources import bundled_data
from tests.conftest import ARTICLE_QUOTE, KbWriter, load_kb, minimal_kb

MULTILINGUAL = Path(__file__).resolve().parents[1] / "data" / "multilingual" / "kb.json"
BLOCKS = {"p", "h1", "h2", "h3", "h4", "li", "blockquote", "br", "tr", "th", "td", "hr", "ol", "ul", "article", "nav", "main", "body"}
HOSTILE = [
    "*x*",
    "<script>alert(1)</script>",
    "[a](javascript:alert(1))",
    "![i](https://example.com/x.png)",
    '<img src="x" onerror="alert(1)">',
    "# heading",
    "1. item",
    "- item",
    "> quoted",
    "`code`",
    "&amp; &lt;b&gt;",
    "~~gone~~ _u_ __b__",
    "| a | b |",
    "<https://example.com/auto>",
    "    indented",
    "trailing \\",
    "line\n# break\n\n- list",
]


class _Reader(HTMLParser):
    """An HTML page's text (block elements as spaces), tags with attributes, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.pieces: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._hidden += tag in ("head", "style", "title")
        self.pieces.append(" " if tag in BLOCKS else "")

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in ("head", "style", "title")
        self.pieces.append(" " if tag in BLOCKS else "")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.pieces.append(data)


def read_html(page: str) -> _Reader:
    reader = _Reader()
    reader.feed(page)
    reader.close()
    return reader


def words(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def shown_text(page: str) -> str:
    return words("".join(read_html(page).pieces))


def render_markdown(markdown: str) -> str:
    """As GitHub shows it: CommonMark, with tables and strikethrough."""
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)


def card_body(kb: LoadedKnowledgeBase, entity_id: str) -> str:
    """What the card says after its title line (the title's native name is in parentheses there)."""
    entity = kb.entity(entity_id)
    assert entity is not None
    return words(card_text(card_parts(kb, entity, for_print=True)).split("\n", 1)[1])


def _both(kb: LoadedKnowledgeBase, entity_id: str) -> tuple[str, str]:
    entity = kb.entity(entity_id)
    assert entity is not None
    return render_markdown(card_markdown(kb, entity)), card_html(kb, entity)


@pytest.mark.parametrize("path", [bundled_data(), MULTILINGUAL], ids=["bundled", "multilingual"])
def test_markdown_and_html_say_all_the_card_says_for_every_entity(path: Path) -> None:
    kb = load_kb(path)
    for entity in kb.entities:
        markdown, page = _both(kb, entity.id)
        body = card_body(kb, entity.id)
        for written in (markdown, page):
            shown = shown_text(written)
            assert shown.startswith(words(f"{entity.name} {' · '.join(entity.native_names)}")), entity.id
            assert shown.endswith(body), entity.id


def test_lei_jun_as_markdown(tmp_path: Path) -> None:
    kb = load_kb(bundled_data())
    lei = kb.entity("lei-jun")
    assert lei is not None
    markdown = card_markdown(kb, lei)
    assert markdown.startswith("# Lei Jun 雷军\n\nPerson\n\nAlso known as Lei\n")
    assert "\n## Claims (9)\n\n**1\\.** Lei Jun is the founder of Xiaomi.  ✓ Supported\n\n> " in markdown
    assert "\n\n[\\[1\\]](#card-lei-jun-source-1) · ✓ quote found in source\n" in markdown
    source = kb.source(lei.claims[0].sources[0])
    assert source is not None
    assert markdown.endswith(f'\n## Sources\n\n<a name="card-lei-jun-source-1"></a>**\\[1\\]** {escape(cite(1, source).text)}\n')
    links = [attrs["href"] for tag, attrs in read_html(render_markdown(markdown)).tags if tag == "a" and "href" in attrs]
    assert links == ["#card-lei-jun-source-1"] * len(lei.claims)


def test_lei_jun_as_html() -> None:
    kb = load_kb(bundled_data())
    lei = kb.entity("lei-jun")
    assert lei is not None
    page = card_html(kb, lei)
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')
    assert "<title>Lei Jun 雷军</title>" in page and "@media (prefers-color-scheme: dark)" in page
    tags = read_html(page).tags
    verdicts = [attrs["class"] for tag, attrs in tags if (attrs.get("class") or "").startswith("verdict")]
    assert verdicts == ["verdict supported"] * len(lei.claims)
    assert page.count('<span class="verdict supported">✓\u00a0Supported</span>') == len(lei.claims)  # the word, not only a colour
    targets = {attrs["href"] for tag, attrs in tags if tag == "a"}
    ids = {attrs["id"] for tag, attrs in tags if "id" in attrs}
    assert targets == {"#card-lei-jun-source-1"} and "card-lei-jun-source-1" in ids


def test_multilingual_scripts_and_languages_survive() -> None:
    kb = load_kb(MULTILINGUAL)
    everything_md = render_markdown(cards_markdown(kb, kb.entities))
    everything_html = cards_html(kb, kb.entities)
    for written in (everything_md, everything_html):
        shown = shown_text(written)
        for sample in ("小米的创始人是雷军", "🚗", "Grüße aus der Schweiz", "삼성은 스마트폰과 반도체를 만든다", "Сяоми"):
            assert sample in shown
        assert any("\u0600" <= c <= "\u06ff" for c in shown)  # Arabic
    langs = {attrs.get("lang") for tag, attrs in read_html(everything_html).tags if tag == "span"}
    assert {"zh-Hans", "ja", "ko"} <= langs  # each name and quote in its own language's glyph forms
    assert everything_html.startswith('<!DOCTYPE html>\n<html lang="en">')


def test_several_cards_make_one_document_with_contents() -> None:
    kb = load_kb(bundled_data())
    chosen = [e for e in kb.entities if e.id in ("xiaomi", "lei-jun")]
    markdown = cards_markdown(kb, chosen)
    assert markdown.startswith(
        f"# {escape(kb.display_title)}\n\n## Contents\n\n1. [Xiaomi 小米](#card-xiaomi)\n2. [Lei Jun 雷军](#card-lei-jun)\n"
    )
    rendered = read_html(render_markdown(markdown))
    assert ("a", {"href": "#card-lei-jun"}) in rendered.tags[5:]  # Xiaomi's relation to Lei Jun: to his card
    page = read_html(cards_html(kb, chosen))
    assert [attrs["id"] for tag, attrs in page.tags if tag == "h2" and "id" in attrs] == ["card-xiaomi", "card-lei-jun"]
    assert sum(1 for tag, attrs in page.tags if attrs.get("href") == "#card-lei-jun") == 2  # contents and relation


def hostile_kb() -> dict[str, Any]:
    data = minimal_kb()
    xiaomi = data["entities"][0]
    xiaomi.update(name="Xiaomi " + HOSTILE[0], native_name=HOSTILE[1], summary=" ".join(HOSTILE), aliases=HOSTILE[2:4])
    xiaomi["kind"] = HOSTILE[5]
    xiaomi["claims"] = [{"statement": s, "quote": ARTICLE_QUOTE, "source": "article", "section": s} for s in HOSTILE]
    data["sources"][0].update(title=HOSTILE[2], publisher=HOSTILE[4], author=HOSTILE[6], url="javascript:alert(1)")
    data["entities"][1]["name"] = HOSTILE[3]
    return data


def test_hostile_names_come_out_inert(write_kb: KbWriter) -> None:
    kb = load_kb(write_kb(hostile_kb()))
    markdown, page = _both(kb, "xiaomi")
    body = card_body(kb, "xiaomi")
    for written in (markdown, page):
        assert shown_text(written).endswith(body)  # every character shown as written, none read as markup
        tags = read_html(written).tags
        made = {tag for tag, _ in tags}
        assert not made & {"script", "img", "em", "code", "pre", "del", "s", "h3", "h4"}, made
        assert "table" not in made or written is page  # (the HTML's relations are a table)
        hrefs = [attrs["href"] or "" for tag, attrs in tags if tag == "a" and "href" in attrs]
        assert all(href.startswith("#") for href in hrefs), hrefs
        assert [tag for tag, _ in tags if tag == "h1"] == ["h1"]
        assert all(not name.startswith("on") for _, attrs in tags for name in attrs)


def test_markdown_escape_leaves_nothing_to_interpret() -> None:
    for text in HOSTILE:
        rendered = render_markdown(escape(text, line_start=True))
        assert shown_text(rendered) == words(text), text
        assert read_html(rendered).tags == [("p", {})], text


def _exported(tmp_path: Path, kb: LoadedKnowledgeBase, ids: list[str]) -> Path:
    out = tmp_path / "out" / "excerpt.json"
    out.parent.mkdir()
    entities = [e for e in kb.entities if e.id in ids]
    out.write_bytes(excerpt_json(kb, entities, out.parent))
    return out


def test_json_of_lei_jun_is_a_knowledge_base_that_validates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kb = load_kb(bundled_data())
    out = _exported(tmp_path, kb, ["lei-jun"])
    assert main(["validate", str(out)]) == 0, capsys.readouterr()
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == 2 and [s["id"] for s in data["sources"]] == ["xiaomi-ev-article"]
    assert "text_file" not in data["sources"][0] and data["sources"][0]["text"] == kb.source_text("xiaomi-ev-article")
    lei, *stubs = data["entities"]
    assert lei == json.loads(kb.entity("lei-jun").model_dump_json(exclude_none=True))  # type: ignore[union-attr]
    assert {s["id"] for s in stubs} == {"xiaomi", "steve-jobs"} and all("claims" not in s and "relations" not in s for s in stubs)
    again = load_kb(out)
    assert [again.verdict(again.entities[0], k) for k in range(9)] == [kb.verdict(kb.entities[1], k) for k in range(9)]


def test_json_of_every_multilingual_entity_validates_with_the_same_checks(tmp_path: Path) -> None:
    kb = load_kb(MULTILINGUAL)
    out = _exported(tmp_path, kb, [e.id for e in kb.entities])
    assert "小米的创始人是雷军" in out.read_text(encoding="utf-8")  # as written, not as \\u escapes
    again = load_kb(out)
    assert [e.id for e in again.entities] == [e.id for e in kb.entities]
    for entity in kb.entities:
        copied = again.entity(entity.id)
        assert copied is not None
        assert [again.checks(copied, k) for k in range(len(copied.claims))] == [kb.checks(entity, k) for k in range(len(entity.claims))]


def test_json_of_one_entity_with_relations_keeps_them_resolving(tmp_path: Path) -> None:
    kb = load_kb(MULTILINGUAL)
    out = _exported(tmp_path, kb, ["zürich-city"])
    again = load_kb(out)
    assert sorted(e.id for e in again.entities) == sorted(["zürich-city", "Zürich"])


def test_json_keeps_a_source_text_too_large_to_inline_in_its_file(
    write_kb: KbWriter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import evcards.kb.excerpt

    monkeypatch.setattr(evcards.kb.excerpt, "INLINE_LIMIT", 10)
    kb = load_kb(write_kb())
    out = _exported(tmp_path, kb, ["lei-jun"])
    assert json.loads(out.read_text(encoding="utf-8"))["sources"][0]["text_file"] == "../article.txt"
    from evcards.kb.limits import Limits
    from evcards.kb.loader import load

    refused = load(out)  # the kept file lies outside the excerpt's folder: refused unless allowed
    assert refused.knowledge_base is None and "--allow-outside-sources" in refused.report()
    again = load(out, limits=Limits.of(allow_outside_sources=True)).knowledge_base  # from where the excerpt is
    assert again is not None and again.source_text("article") == kb.source_text("article")
