"""Follow-ups: open ones first by due date. Overdue and due-today ones say so in words with a
warning sign (⚠); the colour only repeats it. Done ones are struck through as well.

The view loads them a page at a time (ui/common/record_table_model.py)."""

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont

from delegation_app.i18n import N_, _
from delegation_app.i18n.formatting import format_date
from delegation_app.services.views import FollowUpView
from delegation_app.ui.common.contrast import readable
from delegation_app.ui.common.record_table_model import Column, Loader, RecordTableModel

OVERDUE = QColor("#a00000")
COLUMNS = (
    Column(N_("Due"), short=True), Column(N_("Follow-up"), share=3), Column(N_("Owner"), share=1),
    Column(N_("State"), short=True), Column(N_("Visit"), share=2, spare=1),
)  # fmt: skip
DUE, TITLE, OWNER, STATE, VISIT = range(len(COLUMNS))


def is_due_today(f: FollowUpView, today: date) -> bool:
    return f.done_on is None and f.due_on == today


class FollowUpTableModel(RecordTableModel):
    columns = COLUMNS

    def __init__(self, parent=None, today: date | None = None) -> None:
        super().__init__(parent)
        self.today = today or date.today()

    def set_followups(self, rows: Sequence[FollowUpView], today: date | None = None) -> None:
        self.today = today or date.today()  # the day "overdue" is judged by
        self.set_rows(rows)

    def load(self, fetch: Loader | None, key: object = None, *, today: date | None = None) -> None:
        self.today = today or date.today()
        super().load(fetch, key)

    followup_at = RecordTableModel.record_at

    def state(self, f: FollowUpView) -> str:
        if f.done_on is not None:
            return _("done on {date}").format(date=format_date(f.done_on))
        if f.is_overdue(self.today):
            return "⚠ " + _("overdue")
        if is_due_today(f, self.today):
            return "⚠ " + _("due today")
        return _("open")

    def cell(self, f: FollowUpView, column: int, role: int):
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (format_date(f.due_on), f.title, f.owner_name or "", self.state(f), f.visit_title or "")
            if role == Qt.ItemDataRole.ToolTipRole and column == TITLE and f.notes:
                return f"{f.title}\n\n{f.notes}"
            return values[column]
        if role == Qt.ItemDataRole.ForegroundRole and f.is_overdue(self.today):
            return QBrush(readable(OVERDUE))
        if role == Qt.ItemDataRole.FontRole and f.done_on is not None:
            font = QFont()
            font.setStrikeOut(True)  # done: struck through as well as "done on …"
            return font
        return None
