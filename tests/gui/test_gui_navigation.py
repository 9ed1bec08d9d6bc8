"""Navigation by mouse and keyboard: links, history, focus, every shortcut, menus, context menu."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QUrl
from PySide6.QtGui import QAccessible, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMenu, QMessageBox, QToolBar, QToolButton, QWidget

from evcards.card.basics import ENTITY_SCHEME, entity_link
from evcards.gui.actions import ACTION_SPECS, MENU_ORDER
from evcards.gui.main_window import MainWindow
from tests.conftest import WINDOW_TIMEOUT_MS
from tests.gui_helpers import click_entity, click_link, click_through_window, focus_widget, row_center, shown_card_id, shown_ids

Key = Qt.Key
Mod = Qt.KeyboardModifier


def current(window: MainWindow) -> str | None:
    assert shown_card_id(window) == window.entity_pane.current_entity_id()
    return window.entity_pane.current_entity_id()


def test_clicking_a_relation_link_moves_there_and_records_history(qtbot: Any, window: MainWindow) -> None:
    click_entity(qtbot, window, "lei-jun")
    click_link(qtbot, window.card, entity_link("xiaomi"))
    assert current(window) == "xiaomi"
    click_link(qtbot, window.card, entity_link("tesla"))
    assert current(window) == "tesla"
    assert window.action_registry["back"].isEnabled() and not window.action_registry["forward"].isEnabled()
    qtbot.keyClick(window, Key.Key_Left, Mod.AltModifier)
    assert current(window) == "xiaomi"
    qtbot.keyClick(window, Key.Key_Left, Mod.AltModifier)
    assert current(window) == "lei-jun"
    assert window.action_registry["forward"].isEnabled()
    qtbot.keyClick(window, Key.Key_Right, Mod.AltModifier)
    qtbot.keyClick(window, Key.Key_Right, Mod.AltModifier)
    assert current(window) == "tesla"
    assert not window.action_registry["forward"].isEnabled()


def test_anchor_clicked_signal_navigates(qtbot: Any, window: MainWindow) -> None:
    with qtbot.waitSignal(window.card.entity_requested, timeout=1000) as blocker:
        window.card.anchorClicked.emit(QUrl(entity_link("china")))
    assert blocker.args == ["china"]
    assert current(window) == "china"


def test_a_link_to_a_missing_entity_says_so(qtbot: Any, window: MainWindow) -> None:
    before = current(window)
    window.card.anchorClicked.emit(QUrl(f"{ENTITY_SCHEME}:entity/nobody"))
    assert current(window) == before
    assert "nobody" in window.statusBar().currentMessage()


def test_keyboard_only_tab_to_a_link_and_enter_follows_it(qtbot: Any, window: MainWindow) -> None:
    click_entity(qtbot, window, "apple")  # an entity the query "lei" does not match
    qtbot.keyClick(window, Key.Key_F, Mod.ControlModifier)
    qtbot.keyClicks(window.entity_pane.filter_field, "lei")
    qtbot.keyClick(window.entity_pane.filter_field, Key.Key_Return)  # Enter in the filter: into the card
    assert focus_widget() is window.card
    qtbot.keyClick(window.card, Key.Key_Tab)
    assert focus_widget() is window.card
    assert window.card.textCursor().selectedText() == "Xiaomi"  # the first link: a relation
    qtbot.keyClick(window.card, Key.Key_Return)
    assert current(window) == "xiaomi"
    qtbot.keyClick(window, Key.Key_Left, Mod.AltModifier)
    assert current(window) == "lei-jun"


def test_shift_tab_moves_back_through_links_and_enter_follows(qtbot: Any, window: MainWindow) -> None:
    click_entity(qtbot, window, "lei-jun")
    qtbot.keyClick(window.entity_pane.list_view, Key.Key_Tab)
    assert focus_widget() is window.card
    qtbot.keyClick(window.card, Key.Key_Tab)
    qtbot.keyClick(window.card, Key.Key_Tab)
    second = window.card.textCursor().selectedText()
    assert second == "Steve Jobs"
    qtbot.keyClick(window.card, Key.Key_Backtab)
    assert window.card.textCursor().selectedText() == "Xiaomi"
    qtbot.keyClick(window.card, Key.Key_Enter)
    assert current(window) == "xiaomi"


def test_the_focused_link_is_scrolled_into_view(qtbot: Any, window: MainWindow) -> None:
    click_entity(qtbot, window, "xiaomi")  # a long card
    window.card.setFocus()
    for _ in range(40):
        qtbot.keyClick(window.card, Key.Key_Tab)
        if focus_widget() is not window.card:
            break
        cursor = window.card.textCursor()
        assert cursor.hasSelection()
        assert window.card.viewport().rect().intersects(window.card.cursorRect(cursor))
    assert window.card.verticalScrollBar().value() > 0


def test_toolbar_buttons_go_back_and_forward(qtbot: Any, window: MainWindow) -> None:
    click_entity(qtbot, window, "apple")
    click_entity(qtbot, window, "china")
    toolbar = window.findChild(QToolBar, "navigation_toolbar")
    assert toolbar is not None and toolbar.isVisible()
    back = toolbar.widgetForAction(window.action_registry["back"])
    forward = toolbar.widgetForAction(window.action_registry["forward"])
    assert isinstance(back, QToolButton) and isinstance(forward, QToolButton)
    assert not forward.isEnabled()
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert current(window) == "apple"
    assert forward.isEnabled()
    qtbot.mouseClick(forward, Qt.MouseButton.LeftButton)
    assert current(window) == "china"


@pytest.mark.parametrize("target", ["card", "list", "filter", "toolbar"])
def test_mouse_back_and_forward_buttons(qtbot: Any, window: MainWindow, target: str) -> None:
    click_entity(qtbot, window, "apple")
    click_entity(qtbot, window, "china")
    widget: QWidget = {
        "card": window.card.viewport(),
        "list": window.entity_pane.list_view.viewport(),
        "filter": window.entity_pane.filter_field,
        "toolbar": window.findChild(QToolBar, "navigation_toolbar"),
    }[target]

    def click(button: Qt.MouseButton) -> None:
        click_through_window(window, widget, button)

    click(Qt.MouseButton.BackButton)
    assert current(window) == "apple"
    click(Qt.MouseButton.ForwardButton)
    assert current(window) == "china"
    click(Qt.MouseButton.BackButton)
    assert current(window) == "apple"
    selected = window.entity_pane.current_entity_id()
    under = window.childAt(widget.mapTo(window, widget.rect().center()))
    presses: list[Qt.MouseButton] = []

    class Presses(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.MouseButtonPress:
                presses.append(event.button())  # type: ignore[attr-defined]
            return False

    watch = Presses()
    under.installEventFilter(watch)
    click(Qt.MouseButton.LeftButton)  # other buttons still reach the widget under the pointer
    under.removeEventFilter(watch)
    assert presses == [Qt.MouseButton.LeftButton]
    if target == "list":
        assert window.entity_pane.current_entity_id() != selected


@pytest.mark.parametrize("how", ["hidden", "closed", "given a new native window"])
def test_mouse_buttons_still_work_when_the_window_is_shown_again(qtbot: Any, window: MainWindow, how: str) -> None:
    """The buttons are watched on the window's QWindow; Qt may replace that QWindow."""
    click_entity(qtbot, window, "apple")
    click_entity(qtbot, window, "china")
    old_handle = window.windowHandle()
    if how == "hidden":
        window.hide()
    elif how == "closed":
        window.close()
    else:
        window.destroy()  # what a native child (an OpenGL view, say) makes Qt do
        window.create()
    window.show()
    qtbot.waitExposed(window)
    if how == "given a new native window":
        assert window.windowHandle() is not old_handle
    click_through_window(window, window.entity_pane.list_view.viewport(), Qt.MouseButton.BackButton)
    assert current(window) == "apple"
    window.close()  # with the old QWindow gone, closing must not touch it


