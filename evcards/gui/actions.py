"""The one place that builds the window's actions: text, shortcuts, status tips, by name.

Shortcuts use `QKeySequence.StandardKey` wherever Qt has one, so each platform gets its own
binding; menus and the Keyboard Shortcuts dialog read them back from the actions, so a
shortcut is written down exactly once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QKeyCombination, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from evcards.translation import QT_TRANSLATE_NOOP, fill, translate

Key = QKeySequence.StandardKey
Shortcut = QKeySequence.StandardKey | str


class ActionSpec(NamedTuple):
    name: str
    menu: str
    text: str
    tip: str
    shortcuts: tuple[Shortcut, ...] = ()


ACTION_SPECS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "open", "File", QT_TRANSLATE_NOOP("Actions", "&Open…"), QT_TRANSLATE_NOOP("Actions", "Open a knowledge base file"), (Key.Open,)
    ),
    ActionSpec(
        "reload",
        "File",
        QT_TRANSLATE_NOOP("Actions", "Re&load"),
        QT_TRANSLATE_NOOP("Actions", "Read the open file again from disk"),
        (Key.Refresh, "Ctrl+R"),
    ),
    ActionSpec(
        "export_pdf",
        "File",
        QT_TRANSLATE_NOOP("Actions", "&Export Card as PDF…"),
        QT_TRANSLATE_NOOP("Actions", "Save the selected card as a PDF file"),
        ("Ctrl+E",),
    ),
    ActionSpec(
        "export_cards",
        "File",
        QT_TRANSLATE_NOOP("Actions", "Export Listed C&ards as PDF…"),
        QT_TRANSLATE_NOOP("Actions", "Save every card the list shows (all, when nothing is filtered) as one PDF"),
        ("Ctrl+Shift+E",),
    ),
    ActionSpec(
        "print", "File", QT_TRANSLATE_NOOP("Actions", "&Print…"), QT_TRANSLATE_NOOP("Actions", "Print the selected card"), (Key.Print,)
    ),
    ActionSpec(
        "print_preview",
        "File",
        QT_TRANSLATE_NOOP("Actions", "Print Pre&view…"),
        QT_TRANSLATE_NOOP("Actions", "Preview the printed card"),
        ("Ctrl+Shift+P",),
    ),
    ActionSpec("quit", "File", QT_TRANSLATE_NOOP("Actions", "&Quit"), QT_TRANSLATE_NOOP("Actions", "Quit evcards"), ("Ctrl+Q",)),
    ActionSpec(
        "copy_card",
        "Edit",
        QT_TRANSLATE_NOOP("Actions", "&Copy Card"),
        QT_TRANSLATE_NOOP("Actions", "Copy the card as text, with its citations"),
        ("Ctrl+Shift+C",),
    ),
    ActionSpec(
        "find",
        "Edit",
        QT_TRANSLATE_NOOP("Actions", "&Find Entity"),
        QT_TRANSLATE_NOOP("Actions", "Type to filter the entity list"),
        (Key.Find, "/"),
    ),
    ActionSpec(
        "back", "View", QT_TRANSLATE_NOOP("Actions", "&Back"), QT_TRANSLATE_NOOP("Actions", "Go back to the previous entity"), (Key.Back,)
    ),
    ActionSpec(
        "forward",
        "View",
        QT_TRANSLATE_NOOP("Actions", "&Forward"),
        QT_TRANSLATE_NOOP("Actions", "Go forward to the next entity"),
        (Key.Forward,),
    ),
    ActionSpec(
        "show_in_source",
        "View",
        QT_TRANSLATE_NOOP("Actions", "Show in &Source"),
        QT_TRANSLATE_NOOP("Actions", "Show the current claim's quote in its source text"),
        ("Ctrl+U",),
    ),
    # the source pane (evcards.gui.source_view)
    ActionSpec(
        "source_pane",
        "View",
        QT_TRANSLATE_NOOP("Actions", "Source &Pane"),
        QT_TRANSLATE_NOOP("Actions", "Show or hide the source text beside the card"),
        ("F9",),
    ),
    ActionSpec(
        "next_quote",
        "View",
        QT_TRANSLATE_NOOP("Actions", "&Next Quote in Source"),
        QT_TRANSLATE_NOOP("Actions", "Highlight the card's next quote in the source pane"),
        ("F3",),
    ),
    ActionSpec(
        "previous_quote",
        "View",
        QT_TRANSLATE_NOOP("Actions", "P&revious Quote in Source"),
        QT_TRANSLATE_NOOP("Actions", "Highlight the card's previous quote in the source pane"),
        ("Shift+F3",),
    ),
    # the timeline dock (evcards.gui.timeline_view)
    ActionSpec(
        "timeline",
        "View",
        QT_TRANSLATE_NOOP("Actions", "&Timeline"),
        QT_TRANSLATE_NOOP("Actions", "Show or hide the dated claims on a time axis"),
        ("Ctrl+T",),
    ),
    # the relation graph (evcards.gui.graph_view)
    ActionSpec(
        "graph_pane",
        "View",
        QT_TRANSLATE_NOOP("Actions", "Relation &Graph"),
        QT_TRANSLATE_NOOP("Actions", "Show or hide the graph of the card's entity and its neighbours"),
        ("Ctrl+G",),
    ),
    ActionSpec(
        "zoom_in",
        "View",
        QT_TRANSLATE_NOOP("Actions", "Zoom &In"),
        QT_TRANSLATE_NOOP("Actions", "Make the card text larger"),
        (Key.ZoomIn, "Ctrl+="),
    ),
    ActionSpec(
        "zoom_out",
        "View",
        QT_TRANSLATE_NOOP("Actions", "Zoom &Out"),
        QT_TRANSLATE_NOOP("Actions", "Make the card text smaller"),
        (Key.ZoomOut,),
    ),
    ActionSpec(
        "zoom_reset",
        "View",
        QT_TRANSLATE_NOOP("Actions", "&Actual Size"),
        QT_TRANSLATE_NOOP("Actions", "Reset the card text to its normal size"),
        ("Ctrl+0",),
    ),
    ActionSpec(
        "shortcuts",
        "Help",
        QT_TRANSLATE_NOOP("Actions", "&Keyboard Shortcuts"),
        QT_TRANSLATE_NOOP("Actions", "List every keyboard shortcut"),
        (Key.HelpContents, "F1"),
    ),
    ActionSpec(
        "about",
        "Help",
        QT_TRANSLATE_NOOP("Actions", "&About evcards"),
        QT_TRANSLATE_NOOP("Actions", "What evcards is, and its version"),
        (),
    ),
)
MENU_ORDER = ("File", "Edit", "View", "Help")
MENU_TITLES = {
    "File": QT_TRANSLATE_NOOP("Menus", "&File"),
    "Edit": QT_TRANSLATE_NOOP("Menus", "&Edit"),
    "View": QT_TRANSLATE_NOOP("Menus", "&View"),
    "Help": QT_TRANSLATE_NOOP("Menus", "&Help"),
}
# View > Color Scheme: checkable and exclusive, named "scheme_<choice>" (Settings.color_scheme).
COLOR_SCHEME_SPECS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "scheme_system",
        "View",
        QT_TRANSLATE_NOOP("Actions", "&System"),
        QT_TRANSLATE_NOOP("Actions", "Follow the desktop's light or dark setting"),
    ),
    ActionSpec(
        "scheme_light", "View", QT_TRANSLATE_NOOP("Actions", "&Light"), QT_TRANSLATE_NOOP("Actions", "Dark text on a light background")
    ),
    ActionSpec(
        "scheme_dark", "View", QT_TRANSLATE_NOOP("Actions", "&Dark"), QT_TRANSLATE_NOOP("Actions", "Light text on a dark background")
    ),
)


# File > Card PDF with Relation Graph: an option (checkable, no shortcut), added to the File menu
# by the window's graph block (evcards.gui.main_window).
GRAPH_OPTION_SPECS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "pdf_with_graph",
        "File",
        QT_TRANSLATE_NOOP("Actions", "Card PDF &with Relation Graph"),
        QT_TRANSLATE_NOOP("Actions", "Exported card PDFs end with a page of the entity's relation graph"),
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
            action = QAction(words(spec.text), parent)
            action.setObjectName(f"action_{spec.name}")
            action.setIconText(plain(words(spec.text)))  # a tool button's text: "打开", not "打开(O)"
            action.setStatusTip(words(spec.tip))
            action.setShortcuts(key_sequences(spec.shortcuts))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self._actions[spec.name] = action
        self._actions["quit"].setMenuRole(QAction.MenuRole.QuitRole)
        self._actions["about"].setMenuRole(QAction.MenuRole.AboutRole)
        self.color_schemes = QActionGroup(parent)  # exclusive: one scheme checked
        for spec in COLOR_SCHEME_SPECS:
            action = QAction(words(spec.text), self.color_schemes)
            action.setObjectName(f"action_{spec.name}")
            action.setStatusTip(words(spec.tip))
            action.setCheckable(True)
            self._actions[spec.name] = action
        for spec in GRAPH_OPTION_SPECS:
            action = QAction(words(spec.text), parent)
            action.setObjectName(f"action_{spec.name}")
            action.setStatusTip(words(spec.tip))
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
                    rows.append((spoken_list(keys), plain(words(spec.text))))
            if rows:
                groups.append((plain(menu_title(menu)), rows))
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
    if len(items) == 1:
        return items[0]
    return fill(translate("Actions", "%1 or %2"), translate("Actions", ", ").join(items[:-1]), items[-1])


def words(text: str) -> str:
    """An action's text or tip from the tables above, in the reader's language."""
    return translate("Actions", text)


def plain(text: str) -> str:
    """A menu text as a sentence shows it: "Open" for "&Open…", "打开" for "打开(&O)…"."""
    return _MNEMONIC.sub("", text).replace("&", "").rstrip("…")


_MNEMONIC = re.compile(r"\(&\w\)")


def menu_title(menu: str) -> str:
    """ "&File", "&文件(&F)": a menu's title in the reader's language."""
    return translate("Menus", MENU_TITLES.get(menu, menu))
