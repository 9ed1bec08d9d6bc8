"""A card too long to write at once (issue 18: 2,000 approximate quotes froze the window for
seconds) is written a slice at a time: the reader gets the same card, whole, in the end, can
pick another entity meanwhile, and what needs the whole card still gets it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from evcards.card.document import build_card_document, colors_from_palette
from evcards.gui.card_view import CardView
from evcards.gui.main_window import MainWindow
from evcards.kb.loaded import LoadedKnowledgeBase
from evcards.kb.model import Entity
from tests.benchmarks.bench_hostile import huge_card_kb
from tests.conftest import WINDOW_TIMEOUT_MS, load_kb, open_window

CLAIMS = 400  # 1,200 parts: more than a card writes before `show_card` returns (300)


def _huge_and_view(qtbot: Any, tmp_path: Path) -> tuple[LoadedKnowledgeBase, Entity, CardView]:
    """The huge knowledge base, its huge entity and a shown card view."""
    kb = load_kb(huge_card_kb(tmp_path, CLAIMS))
    huge = kb.entity("huge")
    assert huge is not None
    view = CardView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    return kb, huge, view


def _whole_card(kb: LoadedKnowledgeBase, view: CardView, entity_id: str) -> str:
    entity = kb.entity(entity_id)
    assert entity is not None
    colors = colors_from_palette(view.palette())
    return build_card_document(kb, entity, colors, point_size=view.point_size(), width=view.viewport().width()).toPlainText()


def test_a_huge_card_ends_up_whole_and_the_same_as_one_written_at_once(qtbot: Any, tmp_path: Path) -> None:
    kb, huge, view = _huge_and_view(qtbot, tmp_path)
    with qtbot.waitSignal(view.rendered, timeout=WINDOW_TIMEOUT_MS):
        view.show_card(kb, huge)
    text = view.toPlainText()
    assert text == _whole_card(kb, view, "huge")
    assert f"{CLAIMS}. Output rose in report {CLAIMS - 1}." in text and text.rstrip().endswith("[1] Reports")
    assert view.verticalScrollBar().value() == 0  # the reader is left at the top


def test_another_entity_picked_while_a_huge_card_is_written_replaces_it(qtbot: Any, tmp_path: Path) -> None:
    kb, huge, view = _huge_and_view(qtbot, tmp_path)
    small = kb.entity("small")
    assert small is not None
    rendered: list[str] = []
    view.rendered.connect(lambda: rendered.append(view.toPlainText().split("\n", 1)[0]))
    view.show_card(kb, huge)
    view.show_card(kb, small)
    qtbot.wait(300)  # turns of the event loop in which the huge card's slices would have come
    assert view.toPlainText() == _whole_card(kb, view, "small")
    assert rendered == ["Small"]  # the huge card, replaced before it was whole, never said it was written


def test_the_timeline_can_scroll_to_a_claim_not_yet_written(qtbot: Any, tmp_path: Path) -> None:
    kb, huge, view = _huge_and_view(qtbot, tmp_path)
    view.show_card(kb, huge)
    assert view.scroll_to_claim(CLAIMS - 1)
    assert view.textCursor().selectedText().startswith(f"{CLAIMS}. Output rose in report {CLAIMS - 1}.")
    assert view.verticalScrollBar().value() > 0


def test_the_filter_marks_a_huge_card_once_it_is_whole(qtbot: Any, settings: Any, tmp_path: Path) -> None:
    window: MainWindow = open_window(qtbot, settings, huge_card_kb(tmp_path, CLAIMS))
    window.go_to("small")
    qtbot.waitUntil(lambda: window.current_entity() is not None and window.current_entity().id == "small", timeout=WINDOW_TIMEOUT_MS)
    window.entity_pane.filter_field.setText("report")
    qtbot.waitUntil(lambda: window.entity_pane.is_listed("huge") and not window.entity_pane.is_listed("small"), timeout=WINDOW_TIMEOUT_MS)
    with qtbot.waitSignal(window.card.rendered, timeout=WINDOW_TIMEOUT_MS):
        window.go_to("huge")
    qtbot.waitUntil(lambda: len(window.card.extraSelections()) >= CLAIMS, timeout=WINDOW_TIMEOUT_MS)
    assert window.card.verticalScrollBar().value() > 0  # at the first claim that matched, as for any card
    window.close()
