"""A PDF that navigates: a contents page, links between cards, bookmarks, Author/Subject/Keywords."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from evcards.kb.loaded import LoadedKnowledgeBase
from evcards.kb.loader import load
from evcards.pdf.export import export_pdf, print_card
from evcards.resources import bundled_data
from tests.conftest import KbWriter, minimal_kb, write_and_load
from tests.pdf_helpers import PageLink, link_uris, long_card_data, outline, page_lines, page_links, page_texts

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture(scope="module")
def bundled() -> LoadedKnowledgeBase:
    kb = load(bundled_data()).knowledge_base
    assert kb is not None
    return kb


@pytest.fixture(scope="module")
def bundled_pdf(bundled: LoadedKnowledgeBase, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every bundled card, in file order, in one PDF."""
    target = tmp_path_factory.mktemp("navigation") / "all.pdf"
    export_pdf(bundled, bundled.entities, target, author="Ada Reader")
    return target


def _contents_entries(path: Path) -> dict[str, int]:
    """The contents page's entries: name -> the page number it gives."""
    entries: dict[str, int] = {}
    for line in page_lines(path, 0)[2:-1]:  # below the title and the line under it, above the footer
        match = re.fullmatch(r"(.+?)[ .]* (\d+)", line.replace("⼩⽶", "小米"))  # pypdf reads 小米 as its Kangxi look-alikes
        assert match, line
        entries[match[1]] = int(match[2])
    return entries


def test_the_contents_page_lists_every_card_with_its_page_and_links_there(bundled: LoadedKnowledgeBase, bundled_pdf: Path) -> None:
    texts = page_texts(bundled_pdf)
    assert texts[0].startswith("Contents Xiaomi's move into electric vehicles · 9 cards")
    first_page = {entity.name: next(i for i, text in enumerate(texts) if text.startswith(entity.name)) for entity in bundled.entities}
    entries = _contents_entries(bundled_pdf)
    assert list(entries) == [" ".join((entity.name, *entity.native_names)) for entity in bundled.entities]
    for entity, shown in zip(bundled.entities, entries.values()):
        assert shown == first_page[entity.name] + 1, entity.name  # page numbers count from 1, the contents page included
    contents_links = [(link.text, link.target) for link in page_links(bundled_pdf) if link.page == 0]
    names_then_numbers = (
        [(e.name, first_page[e.name]) for e in bundled.entities],
        [(str(first_page[e.name] + 1), first_page[e.name]) for e in bundled.entities],
    )
    assert contents_links == [link for pair in zip(*names_then_numbers) for link in pair]  # an entry's name and its number


def test_the_contents_page_is_tidy_numbers_flush_right_names_in_their_scripts(bundled_pdf: Path) -> None:
    contents = page_texts(bundled_pdf)[0]
    assert "Lei Jun 雷军 . . . . ." in contents  # dot leaders from the name to its number


def test_relation_names_link_to_the_first_page_of_their_card(bundled: LoadedKnowledgeBase, bundled_pdf: Path) -> None:
    texts = page_texts(bundled_pdf)
    first_page = {entity.id: next(i for i, text in enumerate(texts) if text.startswith(entity.name)) for entity in bundled.entities}
    card_links = [link for link in page_links(bundled_pdf) if link.page > 0]
    xiaomi = bundled.entity("xiaomi")
    assert xiaomi is not None
    expected = [PageLink(first_page["xiaomi"], bundled.entity(r.target).name, first_page[r.target]) for r in xiaomi.relations]  # type: ignore[union-attr]
    assert [link for link in card_links if link.page == first_page["xiaomi"]] == expected
    relations = sum(len(entity.relations) for entity in bundled.entities)
    assert len(card_links) == relations and all(link.target is not None for link in card_links)
    assert not any(uri.startswith("evcards:") for uri in link_uris(bundled_pdf))  # no in-app link left for a reader to stumble on


def test_a_one_card_pdf_and_a_card_whose_relation_is_left_out_link_nowhere(write_kb: KbWriter, tmp_path: Path) -> None:
    data = minimal_kb()
    data["entities"].append(
        {"id": "other", "name": "Other", "kind": "person", "claims": [], "relations": [{"type": "founder_of", "target": "xiaomi"}]}
    )
    kb = write_and_load(write_kb, data)
    one = tmp_path / "one.pdf"
    export_pdf(kb, [kb.entity("xiaomi")], one)  # type: ignore[list-item]
    assert page_links(one) == [] and "Founded by Lei Jun" in page_texts(one)[0]
    two = tmp_path / "two.pdf"
    export_pdf(kb, [kb.entity("xiaomi"), kb.entity("other")], two)  # type: ignore[list-item]
    assert [(link.page, link.text, link.target) for link in page_links(two) if link.page > 0] == [(2, "Xiaomi", 1)]  # Lei Jun is not in it


