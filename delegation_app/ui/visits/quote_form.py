"""The form under the quotes list: one quote, exactly as said.

The speaker is one of the visit's participants (chosen in the list) or a name typed in freely.
The text is kept as typed or pasted, German quotation marks „…“ included.
"""

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from delegation_app.domain.enums import ApprovalState, QuoteKind
from delegation_app.domain.errors import ValidationError
from delegation_app.i18n import _
from delegation_app.i18n.formatting import format_date
from delegation_app.services.quotes import QuoteInput
from delegation_app.services.views import QuoteView
from delegation_app.ui.common.forms import FieldForm
from delegation_app.ui.visits.participant_details import enum_combo


def parse_date(text: str) -> date | None:
    """``24.02.2026`` (also ``24.2.2026``); empty: no date. Raises ValueError."""
    text = text.strip()
    return datetime.strptime(text, "%d.%m.%Y").date() if text else None


class QuoteForm(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.speaker = QComboBox(self)
        self.speaker.setEditable(True)
        self.speaker.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        speaker_edit = self.speaker.lineEdit()  # made by setEditable(True): None only if not editable
        if speaker_edit is not None:
            speaker_edit.setPlaceholderText(_("Choose a participant or type a name"))
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)  # Tab leaves the field; a quote needs no tab characters
        self.text.setPlaceholderText(_("Exactly as said, with quotation marks: „…“"))
        self.context = QLineEdit(self)
        self.kind = enum_combo(self, QuoteKind)
        self.approval_state = enum_combo(self, ApprovalState)
        self.said_on = QLineEdit(self)
        self.said_on.setPlaceholderText(_("DD.MM.YYYY"))
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.form = FieldForm(layout)
        self.form.add("speaker_label", _("Spea&ker:"), self.speaker)
        self.form.add("text", _("&Text:"), self.text)
        self.form.add("context", _("Co&ntext:"), self.context)
        self.form.add("kind", _("Kin&d:"), self.kind)
        self.form.add("approval_state", _("A&pproval:"), self.approval_state)
        self.form.add("said_on", _("Said &on:"), self.said_on)
        if speaker_edit is not None:
            speaker_edit.setAccessibleName(self.speaker.accessibleName())
        self._baseline: tuple = ()
        self.show_quote(None, None)

    def set_speakers(self, speakers: list[tuple[int, str]]) -> None:
        """The visit's participants as (person id, name); what is typed in the field stays."""
        typed = self.speaker.currentText()
        self.speaker.clear()
        for person_id, name in speakers:
            self.speaker.addItem(name, person_id)
        self.speaker.setCurrentIndex(-1)
        self.speaker.setEditText(typed)

    def show_quote(self, quote: QuoteView | None, default_day: date | None) -> None:
        """Fill the form (None: empty, for a new quote said on ``default_day``); nothing is unsaved then."""
        self.form.clear_errors()
        person_id = quote.speaker_person_id if quote else None
        if quote and person_id is not None and self.speaker.findData(person_id) < 0:  # not a participant now
            self.speaker.addItem(quote.speaker_display, person_id)
        self.speaker.setCurrentIndex(-1)
        self.speaker.setEditText(quote.speaker_display if quote else "")
        self.text.setPlainText(quote.text if quote else "")
        self.context.setText(quote.context or "" if quote else "")
        kind, state = (
            (quote.kind, quote.approval_state) if quote else (QuoteKind.VERBATIM, ApprovalState.CAPTURED)
        )
        self.kind.setCurrentIndex(self.kind.findData(kind.value))
        self.approval_state.setCurrentIndex(self.approval_state.findData(state.value))
        self.said_on.setText(format_date(quote.said_on if quote else default_day))
        self._baseline = self._state()

    def _state(self) -> tuple:
        return (
            self.speaker.currentText().strip(), self.text.toPlainText(), self.context.text(),
            self.kind.currentData(), self.approval_state.currentData(), self.said_on.text().strip(),
        )  # fmt: skip

    def is_dirty(self) -> bool:
        return self._state() != self._baseline

    def speaker_id(self) -> int | None:
        """The participant whose name is in the field, or None for a free-text name."""
        name = self.speaker.currentText().strip()
        index = self.speaker.findText(name, Qt.MatchFlag.MatchFixedString) if name else -1
        return self.speaker.itemData(index) if index >= 0 else None

    def to_input(self, visit_id: int, base: QuoteView | None) -> QuoteInput:
        """The form as a full QuoteInput; what the form does not show is kept from ``base``."""
        try:
            said_on = parse_date(self.said_on.text())
        except ValueError:
            raise ValidationError({"said_on": _("Please enter a date like 24.02.2026.")}) from None
        person_id = self.speaker_id()
        state = ApprovalState(self.approval_state.currentData())
        kept_approval = base is not None and base.approval_state == ApprovalState.APPROVED == state
        return QuoteInput(
            visit_id=visit_id,
            text=self.text.toPlainText(),
            speaker_person_id=person_id,
            speaker_label=None if person_id is not None else self.speaker.currentText(),
            agenda_item_id=base.agenda_item_id if base else None,
            context=self.context.text(),
            said_on=said_on,
            language=base.language if base else "de",
            kind=self.kind.currentData(),
            approval_state=state,
            approved_by=base.approved_by if base else None,
            approved_at=base.approved_at if base and kept_approval else None,
            position=base.position if base else None,
        )
