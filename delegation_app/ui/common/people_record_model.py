"""A read-only table of read models, loaded a page at a time; shared by the people and
organisation lists (named ``people_*`` after the files this feature owns).

The rows come from a loader ``(offset, limit) -> rows`` that asks the service (which filters and
sorts in SQL); the model never sorts or filters itself. ``reload()`` resets the model; scrolling
to the end fetches the next page through Qt's canFetchMore/fetchMore.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from delegation_app.i18n import _

Index = QModelIndex | QPersistentModelIndex
Loader = Callable[[int, int], Sequence[Any]]
# Enough rows for a tall window and some scrolling; a page of people as read models costs
# ~0.06 ms a row (ORM objects), so 200 rows took 12 ms of every sort, search and fetchMore.
PAGE_SIZE = 100


@dataclass(frozen=True)
class Column:
    title: str  # marked with N_(), translated when shown
    sort: str  # the service's order_by name
    text: Callable[[Any], str]


class RecordTableModel(QAbstractTableModel):
    columns: tuple[Column, ...] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._loader: Loader | None = None
        self._more = False

    # --- loading -------------------------------------------------------------------------------
    def set_loader(self, loader: Loader | None) -> None:
        self._loader = loader

    def reload(self) -> None:
        """Replace all rows with the first page the loader gives."""
        rows = list(self._loader(0, PAGE_SIZE + 1)) if self._loader else []
        self.set_rows(rows[:PAGE_SIZE], more=len(rows) > PAGE_SIZE)

    def set_rows(self, rows: Sequence[Any], *, more: bool = False) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._more = more
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt API
        return not parent.isValid() and self._more and self._loader is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt API
        if not self.canFetchMore(parent):
            return
        rows = list(self._loader(len(self._rows), PAGE_SIZE + 1))
        self._more = len(rows) > PAGE_SIZE
        rows = rows[:PAGE_SIZE]
        if rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    # --- lookups ---------------------------------------------------------------------------------
    def record_at(self, row: int) -> Any | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, record_id: int | None) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == record_id), -1)

    def sort_field(self, column: int) -> str:
        return self.columns[column].sort if 0 <= column < len(self.columns) else "name"

    # --- Qt model API ----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self.columns):
            return _(self.columns[section].title)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self.columns):
            return None
        record = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.columns[index.column()].text(record)
        if role == Qt.ItemDataRole.UserRole:
            return record.id
        return None
