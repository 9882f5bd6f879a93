"""The participants of one visit, in the services' order (side, head of delegation first, then the
users' order). Read-only cells: side, role and attendance are edited in the form under the table."""

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from delegation_app.domain.enums import ParticipantRole
from delegation_app.i18n import N_, _
from delegation_app.i18n.labels import label
from delegation_app.services.views import ParticipationView

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (N_("Name"), N_("Function"), N_("Organisation"), N_("Side"), N_("Role"), N_("Attendance"))
NAME, FUNCTION, ORGANISATION, SIDE, ROLE, ATTENDANCE = range(len(COLUMNS))


def group_of(participant: ParticipationView) -> tuple:
    """Rows the users' order can shuffle among themselves: same side, both head or both not."""
    return participant.side, participant.role == ParticipantRole.HEAD_OF_DELEGATION


class ParticipantTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ParticipationView] = []

    def set_participants(self, participants: Sequence[ParticipationView]) -> None:
        """Same people in the same order: cells update in place (the selection stays)."""
        same = [p.id for p in participants] == [p.id for p in self._rows]
        if not same:
            self.beginResetModel()
        self._rows = list(participants)
        if not same:
            self.endResetModel()
        elif self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    def participant_at(self, row: int) -> ParticipationView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, participation_id: int) -> int:
        return next((i for i, p in enumerate(self._rows) if p.id == participation_id), -1)

    def person_ids(self) -> set[int]:
        return {p.person_id for p in self._rows}

    def can_move(self, row: int, step: int) -> bool:
        here, there = self.participant_at(row), self.participant_at(row + step)
        return here is not None and there is not None and group_of(here) == group_of(there)

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
        p, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (
                p.person_name,
                p.function or "",
                p.organisation_name or "",
                label(p.side),
                label(p.role),
                label(p.attendance),
            )
            return values[column] if 0 <= column < len(values) else None
        if role == Qt.ItemDataRole.UserRole:
            return p.id
        return None