@pytest.mark.parametrize("keys", [(Key.Key_F, Mod.ControlModifier), (Key.Key_Slash, Mod.NoModifier)])
@pytest.mark.parametrize("start", ["list", "card"])
def test_find_focuses_the_filter_and_escape_returns_to_the_list(qtbot: Any, window: MainWindow, keys: Any, start: str) -> None:
    click_entity(qtbot, window, "china")
    widget = window.entity_pane.list_view if start == "list" else window.card
    widget.setFocus()
    qtbot.keyClick(widget, *keys)
    filter_field = window.entity_pane.filter_field
    assert focus_widget() is filter_field
    assert filter_field.text() == ""
    qtbot.keyClicks(filter_field, "tes")
    assert shown_card_id(window) == "china"  # typing does not move the card
    qtbot.keyClick(filter_field, Key.Key_F, Mod.ControlModifier)  # again: selects the query to type over
    assert filter_field.selectedText() == "tes"
    qtbot.keyClick(filter_field, Key.Key_Escape)
    assert filter_field.text() == ""
    assert focus_widget() is window.entity_pane.list_view
    assert current(window) == "china"  # where the reader was
    assert len(shown_ids(window)) == 9


def test_escape_in_the_list_clears_the_filter(qtbot: Any, window: MainWindow) -> None:
    qtbot.keyClick(window, Key.Key_Slash)
    qtbot.keyClicks(window.entity_pane.filter_field, "o")
    qtbot.keyClick(window.entity_pane.filter_field, Key.Key_Down)  # from the filter into the list
    assert focus_widget() is window.entity_pane.list_view
    chosen = current(window)
    qtbot.keyClick(window.entity_pane.list_view, Key.Key_Escape)
    assert window.entity_pane.filter_field.text() == "" and current(window) == chosen
    assert focus_widget() is window.entity_pane.list_view


