"""The participants of one visit, in the services' order (side, head of delegation first, then the
users' order). Read-only cells: side, role and attendance are edited in the form under the table."""

from PySide6.QtCore import Qt

from delegation_app.domain.enums import ParticipantRole
from delegation_app.i18n import N_
from delegation_app.i18n.labels import label
from delegation_app.services.views import ParticipationView
from delegation_app.ui.common.record_table_model import Column, RecordTableModel

COLUMNS = (
    Column(N_("Name"), share=2), Column(N_("Function"), spare=1), Column(N_("Organisation")),
    Column(N_("Side"), short=True), Column(N_("Role"), short=True), Column(N_("Attendance"), short=True),
)  # fmt: skip
NAME, FUNCTION, ORGANISATION, SIDE, ROLE, ATTENDANCE = range(len(COLUMNS))


def group_of(participant: ParticipationView) -> tuple:
    """Rows the users' order can shuffle among themselves: same side, both head or both not."""
    return participant.side, participant.role == ParticipantRole.HEAD_OF_DELEGATION


class ParticipantTableModel(RecordTableModel):
    columns = COLUMNS

    set_participants = RecordTableModel.set_rows
    participant_at = RecordTableModel.record_at

    def person_ids(self) -> set[int]:
        return {p.person_id for p in self._rows}

    def can_move(self, row: int, step: int) -> bool:
        here, there = self.participant_at(row), self.participant_at(row + step)
        return here is not None and there is not None and group_of(here) == group_of(there)

    def cell(self, p: ParticipationView, column: int, role: int):
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        values = (
            p.person_name,
            p.function or "",
            p.organisation_name or "",
            label(p.side),
            label(p.role),
            label(p.attendance),
        )
        return values[column]
