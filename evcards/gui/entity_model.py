"""The entity list as a real Qt item model: rows are the filtered entities, in display order."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import IntEnum
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from evcards.card.basics import kind_label
from evcards.gui import counts
from evcards.translation import fill

if TYPE_CHECKING:
    from evcards.gui.reloading import ListedRow
    from evcards.kb.model import Entity

Index = QModelIndex | QPersistentModelIndex


class EntityRole(IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1
    KIND = Qt.ItemDataRole.UserRole + 2
    CLAIM_COUNT = Qt.ItemDataRole.UserRole + 3
    NATIVE_NAME = Qt.ItemDataRole.UserRole + 4
    ENTITY = Qt.ItemDataRole.UserRole + 5


class EntityListModel(QAbstractListModel):
    """Shows `entities[i]` for each i in the current rows; filtering is a reset with new rows."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entities: Sequence[Entity] | Sequence[ListedRow] = ()
        self._rows: list[int] | range = range(0)
        self._index_of_id: Mapping[str, int] = {}

    def set_entities(self, entities: Sequence[Entity], position_of_id: Mapping[str, int] | None = None) -> None:
        """`position_of_id`, when given, maps each entity's id to its index in `entities`."""
        self.beginResetModel()
        self._entities = entities
        self._index_of_id = position_of_id if position_of_id is not None else {entity.id: i for i, entity in enumerate(entities)}
        self._rows = range(len(entities))
        self.endResetModel()

    def hold(self, rows: Sequence[ListedRow]) -> None:
        """Show these in place of the entities, one for each, in the same order (a reload: see
        `evcards.gui.reloading`): the rows look the same, so nothing is reset or signalled."""
        assert len(rows) == len(self._entities)
        self._entities = rows

    def set_rows(self, rows: Sequence[int]) -> None:
        """Show only these entities (indices into the entity sequence), in this order."""
        self.beginResetModel()
        self._rows = rows if isinstance(rows, range) else list(rows)
        self.endResetModel()

    def append_rows(self, rows: Sequence[int]) -> None:
        """Add rows at the end (matches found later in a search): no reset, the selection stays."""
        if not rows:
            return
        if isinstance(self._rows, range):
            self._rows = list(self._rows)
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def entity_at(self, row: int) -> Entity | ListedRow:
        return self._entities[self._rows[row]]

    def row_of(self, entity_id: str) -> int | None:
        index = self._index_of_id.get(entity_id)
        if index is None:
            return None
        try:
            return self._rows.index(index)
        except ValueError:
            return None

    def total(self) -> int:
        return len(self._entities)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entity = self._entities[self._rows[index.row()]]
        if role == Qt.ItemDataRole.DisplayRole:
            return entity.name
        if role == Qt.ItemDataRole.ToolTipRole:
            native = f" ({' · '.join(entity.native_names)})" if entity.native_names else ""
            # Tooltips that look like markup are shown as rich text: escape what the data says.
            tip = fill(
                QCoreApplication.translate("EntityList", "%1: %2, %3"),
                escape(entity.name + native),
                escape(kind_label(entity.kind)),
                counts.claims(len(entity.claims)),
            )
            return f'<p style="white-space:pre-wrap">{tip}</p>'
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return fill(
                QCoreApplication.translate("EntityList", "%1, %2, %3"),
                entity.name,
                kind_label(entity.kind),
                counts.claims(len(entity.claims)),
            )
        if role == EntityRole.ID:
            return entity.id
        if role == EntityRole.KIND:
            return entity.kind
        if role == EntityRole.CLAIM_COUNT:
            return len(entity.claims)
        if role == EntityRole.NATIVE_NAME:
            return " · ".join(entity.native_names)  # native_name, or names in other scripts
        if role == EntityRole.ENTITY:
            return entity
        return None
