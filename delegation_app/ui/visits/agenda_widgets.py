"""Pieces of the Agenda tab: the timetable view and its time cells' editor."""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from delegation_app.i18n import _
from delegation_app.ui.common.column_fit import fit_columns
from delegation_app.ui.common.date_fields import DateField, Kind
from delegation_app.ui.common.table_view import TableView
from delegation_app.ui.visits.agenda_table_model import COLUMNS, END, PLACE, START, TITLE, AgendaTableModel

Index = QModelIndex | QPersistentModelIndex
LEAVING_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)

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
    fit_columns(table)
    return table


class TimeCellDelegate(QStyledItemDelegate):
    """Start and end are typed in the program's one date/time field (``1030`` is 10:30 on the
    item's day). A time that cannot be read is not saved: Enter and Tab keep the editor open with
    the text as typed, and ``problem`` says why (the tab shows it under the table, never in a
    message box); leaving the cell otherwise closes it, and the message names what was typed."""

    problem = Signal(str)  # "" once the problem is solved

    def __init__(self, day_of: Callable[[Index], date | None], parent: QObject) -> None:
        super().__init__(parent)
        self._day_of = day_of

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if index.column() not in (START, END):
            return super().createEditor(parent, option, index)
        row, column = QPersistentModelIndex(index), index.column()
        editor = DateField(Kind.DATE_TIME, parent, day=lambda: self._day_of(row))
        editor.setAccessibleName(_(COLUMNS[column].title))
        editor.problem_changed.connect(
            lambda message: self.problem.emit(self.say(column, editor.text(), message))
        )
        return editor

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: Index) -> None:
        super().updateEditorGeometry(editor, option, index)
        if isinstance(editor, DateField):  # a column sized to "09:30" is too narrow to type a date in
            wide = editor.fontMetrics().horizontalAdvance("24.02.2026 09:30") + 3 * editor.height() // 2
            editor.resize(max(editor.width(), wide), editor.height())

    def say(self, column: int, typed: str, message: str) -> str:
        if not message:
            return ""
        return _("{column} “{typed}”: {message}").format(
            column=_(COLUMNS[column].title), typed=typed.strip(), message=message
        )

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, DateField):
            message = editor.problem()
            if message:  # the editor was left without Enter: what was typed stays readable below
                self.problem.emit(self.say(index.column(), editor.text(), message))
                return
            self.problem.emit("")
        super().setModelData(editor, model, index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape:
            self.problem.emit("")  # typing given up: nothing left to explain
        if (
            isinstance(watched, DateField)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in LEAVING_KEYS
            and not watched.check()  # says why through problem_changed
        ):
            return True  # stays open, the text as typed
        return super().eventFilter(watched, event)
