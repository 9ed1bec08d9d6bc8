"""The entity list model, through index() and data() only (as a view sees it)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex, Qt

from evcards.gui.entity_model import EntityListModel, EntityRole
from evcards.kb.loaded import LoadedKnowledgeBase
from evcards.kb.loader import load
from evcards.kb.model import Entity
from evcards.resources import bundled_data
from evcards.search.entity_filter import EntityFilter, fold_for_search


@pytest.fixture(scope="module")
def kb() -> LoadedKnowledgeBase:
    result = load(bundled_data())
    assert result.knowledge_base is not None
    return result.knowledge_base


def column(model: EntityListModel, role: int = Qt.ItemDataRole.DisplayRole) -> list[Any]:
    return [model.data(model.index(row, 0), role) for row in range(model.rowCount())]


def test_rows_are_sorted_by_name(qtbot: Any, kb: LoadedKnowledgeBase) -> None:
    from evcards.gui.entity_list import EntityListPane

    pane = EntityListPane()
    qtbot.addWidget(pane)
    pane.set_entities(kb.entities)
    names = column(pane.model)
    assert len(names) == len(kb.entities) == pane.model.total()
    assert names == sorted(names, key=fold_for_search)
    assert names[0] == "Apple" and "Lei Jun" in names


def test_roles(qtbot: Any, kb: LoadedKnowledgeBase) -> None:
    model = EntityListModel()
    model.set_entities(EntityFilter(kb.entities).entities)
    row = model.row_of("lei-jun")
    assert row is not None
    index = model.index(row, 0)
    lei = kb.entity("lei-jun")
    assert lei is not None
    assert index.data(Qt.ItemDataRole.DisplayRole) == "Lei Jun"
    assert index.data(EntityRole.ID) == "lei-jun"
    assert index.data(EntityRole.KIND) == "person"
    assert index.data(EntityRole.CLAIM_COUNT) == len(lei.claims) > 0
    assert index.data(EntityRole.NATIVE_NAME) == "雷军"
    assert index.data(EntityRole.ENTITY) is lei
    assert "雷军" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(Qt.ItemDataRole.AccessibleTextRole).startswith("Lei Jun, Person,")
    su7 = model.index(model.row_of("su7"), 0)
    assert su7.data(EntityRole.NATIVE_NAME) == ""  # a string, never None, for the delegate
    assert su7.data(EntityRole.KIND) == "product"
    assert su7.data(Qt.ItemDataRole.AccessibleTextRole) == "SU7, Product, 1 claim"  # a screen reader's words


def test_invalid_indexes_and_no_children(kb: LoadedKnowledgeBase) -> None:
    model = EntityListModel()
    model.set_entities(kb.entities)
    assert model.rowCount() == len(kb.entities)
    assert model.rowCount(model.index(0, 0)) == 0  # a list: no children
    assert not model.index(len(kb.entities), 0).isValid()
    assert model.data(QModelIndex(), Qt.ItemDataRole.DisplayRole) is None
    assert model.row_of("no-such-entity") is None


def test_set_rows_resets_and_shows_only_those_rows(qtbot: Any, kb: LoadedKnowledgeBase) -> None:
    entities = EntityFilter(kb.entities).entities
    model = EntityListModel()
    model.set_entities(entities)
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset], timeout=1000):
        model.set_rows([2, 0])
    assert column(model, EntityRole.ID) == [entities[2].id, entities[0].id]
    assert model.entity_at(1) is entities[0]
    assert model.row_of(entities[0].id) == 1 and model.row_of(entities[1].id) is None
    with qtbot.waitSignal(model.modelReset, timeout=1000):
        model.set_rows([])
    assert model.rowCount() == 0 and model.total() == len(entities)
    with qtbot.waitSignal(model.modelReset, timeout=1000):
        model.set_entities(entities[:3])
    assert column(model, EntityRole.ID) == [e.id for e in entities[:3]]


def test_model_passes_qt_model_tester(qtmodeltester: Any, kb: LoadedKnowledgeBase) -> None:
    model = EntityListModel()
    model.set_entities(EntityFilter(kb.entities).entities)
    qtmodeltester.check(model, force_py=True)
    model.set_rows([1, 3, 5])
    qtmodeltester.check(model, force_py=True)


def test_filter_matches_in_name_order_with_name_matches_first(kb: LoadedKnowledgeBase) -> None:
    entity_filter = EntityFilter(kb.entities)
    ids = lambda rows: [entity_filter.entities[i].id for i in rows]  # noqa: E731
    assert ids(entity_filter.matches("lei"))[0] == "lei-jun"
    assert ids(entity_filter.matches("雷")) == ["lei-jun"]
    assert ids(entity_filter.matches("  LËI ")) == ids(entity_filter.matches("lei"))
    assert set(ids(entity_filter.matches("product"))) >= {"su7", "su7-max", "xiaomi-14"}
    assert entity_filter.matches("zzzz-nothing") == []
    assert entity_filter.matches("") == list(range(len(kb.entities)))


def test_filter_narrowing_gives_the_same_answer_as_a_fresh_scan(kb: LoadedKnowledgeBase) -> None:
    typed = EntityFilter(kb.entities)
    for query in ("s", "su", "su7", "su7 ", "su7 m", "s", "", "x", "xi", "xia"):
        fresh = EntityFilter(kb.entities)
        assert typed.matches(query) == fresh.matches(query), query


@given(st.text(min_size=1).filter(lambda s: s.strip() and s.isprintable()))
@example('<b>Lei</b>  &amp; <a href="file:/etc">Jun</a>')
def test_a_tooltip_shows_the_name_as_written_even_when_it_looks_like_markup(name: str) -> None:
    """Qt shows a tooltip that looks like markup as rich text: what the data says must come
    through as text, never as tags, entities or links."""
    from PySide6.QtGui import QTextDocument

    model = EntityListModel()
    model.set_entities([Entity(id="e", name=name, kind="person")])
    document = QTextDocument()
    document.setHtml(model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole))
    assert document.toPlainText().startswith(f"{name}: Person")
