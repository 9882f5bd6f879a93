"""A RowsModel that reads its rows a page at a time from the database.

``load(fetch, key)`` reads the first page; loading the same ``key`` again (a refresh of the same
filters after a change) reads as many rows as were loaded before, so the user keeps their place.
Qt's views call ``fetchMore`` as the user scrolls towards the end.
Building every row of a scale database at start took seconds (30,000 open follow-ups: 1.4 s);
a page stays well under 50 ms on the GUI thread.
"""

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex

from delegation_app.ui.common.rows_model import Index, RowsModel

PAGE = 200  # several screenfuls
Fetch = Callable[[int, int], Sequence[Any]]  # (limit, offset) -> rows in list order


class PagedRowsModel(RowsModel):
    page = PAGE

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._fetch: Fetch | None = None
        self._key: object = None
        self._more = False

    def load(self, fetch: Fetch | None, key: object = None) -> None:
        """The first page from ``fetch``, or as many rows as before when ``key`` (what the rows
        are: search text, filters) is the one loaded last; None: no rows."""
        same = key == self._key and self._fetch is not None
        self._fetch, self._key = fetch, key
        rows: Sequence[Any] = []
        if fetch is not None:
            wanted = max(self.page, len(self._rows)) if same else self.page
            rows = fetch(wanted, 0)
            self._more = len(rows) >= wanted
        else:
            self._more = False
        self.set_rows(rows)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt API
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt API
        if parent.isValid() or not self._more or self._fetch is None:
            return
        rows = list(self._fetch(self.page, len(self._rows)))
        self._more = len(rows) >= self.page
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
