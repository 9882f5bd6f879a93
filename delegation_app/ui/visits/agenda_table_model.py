"""The agenda of one visit as a timetable; times, title and place are edited in the cells.

The model writes nothing itself: an edit goes to ``edit(item, column, text)``, which saves through
the services and returns the stored item (or None: refused, the message is shown by the caller).
A drag within the table goes to ``move(item, new_row)``.
"""

from collections.abc import Callable, Sequence

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QStyle

from delegation_app.i18n import N_, _
from delegation_app.services.views import AgendaItemView, VisitView
from delegation_app.ui.common.contrast import behind_text
from delegation_app.ui.common.record_table_model import Column, Index, RecordTableModel
from delegation_app.ui.visits.agenda_rules import format_slot, problems, visit_days

COLUMNS = (
    Column(N_("Start"), short=True), Column(N_("End"), short=True), Column(N_("Title"), share=4),
    Column(N_("Place")), Column(N_("Responsible")), Column(N_("Notices"), short=True),
)  # fmt: skip
START, END, TITLE, PLACE, RESPONSIBLE, CHECK = range(len(COLUMNS))
EDITABLE = (START, END, TITLE, PLACE)
# The input fields of the services' messages, as the columns the user sees.
FIELD_COLUMNS = {
    "starts_at": COLUMNS[START].title, "ends_at": COLUMNS[END].title, "title": COLUMNS[TITLE].title,
    "place": COLUMNS[PLACE].title, "responsible_person_id": COLUMNS[RESPONSIBLE].title,
}  # fmt: skip
MIME_TYPE = "application/x-delegation-app-agenda-item"
WARNING_BACKGROUND = QColor("#fff3cd")  # besides the text and the icon, never alone

Edit = Callable[[AgendaItemView, int, str], AgendaItemView | None]
Move = Callable[[AgendaItemView, int], None]


def column_message(field: str, message: str) -> str:
    """A service message without a form to show it at: "End: The end must not be before the start"."""
    column = FIELD_COLUMNS.get(field)
    return f"{_(column)}: {message}" if column else message


class AgendaTableModel(RecordTableModel):
    """Not paged: a visit's agenda is all on one page."""

    columns = COLUMNS

    def __init__(self, edit: Edit, move: Move, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._edit, self._move = edit, move
        self._visit: VisitView | None = None
        self._problems: dict[int, list[str]] = {}

    def set_items(self, items: Sequence[AgendaItemView], visit: VisitView | None) -> None:
        """Same items in the same order: cells update in place (open editors and selection stay)."""
        items = list(items)
        self._visit, self._problems = visit, problems(items, visit)
        self.set_rows(items)

    item_at = RecordTableModel.record_at

    def problems_of(self, row: int) -> list[str]:
        item = self.item_at(row)
        return self._problems.get(item.id, []) if item else []

    def _text(self, item: AgendaItemView, column: int) -> str:
        day = visit_days(self._visit)[0]
        if column == START:
            return format_slot(item.starts_at, day)
        if column == END:
            return format_slot(item.ends_at, item.starts_at.date() if item.starts_at else day)
        if column == CHECK:
            found = self._problems.get(item.id, [])
            return "⚠ " + "; ".join(found) if found else ""
        return {TITLE: item.title, PLACE: item.place, RESPONSIBLE: item.responsible_person_name}[column] or ""

    def cell(self, item: AgendaItemView, column: int, role: int):
        flagged = bool(self._problems.get(item.id)) and column in (START, END, CHECK)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "; ".join(self._problems[item.id]) if flagged else self._text(item, column) or None
        if role == Qt.ItemDataRole.DecorationRole and flagged and column == CHECK:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.BackgroundRole and flagged:
            return behind_text(WARNING_BACKGROUND)
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
