"""The visit editor's Participants tab: who takes part, on which side, in which role.

Keys: Ctrl+Shift+A goes to the person search (type, Enter adds; nobody found: Enter on
"„…“ neu anlegen" opens a small dialog: first and last name, organisation, function), Alt+Up /
Alt+Down move the selected participant within their side, Del removes them from the visit
(after confirming). Each change is saved at once.
"""

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from delegation_app.domain.errors import DomainError, NotFoundError, ValidationError
from delegation_app.i18n import _
from delegation_app.operations.participants import (
    add_participant,
    change_participant,
    move_participant,
    remove_participant,
)
from delegation_app.services.participations import ParticipationInput
from delegation_app.services.registry import Services
from delegation_app.services.views import ParticipationView, PersonView, VisitView
from delegation_app.services.visit_page import VisitPage
from delegation_app.ui.common.column_fit import fit_columns
from delegation_app.ui.common.forms import FieldForm
from delegation_app.ui.common.key_names import native
from delegation_app.ui.common.keyboard import shortcut
from delegation_app.ui.common.new_record_dialog import Creating
from delegation_app.ui.common.operation_runner import REFUSED, OperationRunner
from delegation_app.ui.common.person_choice import person_chooser
from delegation_app.ui.common.prompts import Action, Prompts
from delegation_app.ui.common.table_view import TableView
from delegation_app.ui.visits.participant_details import ParticipantDetails
from delegation_app.ui.visits.participant_table_model import NAME, ParticipantTableModel

ADD_SHORTCUT = "Ctrl+Shift+A"


