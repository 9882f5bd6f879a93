"""Who was met: a person chooser (Enter adds; "„…“ neu anlegen" creates one in place), a ticked list.

The list holds the people found by the search (ticked) and, when the entry belongs to a visit,
that visit's participants (unticked until ticked with Space), so one entry can cover everybody met
at the visit. Del takes a found person off the list again.
"""

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from delegation_app.i18n import _
from delegation_app.services.registry import Services
from delegation_app.services.views import ParticipationView, PersonView
from delegation_app.ui.common.keyboard import shortcut
from delegation_app.ui.common.new_record_dialog import Creating
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.person_choice import person_chooser
from delegation_app.ui.common.person_text import describe
from delegation_app.ui.common.prompts import Prompts

PERSON, PARTICIPANT = Qt.ItemDataRole.UserRole, Qt.ItemDataRole.UserRole + 1
VISIBLE_ROWS = 6


class PeopleChooser(QObject):
    """The search and the list, made in ``parent``; the dialog lays them out."""

    def __init__(
        self, services: Services, prompts: Prompts, runner: OperationRunner, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.picker = person_chooser(
            services,
            parent,
            creating=Creating(services, runner, prompts),
            exclude=self.ticked_ids,
            placeholder=_("Name…"),
        )
        self.picker.setAccessibleName(_("Find a person"))
        self.picker.setToolTip(_("Type part of a name, then Enter; several people one after another"))
        self.list = QListWidget(parent)
        self.list.setToolTip(_("Space ticks or unticks; Del takes a person off the list"))
        self.picker.chosen_changed.connect(self._chosen)
        shortcut(
            QKeySequence.StandardKey.Delete, self.list, self.remove_current, Qt.ShortcutContext.WidgetShortcut
        )
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

    def _chosen(self, person_id: int | None) -> None:
        """Chosen (or just created) in the search: ticked in the list, the search emptied."""
        if person_id is None:
            return
        self.picker.set_current(None)
        self.add_person(self.services.people.get(person_id))

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