def test_keys_move_in_the_list(qtbot: Any, window: MainWindow) -> None:
    view = window.entity_pane.list_view
    ids = shown_ids(window)
    click_entity(qtbot, window, ids[0])
    assert focus_widget() is view
    qtbot.keyClick(view, Key.Key_Down)
    assert current(window) == ids[1]
    qtbot.keyClick(view, Key.Key_Down)
    qtbot.keyClick(view, Key.Key_Up)
    assert current(window) == ids[1]
    qtbot.keyClick(view, Key.Key_End)
    assert current(window) == ids[-1]
    qtbot.keyClick(view, Key.Key_Home)
    assert current(window) == ids[0]
    qtbot.keyClick(view, Key.Key_PageDown)
    assert ids.index(current(window)) > 1  # type: ignore[arg-type]
    qtbot.keyClick(view, Key.Key_PageUp)
    assert current(window) == ids[0]


@pytest.mark.parametrize("key", [Key.Key_Down, Key.Key_Up, Key.Key_PageDown, Key.Key_PageUp])
def test_navigation_keys_in_the_filter_move_in_the_list(qtbot: Any, window: MainWindow, key: Key) -> None:
    click_entity(qtbot, window, "china")
    qtbot.keyClick(window, Key.Key_Slash)
    qtbot.keyClicks(window.entity_pane.filter_field, "su7")
    matches = shown_ids(window)
    assert "china" not in matches and window.entity_pane.current_entity_id() is None
    qtbot.keyClick(window.entity_pane.filter_field, key)  # no row is current: any move starts at the first match
    assert focus_widget() is window.entity_pane.list_view
    assert current(window) == matches[0]
    qtbot.keyClick(window.entity_pane.list_view, Key.Key_Down)
    assert current(window) == matches[1]


def test_moving_from_the_filter_starts_at_the_card_while_the_query_matches_it(qtbot: Any, window: MainWindow) -> None:
    click_entity(qtbot, window, "su7")
    qtbot.keyClick(window, Key.Key_Slash)
    qtbot.keyClicks(window.entity_pane.filter_field, "su7")
    matches = shown_ids(window)
    assert window.entity_pane.current_entity_id() == "su7"
    qtbot.keyClick(window.entity_pane.filter_field, Key.Key_Down)
    assert current(window) == matches[matches.index("su7") + 1]


