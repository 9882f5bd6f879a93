"""The visits list: date, title, host, guest, place, status; read a page at a time (10,000 visits)."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from delegation_app.domain.enums import VisitStatus
from delegation_app.i18n import N_
from delegation_app.i18n.formatting import format_date_range
from delegation_app.i18n.labels import label
from delegation_app.services.views import VisitView
from delegation_app.ui.common.contrast import readable
from delegation_app.ui.common.record_table_model import Column, RecordTableModel

# The status text is always shown too: colour is never the only signal.
STATUS_MARK = {
    VisitStatus.IDEA: "○",
    VisitStatus.PLANNED: "◔",
    VisitStatus.CONFIRMED: "●",
    VisitStatus.DONE: "✓",
    VisitStatus.CANCELLED: "✕",
}


# Status colours for the status cell; the mark and the word carry the same information.
STATUS_COLOUR = {
    VisitStatus.IDEA: QColor("#6b6b6b"),
    VisitStatus.PLANNED: QColor("#1f4e79"),
    VisitStatus.CONFIRMED: QColor("#1b6e2e"),
    VisitStatus.DONE: QColor("#444444"),
    VisitStatus.CANCELLED: QColor("#a00000"),
}
STATUS_COLUMN = 5


class VisitTableModel(RecordTableModel):
    # Beside the editor the list is narrow: place, host and guest give way to the title (in that order).
    columns = (
        Column(N_("Date"), short=True), Column(N_("Title"), share=3), Column(N_("Host"), spare=2),
        Column(N_("Guest"), spare=1), Column(N_("Place"), spare=3), Column(N_("Status"), short=True),
    )  # fmt: skip

    set_visits = RecordTableModel.set_rows
    visit_at = RecordTableModel.record_at

    def cell(self, visit: VisitView, column: int, role: int):
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS_COLUMN:
            return QBrush(readable(STATUS_COLOUR[visit.status]))
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        values = (
            format_date_range(visit.starts_at, visit.ends_at),
            visit.title,
            visit.host_organisation_name or "",
            visit.guest_organisation_name or "",
            visit.place or "",
            f"{STATUS_MARK[visit.status]} {label(visit.status)}",
        )
        return values[column]
