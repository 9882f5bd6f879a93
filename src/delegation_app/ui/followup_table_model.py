"""Follow-ups: open ones first by due date; overdue ones say so in words, not colour alone."""

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from delegation_app.i18n import N_, _
from delegation_app.i18n.formatting import format_date
from delegation_app.services.views import FollowUpView
from delegation_app.ui.rows_model import RowsModel

OVERDUE = QColor("#a00000")


class FollowUpTableModel(RowsModel):
    COLUMNS = (N_("Due"), N_("Follow-up"), N_("Owner"), N_("State"))

    def __init__(self, parent=None, today: date | None = None) -> None:
        super().__init__(parent)
        self.today = today or date.today()

    def set_followups(self, rows: Sequence[FollowUpView], today: date | None = None) -> None:
        self.today = today or date.today()
        self.set_rows(rows)

    followup_at = RowsModel.row_at

    def state(self, f: FollowUpView) -> str:
        if f.done_on is not None:
            return _("done on {date}").format(date=format_date(f.done_on))
        if f.is_overdue(self.today):
            return "⚠ " + _("overdue")
        return _("open")

    def cell(self, f: FollowUpView, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return (format_date(f.due_on), f.title, f.owner_name or "", self.state(f))[column]
        if role == Qt.ItemDataRole.ForegroundRole and f.is_overdue(self.today):
            return QBrush(OVERDUE)
        return None
