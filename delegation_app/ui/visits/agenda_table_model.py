"""The agenda of one visit as a timetable; times, title and place are edited in the cells.

The model writes nothing itself: an edit goes to ``edit(item, column, text)``, which saves through
the services and returns the stored item (or None: refused, the message is shown by the caller).
A drag within the table goes to ``move(item, new_row)``.
"""

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QStyle

from delegation_app.i18n import N_, _
from delegation_app.services.views import AgendaItemView, VisitView
from delegation_app.ui.visits.agenda_rules import format_clock, problems, visit_days

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (N_("Start"), N_("End"), N_("Title"), N_("Place"), N_("Responsible"), N_("Notices"))
START, END, TITLE, PLACE, RESPONSIBLE, CHECK = range(len(COLUMNS))
EDITABLE = (START, END, TITLE, PLACE)
# The input fields of the services' messages, as the columns the user sees.
FIELD_COLUMNS = {
    "starts_at": COLUMNS[START], "ends_at": COLUMNS[END], "title": COLUMNS[TITLE], "place": COLUMNS[PLACE],
    "responsible_person_id": COLUMNS[RESPONSIBLE],
}  # fmt: skip
MIME_TYPE = "application/x-delegation-app-agenda-item"
WARNING_BACKGROUND = QColor("#fff3cd")  # besides the text and the icon, never alone

Edit = Callable[[AgendaItemView, int, str], AgendaItemView | None]
Move = Callable[[AgendaItemView, int], None]


def column_message(field: str, message: str) -> str:
    """A service message without a form to show it at: "End: The end must not be before the start"."""
    column = FIELD_COLUMNS.get(field)
    return f"{_(column)}: {message}" if column else message


class AgendaTableModel(QAbstractTableModel):
    def __init__(self, edit: Edit, move: Move, parent=None) -> None:
        super().__init__(parent)
        self._edit, self._move = edit, move
        self._rows: list[AgendaItemView] = []
        self._visit: VisitView | None = None
        self._problems: dict[int, list[str]] = {}

    def set_items(self, items: Sequence[AgendaItemView], visit: VisitView | None) -> None:
        """Same items in the same order: cells update in place (open editors and selection stay)."""
        same = [i.id for i in items] == [i.id for i in self._rows]
        if not same:
            self.beginResetModel()
        self._rows, self._visit = list(items), visit
        self._problems = problems(self._rows, visit)
        if not same:
            self.endResetModel()
        elif self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    def item_at(self, row: int) -> AgendaItemView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, item_id: int) -> int:
        return next((i for i, item in enumerate(self._rows) if item.id == item_id), -1)

    def problems_of(self, row: int) -> list[str]:
        item = self.item_at(row)
        return self._problems.get(item.id, []) if item else []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(COLUMNS):
            return _(COLUMNS[section])
        return None

    def _text(self, item: AgendaItemView, column: int) -> str:
        day = visit_days(self._visit)[0]
        if column == START:
            return format_clock(item.starts_at, day)
        if column == END:
            return format_clock(item.ends_at, item.starts_at.date() if item.starts_at else day)
        if column == CHECK:
            found = self._problems.get(item.id, [])
            return "⚠ " + "; ".join(found) if found else ""
        return {TITLE: item.title, PLACE: item.place, RESPONSIBLE: item.responsible_person_name}[column] or ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        item, column = self._rows[index.row()], index.column()
        if not 0 <= column < len(COLUMNS):
            return None
        flagged = bool(self._problems.get(item.id)) and column in (START, END, CHECK)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "; ".join(self._problems[item.id]) if flagged else self._text(item, column) or None
        if role == Qt.ItemDataRole.DecorationRole and flagged and column == CHECK:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.BackgroundRole and flagged:
            return WARNING_BACKGROUND
        if role == Qt.ItemDataRole.UserRole:
            return item.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() in EDITABLE else flags

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() not in EDITABLE:
            return False
        item = self.item_at(index.row())
        if item is None or str(value) == self._text(item, index.column()):
            return False  # unchanged: nothing to save
        saved = self._edit(item, index.column(), str(value))
        if saved is None:
            return False
        row = self.row_of(saved.id)  # the change signal may have reloaded the rows meanwhile
        if row >= 0:
            self._rows[row] = saved
            self.set_items(self._rows, self._visit)  # times may clash now, or no longer
        return True

    # --- drag and drop within the table ----------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        rows = {i.row() for i in indexes if i.isValid()}
        if len(rows) == 1:
            mime.setData(MIME_TYPE, QByteArray(str(self._rows[rows.pop()].id).encode()))
        return mime

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Moves through ``move`` and returns False, so the view removes no row itself."""
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME_TYPE):
            return False
        source = self.row_of(int(bytes(data.data(MIME_TYPE).data()).decode() or 0))
        if source < 0:
            return False
        if row >= 0:  # between two rows: before ``row``, counted after the source has left its place
            new_row = row - 1 if row > source else row
        else:  # onto a row: take its place; onto the empty area: last
            new_row = parent.row() if parent.isValid() else len(self._rows) - 1
        if new_row != source:
            self._move(self._rows[source], new_row)
        return False