@pytest.mark.parametrize("key", [Key.Key_Return, Key.Key_Enter, Key.Key_Tab])
def test_enter_or_tab_in_the_list_moves_into_the_card(qtbot: Any, window: MainWindow, key: Key) -> None:
    click_entity(qtbot, window, "su7")
    qtbot.keyClick(window.entity_pane.list_view, key)
    assert focus_widget() is window.card
    assert current(window) == "su7"


def test_double_click_on_a_row_moves_into_the_card(qtbot: Any, window: MainWindow) -> None:
    viewport = window.entity_pane.list_view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=row_center(window, "tesla"))  # QTest's double click lacks the first click
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=row_center(window, "tesla"))
    assert current(window) == "tesla"
    assert focus_widget() is window.card


# --- every shortcut -------------------------------------------------------------------------


@pytest.fixture
def no_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every dialog an action may open returns at once, as if cancelled; returns what was asked."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewDialog

    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: asked.append("open") or ("", "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: asked.append("save") or ("", "")))
    monkeypatch.setattr(QDialog, "exec", lambda self: asked.append(type(self).__name__) or 0)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: asked.append("QPrintDialog") or 0)
    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda self: asked.append("QPrintPreviewDialog") or 0)
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda *a: asked.append("about")))
    return asked


def key_presses(sequence: QKeySequence) -> list[tuple[Key, Mod]]:
    return [(combination.key(), combination.keyboardModifiers()) for combination in (sequence[i] for i in range(sequence.count()))]


def is_text_editing(sequence: QKeySequence) -> bool:
    """Keys a text field rightly keeps for itself: printable characters and Backspace."""
    ((key, modifiers),) = key_presses(sequence)
    plain = modifiers & ~Mod.ShiftModifier == Mod.NoModifier
    return plain and (key in (Key.Key_Backspace, Key.Key_Delete) or 0x20 <= key.value <= 0x7E)


def prepare_history(window: MainWindow) -> None:
    """Three visits and one step back: Back and Forward are both enabled."""
    for entity_id in ("apple", "china", "tesla"):
        window.go_to(entity_id)
    window.go_back()
    assert window.action_registry["back"].isEnabled() and window.action_registry["forward"].isEnabled()


@pytest.mark.parametrize("focus", ["list", "card", "filter"])
def test_every_shortcut_triggers_its_action(qtbot: Any, window: MainWindow, no_dialogs: list[str], focus: str) -> None:
    tried = 0
    for spec in ACTION_SPECS:
        if spec.name == "quit":
            continue
        action = window.action_registry[spec.name]
        assert action.shortcuts() or spec.name == "about", f"{spec.name} has no shortcut"
        for sequence in action.shortcuts():
            prepare_history(window)
            window.source_dock.hide()
            window.activateWindow()
            qtbot.waitUntil(window.isActiveWindow)
            widget = {"list": window.entity_pane.list_view, "card": window.card, "filter": window.entity_pane.filter_field}[focus]
            widget.setFocus()
            if focus == "filter" and is_text_editing(sequence):
                continue
            ((key, modifiers),) = key_presses(sequence)
            with qtbot.waitSignal(action.triggered, timeout=1000, raising=False) as blocker:
                qtbot.keyClick(widget, key, modifiers)
            assert blocker.signal_triggered, f"{sequence.toString()} did not trigger {spec.name} with the focus in the {focus}"
            tried += 1
    assert tried >= 20
    # F5 started a reload: the card's actions pressed during it open their dialogs once it is read.
    qtbot.waitUntil(
        lambda: {"open", "save", "ShortcutsDialog", "QPrintDialog", "QPrintPreviewDialog"} <= set(no_dialogs), timeout=WINDOW_TIMEOUT_MS
    )


def test_quit_shortcut_closes_the_window(qtbot: Any, window: MainWindow) -> None:
    assert [s.toString() for s in window.action_registry["quit"].shortcuts()] == ["Ctrl+Q"]
    with qtbot.waitSignal(window.action_registry["quit"].triggered, timeout=1000):
        qtbot.keyClick(window.entity_pane.list_view, Key.Key_Q, Mod.ControlModifier)
    assert not window.isVisible()


