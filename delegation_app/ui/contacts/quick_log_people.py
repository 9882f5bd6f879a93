"""Who was met: search-as-you-type (Enter adds), a ticked list, and a new person created in place.

The list holds the people found by the search (ticked) and, when the entry belongs to a visit,
that visit's participants (unticked until ticked with Space), so one entry can cover everybody met
at the visit. Del takes a found person off the list again.
"""

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from delegation_app.i18n import _
from delegation_app.services.registry import Services
from delegation_app.services.views import ParticipationView, PersonView
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.person_text import describe
from delegation_app.ui.common.prompts import Prompts
from delegation_app.ui.people.person_picker import PersonPicker
from delegation_app.ui.people.person_picker_create import NewPersonForm

PERSON, PARTICIPANT = Qt.ItemDataRole.UserRole, Qt.ItemDataRole.UserRole + 1
VISIBLE_ROWS = 6


class PeopleChooser(QObject):
    """The search, the list and the new-person form, made in ``parent``; the dialog lays them out."""

    def __init__(
        self, services: Services, prompts: Prompts, runner: OperationRunner, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.picker = PersonPicker(services, parent, exclude=self.ticked_ids)
        self.picker.edit.setAccessibleName(_("Find a person"))
        self.picker.setToolTip(_("Type part of a name, then Enter; several people one after another"))
        self.list = QListWidget(parent)
        self.list.setToolTip(_("Space ticks or unticks; Del takes a person off the list"))
        self.new_person = NewPersonForm(services, prompts, runner, parent)
        self.picker.picked.connect(self.add_person)
        self.picker.create_requested.connect(self.new_person.start)
        self.new_person.created.connect(self.add_person)
        self.new_person.cancelled.connect(self.picker.setFocus)
        QShortcut(QKeySequence.StandardKey.Delete, self.list, self.remove_current,
                  context=Qt.ShortcutContext.WidgetShortcut)  # fmt: skip
        self._fit()

    def ticked_ids(self) -> list[int]:
        return [item.data(PERSON) for item in self._items() if item.checkState() == Qt.CheckState.Checked]

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(row) for row in range(self.list.count())]

    def _item_of(self, person_id: int) -> QListWidgetItem | None:
        return next((item for item in self._items() if item.data(PERSON) == person_id), None)

    def _new_item(self, text: str, person_id: int, row: int, *, participant: bool, ticked: bool) -> None:
        item = QListWidgetItem(text)
        item.setData(PERSON, person_id)
        item.setData(PARTICIPANT, participant)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.list.insertItem(row, item)

    def add_person(self, person: PersonView) -> None:
        """Tick ``person``; found people come before the visit's participants."""
        item = self._item_of(person.id)
        if item is None:
            row = sum(1 for i in self._items() if not i.data(PARTICIPANT))
            self._new_item(describe(person), person.id, row, participant=False, ticked=True)
            item = self.list.item(row)
        item.setCheckState(Qt.CheckState.Checked)
        self.list.setCurrentItem(item)
        self._fit()
        self.picker.setFocus()  # ready for the next name

    def set_participants(self, participants: Sequence[ParticipationView]) -> None:
        """Offer these participants (unticked); ticked people stay, unticked participants of
        another visit go."""
        for item in self._items():
            if item.data(PARTICIPANT) and item.checkState() != Qt.CheckState.Checked:
                self.list.takeItem(self.list.row(item))
        for p in participants:
            if self._item_of(p.person_id) is None:
                details = ", ".join(part for part in (p.function, p.organisation_name) if part)
                text = f"{p.person_name} — {details}" if details else p.person_name
                self._new_item(text, p.person_id, self.list.count(), participant=True, ticked=False)
        self._fit()

    def tick(self, person_ids: Sequence[int]) -> None:
        for person_id in person_ids:
            item = self._item_of(person_id)
            if item is not None:
                item.setCheckState(Qt.CheckState.Checked)

    def clear_ticks(self) -> None:
        """Nobody ticked: found people leave the list, the visit's participants stay offered."""
        for item in self._items():
            if item.data(PARTICIPANT):
                item.setCheckState(Qt.CheckState.Unchecked)
            else:
                self.list.takeItem(self.list.row(item))
        self._fit()

    def remove_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        if item.data(PARTICIPANT):
            item.setCheckState(Qt.CheckState.Unchecked)  # stays offered: the visit's participant
        else:
            self.list.takeItem(self.list.row(item))
        self._fit()

    def _fit(self) -> None:
        rows = min(max(self.list.count(), 1), VISIBLE_ROWS)
        row_height = (
            self.list.sizeHintForRow(0) if self.list.count() else self.list.fontMetrics().height() + 4
        )
        self.list.setFixedHeight(row_height * rows + 2 * self.list.frameWidth())
