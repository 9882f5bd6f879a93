"""Pieces of the Agenda tab: the timetable view and the responsible person's list."""

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QTableView, QWidget

from delegation_app.i18n import _
from delegation_app.services.views import AgendaItemView
from delegation_app.ui.common.table_view import TableView
from delegation_app.ui.visits.agenda_table_model import END, PLACE, START, TITLE, AgendaTableModel

NOBODY = 0  # the data of "(nobody)": no record has id 0
# The cells Tab goes through while one is being edited: what, from, until, where (a new item's
# title is open first; Start is already filled in from the item before, End is typed next).
TYPING_ORDER = (TITLE, START, END, PLACE)
Cursor = QAbstractItemView.CursorAction


class TimetableView(TableView):
    """In a cell editor, Tab and Shift+Tab go along ``TYPING_ORDER``, then to the next (previous)
    row; elsewhere the keys are a table's (Tab leaves it, see TableView)."""

    def moveCursor(self, action: Cursor, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        current = self.currentIndex()
        if action not in (Cursor.MoveNext, Cursor.MovePrevious) or current.column() not in TYPING_ORDER:
            return super().moveCursor(action, modifiers)
        step = 1 if action == Cursor.MoveNext else -1
        place = TYPING_ORDER.index(current.column()) + step
        row = current.row() + (place // len(TYPING_ORDER))  # -1 or +1 past either end
        column = TYPING_ORDER[place % len(TYPING_ORDER)]
        model = self.model()
        if not 0 <= row < model.rowCount():
            return QModelIndex()  # past the last (first) cell: the edit ends, the focus stays
        return model.index(row, column)


def timetable_view(model: AgendaTableModel, parent: QWidget) -> QTableView:
    """Rows selected whole; typing or F2 edits a cell; rows can be dragged to another place."""
    table = TimetableView(parent)
    table.setModel(model)
    table.setAccessibleName(_("Programme"))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
    table.setDragDropOverwriteMode(False)
    table.setDefaultDropAction(Qt.DropAction.MoveAction)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
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