def test_about_shows_the_about_box(window: MainWindow, no_dialogs: list[str]) -> None:
    window.findChild(QMenu, "menu_help")
    window.action_registry["about"].trigger()
    assert no_dialogs == ["about"]


def test_shortcuts_dialog_lists_every_shortcut_by_menu_in_two_columns(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[Any] = []
    monkeypatch.setattr(QDialog, "exec", lambda self: shown.append(self) or 0)
    qtbot.keyClick(window.entity_pane.list_view, Key.Key_F1)
    (dialog,) = shown
    assert [dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())] == ["Keys", "Action"]
    groups = dialog.groups()
    assert [menu for menu, _ in groups] == list(MENU_ORDER)
    rows = {(menu, action): keys for menu, group in groups for keys, action in group}
    for spec in ACTION_SPECS:
        action = window.action_registry[spec.name]
        if not action.shortcuts():
            assert (spec.menu, spec.text.replace("&", "").rstrip("…")) not in rows
            continue
        keys = rows[(spec.menu, spec.text.replace("&", "").rstrip("…"))]
        assert action.shortcuts()[0].toString(QKeySequence.SequenceFormat.NativeText) in keys
        assert ", Open" not in keys and "Refresh" not in keys  # keys, not key names run into labels
    assert rows[("File", "Reload")] == "F5 or Ctrl+R"
    assert rows[("File", "Quit")] == "Ctrl+Q"
    assert rows[("View", "Back")].startswith("Alt+Left")
    assert rows[("Help", "Keyboard Shortcuts")] == "F1"
    # aligned: every key text starts in one column, every action in the next
    table = dialog.table
    key_lefts = {table.visualItemRect(table.item(r, 0)).left() for r in range(table.rowCount())}
    action_lefts = {table.visualItemRect(table.item(r, 1)).left() for r in range(table.rowCount()) if table.item(r, 1)}
    assert len(key_lefts) == 1 and len(action_lefts) == 1 and min(action_lefts) > max(key_lefts)


def test_menus_hold_every_action_with_its_shortcut(window: MainWindow) -> None:
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == [f"&{name}" for name in MENU_ORDER]
    for spec in ACTION_SPECS:
        menu = window.findChild(QMenu, f"menu_{spec.menu.lower()}")
        assert menu is not None
        action = window.action_registry[spec.name]
        assert action in menu.actions(), spec.name
        if spec.shortcuts:
            assert action.shortcuts() and not action.shortcut().isEmpty()  # the menu shows action.shortcut()
    file_menu = window.findChild(QMenu, "menu_file")
    texts = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    assert texts[:2] == ["&Open…", "Open &Recent"]
    view_menu = window.findChild(QMenu, "menu_view")
    assert [a.text() for a in view_menu.actions() if not a.isSeparator()] == [
        "&Back",
        "&Forward",
        "Show in &Source",
        "Source &Pane",
        "&Next Quote in Source",
        "P&revious Quote in Source",
        "&Timeline",
        "Relation &Graph",
        "Zoom &In",
        "Zoom &Out",
        "&Actual Size",
        "&Color Scheme",
        "&Language",
    ]


def _mnemonic(text: str) -> str | None:
    """The letter after a single '&' (Alt+letter in an open menu), or None."""
    text = text.replace("&&", "")
    index = text.find("&")
    return text[index + 1].casefold() if index >= 0 else None


def test_no_two_entries_of_a_menu_share_an_alt_letter(window: MainWindow, tmp_path: Path) -> None:
    """Two items on one letter make Alt+letter only move between them instead of choosing one."""
    for number in range(12):  # more than the menu lists
        (tmp_path / f"kb{number}.json").write_text("{}", encoding="utf-8")
        window.settings.add_recent_file(tmp_path / f"kb{number}.json")
    menus = [action.menu() for action in window.menuBar().actions()]
    menus += [window.recent_menu, window.context_menu]
    for menu in menus:
        menu.aboutToShow.emit()  # menus that fill themselves when opened
        letters = [_mnemonic(a.text()) for a in menu.actions() if not a.isSeparator()]
        letters = [letter for letter in letters if letter]
        assert len(letters) == len(set(letters)), (menu.title(), [a.text() for a in menu.actions()])
    bar = [_mnemonic(a.text()) for a in window.menuBar().actions()]
    assert len(bar) == len(set(bar))


