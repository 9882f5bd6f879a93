"""A record's history: one row per HistoryEntry, newest first."""

from collections.abc import Callable

from PySide6.QtCore import Qt

from delegation_app.i18n import N_, _
from delegation_app.i18n.formatting import format_system_time
from delegation_app.services.audit_trail import HistoryEntry
from delegation_app.ui.common.record_table_model import Column, RecordTableModel

ACTIONS = {
    "create": N_("Created"),
    "update": N_("Changed"),
    "delete": N_("Deleted"),
    "erase": N_("Deleted for good (Art. 17)"),
    "anonymise": N_("Anonymised"),
    "merge": N_("Merged"),
}


class HistoryTableModel(RecordTableModel):
    columns = (
        Column(N_("When"), short=True), Column(N_("Who"), short=True), Column(N_("What")),
        Column(N_("Fields"), share=2),
    )  # fmt: skip

    def __init__(self, label_of: Callable[[str], str], parent=None) -> None:
        super().__init__(parent)
        self.label_of = label_of

    def entry_at(self, row: int) -> HistoryEntry | None:
        return self.record_at(row)

    def cell(self, item: HistoryEntry, column: int, role: int):
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == 0:
            return format_system_time(item.at)
        if column == 1:
            return item.user_name
        if column == 2:
            return item.note or _(ACTIONS.get(item.action, item.action))
        return ", ".join(self.label_of(f.field) for f in item.fields)
