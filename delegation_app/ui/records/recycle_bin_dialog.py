"""Edit → Recycle bin: deleted visits, people, organisations, contact entries and follow-ups,
restorable for 30 days."""

from functools import partial

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from delegation_app.i18n import _, ngettext
from delegation_app.operations.recycle_bin import delete_from_bin, empty_bin, restore_from_bin
from delegation_app.services.recycle_bin import KEEP_DAYS, RestoreReport
from delegation_app.services.registry import Services
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.prompts import Action, Prompts
from delegation_app.ui.common.row_list import row_list
from delegation_app.ui.records.recycle_bin_model import RecycleBinModel


def report_text(title: str, report: RestoreReport) -> str:
    lines = [_("“{title}” is back.").format(title=title)]
    if report.left_out:
        lines.append(ngettext(
            "{count} entry was not restored: the person or record it belongs to has been deleted since.",
            "{count} entries were not restored: "
            "the people or records they belong to have been deleted since.",
            report.left_out,
        ).format(count=report.left_out))  # fmt: skip
    if report.references_not_restored:
        lines.append(ngettext(
            "{count} link was not restored: it now points elsewhere.",
            "{count} links were not restored: they now point elsewhere.",
            report.references_not_restored,
        ).format(count=report.references_not_restored))  # fmt: skip
    return " ".join(lines)


class RecycleBinDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, services: Services, prompts: Prompts, runner: OperationRunner
    ) -> None:
        super().__init__(parent)
        self.bin, self.prompts = services.recycle_bin, prompts  # reads; the buttons run operations
        self.run = runner
        self.setWindowTitle(_("Recycle bin"))
        layout = QVBoxLayout(self)
        text = ngettext(
            "Deleted visits, people, organisations, contact entries and follow-ups are kept here for "
            "{days} day, with everything that was deleted along with them.",
            "Deleted visits, people, organisations, contact entries and follow-ups are kept here for "
            "{days} days, with everything that was deleted along with them.",
            KEEP_DAYS,
        )
        intro = QLabel(text.format(days=KEEP_DAYS), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = RecycleBinModel(self)
        self.table = row_list(self.model, _("Deleted records"), self)
        layout.addWidget(self.table, 1)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        layout.addWidget(self.notice)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(_("&Restore"), self)
        self.delete_button = QPushButton(_("&Delete for good…"), self)
        self.empty_button = QPushButton(_("&Empty recycle bin…"), self)
        for button in (self.restore_button, self.delete_button, self.empty_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.empty_button.clicked.connect(self.empty)
        layout.addWidget(buttons)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._update_buttons())
        self.resize(820, 440)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(self.bin.list())
        if self.model.rowCount() and self.table.currentIndex().row() < 0:
            self.table.selectRow(0)
        if not self.model.rowCount():
            self.notice.setText(self.notice.text() or _("The recycle bin is empty."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = self.selected() is not None
        self.restore_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)
        self.empty_button.setEnabled(self.model.rowCount() > 0)

    def selected(self):
        return self.model.entry_at(self.table.currentIndex().row())

    def restore_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        restored = partial(restore_from_bin, entry_id=entry.id)
        self.run.now(self, restored, lambda report: self.notice.setText(report_text(entry.title, report)))
        self.reload()

    def delete_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        question = _("Delete “{title}” for good? It cannot be restored afterwards.").format(title=entry.title)
        if not self.prompts.confirm_action(self, question, Action.DELETE_FOR_GOOD):
            return
        if self.run.now(self, partial(delete_from_bin, entry_id=entry.id)):
            self.notice.setText(_("“{title}” was deleted for good.").format(title=entry.title))
        self.reload()

    def empty(self) -> None:
        count = self.model.rowCount()
        question = ngettext(
            "Delete the one entry in the recycle bin for good? It cannot be restored afterwards.",
            "Delete all {count} entries in the recycle bin for good? They cannot be restored afterwards.",
            count,
        )
        for_good = Action.DELETE_FOR_GOOD
        if not count or not self.prompts.confirm_action(self, question.format(count=count), for_good):
            return
        if not self.run.now(self, empty_bin):
            return
        self.notice.setText(_("The recycle bin is empty."))
        self.reload()
