"""The selected participant's side, role, attendance and function at the visit.

Choosing in a list or leaving the function field emits ``edited``; the tab saves at once.
"""

from enum import StrEnum
from typing import TypedDict

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from delegation_app.domain.enums import Attendance, ParticipantRole, ParticipantSide
from delegation_app.i18n import _
from delegation_app.i18n.labels import label
from delegation_app.services.views import ParticipationView
from delegation_app.ui.common.forms import FieldForm


class DetailValues(TypedDict):
    """The form's ParticipationInput fields (the combo boxes hold the enums' string values)."""

    side: str
    role: str
    attendance: str
    function_at_visit: str | None


def enum_combo(parent: QWidget, enum_cls: type[StrEnum]) -> QComboBox:
    combo = QComboBox(parent)
    for member in enum_cls:
        combo.addItem(label(member), member.value)
    return combo


class ParticipantDetails(QWidget):
    edited = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.side = enum_combo(self, ParticipantSide)
        self.role = enum_combo(self, ParticipantRole)
        self.attendance = enum_combo(self, Attendance)
        self.function_at_visit = QLineEdit(self)
        self.function_at_visit.setPlaceholderText(_("Only if other than the person's current function"))
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.form = FieldForm(layout)
        self.form.add("side", _("Si&de:"), self.side)
        self.form.add("role", _("R&ole:"), self.role)
        self.form.add("attendance", _("A&ttendance:"), self.attendance)
        self.form.add("function_at_visit", _("Function &at the visit:"), self.function_at_visit)
        for combo in (self.side, self.role, self.attendance):
            combo.activated.connect(lambda _index: self.edited.emit())
        self.function_at_visit.editingFinished.connect(self._function_done)
        self._shown: ParticipationView | None = None
        self.show_participant(None)

    def show_participant(self, participant: ParticipationView | None) -> None:
        typing = self.function_at_visit.hasFocus() and self._shown is not None
        keep = (
            self.function_at_visit.text()
            if typing and participant and self._shown is not None and participant.id == self._shown.id
            else None
        )
        self._shown = participant
        self.form.clear_errors()
        self.setEnabled(participant is not None)
        for combo, value in (
            (self.side, participant.side if participant else ParticipantSide.DELEGATION),
            (self.role, participant.role if participant else ParticipantRole.MEMBER),
            (self.attendance, participant.attendance if participant else Attendance.INVITED),
        ):
            combo.setCurrentIndex(combo.findData(value.value))
        if keep is None:  # a refresh while the user types in the field keeps what they typed
            self.function_at_visit.setText(participant.function_at_visit or "" if participant else "")

    def values(self) -> DetailValues:
        """The form as ParticipationInput fields."""
        return {
            "side": self.side.currentData(),
            "role": self.role.currentData(),
            "attendance": self.attendance.currentData(),
            "function_at_visit": self.function_at_visit.text() or None,
        }

    def _function_done(self) -> None:
        shown = self._shown
        if shown is not None and (self.function_at_visit.text() or None) != shown.function_at_visit:
            self.edited.emit()
