"""The timeline dock: Xiaomi's dated claims on an axis, hover text, click and keys select the
claim on the card, zoom from years to months, the undated list, the whole knowledge base, export."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QImage
from PySide6.QtWidgets import QApplication, QToolTip

from tests.conftest import open_window

MULTILINGUAL = Path(__file__).parent.parent / "data" / "multilingual" / "kb.json"


@pytest.fixture
def timeline_window(qtbot: Any, settings: Any):
    window = open_window(qtbot, settings, MULTILINGUAL)
    window.resize(1200, 800)
    window.go_to("小米")
    qtbot.waitUntil(lambda: window.card.entity is not None and window.card.entity.id == "小米")
    window.action_registry["timeline"].trigger()
    qtbot.waitUntil(window.timeline_dock.isVisible)
    yield window
    window.close()


def selected_line(window: Any) -> str:
    return window.card.textCursor().selectedText()


def test_ctrl_t_shows_xiaomi_dated_claims_in_time_order(timeline_window: Any, qtbot: Any) -> None:
    canvas = timeline_window.timeline_pane().canvas
    assert [c.statement for c in canvas.claims()] == [
        "Xiaomi was founded in 2010.",
        "Xiaomi's founder is Lei Jun.",
        "Xiaomi's car is called the SU9.",
        "Xiaomi builds its cars in its own factory.",
    ]
    assert len(canvas.marks()) == 4
    assert {"2010", "2021", "2024"} <= set(canvas.tick_labels())
    assert [s.toString() for s in timeline_window.action_registry["timeline"].shortcuts()] == ["Ctrl+T"]
    timeline_window.action_registry["timeline"].trigger()
    assert not timeline_window.timeline_dock.isVisible()


def test_hovering_a_mark_shows_its_statement_date_and_verdict(timeline_window: Any, qtbot: Any) -> None:
    canvas = timeline_window.timeline_pane().canvas
    first = canvas.marks()[0]
    position = first.centre.toPoint()
    QApplication.sendEvent(canvas, QHelpEvent(QEvent.Type.ToolTip, position, canvas.mapToGlobal(position)))
    assert QToolTip.text().splitlines() == ["Xiaomi was founded in 2010.", "Xiaomi, claim 1 · 2010 · supported"]
    by_source = canvas.marks()[1]
    position = by_source.centre.toPoint()
    QApplication.sendEvent(canvas, QHelpEvent(QEvent.Type.ToolTip, position, canvas.mapToGlobal(position)))
    assert "2021-03 (its source's publication date)" in QToolTip.text()


def test_clicking_a_mark_selects_its_claim_on_the_card(timeline_window: Any, qtbot: Any) -> None:
    canvas = timeline_window.timeline_pane().canvas
    last = canvas.marks()[-1]
    assert timeline_window.card.verticalScrollBar().value() == 0
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=last.centre.toPoint())
    assert selected_line(timeline_window).startswith("5. Xiaomi builds its cars in its own factory.")
    assert timeline_window.card.verticalScrollBar().value() > 0


def test_arrow_keys_move_between_marks_and_enter_selects(timeline_window: Any, qtbot: Any) -> None:
    canvas = timeline_window.timeline_pane().canvas
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert canvas.current_claim().statement == "Xiaomi's founder is Lei Jun."
    qtbot.keyClick(canvas, Qt.Key.Key_End)
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    qtbot.keyClick(canvas, Qt.Key.Key_Return)
    assert selected_line(timeline_window).startswith("8. Xiaomi's car is called the SU9.")


def test_zooming_in_turns_year_ticks_into_month_ticks(timeline_window: Any, qtbot: Any) -> None:
    canvas = timeline_window.timeline_pane().canvas
    canvas.setFocus()
    assert all(re.fullmatch(r"\d{4}", label) for label in canvas.tick_labels())
    card_zoom = timeline_window.settings.zoom
    for _ in range(6):
        qtbot.keyClick(canvas, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert any(re.fullmatch(r"[A-Z][a-z]{2} \d{4}", label) for label in canvas.tick_labels())
    assert timeline_window.settings.zoom == card_zoom  # the timeline zoomed, not the card
    qtbot.keyClick(canvas, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert all(re.fullmatch(r"\d{4}", label) for label in canvas.tick_labels())


def test_ctrl_wheel_zooms_around_the_pointer(timeline_window: Any, qtbot: Any) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    canvas = timeline_window.timeline_pane().canvas
    low, high = canvas.visible_span()
    at = QPointF(canvas.marks()[0].centre)
    wheel = QWheelEvent(
        at,
        canvas.mapToGlobal(at),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(canvas, wheel)
    new_low, new_high = canvas.visible_span()
    assert new_high - new_low < high - low
    assert abs(canvas.marks()[0].centre.x() - at.x()) < 2  # the founding year stays under the pointer


def test_undated_claims_are_listed_apart_and_open_on_the_card(timeline_window: Any, qtbot: Any) -> None:
    pane = timeline_window.timeline_pane()
    texts = [pane.undated_list.item(i).text() for i in range(pane.undated_list.count())]
    assert texts == [
        "3. Xiaomi announced its first car in 2023.",
        "4. Xiaomi announced a car in 2020.",
        "6. Xiaomi plans a second car.",
        "7. Xiaomi sells cars in Europe.",
        "9. The Russian source quotes the company's name.",
    ]
    item = pane.undated_list.item(3)
    qtbot.mouseClick(pane.undated_list.viewport(), Qt.MouseButton.LeftButton, pos=pane.undated_list.visualItemRect(item).center())
    assert selected_line(timeline_window).startswith("7. Xiaomi sells cars in Europe.")


def test_the_whole_knowledge_base_and_its_marks_open_their_entity(timeline_window: Any, qtbot: Any) -> None:
    pane = timeline_window.timeline_pane()
    qtbot.mouseClick(pane.kb_scope, Qt.MouseButton.LeftButton)
    claims = pane.canvas.claims()
    assert {c.entity_id for c in claims} == {"小米", "雷军", "su7"}  # Lei Jun by his source's date
    su7 = next(m for m in pane.canvas.marks() if m.claim.entity_id == "su7")
    qtbot.mouseClick(pane.canvas, Qt.MouseButton.LeftButton, pos=su7.centre.toPoint())
    assert timeline_window.card.entity.id == "su7"
    assert selected_line(timeline_window).startswith(f"{su7.claim.claim_index + 1}. {su7.claim.statement}")
    assert len(pane.canvas.claims()) == len(claims)  # the whole knowledge base stays on the axis


def test_the_timeline_follows_the_card(timeline_window: Any, qtbot: Any) -> None:
    timeline_window.go_to("Zürich")
    qtbot.waitUntil(lambda: timeline_window.card.entity.id == "Zürich")
    pane = timeline_window.timeline_pane()
    assert pane.canvas.claims() == []
    assert pane.undated_list.count() == 2


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_marks_are_drawn_in_light_and_dark_palettes(timeline_window: Any, scheme: str) -> None:
    from evcards.gui.palette import apply_color_scheme

    app = QApplication.instance()
    apply_color_scheme(app, scheme)
    canvas = timeline_window.timeline_pane().canvas
    image = canvas.grab().toImage()
    centre = canvas.marks()[0].centre.toPoint()
    background = image.pixelColor(2, image.height() // 2)
    assert abs(image.pixelColor(centre).lightness() - background.lightness()) > 40  # the mark stands out
    apply_color_scheme(app, "light")


def test_export_as_png_pdf_and_svg(timeline_window: Any, tmp_path: Path) -> None:
    from pypdf import PdfReader
    from PySide6.QtSvg import QSvgRenderer

    pane = timeline_window.timeline_pane()
    pane.export(tmp_path / "t.png")
    pane.export(tmp_path / "t.pdf")
    pane.export(tmp_path / "t.svg")
    image = QImage(str(tmp_path / "t.png"))
    assert image.width() == 2 * pane.canvas.width() and image.height() == 2 * pane.canvas.height()
    reader = PdfReader(tmp_path / "t.pdf")
    assert len(reader.pages) == 1 and "2010" in reader.pages[0].extract_text()
    assert QSvgRenderer(str(tmp_path / "t.svg")).isValid()
    assert "2024" in (tmp_path / "t.svg").read_text(encoding="utf-8")
    with pytest.raises(ValueError, match=r"t\.gif: save as \.png, \.pdf or \.svg"):
        pane.export(tmp_path / "t.gif")


def test_the_bundled_xiaomi_card_has_its_founding_on_the_timeline(window: Any, qtbot: Any) -> None:
    window.go_to("xiaomi")
    qtbot.waitUntil(lambda: window.card.entity is not None and window.card.entity.id == "xiaomi")
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    pane = window.timeline_pane()
    qtbot.waitUntil(pane.isVisible)
    assert [c.statement for c in pane.canvas.claims()] == ["Xiaomi was founded in 2010."]
    assert pane.undated_list.count() == len(window.card.entity.claims) - 1


def test_claims_with_no_room_on_the_lanes_are_counted_and_zooming_in_shows_them(qtbot: Any) -> None:
    from evcards.gui.timeline_view import TimelineCanvas
    from tests.benchmarks.bench_timeline import dated_claims

    canvas = TimelineCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(600, 200)
    canvas.set_claims(dated_claims(2000))
    hidden = canvas.hidden_count()
    assert hidden > 0 and len(canvas.marks()) + hidden == 2000
    band = next(m for m in canvas.marks()).x  # the first claims of 2000 crowd the lanes
    at = QPoint(round(band), round(max(m.y for m in canvas.marks()) + 9 + 2))
    QApplication.sendEvent(canvas, QHelpEvent(QEvent.Type.ToolTip, at, canvas.mapToGlobal(at)))
    assert QToolTip.text().endswith("here with no room on the lanes: zoom in")
    for _ in range(5):
        canvas.zoom_by(2)
    assert canvas.hidden_count() < hidden / 10


def test_the_timeline_comes_back_open_with_the_window(qtbot: Any, settings: Any) -> None:
    first = open_window(qtbot, settings, MULTILINGUAL)
    first.action_registry["timeline"].trigger()
    first.close()
    window = open_window(qtbot, settings, MULTILINGUAL)
    qtbot.waitUntil(window.timeline_dock.isVisible)
    assert window.action_registry["timeline"].isChecked()
    assert window.timeline_pane().canvas.claims() or window.timeline_pane().undated_list.count()
    assert window.focusWidget() is not window.timeline_pane().canvas  # the reader starts in the list, as before
    window.close()


def test_a_mark_of_an_entity_the_filter_hides_opens_it_and_says_the_filter_was_cleared(timeline_window: Any, qtbot: Any) -> None:
    window = timeline_window
    pane = window.timeline_pane()
    qtbot.mouseClick(pane.kb_scope, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.entity_pane.filter_field, "kind:person")
    qtbot.waitUntil(window.entity_pane.search_done)
    assert not window.entity_pane.is_listed("su7")
    su7 = next(m for m in pane.canvas.marks() if m.claim.entity_id == "su7")
    qtbot.mouseClick(pane.canvas, Qt.MouseButton.LeftButton, pos=su7.centre.toPoint())
    assert window.card.entity.id == "su7"
    assert selected_line(window).startswith(f"{su7.claim.claim_index + 1}. {su7.claim.statement}")
    assert "No entity" not in window.statusBar().currentMessage()


def test_ctrl_u_shows_the_source_of_the_claim_selected_on_the_timeline(timeline_window: Any, qtbot: Any) -> None:
    window = timeline_window
    canvas = window.timeline_pane().canvas
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_End)  # the last dated claim: "Xiaomi builds its cars in its own factory."
    claim = canvas.current_claim()
    assert claim is not None
    qtbot.keyClick(canvas, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    source = window.source_view
    assert source is not None and window.source_dock.isVisible()
    shown = source.current_quote()
    assert shown is not None and shown.claim_index == claim.claim_index != 0  # not the card's first quote


def test_with_no_dated_claims_the_axis_shows_no_dates(qtbot: Any) -> None:
    from evcards.gui.timeline_view import TimelineCanvas
    from tests.benchmarks.bench_timeline import dated_claims

    canvas = TimelineCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(1200, 360)
    canvas.set_claims(dated_claims(3))
    assert canvas.tick_labels()
    canvas.set_claims([])
    assert canvas.tick_labels() == []
