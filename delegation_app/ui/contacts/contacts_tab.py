"""The visit's contact log: who was met or called, when, what was said, what follows.

Enter or a double-click on an entry opens it to correct it (the quick log's dialog, with the
entry's values); Del puts it in the recycle bin after asking."""

from datetime import date, datetime
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from delegation_app.domain.enums import ContactChannel
from delegation_app.domain.errors import DomainError, ValidationError
from delegation_app.i18n import _
from delegation_app.i18n.date_input import DateInputError
from delegation_app.i18n.labels import label
from delegation_app.operations.contacts import log_contact
from delegation_app.services.contacts import ContactEntryInput
from delegation_app.services.followups import FollowUpInput
from delegation_app.services.registry import Services
from delegation_app.services.views import ContactEntryView, ParticipationView, VisitView
from delegation_app.services.visit_page import VisitPage
from delegation_app.ui.common.column_fit import fit_columns
from delegation_app.ui.common.date_fields import DateField, Kind, now
from delegation_app.ui.common.forms import FieldForm
from delegation_app.ui.common.keyboard import shortcut
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.prompts import Prompts
from delegation_app.ui.common.table_view import TableView
from delegation_app.ui.contacts.contact_entry_actions import delete_contact_entry
from delegation_app.ui.contacts.contact_table_model import ContactTableModel

if TYPE_CHECKING:  # the correcting dialog is imported when an entry is opened (issue 21)
    from delegation_app.ui.contacts.quick_log_dialog import QuickLogDialog


