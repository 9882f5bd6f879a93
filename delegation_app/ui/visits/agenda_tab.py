"""The visit editor's Agenda tab: a timetable edited in place, each row saved as its own record.

Keys: Ctrl+Shift+A adds an item (and opens its title for typing), Alt+Up / Alt+Down move the
selected item, Del deletes it (after confirming); F2 or typing edits a cell, Enter saves it.
The responsible person is chosen by typing, as every person in the program: the visit's
participants first (Down in the empty field lists them), anybody else found or created in place
(a guide at the museum is rarely a participant); emptying the field leaves nobody responsible.
Times are typed in the program's one date/time field: "09:30" (or "930") on the item's day, or
with a date for other days; Alt+Down opens the calendar. A time that cannot be read, and what the
service refuses, are said under the table, never in a message box.
"""

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from delegation_app.domain.errors import DomainError, NotFoundError, ValidationError
from delegation_app.i18n import _
from delegation_app.i18n.date_input import DateInputError, parse_date_time
from delegation_app.operations.agenda import delete_agenda_item, move_agenda_item, save_agenda_item
from delegation_app.services.agenda import AgendaItemInput
from delegation_app.services.registry import Services
from delegation_app.services.views import AgendaItemView, ParticipationView, VisitView
from delegation_app.services.visit_page import VisitPage
from delegation_app.ui.common.date_fields import today
from delegation_app.ui.common.forms import error_style
from delegation_app.ui.common.key_names import native
from delegation_app.ui.common.keyboard import shortcut
from delegation_app.ui.common.new_record_dialog import Creating
from delegation_app.ui.common.operation_runner import REFUSED, OperationRunner
from delegation_app.ui.common.person_choice import person_chooser
from delegation_app.ui.common.prompts import Prompts
from delegation_app.ui.visits.agenda_rules import visit_days
from delegation_app.ui.visits.agenda_table_model import END, START, TITLE, AgendaTableModel, column_message
from delegation_app.ui.visits.agenda_widgets import Index, TimeCellDelegate, timetable_view

ADD_SHORTCUT = "Ctrl+Shift+A"