class ParticipantsTab(QWidget):
    def __init__(self, services: Services, prompts: Prompts, runner: OperationRunner, parent=None) -> None:
        super().__init__(parent)
        self.services, self.prompts, self.runner = services, prompts, runner
        self._visit: VisitView | None = None
        self.model = ParticipantTableModel(self)
        self.hint = QLabel(_("Save the visit first."), self)
        self.table = TableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Participants"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        fit_columns(self.table)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.picker = person_chooser(
            services,
            self,
            creating=Creating(services, runner, prompts),
            exclude=self.model.person_ids,
            placeholder=_("Name…"),
        )
        self.picker.setAccessibleName(_("Add a person"))
        self.picker.setToolTip(_("Type part of a name, then Enter ({key})").format(key=native(ADD_SHORTCUT)))
        picker_label = QLabel(_("Add &person:"), self)
        picker_label.setBuddy(self.picker)
        self.details = ParticipantDetails(self)
        self.table.activated.connect(lambda _index: self.details.side.setFocus())  # Return: its details
        self.up_button = QPushButton(_("Move &up"), self)
        self.up_button.setToolTip(_("Move up within the side ({key})").format(key=native("Alt+Up")))
        self.down_button = QPushButton(_("Move do&wn"), self)
        self.down_button.setToolTip(_("Move down within the side ({key})").format(key=native("Alt+Down")))
        self.remove_button = QPushButton(_("&Remove from visit"), self)
        self.remove_button.setToolTip(
            _("Remove the participant from the visit ({key})").format(key=native("Del"))
        )
        self.picker.chosen_changed.connect(self._chosen)
        self.details.edited.connect(self._save_details)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.remove_button.clicked.connect(self.remove_current)
        for key, slot, widget, context in (
            (ADD_SHORTCUT, self.picker.setFocus, self, Qt.ShortcutContext.WidgetWithChildrenShortcut),
            ("Alt+Up", lambda: self.move_current(-1), self.table, Qt.ShortcutContext.WidgetShortcut),
            ("Alt+Down", lambda: self.move_current(1), self.table, Qt.ShortcutContext.WidgetShortcut),
            (
                QKeySequence.StandardKey.Delete,
                self.remove_current,
                self.table,
                Qt.ShortcutContext.WidgetShortcut,
            ),
        ):
            shortcut(key, widget, slot, context)
        buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        adding = QHBoxLayout()
        adding.addWidget(picker_label, 0, Qt.AlignmentFlag.AlignTop)
        adding.addWidget(self.picker, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.details)
        layout.addLayout(adding)
        self.load(None)

    # --- contract with the visit editor -------------------------------------------------------------
    def load(self, visit: VisitView | None, page: VisitPage | None = None) -> None:
        """Show the participants of ``visit``; None: a visit not saved yet (nobody to add to).
        ``page``: what the editor read for all tabs at once (else the tab reads its own)."""
        self._visit = visit
        self.hint.setVisible(visit is None)
        self.picker.set_current(None)
        if page is None:
            self.refresh()
        else:
            self.show_page(page)

    def show_page(self, page: VisitPage) -> None:
        """Show what the editor read for all its tabs (no read of its own)."""
        self._visit = page.visit
        self._show(page.participants)

    def refresh(self) -> None:
        participants = []
        if self._visit is not None:
            try:
                participants = self.services.participations.list_for_visit(self._visit.id)
            except NotFoundError:
                self._visit = None  # deleted meanwhile: nothing left to edit
        self._show(participants)

    def _show(self, participants: list[ParticipationView]) -> None:
        current = self.current_participant()
        for widget in (self.table, self.picker):
            widget.setEnabled(self._visit is not None)
        self.model.set_participants(participants)
        if current is not None and self.current_participant() is None:
            self._select(current.id, focus=False)
        self._current_changed()

    # --- actions ------------------------------------------------------------------------------------
    def current_participant(self) -> ParticipationView | None:
        return self.model.participant_at(self.table.currentIndex().row())

    def _chosen(self, person_id: int | None) -> None:
        """A person chosen (or just created) in the search: added at once, the search emptied."""
        if person_id is None:
            return
        self.picker.set_current(None)
        self.add_person(person_id)

    def add_person(self, person: PersonView | int) -> None:
        if self._visit is None:
            return
        person_id = person if isinstance(person, int) else person.id
        data = ParticipationInput(visit_id=self._visit.id, person_id=person_id)
        saved = self._write(partial(add_participant, data=data))
        if saved is not REFUSED:
            self.refresh()
            self._select(saved.id, focus=False)
            self.picker.setFocus()  # ready for the next name

    def move_current(self, step: int) -> None:
        participant, row = self.current_participant(), self.table.currentIndex().row()
        if participant is None or not self.model.can_move(row, step):
            return
        moved = self._write(partial(
            move_participant, record_id=participant.id, version=participant.version, new_index=row + step
        ))  # fmt: skip
        if moved is not REFUSED:
            self.model.set_participants(moved)
            self._select(participant.id)

    def remove_current(self) -> None:
        participant = self.current_participant()
        if participant is None:
            return
        try:
            consequences = self.services.participations.consequences(participant.id)  # a read
        except DomainError as exc:  # removed elsewhere meanwhile
            self._refused(exc)
            return
        question = _("Remove {name} from this visit?").format(name=participant.person_name)
        if not self.prompts.confirm_delete(self, question, consequences, action=Action.REMOVE):
            return
        row = self.table.currentIndex().row()
        removed = self._write(partial(
            remove_participant, record_id=participant.id, version=participant.version, confirmed=True
        ))  # fmt: skip
        if removed is not REFUSED:
            self.refresh()
            neighbour = self.model.participant_at(min(row, self.model.rowCount() - 1))
            if neighbour is not None:
                self._select(neighbour.id)

    # --- helpers ------------------------------------------------------------------------------------
    def _write(self, operation: Callable[[Services], Any], *, form: FieldForm | None = None) -> Any:
        """The operation's result (run by the runner), or REFUSED after showing why it was refused
        (field messages at ``form``'s fields)."""
        return self.runner.outcome(self, operation, on_user_error=partial(self._refused, form=form))

    def _refused(self, exc: DomainError, *, form: FieldForm | None = None) -> None:
        if isinstance(exc, ValidationError):
            unplaced = form.show_errors(exc.errors) if form is not None else list(exc.errors.values())
            if unplaced:
                self.prompts.error(self, "\n".join(unplaced))
        else:
            self.prompts.error(self, exc.message)
            self.refresh()  # changed or deleted elsewhere: show what is

    def _save_details(self) -> None:
        participant, values = self.current_participant(), self.details.values()
        if participant is None or values == {k: getattr(participant, k) or None for k in values}:
            return  # the same value chosen again: nothing to save
        data = ParticipationInput(
            visit_id=participant.visit_id, person_id=participant.person_id, position=participant.position,
            **values,
        )  # fmt: skip
        changed = self._write(
            partial(change_participant, record_id=participant.id, version=participant.version, data=data),
            form=self.details.form,
        )
        if changed is not REFUSED:
            self.refresh()  # a new head of delegation moves to the top; the selection follows
            self._select(participant.id, focus=False)

    def _select(self, participation_id: int, *, focus: bool = True) -> None:
        row = self.model.row_of(participation_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, NAME))
            if focus:
                self.table.setFocus()

    def _current_changed(self, *_args) -> None:
        participant, row = self.current_participant(), self.table.currentIndex().row()
        self.up_button.setEnabled(self.model.can_move(row, -1))
        self.down_button.setEnabled(self.model.can_move(row, 1))
        self.remove_button.setEnabled(participant is not None)
        self.details.show_participant(participant)
