"""Contact log entries of one visit, newest first."""

from PySide6.QtCore import Qt

from delegation_app.i18n import N_
from delegation_app.i18n.formatting import format_datetime
from delegation_app.i18n.labels import label
from delegation_app.services.views import ContactEntryView
from delegation_app.ui.common.record_table_model import Column, RecordTableModel

SUMMARY = 3


class ContactTableModel(RecordTableModel):
    columns = (
        Column(N_("When"), short=True), Column(N_("Channel"), short=True), Column(N_("People"), share=2),
        Column(N_("Summary"), share=3),
    )  # fmt: skip

    set_entries = RecordTableModel.set_rows
    entry_at = RecordTableModel.record_at

    def full_text(self, entry: ContactEntryView, column: int) -> str | None:
        return entry.summary if column == SUMMARY else None  # the list shows its first line

    def cell(self, entry: ContactEntryView, column: int, role: int):
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        summary = entry.summary if role == Qt.ItemDataRole.ToolTipRole else entry.summary.splitlines()[0]
        values = (
            format_datetime(entry.occurred_at),
            label(entry.channel),
            ", ".join(entry.person_names),
            summary,
        )
        return values[column]
