"""The visits list: one row per VisitView, data replaced wholesale on refresh."""

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from delegation_app.domain.enums import VisitStatus
from delegation_app.i18n import N_, _
from delegation_app.i18n.formatting import format_date_range
from delegation_app.i18n.labels import label
from delegation_app.services.views import VisitView

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (N_("Date"), N_("Title"), N_("Host"), N_("Guest"), N_("Place"), N_("Status"))
# The status text is always shown too: colour is never the only signal.
STATUS_MARK = {
    VisitStatus.IDEA: "○",
    VisitStatus.PLANNED: "◔",
    VisitStatus.CONFIRMED: "●",
    VisitStatus.DONE: "✓",
    VisitStatus.CANCELLED: "✕",
}


class VisitTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[VisitView] = []

    def set_visits(self, visits: Sequence[VisitView]) -> None:
        self.beginResetModel()
        self._rows = list(visits)
        self.endResetModel()

    def visit_at(self, row: int) -> VisitView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, visit_id: int) -> int:
        return next((i for i, v in enumerate(self._rows) if v.id == visit_id), -1)

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
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        visit = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (
                format_date_range(visit.starts_at, visit.ends_at),
                visit.title,
                visit.host_organisation_name or "",
                visit.guest_organisation_name or "",
                visit.place or "",
                f"{STATUS_MARK[visit.status]} {label(visit.status)}",
            )
            return values[column] if 0 <= column < len(values) else None
        if role == Qt.ItemDataRole.UserRole:
            return visit.id
        return None
