"""The one place that builds the window's actions: text, shortcuts, status tips, by name.

Shortcuts use `QKeySequence.StandardKey` wherever Qt has one, so each platform gets its own
binding; menus and the Keyboard Shortcuts dialog read them back from the actions, so a
shortcut is written down exactly once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QKeyCombination, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

Key = QKeySequence.StandardKey
Shortcut = QKeySequence.StandardKey | str


class ActionSpec(NamedTuple):
    name: str
    menu: str
    text: str
    tip: str
    shortcuts: tuple[Shortcut, ...] = ()


ACTION_SPECS: tuple[ActionSpec, ...] = (
    ActionSpec("open", "File", "&Open…", "Open a knowledge base file", (Key.Open,)),
    ActionSpec("reload", "File", "Re&load", "Read the open file again from disk", (Key.Refresh, "Ctrl+R")),
    ActionSpec("export_pdf", "File", "&Export Card as PDF…", "Save the selected card as a PDF file", ("Ctrl+E",)),
    ActionSpec(
        "export_cards",
        "File",
        "Export Listed C&ards as PDF…",
        "Save every card the list shows (all, when nothing is filtered) as one PDF",
        ("Ctrl+Shift+E",),
    ),
    ActionSpec("print", "File", "&Print…", "Print the selected card", (Key.Print,)),
    ActionSpec("print_preview", "File", "Print Pre&view…", "Preview the printed card", ("Ctrl+Shift+P",)),
    ActionSpec("quit", "File", "&Quit", "Quit evcards", ("Ctrl+Q",)),
    ActionSpec("copy_card", "Edit", "&Copy Card", "Copy the card as text, with its citations", ("Ctrl+Shift+C",)),
    ActionSpec("find", "Edit", "&Find Entity", "Type to filter the entity list", (Key.Find, "/")),
    ActionSpec("back", "View", "&Back", "Go back to the previous entity", (Key.Back,)),
    ActionSpec("forward", "View", "&Forward", "Go forward to the next entity", (Key.Forward,)),
    ActionSpec("show_in_source", "View", "Show in &Source", "Show the current claim's quote in its source text", ("Ctrl+U",)),
    # the source pane (evcards.gui.source_view)
    ActionSpec("source_pane", "View", "Source &Pane", "Show or hide the source text beside the card", ("F9",)),
    ActionSpec("next_quote", "View", "&Next Quote in Source", "Highlight the card's next quote in the source pane", ("F3",)),
    ActionSpec(
        "previous_quote", "View", "P&revious Quote in Source", "Highlight the card's previous quote in the source pane", ("Shift+F3",)
    ),
    # the timeline dock (evcards.gui.timeline_view)
    ActionSpec("timeline", "View", "&Timeline", "Show or hide the dated claims on a time axis", ("Ctrl+T",)),
    # the relation graph (evcards.gui.graph_view)
    ActionSpec("graph_pane", "View", "Relation &Graph", "Show or hide the graph of the card's entity and its neighbours", ("Ctrl+G",)),
    ActionSpec("zoom_in", "View", "Zoom &In", "Make the card text larger", (Key.ZoomIn, "Ctrl+=")),
    ActionSpec("zoom_out", "View", "Zoom &Out", "Make the card text smaller", (Key.ZoomOut,)),
    ActionSpec("zoom_reset", "View", "&Actual Size", "Reset the card text to its normal size", ("Ctrl+0",)),
    ActionSpec("shortcuts", "Help", "&Keyboard Shortcuts", "List every keyboard shortcut", (Key.HelpContents, "F1")),
    ActionSpec("about", "Help", "&About evcards", "What evcards is, and its version", ()),
)
MENU_ORDER = ("File", "Edit", "View", "Help")
# View > Color Scheme: checkable and exclusive, named "scheme_<choice>" (Settings.color_scheme).
COLOR_SCHEME_SPECS: tuple[ActionSpec, ...] = (
    ActionSpec("scheme_system", "View", "&System", "Follow the desktop's light or dark setting"),
    ActionSpec("scheme_light", "View", "&Light", "Dark text on a light background"),
    ActionSpec("scheme_dark", "View", "&Dark", "Light text on a dark background"),
)


# File > Card PDF with Relation Graph: an option (checkable, no shortcut), added to the File menu
# by the window's graph block (evcards.gui.main_window).
GRAPH_OPTION_SPECS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "pdf_with_graph", "File", "Card PDF &with Relation Graph", "Exported card PDFs end with a page of the entity's relation graph"
    ),
)


def key_sequences(shortcuts: tuple[Shortcut, ...]) -> list[QKeySequence]:
    """Every binding, platform bindings first, without repeats (F1 may be HelpContents already)."""
    sequences: list[QKeySequence] = []
    for shortcut in shortcuts:
        found = QKeySequence.keyBindings(shortcut) if isinstance(shortcut, QKeySequence.StandardKey) else [QKeySequence(shortcut)]
        sequences += [s for s in found if not s.isEmpty() and s not in sequences]
    return sequences


class ActionRegistry:
    """Builds the QActions once and hands them out by name."""

    def __init__(self, parent: QObject) -> None:
        self._actions: dict[str, QAction] = {}
        self.specs = {spec.name: spec for spec in ACTION_SPECS}
        for spec in ACTION_SPECS:
            action = QAction(spec.text, parent)
            action.setObjectName(f"action_{spec.name}")
            action.setStatusTip(spec.tip)
            action.setShortcuts(key_sequences(spec.shortcuts))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self._actions[spec.name] = action
        self._actions["quit"].setMenuRole(QAction.MenuRole.QuitRole)
        self._actions["about"].setMenuRole(QAction.MenuRole.AboutRole)
        self.color_schemes = QActionGroup(parent)  # exclusive: one scheme checked
        for spec in COLOR_SCHEME_SPECS:
            action = QAction(spec.text, self.color_schemes)
            action.setObjectName(f"action_{spec.name}")
            action.setStatusTip(spec.tip)
            action.setCheckable(True)
            self._actions[spec.name] = action
        for spec in GRAPH_OPTION_SPECS:
            action = QAction(spec.text, parent)
            action.setObjectName(f"action_{spec.name}")
            action.setStatusTip(spec.tip)
            action.setCheckable(True)
            self._actions[spec.name] = action

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def connect(self, name: str, slot: Callable[[], object]) -> None:
        self._actions[name].triggered.connect(lambda _checked=False: slot())

    def in_menu(self, menu: str) -> list[QAction]:
        return [self._actions[s.name] for s in ACTION_SPECS if s.menu == menu]

    def shortcut_groups(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """For the Keyboard Shortcuts dialog, read from the actions: each menu with its
        (keys, action) rows, in menu order; actions without a shortcut are left out."""
        groups = []
        for menu in MENU_ORDER:
            rows = []
            for spec in ACTION_SPECS:
                sequences = [s for s in self._actions[spec.name].shortcuts() if not is_dedicated_key(s)]
                if spec.menu == menu and sequences:
                    keys = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences]
                    rows.append((spoken_list(keys), spec.text.replace("&", "").rstrip("…")))
            if rows:
                groups.append((menu, rows))
        return groups


def is_dedicated_key(sequence: QKeySequence) -> bool:
    """A key of its own on some keyboards (Open, Refresh, Back, Zoom In, Help...): a platform
    binding worth keeping, but "Ctrl+O or Open" would read as if Open were a key everyone has."""
    if sequence.count() != 1:
        return False
    combination: QKeyCombination = sequence[0]  # type: ignore[index]  # operator[] is missing from the stubs
    key = combination.key()
    return combination.keyboardModifiers() == Qt.KeyboardModifier.NoModifier and (
        key == Qt.Key.Key_Help or int(key.value) >= int(Qt.Key.Key_Back.value)
    )


def spoken_list(items: list[str]) -> str:
    """ "A", "A or B", "A, B or C": alternatives as a reader says them."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} or {items[-1]}"