class ContactsTab(QWidget):
    def __init__(self, services: Services, prompts: Prompts, runner: OperationRunner, parent=None) -> None:
        super().__init__(parent)
        self.services, self.prompts, self.runner = services, prompts, runner
        self.visit: VisitView | None = None
        self.hint = QLabel(_("Save the visit first; then contact entries can be logged here."), self)
        self.hint.setWordWrap(True)  # a hint must not set the editor's (and window's) minimum width
        self.model = ContactTableModel(self)
        self.table = TableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Contact entries"))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        fit_columns(self.table)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.activated.connect(self.open_current)  # Enter, double-click
        shortcut(
            QKeySequence.StandardKey.Delete,
            self.table,
            self.delete_current,
            Qt.ShortcutContext.WidgetShortcut,
        )
        self.open_button = QPushButton(_("Open…"), self)  # the visit editor's letters are all taken
        self.open_button.setToolTip(_("Correct the selected contact entry (Enter)"))
        self.delete_button = QPushButton(_("Delete…"), self)
        self.delete_button.setToolTip(_("Put the selected contact entry in the recycle bin (Del)"))
        self.open_button.clicked.connect(self.open_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.dialog: QuickLogDialog | None = None
        box = QWidget(self)
        self.form = FieldForm(QFormLayout(box))
        self.when = self.form.add("occurred_at", _("&When:"), DateField(Kind.DATE_TIME, box))
        self.channel = self.form.add("channel", _("&Channel:"), QComboBox(box))
        for channel in ContactChannel:
            self.channel.addItem(label(channel), channel)
        self.people = self.form.add("person_ids", _("&People (tick with Space):"), QListWidget(box))
        self.people.setMaximumHeight(120)
        self.summary = self.form.add("summary", _("&Summary:"), QLineEdit(box))
        self.followup = self.form.add("title", _("Follow-&up (optional):"), QLineEdit(box))
        self.due = self.form.add("due_on", _("&Due on:"), DateField(Kind.DATE, box))
        self.log_button = QPushButton(_("&Log contact entry"), box)
        self.log_button.clicked.connect(self.log)
        self.summary.returnPressed.connect(self.log)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(box)
        buttons = QHBoxLayout()  # one row: the tab must fit a small screen
        buttons.addWidget(self.open_button)  # the selected entry's, on the left
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.log_button)  # the form's
        layout.addLayout(buttons)

    def load(self, visit: VisitView | None, page: VisitPage | None = None) -> None:
        """``page``: what the visit editor read for all its tabs at once (else the tab reads its own)."""
        self.visit = visit
        self.hint.setVisible(visit is None)
        for widget in (
            self.table,
            self.when,
            self.channel,
            self.people,
            self.summary,
            self.followup,
            self.due,
            self.log_button,
            self.open_button,
            self.delete_button,
        ):
            widget.setEnabled(visit is not None)
        self._reset_form()
        if page is None:
            self.refresh()
        else:
            self.show_page(page)

    def show_page(self, page: VisitPage) -> None:
        """Show what the visit editor read for all its tabs (no read of its own)."""
        self.visit = page.visit
        self._show(page.contacts, page.participants)

    def refresh(self) -> None:
        if self.visit is None:
            self.model.set_entries([])
            self.people.clear()
            return
        with self.services.one_read():
            entries = self.services.contacts.list_for_visit(self.visit.id)
            participants = self.services.participations.list_for_visit(self.visit.id)
        self._show(entries, participants)

    def _show(self, entries: list[ContactEntryView], participants: list[ParticipationView]) -> None:
        self.model.set_entries(entries)
        ticked = self.ticked()
        self.people.clear()
        for p in participants:
            item = QListWidgetItem(
                f"{p.person_name}" + (f" – {p.function}" if p.function else ""), self.people
            )
            item.setData(Qt.ItemDataRole.UserRole, p.person_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if p.person_id in ticked else Qt.CheckState.Unchecked)

    def current_entry(self) -> ContactEntryView | None:
        return self.model.entry_at(self.table.currentIndex().row())

    def _select(self, entry_id: int | None, fallback_row: int = -1) -> None:
        row = self.model.row_of(entry_id)
        if row < 0 and fallback_row >= 0:  # it left the list: its neighbour
            row = min(fallback_row, self.model.rowCount() - 1)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))

    def open_current(self) -> None:
        """The selected entry in the contact entry dialog, to correct it (Enter, double-click)."""
        chosen = self.current_entry()
        if chosen is None:
            return
        try:
            entry = self.services.contacts.get(chosen.id)  # the newest version, not the list's
        except DomainError as exc:  # deleted elsewhere meanwhile
            self.prompts.error(self, exc.message)
            self.refresh()
            return
        from delegation_app.ui.contacts.quick_log_dialog import QuickLogDialog  # on use

        self.dialog = QuickLogDialog(self.services, self.prompts, self.runner, self, entry=entry)
        self.dialog.logged.connect(self._corrected)
        self.dialog.deleted.connect(self._deleted)
        self.dialog.finished.connect(lambda _result: self.table.setFocus())
        self.dialog.open()  # not exec()

    def _corrected(self, entry: ContactEntryView) -> None:
        self.refresh()
        self._select(entry.id)

    def delete_current(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        if delete_contact_entry(self, self.services, self.prompts, self.runner, entry):
            self._deleted(entry.id)
        else:
            self.refresh()  # changed or deleted elsewhere: show what is stored now

    def _deleted(self, _entry_id: int) -> None:
        row = self.table.currentIndex().row()
        self.refresh()
        self._select(None, fallback_row=row)

    def ticked(self) -> list[int]:
        return [
            self.people.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.people.count())
            if self.people.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _reset_form(self, keep_time: bool = False) -> None:
        self.form.clear_errors()
        if not keep_time:  # several entries for one past meeting share its time
            self.when.set_value(now())
        for edit in (self.summary, self.followup, self.due):
            edit.clear()

    def _parse(self) -> tuple[datetime | None, date | None, dict[str, str]]:
        errors: dict[str, str] = {}
        when = due = None
        try:
            when = self.when.date_time_value()
            if when is None:
                errors["occurred_at"] = _("Please enter the date and time.")
        except DateInputError as exc:
            errors["occurred_at"] = str(exc)
        try:
            due = self.due.date_value()
        except DateInputError as exc:
            errors["due_on"] = str(exc)
        return when, due, errors

    def log(self) -> None:
        if self.visit is None:
            return
        when, due, errors = self._parse()
        if errors or when is None:  # no time without an error
            self.form.show_errors(errors)
            return
        entry = ContactEntryInput(
            occurred_at=when,
            summary=self.summary.text(),
            person_ids=self.ticked(),
            channel=self.channel.currentData(),
            visit_id=self.visit.id,
        )
        wanted = self.followup.text().strip() or due is not None
        followups = {0: FollowUpInput(title=self.followup.text(), due_on=due)} if wanted else {}
        # the entry and its follow-up: both or neither
        logged = partial(log_contact, entry=entry, followups=followups)
        if not self.runner.now(self, logged, on_user_error=self._refused):
            return
        self._reset_form(keep_time=True)
        self.refresh()
        self.summary.setFocus()

    def _refused(self, exc: DomainError) -> None:
        if isinstance(exc, ValidationError):  # the follow-up's fields are this form's "title" and "due_on"
            self.form.show_errors({k.removeprefix("followups.0."): m for k, m in exc.errors.items()})
        else:  # a full disk or a read-only database: the form keeps the text
            self.prompts.error(self, exc.message)
