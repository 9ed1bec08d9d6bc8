"""The main window: entity list on the left, the card on the right, every action by mouse and keyboard.

Start-up imports only what the window needs to be shown: dialogs, the source view, the clipboard
text of a card and the loader's types are imported where they are first used.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMenu,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from evcards.card.first_entity import start_entity_id
from evcards.gui import counts
from evcards.gui.actions import MENU_ORDER, ActionRegistry, menu_title
from evcards.gui.card_highlight import CardHighlighter
from evcards.gui.card_view import CardView
from evcards.gui.docks import LazyDock
from evcards.gui.entity_list import EntityListPane
from evcards.gui.file_watcher import FileWatcher
from evcards.gui.filter_note import FilterNote
from evcards.gui.history import History
from evcards.gui.language_menu import add_language_menu
from evcards.gui.loading import Loader
from evcards.gui.message_bar import MessageBar
from evcards.gui.mouse_navigation import MouseNavigation
from evcards.gui.pdf_actions import PdfActions
from evcards.gui.plain_text import window_title
from evcards.gui.recent_menu import RecentFilesMenu
from evcards.gui.reloading import ReloadState
from evcards.gui.settings import ZOOM_RANGE, Settings
from evcards.gui.source_permission import OutsideSourcesOption
from evcards.gui.status_widgets import StatusWidgets
from evcards.gui.welcome import WelcomePane
from evcards.resources import bundled_data
from evcards.translation import QT_TRANSLATE_NOOP, fill

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
    from PySide6.QtWidgets import QMessageBox

    from evcards.gui.graph_view import GraphPane
    from evcards.gui.source_view import SourcePane
    from evcards.gui.timeline_view import TimelinePane
    from evcards.kb.loaded import LoadedKnowledgeBase
    from evcards.kb.loader import LoadResult
    from evcards.kb.model import Entity

JSON_FILTER = QT_TRANSLATE_NOOP("MainWindow", "Knowledge bases (*.json);;All files (*)")
APP_NAME = "evcards"


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.kb: LoadedKnowledgeBase | None = None
        self.reloading = ReloadState()  # the open file while a reload has let go of `kb`
        self.history = History()
        self.setObjectName("main_window")
        self.setWindowTitle("evcards")
        self.setAccessibleName("evcards")
        self.setAcceptDrops(True)
        self.action_registry = ActionRegistry(self)
        self.loader = Loader(self)
        self.watcher = FileWatcher(self)
        self.problem_dialog: QMessageBox | None = None
        self._requested_while_opening: str | None = None  # see `go_to`
        self._build_widgets()
        self._build_source_dock()
        self._build_timeline_dock()
        self._build_graph_dock()
        self.pdf = PdfActions(self, settings, self.statusBar())
        self._build_menus_and_toolbar()
        self._add_graph_options()
        self.outside_sources = OutsideSourcesOption(self, settings, self.loader, self.action_registry["reload"], self.reload)
        self._connect()
        self._restore_settings()
        self._update_navigation()
        self.mouse_navigation = MouseNavigation(self, self.go_back, self.go_forward)

    # --- construction -------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.entity_pane = EntityListPane(self, self.settings)
        self.card = CardView(self)
        self.card_highlight = CardHighlighter(self.card)
        self.message_bar = MessageBar(self)
        self.filter_note = FilterNote(self)
        right = QWidget(self)
        layout = QVBoxLayout(right)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.filter_note)
        layout.addWidget(self.card, 1)
        self._build_welcome(layout)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("splitter")
        self.splitter.addWidget(self.entity_pane)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([280, 720])
        self.setCentralWidget(self.splitter)
        self.status = StatusWidgets(self.statusBar())
        self.setTabOrder(self.entity_pane.filter_field, self.entity_pane.list_view)
        self.setTabOrder(self.entity_pane.list_view, self.card)

    def _build_menus_and_toolbar(self) -> None:
        menus = {name: self.menuBar().addMenu(menu_title(name)) for name in MENU_ORDER}
        for name, menu in menus.items():
            menu.setObjectName(f"menu_{name.lower()}")
            for action in self.action_registry.in_menu(name):
                menu.addAction(action)
                self.addAction(action)  # shortcuts work even when the menu bar is hidden
        self.recent_menu = RecentFilesMenu(self.settings, self)
        menus["File"].insertMenu(self.action_registry["reload"], self.recent_menu)
        self.recent_menu.open_requested.connect(self.open_file)
        for before, separated in (
            ("export_pdf", "File"),
            ("quit", "File"),
            ("find", "Edit"),
            ("show_in_source", "View"),
            ("zoom_in", "View"),
        ):
            menus[separated].insertSeparator(self.action_registry[before])
        toolbar = QToolBar(self.tr("Navigation"), self)
        toolbar.setObjectName("navigation_toolbar")
        toolbar.setAccessibleName(self.tr("Navigation"))
        style = self.style()
        icons = {
            "back": style.StandardPixmap.SP_ArrowBack,
            "forward": style.StandardPixmap.SP_ArrowForward,
            "open": style.StandardPixmap.SP_DialogOpenButton,
            "export_pdf": style.StandardPixmap.SP_DialogSaveButton,
        }
        for name, icon in icons.items():
            self.action_registry[name].setIcon(style.standardIcon(icon))
            toolbar.addAction(self.action_registry[name])
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(toolbar)
        self._build_color_scheme_menu(menus["View"])
        add_language_menu(menus["View"], self.settings, self)
        self.context_menu = QMenu(self)  # one menu for every row, not a new one per right-click
        self.context_menu.setObjectName("entity_context_menu")
        self.context_menu.addAction(self.tr("Open"), lambda: self.card.setFocus(Qt.FocusReason.OtherFocusReason))
        self.context_menu.addAction(self.action_registry["copy_card"])
        self.context_menu.addAction(self.action_registry["export_pdf"])

    def _connect(self) -> None:
        a = self.action_registry
        a.connect("open", self.choose_file)
        a.connect("reload", self.reload)
        a.connect("export_pdf", self._when_read(lambda: self.pdf.export(self.kb, self.current_entity())))
        a.connect("export_cards", self._when_read(lambda: self.pdf.export_many(self.kb, self.entity_pane.listed_entities())))
        a.connect("print", self._when_read(lambda: self.pdf.print_(self.kb, self.current_entity())))
        a.connect("print_preview", self._when_read(lambda: self.pdf.preview(self.kb, self.current_entity())))
        a.connect("quit", self.close)
        a.connect("copy_card", self._when_read(self.copy_card))
        a.connect("find", self.entity_pane.focus_filter)
        a.connect("back", self.go_back)
        a.connect("forward", self.go_forward)
        a.connect("show_in_source", self._when_read(self.show_current_claim_in_source))
        a.connect("zoom_in", lambda: self.zoom_by(1))
        a.connect("zoom_out", lambda: self.zoom_by(-1))
        a.connect("zoom_reset", lambda: self.zoom_by(None))
        a.connect("shortcuts", self.show_shortcuts)
        a.connect("about", self.show_about)
        self.entity_pane.entity_selected.connect(self._entity_selected)
        self.entity_pane.activated.connect(lambda: self.card.setFocus(Qt.FocusReason.TabFocusReason))
        self.entity_pane.count_changed.connect(self.status.set_count)
        self.card.copied.connect(lambda message: self.statusBar().showMessage(message, 4000))
        self.entity_pane.count_changed.connect(self._filter_changed)
        self.filter_note.clear_requested.connect(self.clear_filter)
        self.card.rendered.connect(self._update_title)
        self.entity_pane.list_view.customContextMenuRequested.connect(self._list_context_menu)
        self.card.entity_requested.connect(self.go_to)
        self.card.source_requested.connect(self.show_in_source)
        self.loader.progress.connect(self.status.set_progress)
        self.loader.finished.connect(self._load_finished)
        self.status.cancel_button.clicked.connect(self.loader.cancel)
        self.watcher.changed.connect(lambda _path: self.reload())

    def _when_read(self, act: Callable[[], object]) -> Callable[[], None]:
        """`act` now, or, while a reload has let go of the knowledge base, once it is read."""

        def run() -> None:
            if not self.reloading.let_go:
                act()
            elif act not in self.reloading.waiting:
                self.reloading.waiting.append(act)
                self.statusBar().showMessage(self.tr("Reading the file again; this follows once it is read."), 5000)

        return run

    def _restore_settings(self) -> None:
        if geometry := self.settings.geometry:
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 720)
        if state := self.settings.window_state:
            self.restoreState(state)
        if splitter := self.settings.splitter_state:
            self.splitter.restoreState(splitter)
        self.card.set_zoom(self.settings.zoom)

    # --- files ----------------------------------------------------------------------------
    def open_file(self, path: Path) -> None:
        """Load in the background; what is open stays until the new file is ready and valid."""
        self.reloading.restoring = False
        self.loader.start(Path(path))

    def reload(self) -> None:
        """Read the open file again; never in place of an Open that is still loading. With no
        file open, try again the file that could not be opened. The knowledge base shown is let
        go of first, its card and rows kept on screen (`evcards.gui.reloading`)."""
        if self.loader.is_opening():
            return
        path = self.kb.path if self.kb is not None else self.reloading.path
        if path is not None:
            self._let_go_of_knowledge_base()
            self.reloading.restoring = False
            self.loader.start(path, reload=True)
        elif self.welcome.failed_path is not None:
            self.loader.start(self.welcome.failed_path)

    def choose_file(self) -> None:
        start = str(self.kb.path.parent) if self.kb else ""
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open Knowledge Base"), start, self.tr(JSON_FILTER))
        if path:
            self.open_file(Path(path))

    def _let_go_of_knowledge_base(self) -> None:
        """Drop every reference to the open knowledge base, keeping what the reader sees (see
        `evcards.gui.reloading`); only with a snapshot to show again if the reload fails."""
        kb = self.kb
        if kb is None or self.reloading.snapshot is None:
            return
        self.reloading.path, self.reloading.title = kb.path, kb.display_title
        self.kb = self.loader.entity_filter = None
        self.entity_pane.hold_rows()
        self.card.let_go_of_knowledge_base()
        if self.source.pane is not None:
            self.source.pane.let_go_of_knowledge_base()
        if self.timeline_docked.pane is not None:
            self.timeline_docked.pane.let_go_of_knowledge_base()
        if self.graph.pane is not None:
            self.graph.pane.let_go_of_knowledge_base()
        self._update_navigation()

    def _show_again(self, result: LoadResult | None, reload: bool) -> None:
        """A load failed or was cancelled after the window let go of the open file's knowledge
        base: load the version shown from its snapshot; `_load_finished` then says what happened."""
        state = self.reloading
        assert state.path is not None and state.snapshot is not None
        if state.restoring and result is not None:  # the snapshot no longer loads (not seen): no file open
            state.restored()
            state.snapshot, state.waiting = None, []
            self.entity_pane.set_entities([], keep_query=False)
            self._load_finished(result, reload=False)
            return
        if not state.restoring:
            state.failure, state.failed_reload, state.restoring = result, reload, True
        self.loader.start(state.path, reload=True, snapshot=state.snapshot)

    def _say_shown_again(self, failure: LoadResult | None, failed_reload: bool) -> None:
        if failure is None:
            self.statusBar().showMessage(self.tr("Loading cancelled; nothing changed."), 5000)
        elif failed_reload:
            self._say_reload_failed(failure)
        elif self.kb is not None:
            self._open_problem_report(failure, self.kb.path.name)

    def _say_reload_failed(self, result: LoadResult) -> None:
        self.message_bar.show_message(
            fill(self.tr("%1 changed on disk but is not valid; still showing the previous version."), result.path.name),
            result.lines(),
        )

    def _load_finished(self, result: LoadResult | None, reload: bool) -> None:
        self.status.show_progress(False)
        if self.reloading.let_go and (result is None or result.knowledge_base is None):
            self._show_again(result, reload)
            return
        if result is None or result.knowledge_base is None:
            self._requested_while_opening = None  # for this file only, not the next one opened
            if self.card.preview_entity_id is not None:  # the file's own load decides
                self.card.show_placeholder(self.tr("Select an entity on the left to see its card."))
        if result is None:
            self.statusBar().showMessage(self.tr("Loading cancelled; nothing changed."), 5000)
            return
        kb = result.knowledge_base
        if kb is None:
            if reload:
                self._say_reload_failed(result)
            elif self.kb is None:  # nothing to keep showing: the welcome state says what went wrong
                self._show_welcome(result)
            else:
                self._open_problem_report(result, self.kb.path.name)
            return
        restored, failure, failed_reload = self.reloading.restoring, self.reloading.failure, self.reloading.failed_reload
        self._show_knowledge_base(kb, result, reload)
        if restored:
            self._say_shown_again(failure, failed_reload)
        waiting, self.reloading.waiting = self.reloading.waiting, []
        for act in waiting:
            act()

    def _show_knowledge_base(self, kb: LoadedKnowledgeBase, result: LoadResult, reload: bool) -> None:
        shown = self.card.entity.id if self.card.entity is not None else None
        previous = shown if reload else self._start_entity_id(kb)
        if not reload:  # a link followed on the first card before the file was loaded, else that card's entity
            wanted = (self._requested_while_opening, self.card.preview_entity_id)
            previous = next((w for w in wanted if w is not None and kb.entity(w) is not None), previous)
        self._requested_while_opening = None
        self._hide_welcome()
        picked = self.reloading.picked
        self.kb = kb
        self.reloading.restored()
        self.reloading.snapshot = result.snapshot
        # Another file starts with every entity listed: the list's count and the card then agree.
        # A reload keeps the query, and the reader's entity current if the query lists it.
        self.entity_pane.set_entities(kb.entities, self.loader.entity_filter, keep_query=reload, knowledge_base=kb)
        self.history.forget_missing({e.id for e in kb.entities}) if reload else self.history.clear()
        path = kb.path
        self.settings.last_file = path
        self.settings.add_recent_file(path)
        self.status.set_file(path)
        self._update_title()
        self.watcher.watch([path, *(path.parent / s.text_file for s in kb.sources if s.text_file)])
        if result.findings:
            count = len(result.findings)
            self.message_bar.show_message(
                fill(self.tr("%1 in %2 could not be verified verbatim; the cards concerned say so."), counts.quotes(count), path.name)
            )
        else:
            self.message_bar.hide()
        if reload:  # the reader's entity stays on the card (`_show_card_from`), even one the query hides
            pick_first = previous is None or kb.entity(previous) is None
        else:
            pick_first = not (previous and self.entity_pane.select_entity(previous))
        if pick_first and self.entity_pane.model.rowCount():
            self.entity_pane.select_row(0)
        if not kb.entities:
            self.card.show_placeholder(self.tr("This knowledge base has no entities."))
        elif self.card.entity is not None and self.card.knowledge_base is not kb:
            self._show_card_from(kb)
        if reload and picked is not None and kb.entity(picked) is not None:
            self._entity_selected(picked)  # picked in the list while the file was read
        self._filter_changed()  # the note names the entity as the new version does
        self._update_navigation()

    def _show_card_from(self, kb: LoadedKnowledgeBase) -> None:
        """The card still shows an entity of the previous file (a reload, or the list selected none,
        e.g. under a filter that matches nothing): show that entity as the new file has it, or say it is gone.
        A card never pairs one file's quotes with another file's verdicts."""
        shown = self.card.entity
        entity = kb.entity(shown.id) if shown is not None else None
        if entity is not None:
            self.card.show_card(kb, entity)
        else:
            self.card.show_placeholder(self.tr("The entity shown before is not in this file. Select an entity on the left."))

    # --- start and empty states ------------------------------------------------------------
    def _build_welcome(self, layout: QVBoxLayout) -> None:
        """The pane shown in place of the card while no file is open (gui/welcome.py)."""
        self.welcome = WelcomePane(self.settings, self)
        self.welcome.hide()
        layout.addWidget(self.welcome, 1)
        self.welcome.open_requested.connect(self.choose_file)
        self.welcome.recent_requested.connect(self.open_file)
        self.welcome.example_requested.connect(lambda: self.open_file(bundled_data()))
        self.welcome.details_requested.connect(lambda: self._open_problem_report(self._welcome_result, None))
        self._welcome_result: LoadResult | None = None

    def _show_welcome(self, result: LoadResult | None = None) -> None:
        """No file open: the welcome state, with what went wrong with `result`'s file, if any."""
        self._welcome_result = result
        if result is None:
            self.welcome.show_welcome()
        else:
            self.welcome.show_problem(Path(result.path), result.lines())
            self.statusBar().showMessage(fill(self.tr("Cannot open %1."), Path(result.path).name), 5000)
        self.card.hide()
        self.welcome.show()
        self.welcome.open_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_navigation()

    def _hide_welcome(self) -> None:
        if self.welcome.isVisible() or self.welcome.failed_path is not None:
            self.welcome.show_welcome()
            self._welcome_result = None
            self.welcome.hide()
            self.card.show()

    def _open_problem_report(self, result: LoadResult | None, kept: str | None) -> None:
        if result is None:
            return
        if self.problem_dialog is not None:  # one report at a time, not a pile of them
            self.problem_dialog.close()
            self.problem_dialog.deleteLater()
        from evcards.gui.dialogs import problem_report_box

        self.problem_dialog = problem_report_box(self, result, kept)
        self.problem_dialog.open()

    def _start_entity_id(self, kb: LoadedKnowledgeBase) -> str | None:
        """The entity a newly opened file starts on: the one last viewed in it, else the most
        connected one. The file being left remembers its own."""
        self._remember_shown_entity()
        return start_entity_id(kb, self.settings.last_entity(kb.path))

    def _remember_shown_entity(self) -> None:
        """Remember the card shown for its file, for the next time the file is opened."""
        shown = self.card.entity.id if self.card.entity is not None else None
        path = self.kb.path if self.kb is not None else self.reloading.path
        if path is not None and shown is not None:
            self.settings.remember_entity(path, shown)

    # --- navigation -----------------------------------------------------------------------
    def current_entity(self) -> Entity | None:
        """The entity whose card is shown (the list may hide it under a filter)."""
        return self.card.entity

    def _entity_selected(self, entity_id: str) -> None:
        """The reader picked an entity (click, keys in the list, Enter, a link, history): show
        its card, with what the filter matched marked and its first matching claim in view."""
        if self.reloading.let_go:  # its card comes with the version being read
            self.history.visit(entity_id)
            self.reloading.picked = entity_id
            self._update_navigation()
            return
        if self.kb is None or (entity := self.kb.entity(entity_id)) is None:
            return
        self.history.visit(entity_id)
        if self.card.entity is not entity or self.card.knowledge_base is not self.kb:  # (Enter on the card's own row)
            self.card.show_card(self.kb, entity)
        self._filter_changed()
        if self.entity_pane.query():
            self.card_highlight.scroll_to_first_claim()
        self._update_navigation()

    def _filter_changed(self, *_counts: int) -> None:
        """The query or its matches changed: the card stays (see `EntityListPane`), its marks
        follow the query, and a note says when the list hides the card's entity."""
        entity, query, pane = self.card.entity, self.entity_pane.query(), self.entity_pane
        # The card's entity, listed, is the current row; looked for in the rows only once the search ends.
        listed = entity is not None and (pane.current_entity_id() == entity.id or (pane.search_done() and pane.is_listed(entity.id)))
        self.card_highlight.set_query(pane.highlight_terms() if listed else [])
        if entity is not None and query and not listed and pane.search_done():
            self.filter_note.show_hidden(entity.name, query)
        elif listed or not query or entity is None:
            self.filter_note.hide()

    def clear_filter(self) -> None:
        """Every entity listed again, the card's entity current and in view (as Esc in the filter)."""
        self.entity_pane.filter_field.clear()
        self.entity_pane.list_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_title(self) -> None:
        """The entity on the card first ("Lei Jun — the knowledge base's title — evcards"): what a
        task bar or window switcher shows of the window names what the reader is reading."""
        parts = [self.card.entity.name] if self.card.entity is not None else []
        parts += [self.kb.display_title] if self.kb is not None else [self.reloading.title] if self.reloading.let_go else []
        self.setWindowTitle(window_title(" — ".join([*parts, APP_NAME])))

    def go_to(self, entity_id: str) -> None:
        if self.kb is None and (self.loader.is_opening() or self.card.preview_entity_id is not None):  # before the list is there
            self._requested_while_opening = entity_id
            return
        if not self.entity_pane.select_entity(entity_id):
            self.statusBar().showMessage(fill(self.tr("No entity with the id %1 in this knowledge base."), repr(entity_id)), 5000)

    def _move_in_history(self, entity_id: str | None) -> None:
        if entity_id:
            self.entity_pane.select_entity(entity_id)
        self._update_navigation()

    def go_back(self) -> None:
        if self.history.can_go_back():
            self._move_in_history(self.history.back())

    def go_forward(self) -> None:
        if self.history.can_go_forward():
            self._move_in_history(self.history.forward())

    def _update_navigation(self) -> None:
        has_card = self.card.entity is not None
        self.action_registry["back"].setEnabled(self.history.can_go_back())
        self.action_registry["forward"].setEnabled(self.history.can_go_forward())
        for name in ("export_pdf", "print", "print_preview", "copy_card", "show_in_source"):
            self.action_registry[name].setEnabled(has_card)
        self.action_registry["reload"].setEnabled(self.kb is not None or self.reloading.let_go or self.welcome.failed_path is not None)
        self.action_registry["export_cards"].setEnabled(bool(self.kb.entities) if self.kb is not None else self.reloading.let_go)

    # --- card actions ---------------------------------------------------------------------
    def copy_card(self) -> None:
        entity = self.current_entity()
        if self.kb is not None and entity is not None:
            from evcards.gui.card_copy import copy_card

            copy_card(self.kb, entity)  # plain text, Markdown and HTML, as printed
            self.statusBar().showMessage(fill(self.tr("Copied the card of %1 with its citations."), entity.name), 4000)

    # --- the source pane -----------------------------------------------------------------
    def _build_source_dock(self) -> None:
        self.source = LazyDock(
            self,
            "source",
            self.tr("Source"),
            Qt.DockWidgetArea.RightDockWidgetArea,
            self.action_registry["source_pane"],
            self._make_source_pane,
            lambda pane: pane.follow_card(self.card.knowledge_base, self.card.entity),
            min_width=260,
        )
        self.source_dock = self.source.dock
        self.action_registry.connect("next_quote", lambda: self._step_quote_in_source(1))
        self.action_registry.connect("previous_quote", lambda: self._step_quote_in_source(-1))
        self.card.card_changed.connect(self.source.follow)

    def _make_source_pane(self, dock: QDockWidget) -> SourcePane:
        from evcards.gui.source_view import SourcePane

        pane = SourcePane(dock)
        pane.set_zoom(self.settings.zoom)
        return pane

    @property
    def source_view(self) -> SourcePane | None:
        """The source pane, None until first shown."""
        return self.source.pane

    def _source_pane(self) -> SourcePane:
        return self.source.made()

    def _show_source_dock(self, visible: bool = True) -> None:
        self.source.show(visible)

    def _step_quote_in_source(self, step: int) -> None:
        """F3 / Shift+F3: the card's next or previous quote; a hidden pane opens on the first."""
        if self.card.entity is None:
            return
        if self.source_dock.isHidden():
            self._show_source_dock()
        elif step > 0:
            self._source_pane().next_quote()
        else:
            self._source_pane().previous_quote()

    def show_current_claim_in_source(self) -> None:
        entity, kb = self.current_entity(), self.card.knowledge_base
        on_timeline = self._timeline_claim()
        if on_timeline is not None and kb is not None:
            entity = kb.entity(on_timeline[0])
        if entity is None or kb is None:
            return
        focused = on_timeline[1] if on_timeline is not None else self.card.focused_claim()
        candidates = [focused] if focused is not None else range(len(entity.claims))
        for index in candidates:
            for k, check in enumerate(kb.checks(entity, index)):
                if check.start is not None:
                    self.show_in_source(entity.id, index, k)
                    return
        self.statusBar().showMessage(self.tr("This card has no quote that could be found in its source."), 5000)

    def show_in_source(self, entity_id: str, claim_index: int, evidence_index: int = 0) -> None:
        """Open the pane on one evidence item's quote; the reader stays where they were, on the card."""
        kb = self.card.knowledge_base
        if kb is None or (entity := kb.entity(entity_id)) is None or not 0 <= claim_index < len(entity.claims):
            return
        items = entity.claims[claim_index].evidence_items
        if not 0 <= evidence_index < len(items) or kb.source_text(items[evidence_index].source) is None:
            return
        self._source_pane().show_evidence(kb, entity, claim_index, evidence_index)
        self._show_source_dock()
        self.source_dock.raise_()

    # --- the timeline ------------------------------------------------------------------------
    def _build_timeline_dock(self) -> None:
        self.timeline_docked = LazyDock(
            self,
            "timeline",
            self.tr("Timeline"),
            Qt.DockWidgetArea.BottomDockWidgetArea,
            self.action_registry["timeline"],
            self._make_timeline_pane,
            lambda pane: pane.show_entity(self.card.knowledge_base, self.card.entity),
            focus=lambda pane: pane.canvas,
        )
        self.timeline_dock = self.timeline_docked.dock
        self.card.card_changed.connect(self.timeline_docked.follow)

    def _make_timeline_pane(self, dock: QDockWidget) -> TimelinePane:
        from evcards.gui.timeline_view import TimelinePane

        pane = TimelinePane(dock)
        pane.claim_requested.connect(self.show_claim)
        return pane

    @property
    def timeline(self) -> TimelinePane | None:
        return self.timeline_docked.pane

    def timeline_pane(self) -> TimelinePane:
        return self.timeline_docked.made()

    def _timeline_claim(self) -> tuple[str, int] | None:
        """The claim selected on the timeline when the reader is on it (Ctrl+U shows its quote)."""
        pane, focused = self.timeline, QApplication.focusWidget()
        if pane is None or focused is None or not pane.isAncestorOf(focused):
            return None
        claim = pane.canvas.current_claim()
        return (claim.entity_id, claim.claim_index) if claim is not None else None

    def show_claim(self, entity_id: str, claim_index: int) -> None:
        """Open `entity_id`'s card (if it is not shown) and select claim `claim_index` on it."""
        if self.card.entity is None or self.card.entity.id != entity_id:
            self.go_to(entity_id)
        if self.card.entity is not None and self.card.entity.id == entity_id:
            self.card.scroll_to_claim(claim_index)

    # --- the relation graph (evcards.gui.graph_view) ---------------------------------------
    def _build_graph_dock(self) -> None:
        self.graph = LazyDock(
            self,
            "graph",
            self.tr("Relation Graph"),
            Qt.DockWidgetArea.RightDockWidgetArea,
            self.action_registry["graph_pane"],
            self._make_graph_pane,
            lambda pane: pane.follow(self.card.knowledge_base, self.card.entity.id if self.card.entity else None),
            accessible_name=self.tr("Relation graph"),
            min_width=300,
            focus=lambda pane: pane,
            raise_on_show=True,
        )
        self.graph_dock = self.graph.dock
        self.card.card_changed.connect(self.graph.follow)
        self.entity_pane.count_changed.connect(self._listed_to_graph)
        self.action_registry["pdf_with_graph"].toggled.connect(lambda on: setattr(self.pdf, "with_graph", on))

    def _add_graph_options(self) -> None:
        """File > Card PDF with Relation Graph, after the PDF exports."""
        file_menu = self.menuBar().findChild(QMenu, "menu_file")
        if isinstance(file_menu, QMenu):
            file_menu.insertAction(self.action_registry["print"], self.action_registry["pdf_with_graph"])

    def _make_graph_pane(self, dock: QDockWidget) -> GraphPane:
        from evcards.gui.graph_view import GraphPane

        pane = GraphPane(dock)
        pane.entity_activated.connect(self.go_to)
        pane.listed_source = lambda: [e.id for e in self.entity_pane.listed_entities()]
        return pane

    @property
    def graph_pane(self) -> GraphPane | None:
        return self.graph.pane

    def _listed_to_graph(self, *_counts: int) -> None:
        """The search changed what the list shows: an overview of the listed entities follows, once the search is done."""
        if self.graph_pane is not None and not self.graph_dock.isHidden() and self.entity_pane.search_done():
            self.graph_pane.listed_changed()

    # --- zoom -------------------------------------------------------------------------------
    def zoom_by(self, steps: int | None) -> None:
        zoom = 0 if steps is None else max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], self.settings.zoom + steps))
        self.settings.zoom = zoom
        self.card.set_zoom(zoom)
        if self.source_view is not None:
            self.source_view.set_zoom(zoom)

    def show_shortcuts(self) -> None:
        from evcards.gui.dialogs import ShortcutsDialog

        ShortcutsDialog(self.action_registry.shortcut_groups(), self).exec()

    def _build_color_scheme_menu(self, view_menu: QMenu) -> None:
        """View > Color Scheme: System, Light, Dark; remembered, applied at once. When
        EVCARDS_COLOR_SCHEME forces a scheme, the menu shows it and cannot change it."""
        from evcards.gui.palette import COLOR_SCHEME, apply_color_scheme, forced_scheme

        menu = view_menu.addMenu(self.tr("&Color Scheme"))
        menu.setObjectName("menu_color_scheme")
        view_menu.insertSeparator(menu.menuAction())
        forced = forced_scheme()
        for choice in ("system", "light", "dark"):
            action = self.action_registry[f"scheme_{choice}"]
            menu.addAction(action)
            action.setChecked(choice == (forced or self.settings.color_scheme))
            action.setEnabled(forced is None)
            if forced is not None:
                action.setStatusTip(fill(self.tr("Set by %1"), f"{COLOR_SCHEME}={forced}"))

            def choose(_checked: bool = False, choice: str = choice) -> None:
                self.settings.color_scheme = choice
                app = QApplication.instance()
                if isinstance(app, QApplication):
                    apply_color_scheme(app, choice)

            action.triggered.connect(choose)

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from evcards.gui.dialogs import about_text

        QMessageBox.about(self, self.tr("About evcards"), about_text())

    def _list_context_menu(self, position: QPoint) -> None:
        index = self.entity_pane.list_view.indexAt(position)
        if not index.isValid():
            return
        self.entity_pane.select_row(index.row())
        self.context_menu.popup(self.entity_pane.list_view.viewport().mapToGlobal(position))

    # --- drag and drop, closing -----------------------------------------------------------
    @staticmethod
    def _dropped_json(event: QDragEnterEvent | QDropEvent) -> Path | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        paths = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
        return paths[0] if len(paths) == 1 and paths[0].suffix.lower() == ".json" else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_json(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if path := self._dropped_json(event):
            event.acceptProposedAction()
            self.open_file(path)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.mouse_navigation.start_soon()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.loader.cancel_and_wait()
        if self.graph_pane is not None:
            self.graph_pane.wait()
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.splitter_state = self.splitter.saveState()
        # Saved here, not at each selection: QSettings writes its file after every change.
        self._remember_shown_entity()
        self.settings.sync()
        self.mouse_navigation.stop()
        super().closeEvent(event)
