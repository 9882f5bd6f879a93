"""Who changed a record when, field by field; and bringing it back to an earlier state."""

from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from delegation_app.i18n import _
from delegation_app.i18n.formatting import format_date, format_time, to_local_time
from delegation_app.operations.history import restore_version
from delegation_app.services.audit_trail import HistoryEntry
from delegation_app.services.registry import Services
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.prompts import Action, Prompts
from delegation_app.ui.common.row_list import row_list
from delegation_app.ui.common.wrapping_table import WrappingTable
from delegation_app.ui.records.history_table_model import HistoryTableModel


class HistoryDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, services: Services, prompts: Prompts, runner: OperationRunner,
        table: str, record_id: int, what: str, label_of: Callable[[str], str],
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.prompts, self.runner, self.table_name, self.record_id = prompts, runner, table, record_id
        self.audit = services.audit  # reads; going back goes through operations.history
        self.what, self.label_of = what, label_of
        self.setWindowTitle(_("Change history"))
        layout = QVBoxLayout(self)
        heading = QLabel(_("{what}: changes, newest first").format(what=what), self)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.model = HistoryTableModel(label_of, self)
        self.entries = row_list(self.model, _("Changes"), self)
        layout.addWidget(self.entries, 1)
        self.fields = WrappingTable([_("Field"), _("Before"), _("After")], _("Changed fields"), self)
        layout.addWidget(self.fields, 1)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        layout.addWidget(self.notice)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(_("&Restore this state…"), self)
        self.restore_button.setToolTip(_("The record gets the values it had right after the selected change"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.restore_button.clicked.connect(self.restore_selected)
        self.entries.selectionModel().currentRowChanged.connect(lambda current, _p: self._show(current.row()))
        self.resize(760, 520)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(list(reversed(self.audit.history(self.table_name, self.record_id))))
        if self.model.rowCount():
            self.entries.selectRow(0)
        self._show(self.entries.currentIndex().row())

    def selected(self) -> HistoryEntry | None:
        return self.model.entry_at(self.entries.currentIndex().row())

    def _show(self, row: int) -> None:
        entry = self.model.entry_at(row)
        changes = entry.fields if entry else ()
        self.fields.fill([(self.label_of(c.field), c.old_text, c.new_text) for c in changes])
        # The newest entry is the state the record has; a deleted one has none to go back to.
        self.restore_button.setEnabled(entry is not None and row > 0 and entry.action != "delete")

    def restore_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        local = to_local_time(entry.at)
        question = _(
            "Go back to the state of {date} at {time}? {what} gets the values it had then; "
            "the later changes stay in the change history."
        ).format(what=self.what, date=format_date(local), time=format_time(local))
        if not self.prompts.confirm_action(self, question, Action.RESTORE):
            return
        restored = partial(
            restore_version, table=self.table_name, record_id=self.record_id, entry_id=entry.id
        )
        if not self.runner.now(self, restored):
            return
        self.notice.setText(_("Restored the state of {date} at {time}.").format(
            date=format_date(local), time=format_time(local)))  # fmt: skip
        self.reload()