def test_outline_opens_the_contents_then_each_card(bundled: LoadedKnowledgeBase, bundled_pdf: Path) -> None:
    entries = _contents_entries(bundled_pdf)
    marks = outline(bundled_pdf)
    assert marks[0] == ("Contents", 0)
    assert [title for title, _ in marks[1:]] == [entity.name for entity in bundled.entities]
    assert [page + 1 for _, page in marks[1:]] == list(entries.values())


def test_cards_follow_the_order_given(bundled: LoadedKnowledgeBase, tmp_path: Path) -> None:
    chosen = [bundled.entity(i) for i in ("china", "apple", "lei-jun")]
    target = tmp_path / "three.pdf"
    export_pdf(bundled, chosen, target)  # type: ignore[arg-type]
    assert [title for title, _ in outline(target)] == ["Contents", "China", "Apple", "Lei Jun"]
    assert list(_contents_entries(target)) == ["China", "Apple", "Lei Jun 雷军"]


def test_a_contents_longer_than_a_page_numbers_the_cards_after_it(write_kb: KbWriter, tmp_path: Path) -> None:
    data = minimal_kb()
    data["entities"] = [{"id": f"e{i:03d}", "name": f"Entity {i:03d}", "kind": "thing", "claims": []} for i in range(80)]
    kb = write_and_load(write_kb, data)
    target = tmp_path / "many.pdf"
    [written] = export_pdf(kb, kb.entities, target)
    texts = page_texts(target)
    contents_pages = next(i for i, text in enumerate(texts) if text.startswith("Entity 000 THING"))
    assert contents_pages == 2 and written.pages == 82
    entries = [link for link in page_links(target) if link.page < contents_pages][::2]  # each name, then its number
    assert [link.text for link in entries] == [e.name for e in kb.entities]
    assert [link.target for link in entries] == list(range(2, 82))
    assert texts[1].startswith("Entity 039 . . .") and ". . . 82 Test KB · exported" in texts[1]


def test_metadata_author_subject_and_keywords(bundled: LoadedKnowledgeBase, bundled_pdf: Path, tmp_path: Path) -> None:
    info = PdfReader(bundled_pdf).metadata
    assert info.author == "Ada Reader"
    assert info.subject == "Xiaomi's move into electric vehicles" and info.title == info.subject
    assert info.get("/Keywords") == "Organization, Person, Place, Product"
    one = tmp_path / "one.pdf"
    export_pdf(bundled, [bundled.entity("lei-jun")], one)  # type: ignore[list-item]
    info = PdfReader(one).metadata
    assert info.title == "Lei Jun" and info.subject == "Xiaomi's move into electric vehicles" and info.get("/Keywords") == "Person"
    assert not info.author  # no name given: none


def test_a_printed_card_holds_no_link(write_kb: KbWriter, tmp_path: Path) -> None:
    from PySide6.QtGui import QPdfWriter

    kb = write_and_load(write_kb)
    target = tmp_path / "printed.pdf"
    printer = QPdfWriter(str(target))
    print_card(kb, kb.entity("xiaomi"), printer)  # type: ignore[arg-type]
    del printer
    assert link_uris(target) == [] and "Founded by Lei Jun" in page_texts(target)[0]


def test_a_long_card_keeps_its_links_on_the_right_pages(write_kb: KbWriter, tmp_path: Path) -> None:
    data, source = long_card_data(40)
    data["entities"][0]["relations"] = [{"type": "associated_with", "target": "short"}]
    data["entities"].append(
        {"id": "short", "name": "Short", "kind": "thing", "claims": [], "relations": [{"type": "associated_with", "target": "long"}]}
    )
    kb = write_and_load(write_kb, data, source)
    target = tmp_path / "two.pdf"
    [written] = export_pdf(kb, kb.entities, target)
    links = [(link.page, link.text, link.target) for link in page_links(target)]
    last = written.pages - 1
    assert links == [
        (0, "Long Card", 1),
        (0, "2", 1),
        (0, "Short", last),
        (0, str(last + 1), last),
        (1, "Short", last),
        (last, "Long Card", 1),
    ]


def test_a_name_with_a_line_break_or_in_arabic_keeps_one_entry_with_its_number_on_the_right(write_kb: KbWriter, tmp_path: Path) -> None:
    data = minimal_kb()
    data["entities"][0]["name"] = "Xiaomi\nCorporation"
    data["entities"].append({"id": "ar", "name": "شاومي", "kind": "organization", "claims": []})
    kb = write_and_load(write_kb, data)
    target = tmp_path / "three.pdf"
    export_pdf(kb, kb.entities, target)
    lines = page_lines(target, 0)
    assert lines[2].startswith("Xiaomi Corporation") and lines[2].endswith(" 2")
    assert len(lines) == 6 and lines[4].endswith(" 4")  # title, subtitle, three entries, footer
    numbers = [link for link in page_links(target) if link.page == 0][1::2]
    rights = [float(annotation.get_object()["/Rect"][2]) for annotation in PdfReader(target).pages[0]["/Annots"]][1::2]
    assert [link.target for link in numbers] == [1, 2, 3] and max(rights) - min(rights) < 0.5  # flush right
