"""Contact log entries of one visit, newest first."""

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from delegation_app.i18n import N_, _
from delegation_app.i18n.formatting import format_datetime
from delegation_app.i18n.labels import label
from delegation_app.services.views import ContactEntryView

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (N_("When"), N_("Channel"), N_("People"), N_("Summary"))


class ContactTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ContactEntryView] = []

    def set_entries(self, entries: Sequence[ContactEntryView]) -> None:
        self.beginResetModel()
        self._rows = list(entries)
        self.endResetModel()

    def entry_at(self, row: int) -> ContactEntryView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(COLUMNS):
            return _(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        entry = self.entry_at(index.row()) if index.isValid() else None
        if entry is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        values = (
            format_datetime(entry.occurred_at),
            label(entry.channel),
            ", ".join(entry.person_names),
            entry.summary if role == Qt.ItemDataRole.ToolTipRole else entry.summary.splitlines()[0],
        )
        return values[index.column()] if 0 <= index.column() < len(values) else None