class AgendaTab(QWidget):
    def __init__(self, services: Services, prompts: Prompts, runner: OperationRunner, parent=None) -> None:
        super().__init__(parent)
        self.services, self.prompts, self.runner = services, prompts, runner
        self._visit: VisitView | None = None
        self._participants: list[int] = []  # person ids, listed first when choosing the responsible person
        self.model = AgendaTableModel(self._edit, self._move_later, self)
        self.hint = QLabel(_("Save the visit first."), self)
        self.table = timetable_view(self.model, self)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.time_cells = TimeCellDelegate(self._day_of, self.table)
        self.table.setItemDelegate(self.time_cells)
        self.problem = QLabel(self)  # a time typed wrong or refused: said here, the table stays usable
        self.problem.setStyleSheet(error_style())
        self.problem.setWordWrap(True)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.hide()
        self.time_cells.problem.connect(self._show_problem)
        self.add_button = QPushButton(_("Add programme &item"), self)
        self.add_button.setToolTip(_("Add a programme item ({key})").format(key=native(ADD_SHORTCUT)))
        self.up_button = QPushButton(_("Move &up"), self)
        self.up_button.setToolTip(_("Move the programme item up ({key})").format(key=native("Alt+Up")))
        self.down_button = QPushButton(_("Move do&wn"), self)
        self.down_button.setToolTip(_("Move the programme item down ({key})").format(key=native("Alt+Down")))
        self.delete_button = QPushButton(_("&Delete item"), self)
        self.delete_button.setToolTip(_("Delete the programme item ({key})").format(key=native("Del")))
        self.responsible = person_chooser(
            services,
            self,
            creating=Creating(services, runner, prompts),
            first=lambda: self._participants,
            placeholder=_("(nobody)"),
        )
        self.responsible.setAccessibleName(_("Responsible person"))
        self._responsible_of: tuple[int, int | None] | None = None  # (item, person) the field shows
        responsible_label = QLabel(_("&Responsible person:"), self)
        responsible_label.setBuddy(self.responsible)
        self.add_button.clicked.connect(self.add_item)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.delete_button.clicked.connect(self.delete_current)
        self.responsible.chosen_changed.connect(self._responsible_chosen)
        for key, slot, widget, context in (
            (ADD_SHORTCUT, self.add_item, self, Qt.ShortcutContext.WidgetWithChildrenShortcut),
            ("Alt+Up", lambda: self.move_current(-1), self.table, Qt.ShortcutContext.WidgetShortcut),
            ("Alt+Down", lambda: self.move_current(1), self.table, Qt.ShortcutContext.WidgetShortcut),
            (
                QKeySequence.StandardKey.Delete,
                self.delete_current,
                self.table,
                Qt.ShortcutContext.WidgetShortcut,
            ),
        ):
            shortcut(key, widget, slot, context)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.up_button, self.down_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        responsible_row = QHBoxLayout()  # a row of its own: the tab stays narrow enough for 1366 px
        responsible_row.addWidget(responsible_label)
        responsible_row.addWidget(self.responsible, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        layout.addLayout(responsible_row)
        self.load(None)

    # --- contract with the visit editor -------------------------------------------------------------
    def load(self, visit: VisitView | None, page: VisitPage | None = None) -> None:
        """Show the agenda of ``visit``; None: a visit not saved yet (nothing to add to). ``page``:
        what the editor read for all tabs at once (else the tab reads its own)."""
        self._visit = visit
        self.hint.setVisible(visit is None)
        if page is None:
            self.refresh()
        else:
            self.show_page(page)

    def show_page(self, page: VisitPage) -> None:
        """Show what the editor read for all its tabs (no read of its own)."""
        self._visit = page.visit
        self._show(page.agenda, page.participants)

    def refresh(self) -> None:
        items, participants = [], []
        if self._visit is not None:
            try:
                with self.services.one_read():
                    self._visit = self.services.visits.get(self._visit.id)  # its dates may have changed
                    items = self.services.agenda.list_for_visit(self._visit.id)
                    participants = self.services.participations.list_for_visit(self._visit.id)
            except NotFoundError:
                self._visit = None  # deleted meanwhile: nothing left to edit
        self._show(items, participants)

    def _show(self, items: list[AgendaItemView], participants: list[ParticipationView]) -> None:
        current = self.current_item()
        self.table.setEnabled(self._visit is not None)
        self.add_button.setEnabled(self._visit is not None)
        self.model.set_items(items, self._visit)
        self._participants = [p.person_id for p in participants]
        if current is not None and self.current_item() is None:
            self._select(current.id, focus=False)
        self._current_changed()

    # --- actions ------------------------------------------------------------------------------------
    def current_item(self) -> AgendaItemView | None:
        return self.model.item_at(self.table.currentIndex().row())

    def add_item(self) -> None:
        """A new item after the last one (starting when it ends), its title open for typing."""
        if self._visit is None:
            return
        self._finish_editing()
        last = self.model.item_at(self.model.rowCount() - 1)
        start = last.ends_at if last else self._visit.starts_at
        data = AgendaItemInput(visit_id=self._visit.id, title=_("New programme item"), starts_at=start)
        saved = self._write(partial(save_agenda_item, data=data))
        if saved is not REFUSED:
            self.refresh()
            self._select(saved.id, TITLE)
            self.table.edit(self.table.currentIndex())

    def move_current(self, step: int) -> None:
        item, row = self.current_item(), self.table.currentIndex().row()
        if item is not None and 0 <= row + step < self.model.rowCount():
            self._finish_editing()
            moved = self.current_item()  # asked again: finishing the edit may have reloaded the rows
            if moved is not None:
                self._move(moved, row + step)

    def delete_current(self) -> None:
        item = self.current_item()
        if item is None:
            return
        try:
            consequences = self.services.agenda.consequences(item.id)  # a read: no operation
        except DomainError as exc:  # deleted elsewhere meanwhile
            self._refused(exc)
            return
        question = _("Delete the programme item “{title}”?").format(title=item.title)
        if not self.prompts.confirm_delete(self, question, consequences):
            return
        row = self.table.currentIndex().row()
        deleted = self._write(
            partial(delete_agenda_item, record_id=item.id, version=item.version, confirmed=True)
        )
        if deleted is not REFUSED:
            self.refresh()
            neighbour = self.model.item_at(min(row, self.model.rowCount() - 1))
            if neighbour is not None:
                self._select(neighbour.id)

    # --- helpers ------------------------------------------------------------------------------------
    def _write(self, operation: Callable[[Services], Any], *, later: bool = False) -> Any:
        """The operation's result (run by the runner), or REFUSED after showing why it was refused
        (``later``: from a cell editor, which must close before a message box takes the focus)."""
        return self.runner.outcome(self, operation, on_user_error=partial(self._refused, later=later))

    def _refused(self, exc: DomainError, *, later: bool = False) -> None:
        if isinstance(exc, ValidationError):  # no form here: each message names its column
            self._show_problem("\n".join(column_message(field, text) for field, text in exc.errors.items()))
            return
        QTimer.singleShot(0, self, self.refresh)  # changed or deleted elsewhere: show what is
        self._error(exc.message, later=later)

    def _show_problem(self, message: str) -> None:
        self.problem.setText("⚠ " + message if message else "")
        self.problem.setVisible(bool(message))
        self.table.setAccessibleDescription(_("Error: {message}").format(message=message) if message else "")

    def _error(self, message: str, *, later: bool = False) -> None:
        if later:
            QTimer.singleShot(0, self, lambda: self.prompts.error(self, message))
        else:
            self.prompts.error(self, message)

    def _input(self, item: AgendaItemView) -> AgendaItemInput:
        return AgendaItemInput(
            visit_id=item.visit_id, title=item.title, starts_at=item.starts_at, ends_at=item.ends_at,
            place=item.place, responsible_person_id=item.responsible_person_id, notes=item.notes,
            position=item.position,
        )  # fmt: skip

    def _day(self, item: AgendaItemView | None, column: int) -> date | None:
        """The day a time typed alone into ``column`` is on: the item's, else the visit's first."""
        if item is not None:
            known = item.starts_at if column == START else (item.ends_at or item.starts_at)
            if known is not None:
                return known.date()
        return visit_days(self._visit)[0]

    def _day_of(self, index: Index) -> date | None:
        return self._day(self.model.item_at(index.row()), index.column())

    def _edit(self, item: AgendaItemView, column: int, text: str) -> AgendaItemView | None:
        data = self._input(item)
        if column in (START, END):
            try:
                when = parse_date_time(text, today(), self._day(item, column))
            except DateInputError as exc:  # the cell editor let it through: said all the same
                self._show_problem(self.time_cells.say(column, text, str(exc)))
                return None
            data = replace(data, starts_at=when) if column == START else replace(data, ends_at=when)
        else:
            data = replace(data, title=text) if column == TITLE else replace(data, place=text)
        if data == self._input(item):
            return None  # "9:30" for 09:30: nothing to save
        saved = self._write(
            partial(save_agenda_item, data=data, record_id=item.id, version=item.version), later=True
        )
        return None if saved is REFUSED else saved

    def _finish_editing(self) -> None:
        """Save a cell still being typed in before the rows change under it (a shortcut pressed
        while typing); Qt would otherwise drop the editor and what it holds."""
        editor = self.table.indexWidget(self.table.currentIndex())
        if self.table.state() == QAbstractItemView.State.EditingState and editor is not None:
            self.table.commitData(editor)
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def _move(self, item: AgendaItemView, new_row: int) -> None:
        items = self._write(
            partial(move_agenda_item, record_id=item.id, version=item.version, new_index=new_row)
        )
        if items is not REFUSED:
            self.model.set_items(items, self._visit)
            self._select(item.id)

    def _move_later(self, item: AgendaItemView, new_row: int) -> None:
        """From a drop: moved once the drag has finished with the rows."""
        QTimer.singleShot(0, self, lambda: self._move(item, new_row))

    def _select(self, item_id: int, column: int = TITLE, *, focus: bool = True) -> None:
        row = self.model.row_of(item_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, column))
            if focus:
                self.table.setFocus()

    def _current_changed(self, *_args) -> None:
        item, row = self.current_item(), self.table.currentIndex().row()
        self.up_button.setEnabled(item is not None and row > 0)
        self.down_button.setEnabled(item is not None and row < self.model.rowCount() - 1)
        self.delete_button.setEnabled(item is not None)
        self._show_responsible(item)

    def _show_responsible(self, item: AgendaItemView | None) -> None:
        """The item's responsible person in the field; a refresh that changes neither keeps what is
        being typed there (creating a person in place refreshes the tab while its dialog is open)."""
        self.responsible.setEnabled(item is not None)
        shown = (item.id, item.responsible_person_id) if item is not None else None
        if shown == self._responsible_of and (self.responsible.hasFocus() or self.responsible.creating):
            return
        self._responsible_of = shown
        if item is None:
            self.responsible.set_current(None, "")
        else:
            self.responsible.set_current(item.responsible_person_id, item.responsible_person_name)

    def _responsible_chosen(self, person_id: int | None) -> None:
        item = self.current_item()
        if item is None or person_id == item.responsible_person_id:
            return
        data = replace(self._input(item), responsible_person_id=person_id)
        saved = partial(save_agenda_item, data=data, record_id=item.id, version=item.version)
        if self._write(saved) is REFUSED:
            self._responsible_of = None  # the field goes back to what is stored
        self.refresh()
