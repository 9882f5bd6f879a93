"""Correcting a follow-up: title, owner and due date in the row the quick log creates follow-ups
with (ui/followups/followup_rows.py), the visit and person it concerns and notes below it.

Opened from the Follow-ups view with Return or a double-click (open(), never exec()). Keys: Ctrl+S
saves and closes; Esc closes, asking first when something was changed; Ctrl+H shows the change
history. "Delete…" asks, naming the follow-up, and puts it in the recycle bin. A save over a
version someone else saved meanwhile goes through the conflict flow (ui/records/conflict_flow.py).
"""

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from delegation_app.domain.errors import DomainError, ValidationError
from delegation_app.i18n import _
from delegation_app.i18n.formatting import format_date, format_datetime
from delegation_app.operations.records import RecordKind, delete_record
from delegation_app.services.followups import FollowUpInput
from delegation_app.services.registry import Services
from delegation_app.services.views import FollowUpView
from delegation_app.ui.common.forms import FieldForm
from delegation_app.ui.common.key_names import native
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.prompts import Choice, Prompts
from delegation_app.ui.common.record_chooser import PersonChooser
from delegation_app.ui.common.visit_choice import visit_chooser
from delegation_app.ui.followups.followup_rows import FollowUpRows
from delegation_app.ui.records.conflict_flow import RELOAD, save_or_resolve
from delegation_app.ui.records.history_dialog import HistoryDialog

SAVE_KEY, HISTORY_KEY = "Ctrl+S", "Ctrl+H"
ROW_FIELDS = ("title", "owner_person_id", "due_on")  # shown in the row; the rest in the form below


def what(followup: FollowUpView) -> str:
    """Names the follow-up in questions: "Die Wiedervorlage „Fotos schicken“"."""
    return _("The follow-up “{title}”").format(title=followup.title)


def delete_followup(
    parent: QWidget, prompts: Prompts, runner: OperationRunner, followup: FollowUpView
) -> bool:
    """Ask, naming the follow-up, then put it in the recycle bin; True when it was deleted."""
    question = _("Delete the follow-up “{title}”?").format(title=followup.title)
    afterwards = _(
        "The follow-up goes to the recycle bin (Edit menu) and can be restored from there for 30 days."
    )
    if not prompts.confirm_delete(parent, question, {}, afterwards=afterwards):
        return False
    deleted = partial(
        delete_record, kind=RecordKind.FOLLOW_UP, record_id=followup.id, version=followup.version,
        confirmed=True,
    )  # fmt: skip
    return runner.now(parent, deleted)


def field_label(field: str) -> str:
    """A follow-up's column as the form names it (for its history and the conflict question)."""
    labels = {
        "title": _("Follow-up"), "owner_person_id": _("Owner"), "due_on": _("Due on"), "visit_id": _("Visit"),
        "person_id": _("Concerns"), "notes": _("Notes"), "done_on": _("Done on"),
        "contact_entry_id": _("Contact entry"),
    }  # fmt: skip
    return labels.get(field, field)