def test_standard_keys_are_used_where_qt_has_them(window: MainWindow) -> None:
    standard = {
        "open": QKeySequence.StandardKey.Open,
        "print": QKeySequence.StandardKey.Print,
        "find": QKeySequence.StandardKey.Find,
        "back": QKeySequence.StandardKey.Back,
        "forward": QKeySequence.StandardKey.Forward,
        "zoom_in": QKeySequence.StandardKey.ZoomIn,
        "zoom_out": QKeySequence.StandardKey.ZoomOut,
        "reload": QKeySequence.StandardKey.Refresh,
        "shortcuts": QKeySequence.StandardKey.HelpContents,
    }
    for name, key in standard.items():
        bindings = QKeySequence.keyBindings(key)
        assert bindings and window.action_registry[name].shortcuts()[: len(bindings)] == bindings, name


def test_no_tooltip_repeats_a_shortcut(window: MainWindow) -> None:
    toolbar = window.findChild(QToolBar, "navigation_toolbar")
    widgets = [toolbar.widgetForAction(a) for a in toolbar.actions()]
    for spec in ACTION_SPECS:
        action = window.action_registry[spec.name]
        for sequence in action.shortcuts():
            shown = sequence.toString()
            if "+" in shown or (shown.startswith("F") and shown[1:].isdigit()):  # not media keys named "Open", "Back"
                assert shown not in action.toolTip() and shown not in action.statusTip(), (spec.name, shown)
    for widget in widgets:
        assert widget.toolTip() and "Ctrl" not in widget.toolTip() and "Alt+" not in widget.toolTip()


# --- context menu --------------------------------------------------------------------------


def open_context_menu(qtbot: Any, window: MainWindow, entity_id: str) -> QMenu:
    from PySide6.QtGui import QContextMenuEvent

    viewport = window.entity_pane.list_view.viewport()
    position = row_center(window, entity_id)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, position, viewport.mapToGlobal(position))
    QApplication.sendEvent(viewport, event)
    menu = window.context_menu
    qtbot.waitUntil(menu.isVisible)
    assert window.findChildren(QMenu, "entity_context_menu") == [menu]  # one menu, not one per click
    return menu


def test_context_menu_on_a_row(qtbot: Any, window: MainWindow, no_dialogs: list[str]) -> None:
    click_entity(qtbot, window, "apple")
    menu = open_context_menu(qtbot, window, "lei-jun")
    assert current(window) == "lei-jun"  # the row under the mouse is the one the menu is about
    texts = [a.text().replace("&", "") for a in menu.actions()]
    assert texts == ["Open", "Copy Card", "Export Card as PDF…"]
    QGuiApplication.clipboard().setText("")
    copy = menu.actions()[1]
    menu.close()
    copy.trigger()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Lei Jun (雷军)") and "✓ quote found in source" in copied
    menu = open_context_menu(qtbot, window, "xiaomi")
    menu.actions()[2].trigger()
    assert no_dialogs == ["save"]
    menu.close()
    menu = open_context_menu(qtbot, window, "china")
    window.entity_pane.list_view.setFocus()
    open_action = menu.actions()[0]
    menu.close()
    open_action.trigger()
    assert current(window) == "china" and focus_widget() is window.card


def test_context_menu_by_keyboard(qtbot: Any, window: MainWindow) -> None:
    """The Menu key (or Shift+F10): Qt sends the focus widget a keyboard context menu event at its cursor."""
    from PySide6.QtGui import QContextMenuEvent

    view = window.entity_pane.list_view
    for entity_id in ("tesla", shown_ids(window)[0], shown_ids(window)[-1]):
        click_entity(qtbot, window, entity_id)
        position = view.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle).center()
        QApplication.sendEvent(view, QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, position, view.mapToGlobal(position)))
        qtbot.waitUntil(window.context_menu.isVisible)
        assert current(window) == entity_id
        window.context_menu.close()


