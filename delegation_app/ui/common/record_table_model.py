"""The one base of every list in the GUI: a table of read models keyed by their id.

A list declares its columns once (title, the service's sort name, the cell's text). Its rows come
either all at once (``set_rows``: a visit's agenda, its quotes) or a page at a time from a loader
called as ``loader(offset=…, limit=…)``, which asks a service; the service filters and sorts in SQL
and the model never does (a QSortFilterProxyModel took 19 s to sort 100,000 rows). Qt's views call
``fetchMore`` as the user scrolls towards the end: building every row of a scale database at once
took seconds (30,000 open follow-ups: 1.4 s), a page stays well under 50 ms on the GUI thread.

Refreshing with the same records in the same order updates the cells in place, so the selection and
an open cell editor stay; any other change resets the model, and ``row_of(id)`` finds the record
the user had selected again.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from delegation_app.i18n import _

Index = QModelIndex | QPersistentModelIndex
PAGE = 200  # several screenfuls
_NOTHING_LOADED = object()  # equal to no key a caller passes


class Loader(Protocol):
    def __call__(self, *, offset: int, limit: int) -> Sequence[Any]:
        """Up to ``limit`` rows from position ``offset`` of the list, in list order."""
        ...


@dataclass(frozen=True)
class Column:
    title: str  # marked with N_(), translated when shown
    sort: str = ""  # the service's order_by name, for lists sorted by a click on the header
    text: Callable[[Any], str] | None = None  # None: the model's cell() says what the cell shows
    # How the column takes room (ui/common/column_fit.py, every list's view): a short one (a date,
    # a time, a state) fits its content once per load; text columns share the room left by
    # ``share``; a ``spare`` one (higher: first) is hidden while the list is too narrow to read the
    # others, whose text an editor or page beside the list shows anyway.
    short: bool = False
    share: int = 1
    spare: int = 0


class RecordTableModel(QAbstractTableModel):
    columns: tuple[Column, ...] = ()
    page = PAGE

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._rows_by_id: dict[Any, int] = {}
        self._loader: Loader | None = None
        self._key: object = _NOTHING_LOADED
        self._more = False

    # --- rows all at once -----------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any]) -> None:
        """These rows are all there is: no page follows."""
        self._loader, self._key = None, _NOTHING_LOADED
        self._show(rows, more=False)

    # --- rows a page at a time ------------------------------------------------------------------
    def load(self, loader: Loader | None, key: object = None) -> None:
        """The first page from ``loader``, or as many rows as before when ``key`` (what the rows
        are: search text, filters) is the one loaded last, so the user keeps their place after a
        change; None: no rows."""
        keep_place = loader is not None and self._loader is not None and key == self._key
        self._loader, self._key = loader, key
        self._read_first(max(self.page, len(self._rows)) if keep_place else self.page)

    def set_loader(self, loader: Loader | None) -> None:
        """The loader ``reload()`` reads from (search and order are the loader's business)."""
        self._loader, self._key = loader, _NOTHING_LOADED

    def reload(self) -> None:
        """The first page again: a new order or search starts at the top."""
        self._read_first(self.page)

    def _read_first(self, wanted: int) -> None:
        loader = self._loader
        rows = list(loader(offset=0, limit=wanted)) if loader is not None else []
        self._show(rows, more=loader is not None and len(rows) >= wanted)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt API
        return not parent.isValid() and self._more and self._loader is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt API
        loader = self._loader
        if loader is None or not self.canFetchMore(parent):
            return
        rows = list(loader(offset=len(self._rows), limit=self.page))
        self._more = len(rows) >= self.page
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self._rows_by_id.update((r.id, first + i) for i, r in enumerate(rows))
            self.endInsertRows()

    def _show(self, rows: Sequence[Any], *, more: bool) -> None:
        rows = list(rows)
        self._more = more
        if [r.id for r in rows] != [r.id for r in self._rows]:
            self.beginResetModel()
            self._rows = rows
            self._rows_by_id = {r.id: i for i, r in enumerate(rows)}
            self.endResetModel()
            return
        self._rows = rows
        if rows and self.columns:
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.columns) - 1))

    # --- lookups --------------------------------------------------------------------------------
    def record_at(self, row: int) -> Any | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def id_at(self, row: int) -> Any | None:
        record = self.record_at(row)
        return record.id if record is not None else None

    def row_of(self, record_id: Any | None) -> int:
        """Where the record is now (-1: not loaded), whatever reload happened since it was chosen."""
        return self._rows_by_id.get(record_id, -1) if record_id is not None else -1

    def sort_field(self, column: int) -> str:
        sort = self.columns[column].sort if 0 <= column < len(self.columns) else ""
        return sort or "name"

    # --- Qt model API ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self.columns):
            return _(self.columns[section].title)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        record = self.record_at(index.row()) if index.isValid() else None
        if record is None or not 0 <= index.column() < len(self.columns):
            return None
        if role == Qt.ItemDataRole.UserRole:
            return record.id
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.full_text(record, index.column())
        return self.cell(record, index.column(), role)

    def full_text(self, record: Any, column: int) -> str | None:
        """The whole text of a cell that shows it cut (a quote's start with "…", the first line of
        a summary): what a screen reader reads for the cell. None: the cell's text is whole (Qt
        then reads the shown text)."""
        return None

    def cell(self, record: Any, column: int, role: int) -> Any:
        """What one cell shows for ``role``; None for roles the list does not use."""
        text = self.columns[column].text
        if text is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return text(record)
