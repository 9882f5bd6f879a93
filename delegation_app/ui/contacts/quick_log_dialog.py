"""Log a contact quickly: when, how, with whom, for which visit, what was said, what follows.

Opened with Ctrl+L from anywhere in the main window (with the visit or person on screen filled in),
non-modal to the rest of the program's data (it is opened with open(), never exec()). Keys: the
focus starts in the person search (or in the summary when the person is known); type part of a
name and Enter adds the person; Tab goes on; Ctrl+Enter or Ctrl+S saves; Esc cancels (asks when
something was typed). The entry and its follow-ups are written in one transaction: both or neither.

Given a stored ``entry`` (Enter on a row of the contacts tab), the same dialog corrects it: every
field as it was logged, rows for follow-ups still to add, "Delete…" (to the recycle bin) and the
change history (Ctrl+H); a save over a version someone else saved meanwhile goes through the
conflict flow.
"""

from collections.abc import Callable
from datetime import datetime
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from delegation_app.domain.enums import ContactChannel
from delegation_app.domain.errors import DomainError, ValidationError
from delegation_app.i18n import _
from delegation_app.i18n.date_input import DateInputError
from delegation_app.i18n.labels import label
from delegation_app.operations.contacts import LoggedContact, correct_contact, log_contact
from delegation_app.operations.records import RecordKind
from delegation_app.services.contacts import ContactEntryInput
from delegation_app.services.registry import Services
from delegation_app.services.views import ContactEntryView
from delegation_app.ui.common.date_fields import DateField, Kind
from delegation_app.ui.common.forms import FieldForm
from delegation_app.ui.common.key_names import native
from delegation_app.ui.common.new_record_dialog import Creating
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.prompts import Choice, Prompts
from delegation_app.ui.common.visit_choice import visit_chooser
from delegation_app.ui.contacts.contact_entry_actions import delete_contact_entry, field_label, what
from delegation_app.ui.contacts.quick_log_people import PeopleChooser
from delegation_app.ui.followups.followup_rows import FollowUpRows
from delegation_app.ui.records.conflict_flow import RELOAD, save_or_resolve
from delegation_app.ui.records.history_dialog import HistoryDialog

SAVE_KEYS = ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S")  # Enter on the number pad too
HISTORY_KEY = "Ctrl+H"