class FollowUpDialog(QDialog):
    saved = Signal(object)  # FollowUpView, after it is stored
    deleted = Signal(int)  # the follow-up's id

    def __init__(
        self, services: Services, prompts: Prompts, runner: OperationRunner, followup: FollowUpView,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.services, self.prompts, self.runner, self.followup = services, prompts, runner, followup
        self.history: HistoryDialog | None = None
        self.setWindowTitle(_("Edit follow-up"))
        self.rows = FollowUpRows(services.people, self)
        self.rows.add_button.hide()  # one follow-up: more are added with a contact entry
        self.row = self.rows.rows[0]
        form_layout = QFormLayout()
        self.form = FieldForm(form_layout)
        self.visit = self.form.add("visit_id", _("&Visit:"), visit_chooser(
            services, self, placeholder=_("(no visit)")
        ))  # fmt: skip
        self.person = self.form.add("person_id", _("Con&cerns:"), PersonChooser(
            lambda text: services.people.list(text, limit=20),
            lambda person_id: services.people.get(person_id).display_name,
            self,
            placeholder=_("(nobody)"),
        ))  # fmt: skip
        self.notes = self.form.add("notes", _("&Notes:"), QPlainTextEdit(self))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 4 + 12)
        self.origin = QLabel(self)  # where it came from and whether it is done: not typed here
        self.origin.setWordWrap(True)
        self.origin.setTextFormat(Qt.TextFormat.PlainText)
        self.save_button = QPushButton(_("Save chan&ges"), self)  # Alt+S is the owner's (Zu&ständig)
        self.save_button.setToolTip(_("Save the changes ({key})").format(key=native(SAVE_KEY)))
        self.delete_button = QPushButton(_("De&lete…"), self)
        self.delete_button.setToolTip(_("Put the follow-up in the recycle bin"))
        self.history_button = QPushButton(_("Change history…"), self)
        tip = _("Who changed this record when; go back to an earlier state ({key})")
        self.history_button.setToolTip(tip.format(key=native(HISTORY_KEY)))
        self.cancel_button = QPushButton(_("Cancel"), self)
        for button in (self.save_button, self.delete_button, self.history_button, self.cancel_button):
            button.setAutoDefault(False)  # Enter belongs to the fields (the owner search chooses with it)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.history_button.clicked.connect(self.show_history)
        self.cancel_button.clicked.connect(self.reject)
        QShortcut(QKeySequence(SAVE_KEY), self, self.save)
        QShortcut(QKeySequence(HISTORY_KEY), self, self.show_history)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.history_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.rows)
        layout.addLayout(form_layout)
        layout.addWidget(self.origin)
        layout.addLayout(buttons)
        self._fill(followup)
        self.resize(800, self.sizeHint().height())
        self.row.title.setFocus()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # The whole title selected (typing replaces it), shown from its start, not scrolled to its end.
        title = self.row.title
        title.setSelection(len(title.text()), -len(title.text()))

    # --- the values ----------------------------------------------------------------------------
    def _fill(self, followup: FollowUpView) -> None:
        self.followup = followup
        self.rows.clear_errors()
        self.form.clear_errors()
        self.rows.set_row(0, self._stored_input(followup), followup.owner_name)
        self.visit.set_current(followup.visit_id, followup.visit_title)
        self.person.set_current(followup.person_id)
        self.notes.setPlainText(followup.notes or "")
        self.origin.setText(self._origin_text(followup))
        self._baseline = self._typed()

    @staticmethod
    def _stored_input(f: FollowUpView) -> FollowUpInput:
        return FollowUpInput(
            title=f.title, owner_person_id=f.owner_person_id, due_on=f.due_on, done_on=f.done_on,
            person_id=f.person_id, visit_id=f.visit_id, contact_entry_id=f.contact_entry_id, notes=f.notes,
        )  # fmt: skip

    def _origin_text(self, followup: FollowUpView) -> str:
        lines = []
        if followup.contact_entry_id is not None:
            try:
                entry = self.services.contacts.get(followup.contact_entry_id)
            except DomainError:  # deleted meanwhile: nothing to name
                pass
            else:
                moment = format_datetime(entry.occurred_at)
                lines.append(_("From the contact entry of {moment}.").format(moment=moment))
        if followup.done_on is not None:
            done = _("Done on {date} (Space in the list opens it again).")
            lines.append(done.format(date=format_date(followup.done_on)))
        return " ".join(lines)

    def _typed(self) -> tuple:
        return (
            self.row.title.text(), self.row.owner.current_id(), self.row.due.text(),
            self.visit.current_id(), self.person.current_id(), self.notes.toPlainText(),
        )  # fmt: skip

    def has_changes(self) -> bool:
        return self._typed() != self._baseline

    def to_input(self) -> FollowUpInput | None:
        """What the form holds; None when the due date cannot be read (said under the field)."""
        self.form.clear_errors()
        found, errors = self.rows.collect()
        if errors:
            self.rows.show_errors(errors)
            return None
        self.rows.clear_errors()
        typed = found[0][1] if found else FollowUpInput("", self.row.owner.current_id())  # emptied: refused
        return FollowUpInput(
            title=typed.title, owner_person_id=typed.owner_person_id, due_on=typed.due_on,
            done_on=self.followup.done_on, person_id=self.person.current_id(),
            visit_id=self.visit.current_id(), contact_entry_id=self.followup.contact_entry_id,
            notes=self.notes.toPlainText().strip() or None,
        )  # fmt: skip

    # --- actions -------------------------------------------------------------------------------
    def save(self) -> bool:
        """Saves and closes; False (the dialog stays, with what was typed) when it was refused."""
        if not self.has_changes():
            self.done(QDialog.DialogCode.Accepted)
            return True
        data = self.to_input()
        if data is None:
            return False
        stored = save_or_resolve(
            self, self.prompts, self.runner, RecordKind.FOLLOW_UP, self.followup.id, what(self.followup),
            data, field_label, self.followup.version, on_user_error=self._refused,
        )  # fmt: skip
        if stored is RELOAD:
            self._reload()
            return False
        if stored is None:
            return False
        self.saved.emit(stored)
        self.done(QDialog.DialogCode.Accepted)
        return True

    def _refused(self, exc: DomainError) -> None:
        if not isinstance(exc, ValidationError):  # deleted meanwhile, a full disk: in words
            self.prompts.error(self, exc.message)
            return
        in_row = {k: m for k, m in exc.errors.items() if k.split(".")[0] in ROW_FIELDS}
        unplaced = self.form.show_errors({k: m for k, m in exc.errors.items() if k not in in_row})
        in_row = {f"followups.0.{k}": m for k, m in in_row.items()}
        self.rows.show_errors(in_row)  # second: the row, above the form, gets the focus
        if unplaced:
            self.prompts.error(self, "\n".join(unplaced))

    def _reload(self) -> None:
        """The stored version, after the user chose it over theirs (or it changed in the history)."""
        try:
            self._fill(self.services.followups.get(self.followup.id))
        except DomainError as exc:  # deleted meanwhile
            self.prompts.error(self, exc.message)
            super().reject()

    def delete(self) -> None:
        if delete_followup(self, self.prompts, self.runner, self.followup):
            self.deleted.emit(self.followup.id)
            super().reject()

    def show_history(self) -> None:
        self.history = HistoryDialog(
            self, self.services, self.prompts, self.runner, RecordKind.FOLLOW_UP, self.followup.id,
            what(self.followup), field_label,
        )  # fmt: skip
        self.history.finished.connect(self._history_closed)
        self.history.open()  # not exec(): the dialog stays usable behind it

    def _history_closed(self) -> None:
        if not self.has_changes():  # an earlier state may have been restored: show what is stored now
            self._reload()

    def reject(self) -> None:
        """Esc or Cancel: asks before throwing away what was changed."""
        if self.has_changes():
            choice = self.prompts.save_discard_cancel(self, what(self.followup))
            if choice is Choice.CANCEL or choice is Choice.SAVE:
                if choice is Choice.SAVE:
                    self.save()  # closes when it worked
                return
        super().reject()
