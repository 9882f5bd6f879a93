"""Follow-ups: open ones first by due date; overdue ones say so in words, not colour alone."""

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from delegation_app.i18n import N_, _
from delegation_app.i18n.formatting import format_date
from delegation_app.services.views import FollowUpView

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (N_("Due"), N_("Follow-up"), N_("Owner"), N_("State"))
OVERDUE = QColor("#a00000")


class FollowUpTableModel(QAbstractTableModel):
    def __init__(self, parent=None, today: date | None = None) -> None:
        super().__init__(parent)
        self._rows: list[FollowUpView] = []
        self.today = today or date.today()

    def set_followups(self, rows: Sequence[FollowUpView], today: date | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.today = today or date.today()
        self.endResetModel()

    def followup_at(self, row: int) -> FollowUpView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(COLUMNS):
            return _(COLUMNS[section])
        return None

    def state(self, f: FollowUpView) -> str:
        if f.done_on is not None:
            return _("done on {date}").format(date=format_date(f.done_on))
        if f.is_overdue(self.today):
            return "⚠ " + _("overdue")
        return _("open")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        f = self.followup_at(index.row()) if index.isValid() else None
        if f is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            values = (format_date(f.due_on), f.title, f.owner_name or "", self.state(f))
            return values[index.column()] if 0 <= index.column() < len(values) else None
        if role == Qt.ItemDataRole.ForegroundRole and f.is_overdue(self.today):
            return QBrush(OVERDUE)
        return None
