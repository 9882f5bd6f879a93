"""Pieces of the Agenda tab: the timetable view and the responsible person's list."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QTableView, QWidget

from delegation_app.i18n import _
from delegation_app.services.views import AgendaItemView
from delegation_app.ui.common.column_fit import fit_columns
from delegation_app.ui.visits.agenda_table_model import AgendaTableModel

NOBODY = 0  # the data of "(nobody)": no record has id 0


def timetable_view(model: AgendaTableModel, parent: QWidget) -> QTableView:
    """Rows selected whole; typing or F2 edits a cell; rows can be dragged to another place."""
    table = QTableView(parent)
    table.setModel(model)
    table.setAccessibleName(_("Programme"))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)  # Tab leaves the table; in a cell editor it goes on
    table.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
    table.setDragDropOverwriteMode(False)
    table.setDefaultDropAction(Qt.DropAction.MoveAction)
    table.verticalHeader().setVisible(False)
    fit_columns(table)
    return table


class ResponsibleChoice(QComboBox):
    """The visit's participants (and whoever is responsible already, should they no longer be one)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Responsible person"))

    def show_for(self, item: AgendaItemView | None, participants: list[tuple[int, str]]) -> None:
        self.setEnabled(item is not None)
        self.clear()
        self.addItem(_("(nobody)"), NOBODY)
        choices = list(participants)
        current = item.responsible_person_id if item is not None else None
        if current is not None and current not in {person_id for person_id, _name in choices}:
            responsible = item.responsible_person_name if item is not None else None  # there is one
            choices.append((current, responsible or ""))
        for person_id, name in choices:
            self.addItem(name, person_id)
        self.setCurrentIndex(max(0, self.findData(current or NOBODY)))

    def person_id(self, index: int) -> int | None:
        return self.itemData(index) or None
