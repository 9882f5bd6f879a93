"""The recycle bin's list: one row per RecycledView, newest first."""

from PySide6.QtCore import Qt

from delegation_app.i18n import N_, _, ngettext
from delegation_app.i18n.formatting import format_date, format_system_time, to_local_time
from delegation_app.services.recycle_bin import KIND_LABELS, RecycledView
from delegation_app.ui.common.record_table_model import Column, RecordTableModel


class RecycleBinModel(RecordTableModel):
    columns = (
        Column(N_("Deleted"), short=True), Column(N_("Kind"), short=True), Column(N_("Name"), share=2),
        Column(N_("Deleted by"), short=True), Column(N_("Deleted along with it"), share=2),
        Column(N_("Kept until"), short=True),
    )  # fmt: skip

    def entry_at(self, row: int) -> RecycledView | None:
        return self.record_at(row)

    def cell(self, item: RecycledView, column: int, role: int):
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return (
            format_system_time(item.deleted_at),
            _(KIND_LABELS.get(item.kind, item.kind)),
            item.title,
            item.user_name,
            (
                ngettext("{count} entry", "{count} entries", item.parts).format(count=item.parts)
                if item.parts
                else ""
            ),
            format_date(to_local_time(item.expires_at)),
        )[column]