# --- accessibility and focus ---------------------------------------------------------------


def test_every_focusable_widget_has_an_accessible_name(qtbot: Any, window: MainWindow) -> None:
    window.message_bar.show_message("Something to say")  # show the optional widgets as well
    window.status.show_progress(True)
    checked = []
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible() or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        checked.append(widget)
        assert widget.accessibleName(), f"{type(widget).__name__} {widget.objectName()!r} has no accessible name"
        interface = QAccessible.queryAccessibleInterface(widget)
        assert interface is not None and interface.text(QAccessible.Text.Name)
    names = {w.accessibleName() for w in checked}
    assert {"Filter entities", "Entities", "Entity card", "Cancel loading"} <= names


def test_tab_reaches_filter_list_and_card_and_focus_stays_visible(qtbot: Any, window: MainWindow) -> None:
    window.entity_pane.filter_field.setFocus()
    seen = []
    for _ in range(60):
        widget = focus_widget()
        assert widget is not None and widget.isVisible() and widget.window() is window
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        if widget not in seen:
            seen.append(widget)
        qtbot.keyClick(widget, Key.Key_Tab)
    assert {window.entity_pane.filter_field, window.entity_pane.list_view, window.card} <= set(seen)


def test_focus_is_visible(qtbot: Any, window: MainWindow) -> None:
    """Each place keyboard focus can be looks different with the focus than without it."""
    click_entity(qtbot, window, "lei-jun")
    pane = window.entity_pane

    def look(widget: QWidget, focus_on: QWidget) -> Any:
        focus_on.setFocus()
        qtbot.waitUntil(lambda: focus_widget() is focus_on)
        return widget.grab().toImage()

    assert look(pane.filter_field, pane.filter_field) != look(pane.filter_field, pane.list_view)  # the text cursor, the frame
    assert look(pane.list_view, pane.list_view) != look(pane.list_view, pane.filter_field)  # the current row
    window.card.setFocus()
    unfocused_link = window.card.grab().toImage()
    qtbot.keyClick(window.card, Key.Key_Tab)
    assert window.card.textCursor().hasSelection()
    assert window.card.grab().toImage() != unfocused_link  # the focused link is highlighted


def test_filtering_records_no_visit_and_a_pick_from_the_list_is_one(qtbot: Any, window: MainWindow) -> None:
    click_entity(qtbot, window, "apple")
    click_entity(qtbot, window, "china")
    history = (window.history.entries, window.history.position)
    qtbot.keyClick(window, Key.Key_Slash)
    qtbot.keyClicks(window.entity_pane.filter_field, "su7 m")
    qtbot.keyClick(window.entity_pane.filter_field, Key.Key_Backspace)
    qtbot.keyClick(window.entity_pane.filter_field, Key.Key_Escape)
    assert (window.history.entries, window.history.position) == history
    qtbot.keyClick(window, Key.Key_Slash)
    qtbot.keyClicks(window.entity_pane.filter_field, "su7 m")
    qtbot.keyClick(window.entity_pane.filter_field, Key.Key_Down)
    assert current(window) == "su7-max"
    qtbot.keyClick(window.entity_pane.list_view, Key.Key_Left, Mod.AltModifier)
    assert shown_card_id(window) == "china"  # back: the filter hides China, so it is cleared
    assert window.entity_pane.filter_field.text() == "" and current(window) == "china"
    qtbot.keyClick(window, Key.Key_Left, Mod.AltModifier)
    assert current(window) == "apple"
    qtbot.keyClick(window, Key.Key_Right, Mod.AltModifier)
    qtbot.keyClick(window, Key.Key_Right, Mod.AltModifier)
    assert current(window) == "su7-max"
    assert not window.action_registry["forward"].isEnabled()
