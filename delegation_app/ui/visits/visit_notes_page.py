"""The visit editor's "Notes" tab: preparing the visit (talking points, protocol notes,
logistics), then notes and lessons learned.

Preparation has no tab of its own: a ninth tab title does not fit beside the visit list at
1280 × 720 (issue 12). All five are the visit's own fields: saved with the overview (Ctrl+S),
kept in the draft, compared in the conflict dialog; the briefing prints them.
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QPlainTextEdit, QWidget

from delegation_app.i18n import _
from delegation_app.services.views import VisitView
from delegation_app.services.visits import PREPARATION_FIELDS
from delegation_app.ui.common.forms import FieldForm


class VisitNotesPage(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = FieldForm(QFormLayout(self))
        fields = {
            "talking_points": (_("&Talking points:"), _("What we want to say and ask; our positions")),
            "protocol_notes": (
                _("P&rotocol notes:"), _("Gifts, seating, interpreters, dress code, forms of address"),
            ),
            "logistics": (
                _("Lo&gistics:"), _("Meeting points, transport, contact on site, emergency numbers"),
            ),
            "notes": (_("&Notes:"), ""),
            "lessons_learned": (_("&Lessons learned:"), ""),
        }  # fmt: skip
        self.edits: dict[str, QPlainTextEdit] = {}
        for name, (caption, hint) in fields.items():
            edit = self.form.add(name, caption, QPlainTextEdit(self))
            edit.setPlaceholderText(hint)
            edit.setTabChangesFocus(True)
            edit.textChanged.connect(self.changed)
            self.edits[name] = edit
        self.notes, self.lessons = self.edits["notes"], self.edits["lessons_learned"]
        self.talking_points = self.edits["talking_points"]

    def load(self, visit: VisitView | None) -> None:
        for name, edit in self.edits.items():
            edit.setPlainText((getattr(visit, name) if visit else None) or "")

    def preparation(self) -> dict[str, str]:
        """The preparation texts as typed; the service trims them and stores nothing for empty ones."""
        return {name: self.edits[name].toPlainText() for name in PREPARATION_FIELDS}

    def restore_preparation(self, values: object) -> None:
        """Put a draft's texts back (a draft written before these fields has none)."""
        if isinstance(values, dict):
            for name in PREPARATION_FIELDS:
                if name in values:
                    self.edits[name].setPlainText(str(values[name] or ""))
