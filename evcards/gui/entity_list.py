"""The left pane: a filter field above the entity list, with a message when nothing matches."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, cast

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QSignalBlocker,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from evcards.card.basics import kind_label
from evcards.gui import counts
from evcards.gui.entity_model import EntityListModel, EntityRole
from evcards.translation import fill

if TYPE_CHECKING:  # classes the rows are drawn with: loaded with the first row, not at start-up
    from PySide6.QtGui import QFocusEvent, QKeyEvent, QPainter, QStaticText
    from PySide6.QtWidgets import QStyleOptionViewItem

    from evcards.gui.query_help import QueryHelp
    from evcards.gui.reloading import ListedRow
    from evcards.gui.settings import Settings
    from evcards.kb.loaded import LoadedKnowledgeBase
    from evcards.kb.model import Entity
    from evcards.search.entity_filter import EntityFilter, FilterSearch
    from evcards.search.query import Query
    from evcards.search.query_eval import QueryIndex

FIRST_SLICE = 2_000  # entities whose claims are scanned before a key press returns
SEARCH_SLICE = 8_000  # then per turn of the event loop
TEXT_CACHE_ROWS = 1_000  # rows whose laid-out text the delegate keeps


class _RowFonts(NamedTuple):
    """The fonts a row is drawn with, for one view font."""

    font: QFont
    name: QFont  # the name line: the view font, demibold
    name_metrics: QFontMetrics
    line_height: int


class EntityDelegate(QStyledItemDelegate):
    """Two lines per row: name and native name; kind and number of claims, muted."""

    PADDING = 6

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(200, self.row_height(option.font))

    def row_height(self, font: QFont) -> int:
        """Two lines of `font` and the padding: every row is this high."""
        return 2 * QFontMetrics(font).height() + 2 * self.PADDING + 2

    def __init__(self, model: EntityListModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._fonts: _RowFonts | None = None
        # By entity id and width, in `_fonts`; `forget_texts` empties it whenever the entities
        # or the font change, so a reloaded file never shows a renamed entity's old name.
        self._texts: dict[tuple[str, int], tuple[QStaticText, QStaticText]] = {}

    def _fonts_for(self, font: QFont) -> _RowFonts:
        """The row fonts for the view's font, made again only when that font changes (compared
        as fonts: `QFont.key()`, which costs as much as drawing a line, ignores fallbacks)."""
        fonts = self._fonts
        if fonts is None or fonts.font != font:
            name_font = QFont(font)
            name_font.setWeight(QFont.Weight.DemiBold)
            fonts = self._fonts = _RowFonts(QFont(font), name_font, QFontMetrics(name_font), QFontMetrics(font).height())
            self._texts.clear()
        return fonts

    def forget_texts(self) -> None:
        self._texts.clear()

    def _texts_for(self, entity: Entity | ListedRow, fonts: _RowFonts, width: int) -> tuple[QStaticText, QStaticText]:
        """A row's two lines, elided and laid out once: a jump through the list repaints every
        visible row, and laying out their text again each time was most of the cost."""
        key = (entity.id, width)
        cached = self._texts.get(key)
        if cached is not None:
            return cached
        if len(self._texts) >= TEXT_CACHE_ROWS:
            self._texts.clear()
        native = entity.native_names
        title = f"{entity.name}  {' · '.join(native)}" if native else entity.name
        name = _static_text(fonts.name_metrics.elidedText(title, Qt.TextElideMode.ElideRight, width), fonts.name)
        detail = _static_text(
            fill(QCoreApplication.translate("EntityList", "%1 · %2"), kind_label(entity.kind), counts.claims(len(entity.claims))),
            fonts.font,
        )
        self._texts[key] = (name, detail)
        return name, detail

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        # The style draws background, selection and focus; the text is drawn here. No
        # initStyleOption: it would ask the model for a dozen roles this delegate does not use.
        entity = self._model.entity_at(index.row())  # not index.data(): no trip through C++ per row
        style = option.widget.style() if option.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active if option.state & QStyle.StateFlag.State_Active else QPalette.ColorGroup.Inactive
        text_color = option.palette.color(group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = text_color if selected else option.palette.color(group, QPalette.ColorRole.PlaceholderText)
        rect = option.rect.adjusted(self.PADDING + 2, self.PADDING, -self.PADDING, -self.PADDING)
        fonts = self._fonts_for(option.font)
        line = fonts.line_height
        name, detail = self._texts_for(entity, fonts, rect.width())
        painter.save()
        painter.setFont(fonts.name)  # the fonts the texts were prepared with, or they are laid out again
        painter.setPen(text_color)
        painter.drawStaticText(QPointF(rect.left(), rect.top() + (line - name.size().height()) / 2), name)
        painter.setFont(fonts.font)
        painter.setPen(muted)
        painter.drawStaticText(QPointF(rect.left(), rect.top() + line + 2 + (line - detail.size().height()) / 2), detail)
        painter.restore()


def _static_text(text: str, font: QFont) -> QStaticText:
    from PySide6.QtGui import QStaticText, QTransform

    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)
    static.prepare(QTransform(), font)
    return static


class EntityListView(QTableView):
    """A one-column table dressed as a list.

    QListView lays out every row again after each model reset, even with uniform item sizes:
    hundreds of milliseconds per key press at 100,000 entities. A table with fixed row heights
    does not look at the rows it does not show.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.horizontalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.setCornerButtonEnabled(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.arriving = False  # in a focus-in: a row Qt makes current then is no one's pick

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Focus alone picks nothing: with no current row, Qt would make the first one current
        (and the card would follow it) when the reader merely tabs into the list."""
        had_current = self.currentIndex().isValid()
        self.arriving = True
        try:
            super().focusInEvent(event)
        finally:
            self.arriving = False
        if not had_current and self.currentIndex().isValid():
            self.selectionModel().clearCurrentIndex()

    def setItemDelegate(self, delegate: EntityDelegate) -> None:  # type: ignore[override]
        super().setItemDelegate(delegate)
        self.verticalHeader().setDefaultSectionSize(delegate.row_height(self.font()))

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        """Home and End go to the first and last entity, as in a list (a table would stay in the row)."""
        rows = self.model().rowCount() if self.model() else 0
        if rows and action == QAbstractItemView.CursorAction.MoveHome:
            return self.model().index(0, 0)
        if rows and action == QAbstractItemView.CursorAction.MoveEnd:
            return self.model().index(rows - 1, 0)
        return super().moveCursor(action, modifiers)


class EntityListPane(QWidget):
    """The filter and the list. Emits `entity_selected` when the reader picks an entity.

    The list keeps the reader's place: typing a query never picks an entity. The entity last
    picked (the one on the card) stays the current row while the query matches it; when it
    does not, no row is current until the reader moves in the list (arrow keys, a click).
    Enter in the filter picks the first match. Esc clears the query and brings the reader's
    entity back into view.

    The field takes the search language (`evcards.search.query`): a query that does not parse
    leaves the list as it was and says why under the field. Up in the field recalls earlier
    queries when the field is empty or already shows one recalled (then Down goes forward
    again, past the newest back to an empty field); otherwise Up and Down move into the list
    as they always did. A query enters the history when the reader presses Enter or moves
    from the field into the list."""

    entity_selected = Signal(str)  # the id of the entity the reader picked
    activated = Signal()  # Enter or Tab on the list: the reader wants the card
    count_changed = Signal(int, int)

    def __init__(self, parent: QWidget | None = None, settings: Settings | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.filter_field = QLineEdit(self)
        self.filter_field.setObjectName("filter")
        self.filter_field.setAccessibleName(self.tr("Filter entities"))
        # Short enough to show whole in the field at the window's first size; the hint in full as its tooltip.
        self.filter_field.setPlaceholderText(self.tr("Filter by name, kind or claim…"))
        self.filter_field.setToolTip(self.tr("Filter by name, alias, kind or claim… (Shift+F1: kind:, has:, OR…)"))
        self.help_button = QToolButton(self)
        self.help_button.setObjectName("query_help_button")
        self.help_button.setText("?")
        self.help_button.setToolTip(self.tr("Search syntax (Shift+F1 in the filter)"))
        self.help_button.setAccessibleName(self.tr("Search syntax"))
        self.help_button.clicked.connect(self.show_query_help)
        self._help: QueryHelp | None = None
        self.query_error = QLabel(self)
        self.query_error.setObjectName("query_error")
        self.query_error.setAccessibleName(self.tr("Query error"))
        self.query_error.setTextFormat(Qt.TextFormat.PlainText)
        self.query_error.setWordWrap(True)
        self.query_error.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.query_error.hide()
        self.filter_field.setClearButtonEnabled(True)
        self.model = EntityListModel(self)
        self.list_view = EntityListView(self)
        self.list_view.setObjectName("entity_list")
        self.list_view.setAccessibleName(self.tr("Entities"))
        self.list_view.setModel(self.model)
        self._delegate = EntityDelegate(self.model, self.list_view)
        self.list_view.setItemDelegate(self._delegate)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("no_match")
        self.empty_label.setAccessibleName(self.tr("No matching entity"))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setWordWrap(True)
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self.list_view)
        self._stack.addWidget(self.empty_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        field_row = QHBoxLayout()
        field_row.setContentsMargins(0, 0, 0, 0)
        field_row.addWidget(self.filter_field, 1)
        field_row.addWidget(self.help_button)
        layout.addLayout(field_row)
        layout.addWidget(self.query_error)
        layout.addWidget(self._stack, 1)
        # The search's modules are imported when a file is shown or a query typed, not at start-up.
        self._filter: EntityFilter | None = None
        self._index: QueryIndex | None = None
        self._parsed: Query | None = None  # the query the list shows (not one that failed to parse)
        self._history_at: int | None = None  # in history navigation: the index of the query shown
        self._search: FilterSearch | None = None  # None: no query applied yet
        self._query = ""
        self._search_timer = QTimer(self)
        self._search_timer.setInterval(0)
        self._search_timer.timeout.connect(self._continue_search)
        self._selected_id: str | None = None  # the reader's place: the entity last picked
        self._held = False  # the rows are `ListedRow`s while the window reloads (`hold_rows`)
        self._quiet = False  # selecting the reader's place again, not a pick
        self.filter_field.textChanged.connect(self.apply_filter)
        self.filter_field.returnPressed.connect(self._enter_in_filter)
        self.filter_field.installEventFilter(self)
        self.list_view.installEventFilter(self)
        self.list_view.selectionModel().currentChanged.connect(self._current_changed)
        self.list_view.activated.connect(lambda _index: self.activated.emit())

    def set_entities(
        self,
        entities: list[Entity],
        entity_filter: EntityFilter | None = None,
        *,
        keep_query: bool = True,
        knowledge_base: LoadedKnowledgeBase | None = None,
    ) -> None:
        """Show new entities. With `keep_query` (a reload) the query stays and so does the reader's
        entity, current again if listed (not picked: nothing is emitted); without it the filter
        is emptied and picking an entity is up to the caller.

        `entity_filter`, when given, was built for these entities (by the loading thread);
        `knowledge_base`, their file, gives has:approximate and has:notfound their quote statuses."""
        from evcards.search.entity_filter import EntityFilter
        from evcards.search.query_eval import QueryIndex

        self._held = False
        self._filter = entity_filter if entity_filter is not None else EntityFilter(entities)
        self._index = QueryIndex(self._filter, knowledge_base)
        self._parsed = None
        self._delegate.forget_texts()  # a renamed entity must not keep its old row text
        self.model.set_entities(self._filter.entities, self._filter.position_of_id)
        if not keep_query:
            self._selected_id = None  # another file: no place in it yet
            with QSignalBlocker(self.filter_field):  # one search, for the new entities
                self.filter_field.clear()
        self.apply_filter(self.filter_field.text())

    def hold_rows(self) -> None:
        """Let go of the entities, the filter and the search fields, and keep the rows as they show
        (see `evcards.gui.reloading`) until `set_entities` brings the new version. Meanwhile a
        typed query waits for it, an empty one lists every row at once, and picking a row still
        emits `entity_selected`."""
        from evcards.gui.reloading import listed_rows
        from evcards.search.entity_filter import FilterSearch

        self._search_timer.stop()
        self.model.hold(listed_rows(self._filters()[0].entities))
        self._search = FilterSearch.finished(list(self._search.rows) if self._search is not None else [])
        self._filter = self._index = None  # empty ones, made when asked for (`_filters`)
        self._held = True

    def query(self) -> str:
        """The query as the filter uses it (stripped); "" when every entity is listed."""
        return self._query

    def apply_filter(self, query: str) -> None:
        """Show the matches as the reader types, keeping the reader's place (see the class).

        Name matches show at once; matches in kind and claims are added in slices between
        events (`_continue_search`)."""
        if self._history_at is not None and query != self._history_query():
            self._history_at = None  # typing ends history navigation
        from evcards.search.entity_filter import FilterSearch
        from evcards.search.query import QueryError, parse

        parsed = parse(query)
        if isinstance(parsed, QueryError):  # the list stays as it was
            self.query_error.setText(str(parsed))
            self.query_error.show()
            return
        self.query_error.hide()
        if self._held and query.strip():
            return  # for the version being read: `set_entities` applies the field's text
        self._search_timer.stop()
        self._parsed = parsed
        entity_filter, index = self._filters()
        if self._held:
            self._search = FilterSearch.all_of(self.model.total())
        elif parsed.plain or parsed.node is None:
            self._search = entity_filter.search(query)
            self._search.step(FIRST_SLICE)
        else:
            self._search = FilterSearch.finished(list(index.rows(parsed)))
        self._query = query.strip()
        self.model.set_rows(self._search.rows)
        self._keep_place()
        self._show_progress()
        if not self._search.done:
            self._search_timer.start()

    def highlight_terms(self) -> list[str]:
        """What the card marks for the query: the whole plain query, as the filter matches it, or
        a field query's words, phrases and name:/alias:/claim:/quote: values (not excluded ones)."""
        parsed = self._parsed
        if parsed is None or parsed.node is None:
            return []
        from evcards.search.query import positive_text_terms

        return [self._query] if parsed.plain else positive_text_terms(parsed.node)

    def show_query_help(self) -> None:
        if self._help is None:
            from evcards.gui.query_help import QueryHelp

            self._help = QueryHelp(self)
        self._help.show_under(self.filter_field)

    def query_history(self) -> list[str]:
        return self._settings.query_history if self._settings is not None else []

    def _remember_query(self) -> None:
        query = self.filter_field.text().strip()
        if query and self._settings is not None and self.query_error.isHidden():
            self._settings.add_query(query)

    def _history_query(self) -> str:
        history = self.query_history()
        return history[self._history_at] if self._history_at is not None and self._history_at < len(history) else ""

    def _walk_history(self, step: int) -> bool:
        """Up (+1: older) or Down (-1: newer) through the history; False when not navigating it."""
        history = self.query_history()
        if self._history_at is None:
            if step < 0 or self.filter_field.text() or not history:
                return False
            at = 0
        else:
            at = self._history_at + step
            if at >= len(history):
                return True  # the oldest stays
        if at < 0:
            self._history_at = None
            self.filter_field.clear()
            return True
        self._history_at = at
        self.filter_field.setText(history[at])
        return True

    def _keep_place(self) -> None:
        """Make the reader's entity the current row again if it is listed, without picking it."""
        if self._selected_id is None or (row := self.model.row_of(self._selected_id)) is None:
            return
        self._quiet = True
        try:
            self.select_row(row, centre=True)
        finally:
            self._quiet = False

    def _filters(self) -> tuple[EntityFilter, QueryIndex]:
        """The filter and the search language's index: empty ones until a file is shown."""
        if self._filter is None or self._index is None:
            from evcards.search.entity_filter import EntityFilter
            from evcards.search.query_eval import QueryIndex

            self._filter = EntityFilter([])
            self._index = QueryIndex(self._filter)
        return self._filter, self._index

    def _continue_search(self, budget: int = SEARCH_SLICE) -> None:
        if self._search is None:
            return
        added = self._search.step(budget)
        self.model.append_rows(added)
        place = self._filters()[0].position_of_id.get(self._selected_id) if self._selected_id is not None else None
        if place is not None and place in added and not self.list_view.currentIndex().isValid():
            self._keep_place()  # the reader's entity matched in its claims, found now
        if self._search.done:
            self._search_timer.stop()
        self._show_progress()

    def _enter_in_filter(self) -> None:
        """Enter picks the best match, the first row (a search box's Enter), even when the
        reader's entity, still matching, is the current row; then the reader wants the card."""
        self._remember_query()
        if self.model.rowCount() and (self._query or not self.list_view.currentIndex().isValid()):
            current = self.current_entity_id()
            if current is not None and self.list_view.currentIndex().row() == 0:  # the reader's entity is the best match
                self.entity_selected.emit(current)  # picked all the same: its card scrolls to what matched
            else:
                self.select_row(0)
        self.activated.emit()

    def _show_progress(self) -> None:
        rows = self.model.rowCount()
        empty = self.search_done() and not rows
        self._stack.setCurrentWidget(self.empty_label if empty else self.list_view)
        if empty:
            self.empty_label.setText(
                fill(self.tr("No entity matches “%1”."), self._query) if self._query else self.tr("This knowledge base has no entities.")
            )
        self.count_changed.emit(rows, self.model.total())

    def search_done(self) -> bool:
        return self._search is None or self._search.done

    def listed_entities(self) -> list[Entity]:
        """Every entity the filter lets through, in list order, including matches that a
        search still running in slices has not added to the list yet."""
        if self._held:
            return []  # the entities come with the new version
        if not self.search_done():
            self._search_timer.stop()
            self._continue_search(len(self._filters()[0]))  # the rest in one go
        return [cast("Entity", self.model.entity_at(row)) for row in range(self.model.rowCount())]

    def is_listed(self, entity_id: str) -> bool:
        """Whether the filter lets `entity_id` through (a search running in slices may add it later)."""
        return self.current_entity_id() == entity_id or self.model.row_of(entity_id) is not None

    def select_row(self, row: int, *, centre: bool = False) -> None:
        index = self.model.index(row, 0)
        self.list_view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        hint = QAbstractItemView.ScrollHint
        self.list_view.scrollTo(index, hint.PositionAtCenter if centre else hint.EnsureVisible)

    def select_entity(self, entity_id: str) -> bool:
        """Select `entity_id`; clears the filter first if the filter hides it."""
        row = self.model.row_of(entity_id)
        if row is None and self.filter_field.text():
            self.filter_field.clear()
            row = self.model.row_of(entity_id)
        if row is None:
            return False
        if self.current_entity_id() != entity_id:
            self.select_row(row)
        return True

    def current_entity_id(self) -> str | None:
        index = self.list_view.currentIndex()
        return index.data(EntityRole.ID) if index.isValid() else None

    def focus_filter(self) -> None:
        self.filter_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_field.selectAll()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._quiet and not self.list_view.arriving:
            self._selected_id = current.data(EntityRole.ID)
            self.entity_selected.emit(self._selected_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and watched is self.filter_field:
            shift_f1 = event.key() == Qt.Key.Key_F1 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier  # type: ignore[attr-defined]
            if shift_f1:  # Shift+F1 in the field: the syntax (F1 stays the window's shortcut list)
                event.accept()
                return True
            return False
        if event.type() != QEvent.Type.KeyPress:
            return False
        key_event: QKeyEvent = event  # type: ignore[assignment]
        key = key_event.key()
        keys, reason = Qt.Key, Qt.FocusReason
        if key == keys.Key_Escape and (watched is self.filter_field or self.filter_field.text()):
            self.filter_field.clear()  # the reader's entity becomes current again (`_keep_place`)
            self.list_view.setFocus(reason.OtherFocusReason)
            return True
        if watched is self.filter_field and key == keys.Key_F1 and key_event.modifiers() == Qt.KeyboardModifier.ShiftModifier:
            self.show_query_help()
            return True
        arrow = watched is self.filter_field and key in (keys.Key_Up, keys.Key_Down) and not key_event.modifiers()
        if arrow and self._walk_history(1 if key == keys.Key_Up else -1):
            return True
        moves_into_list = (keys.Key_Up, keys.Key_Down, keys.Key_PageUp, keys.Key_PageDown)
        if watched is self.filter_field and key in moves_into_list and self.model.rowCount():
            self._remember_query()
            self._history_at = None
            self.list_view.setFocus(reason.OtherFocusReason)
            EntityListView.keyPressEvent(self.list_view, key_event)
            return True
        if watched is self.list_view and key in (keys.Key_Return, keys.Key_Enter, keys.Key_Tab):
            self.activated.emit()
            return True
        return False
