"""The quotes of one visit: who said it, how it starts, when, and whether it may be published."""

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from delegation_app.domain.enums import ApprovalState
from delegation_app.i18n import N_, _
from delegation_app.i18n.formatting import format_date
from delegation_app.i18n.labels import label
from delegation_app.services.views import QuoteView

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (N_("Speaker"), N_("Quote"), N_("Said on"), N_("Approval"))
SPEAKER, TEXT, SAID_ON, APPROVAL = range(len(COLUMNS))
START_LENGTH = 80
# The state's name is always shown too: the mark is never the only signal.
APPROVAL_MARK = {
    ApprovalState.CAPTURED: "○",
    ApprovalState.SENT_FOR_APPROVAL: "◔",
    ApprovalState.APPROVED: "✓",
    ApprovalState.INTERNAL_ONLY: "✕",  # not for publication
}


def text_start(text: str) -> str:
    """The first line, cut at a word near START_LENGTH characters: „Wichtig ist nicht, …"""
    first = " ".join(text.split())
    if len(first) <= START_LENGTH:
        return first
    cut = first[:START_LENGTH].rsplit(" ", 1)[0]
    return f"{cut} …"


class QuoteTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[QuoteView] = []

    def set_quotes(self, quotes: Sequence[QuoteView]) -> None:
        """Same quotes in the same order: cells update in place (the selection stays)."""
        same = [q.id for q in quotes] == [q.id for q in self._rows]
        if not same:
            self.beginResetModel()
        self._rows = list(quotes)
        if not same:
            self.endResetModel()
        elif self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    def quote_at(self, row: int) -> QuoteView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, quote_id: int | None) -> int:
        return next((i for i, q in enumerate(self._rows) if q.id == quote_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(COLUMNS):
            return _(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        quote, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.ToolTipRole and column == TEXT:
            return quote.text
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (
                quote.speaker_display,
                text_start(quote.text),
                format_date(quote.said_on),
                f"{APPROVAL_MARK[quote.approval_state]} {label(quote.approval_state)}",
            )
            return values[column] if 0 <= column < len(values) else None
        if role == Qt.ItemDataRole.UserRole:
            return quote.id
        return None