class QuickLogDialog(QDialog):
    logged = Signal(object)  # ContactEntryView, after it is stored (also when corrected)
    deleted = Signal(int)  # the corrected entry's id, after it went to the recycle bin

    def __init__(
        self,
        services: Services,
        prompts: Prompts,
        runner: OperationRunner,
        parent=None,
        *,
        clock: Callable[[], datetime] = datetime.now,
        visit_id: int | None = None,
        person_id: int | None = None,
        own_person_id: int | None = None,
        entry: ContactEntryView | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.prompts, self.runner, self.clock = services, prompts, runner, clock
        self.entry = entry  # the stored entry being corrected; None: a new one
        self.history: HistoryDialog | None = None
        self.setWindowTitle(_("Edit contact entry") if entry else _("Log contact entry"))
        form_layout = QFormLayout()
        self.form = FieldForm(form_layout)
        self.when = self.form.add("occurred_at", _("&When:"), DateField(Kind.DATE_TIME, self))
        self.when.set_value(clock())
        self.channel = self.form.add("channel", _("C&hannel:"), QComboBox(self))
        for channel in ContactChannel:
            self.channel.addItem(label(channel), channel)
        # Chosen by typing: a combo box of every visit read them all at each opening.
        self.visit = self.form.add("visit_id", _("&Visit:"), visit_chooser(
            services, self, placeholder=_("(no visit)"), today=lambda: self.clock().date()
        ))  # fmt: skip
        self.people = PeopleChooser(services, prompts, runner, self)
        self.form.add("person_ids", _("&People:"), self.people.picker)
        self.form.add("people_met", _("People &met:"), self.people.list)
        self.summary = self.form.add("summary", _("&Summary:"), QPlainTextEdit(self))
        self.summary.setTabChangesFocus(True)  # Tab moves on; Ctrl+Enter saves
        self.summary.setFixedHeight(self.summary.fontMetrics().lineSpacing() * 4 + 12)
        self.followups = FollowUpRows(services.people, self, creating=Creating(services, runner, prompts))
        self.followups.set_default_owner(own_person_id)
        box = QGroupBox(_("More follow-ups (optional)") if entry else _("Follow-ups (optional)"), self)
        box_layout = QVBoxLayout(box)
        self.existing_followups = QLabel(self)  # a stored entry's own: corrected in the Follow-ups view
        self.existing_followups.setWordWrap(True)
        self.existing_followups.hide()
        box_layout.addWidget(self.existing_followups)
        box_layout.addWidget(self.followups)
        self.save_button = QPushButton(_("Save &entry"), self)
        self.save_button.setToolTip(_("Save the entry ({key})").format(key=native(SAVE_KEYS[0])))
        self.cancel_button = QPushButton(_("Cancel"), self)
        for button in (self.save_button, self.cancel_button):
            button.setAutoDefault(False)  # Enter belongs to the fields (the person search adds with it)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        for key in SAVE_KEYS:
            QShortcut(QKeySequence(key), self, self.save)
        buttons = QHBoxLayout()
        self.delete_button = QPushButton(_("Delete en&try…"), self)  # the other letters are taken
        self.delete_button.setToolTip(_("Put the contact entry in the recycle bin"))
        self.history_button = QPushButton(_("Change history…"), self)
        tip = _("Who changed this record when; go back to an earlier state ({key})")
        self.history_button.setToolTip(tip.format(key=native(HISTORY_KEY)))
        for button in (self.delete_button, self.history_button):
            button.setAutoDefault(False)
            button.setVisible(entry is not None)
            buttons.addWidget(button)
        self.delete_button.clicked.connect(self.delete)
        self.history_button.clicked.connect(self.show_history)
        if entry is not None:
            QShortcut(QKeySequence(HISTORY_KEY), self, self.show_history)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form_layout)
        layout.addWidget(box)
        layout.addLayout(buttons)
        self.visit.chosen_changed.connect(self._visit_changed)
        if entry is not None:
            self.show_entry(entry)
        else:
            self.preset(visit_id=visit_id, person_id=person_id)
        self._baseline = self._typed()  # what was filled in for the user is not "their input"
        self.resize(640, self.sizeHint().height())

    # --- filling in ----------------------------------------------------------------------------
    def preset(self, *, visit_id: int | None = None, person_id: int | None = None) -> None:
        """The visit (its participants offered) and the person the entry is about, if known."""
        if visit_id is not None:
            self.visit.set_current(visit_id)
            self._visit_changed()
        if person_id is not None:
            self.people.add_person(self.services.people.get(person_id))
        (self.summary if person_id is not None else self.people.picker).setFocus()

    def show_entry(self, entry: ContactEntryView) -> None:
        """A stored entry's values, to correct them; the focus in the summary."""
        self.entry = entry
        self.when.set_value(entry.occurred_at)
        channels = [self.channel.itemData(i) for i in range(self.channel.count())]
        self.channel.setCurrentIndex(channels.index(entry.channel) if entry.channel in channels else 0)
        self.visit.set_current(entry.visit_id)  # a past one too: it is looked up by its id
        self._visit_changed()  # its participants offered, even when the visit was chosen already
        self.people.clear_ticks()
        for person in self.services.people.get_many(entry.person_ids):
            self.people.add_person(person)
        self.summary.setPlainText(entry.summary)
        self.summary.moveCursor(QTextCursor.MoveOperation.End)  # ready to add to what was said
        own = [f.title for f in self.services.followups.list_for_contact_entry(entry.id)]
        titles = ", ".join(_("“{title}”").format(title=title) for title in own)
        text = _("Already with this entry: {titles}. They are corrected in the Follow-ups view.")
        self.existing_followups.setText(text.format(titles=titles))
        self.existing_followups.setVisible(bool(own))
        self.summary.setFocus()

    def _visit_changed(self, *_chosen: object) -> None:
        visit_id = self.visit.current_id()
        participants = self.services.participations.list_for_visit(visit_id) if visit_id else []
        self.people.set_participants(participants)

    def _typed(self) -> tuple:
        rows = tuple((r.title.text(), r.due.text()) for r in self.followups.rows if not r.is_empty())
        fields = (self.when.text(), self.channel.currentIndex(), self.visit.current_id())
        return self.summary.toPlainText().strip(), tuple(self.people.ticked_ids()), rows, fields

    def has_input(self) -> bool:
        return self._typed() != self._baseline

    # --- saving --------------------------------------------------------------------------------
    def save(self) -> bool:
        self.form.clear_errors()
        self.followups.clear_errors()
        errors: dict[str, str] = {}
        try:
            when = self.when.date_time_value()
            if when is None:
                errors["occurred_at"] = _("Please enter the date and time.")
        except DateInputError as exc:
            when = None
            errors["occurred_at"] = str(exc)
        followups, followup_errors = self.followups.collect()
        if when is None or errors or followup_errors:  # no time without an error
            self._show_errors({**errors, **followup_errors})
            return False
        entry = ContactEntryInput(
            occurred_at=when,
            summary=self.summary.toPlainText().strip(),
            person_ids=self.people.ticked_ids(),
            channel=self.channel.currentData(),
            visit_id=self.visit.current_id(),
            logged_by=self.entry.logged_by if self.entry else None,  # who logged it stays
        )
        if self.entry is not None:
            return self._save_correction(entry, dict(followups))
        # the entry and its follow-ups: all or nothing; a follow-up's errors name its row
        logged = partial(log_contact, entry=entry, followups=dict(followups))
        return self.runner.now(self, logged, self._logged, on_user_error=self._refused)

    def _save_correction(self, data: ContactEntryInput, followups: dict) -> bool:
        stored = self.entry
        if stored is None:
            return False
        if not followups and self._typed() == self._baseline:
            super().accept()  # nothing changed: nothing to write
            return True

        def save_at(version: int) -> Callable[[Services], LoggedContact]:
            return partial(
                correct_contact, record_id=stored.id, version=version, entry=data, followups=followups
            )

        outcome = save_or_resolve(
            self, self.prompts, self.runner, RecordKind.CONTACT_ENTRY, stored.id, what(stored), data,
            field_label, stored.version, on_user_error=self._refused, save_at=save_at,
        )  # fmt: skip
        if outcome is RELOAD:
            self._reload()
            return False
        if outcome is None:
            return False
        self._logged(outcome)
        return True

    def _reload(self) -> None:
        """The stored version (chosen over the user's in a conflict, or restored in the history)."""
        if self.entry is None:
            return
        try:
            self.show_entry(self.services.contacts.get(self.entry.id))
        except DomainError as exc:  # deleted meanwhile
            self.prompts.error(self, exc.message)
            super().reject()
            return
        self._baseline = self._typed()

    def delete(self) -> None:
        entry = self.entry
        if entry is not None and delete_contact_entry(self, self.services, self.prompts, self.runner, entry):
            self.deleted.emit(entry.id)
            super().reject()

    def show_history(self) -> None:
        if self.entry is None:
            return
        self.history = HistoryDialog(
            self, self.services, self.prompts, self.runner, RecordKind.CONTACT_ENTRY, self.entry.id,
            what(self.entry), field_label,
        )  # fmt: skip
        self.history.finished.connect(self._history_closed)
        self.history.open()  # not exec(): the dialog stays usable behind it

    def _history_closed(self) -> None:
        if not self.has_input():  # an earlier state may have been restored: show what is stored now
            self._reload()

    def _logged(self, logged: LoggedContact) -> None:
        self.logged.emit(logged.entry)
        super().accept()

    def _refused(self, exc: DomainError) -> None:
        if isinstance(exc, ValidationError):
            self._show_errors(exc.errors)
        else:
            self.prompts.error(self, exc.message)

    def _show_errors(self, errors: dict[str, str]) -> None:
        rows = {k: m for k, m in errors.items() if k.startswith("followups.")}
        self.followups.show_errors(rows)
        # Second, so that the first invalid field above the follow-ups gets the focus.
        unplaced = self.form.show_errors({k: m for k, m in errors.items() if k not in rows})
        if unplaced:
            self.prompts.error(self, "\n".join(unplaced))

    def reject(self) -> None:
        """Esc or Cancel: asks before throwing away what was typed."""
        if self.has_input():
            named = what(self.entry) if self.entry else _("The contact entry")
            choice = self.prompts.save_discard_cancel(self, named)
            if choice is Choice.CANCEL or (choice is Choice.SAVE and not self.save()):
                return
            if choice is Choice.SAVE:
                return  # saved and closed
        super().reject()

    def accept(self) -> None:
        self.save()
