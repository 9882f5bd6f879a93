"""The form under the quotes list: one quote, exactly as said.

The speaker is a person, chosen by typing like every person in the program: the visit's
participants are listed first (Down in the empty field lists them), anybody else can be found,
and somebody not recorded yet is created in place. A person record is what the briefing, the
access report and erasure find. A quote saved with only a name (before the chooser, or whose
person was deleted since) shows that name in italics and keeps it until a person is chosen.
The text is kept as typed or pasted, German quotation marks „…“ included.
"""

from dataclasses import replace
from datetime import date
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from delegation_app.domain.enums import ApprovalState, QuoteKind
from delegation_app.domain.errors import ValidationError
from delegation_app.i18n import _
from delegation_app.i18n.date_input import DateInputError
from delegation_app.i18n.formatting import format_date
from delegation_app.i18n.labels import label
from delegation_app.services.quotes import QuoteInput
from delegation_app.services.registry import Services
from delegation_app.services.views import QuoteView
from delegation_app.ui.common.date_fields import DateField
from delegation_app.ui.common.forms import FieldForm
from delegation_app.ui.common.new_record_dialog import Creating
from delegation_app.ui.common.person_choice import person_chooser
from delegation_app.ui.visits.participant_details import enum_combo
from delegation_app.ui.visits.word_diff import word_diff_html


def approval_text(quote: QuoteView | None) -> str:
    """The state in words, with the request's dates and the approved wording's changes (rich text)."""
    if quote is None:
        return escape(label(ApprovalState.CAPTURED))
    parts = [f"<b>{escape(label(quote.approval_state))}</b>"]
    if quote.approval_state == ApprovalState.SENT_FOR_APPROVAL and quote.approval_sent_on:
        parts.append(escape(_("sent on {day}").format(day=format_date(quote.approval_sent_on))))
        if quote.approval_due_on:
            parts.append(escape(_("answer due by {day}").format(day=format_date(quote.approval_due_on))))
    changes = ""
    if quote.approval_state == ApprovalState.APPROVED:
        by = " ".join(x for x in (quote.approved_by or "", format_date(quote.approved_at)) if x)
        parts += [escape(by)] if by else []
        if quote.approved_text and " ".join(quote.approved_text.split()) != " ".join(quote.text.split()):
            wording = escape(_("Approved wording:"))
            changes = f" · {wording} {word_diff_html(quote.text, quote.approved_text)}"
    return " · ".join(parts) + changes


class QuoteForm(QWidget):
    def __init__(self, services: Services, creating: Creating | None = None, parent=None) -> None:
        """``creating``: a speaker not recorded yet can be created in place."""
        super().__init__(parent)
        self._participants: list[int] = []
        self._label: str | None = None  # the speaker's name where the quote has no person
        self.speaker = person_chooser(
            services, self, creating=creating, first=lambda: self._participants, placeholder=_("Name…")
        )
        self._tip = self.speaker.toolTip()
        self.speaker.textChanged.connect(self._mark_label)
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)  # Tab leaves the field; a quote needs no tab characters
        # About five lines: taller, it took the height the list of quotes above it needs.
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * 5 + 12)
        self.text.setPlaceholderText(_("Exactly as said, with quotation marks: „…“"))
        self.context = QLineEdit(self)
        self.kind = enum_combo(self, QuoteKind)
        # Changed by the approval actions under the list, never typed: the workflow keeps its steps.
        self.approval_state = QLabel(self)
        self.approval_state.setTextFormat(Qt.TextFormat.RichText)
        self.approval_state.setWordWrap(True)
        self.approval_state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.said_on = DateField(parent=self)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.form = FieldForm(layout)
        self.form.add("speaker_label", _("Spea&ker:"), self.speaker)
        self.form.add("text", _("&Text:"), self.text)
        self.form.add("context", _("Co&ntext:"), self.context)
        self.form.add("kind", _("Kin&d:"), self.kind)
        self.form.add("approval_state", _("Approval:"), self.approval_state)
        self.form.add("said_on", _("Said &on:"), self.said_on)
        self._baseline: tuple = ()
        self.show_quote(None, None)

    def set_speakers(self, participants: list[int]) -> None:
        """The visit's participants (person ids, in their order): listed first; what is typed stays."""
        self._participants = list(participants)

    def show_quote(self, quote: QuoteView | None, default_day: date | None) -> None:
        """Fill the form (None: empty, for a new quote said on ``default_day``); nothing is unsaved then."""
        self.form.clear_errors()
        person_id = quote.speaker_person_id if quote else None
        self._label = quote.speaker_label if quote and person_id is None else None
        self.speaker.set_current(person_id, quote.speaker_display if quote else "")
        self._mark_label()
        self.text.setPlainText(quote.text if quote else "")
        self.context.setText(quote.context or "" if quote else "")
        kind = quote.kind if quote else QuoteKind.VERBATIM
        self.kind.setCurrentIndex(self.kind.findData(kind.value))
        self.approval_state.setText(approval_text(quote))
        self.said_on.set_value(quote.said_on if quote else default_day)
        self._baseline = self._state()

    def _state(self) -> tuple:
        return (
            self.speaker.current_id(), self.speaker.text().strip(),
            self.text.toPlainText(), self.context.text(),
            self.kind.currentData(), self.said_on.text().strip(),
        )  # fmt: skip

    def is_dirty(self) -> bool:
        return self._state() != self._baseline

    def speaker_id(self) -> int | None:
        """The chosen person, or None (nobody yet, or a quote kept with only a name)."""
        return self.speaker.current_id()

    def speaker_label(self) -> str | None:
        """The name a quote without a person keeps, while it is still what the field shows."""
        kept = self.speaker.current_id() is None and self.speaker.text().strip() == self._label
        return self._label if kept else None

    def _mark_label(self) -> None:
        """A name that is not a person record looks different, and says how to make it one."""
        label = self.speaker_label()
        font = self.speaker.font()
        font.setItalic(label is not None)
        self.speaker.setFont(font)
        note = ""
        if label:
            note = _("“{name}” is not a recorded person: choose or create one instead.").format(name=label)
        self.speaker.setAccessibleDescription(note)
        self.speaker.setToolTip(note or self._tip)

    def to_input(self, visit_id: int, base: QuoteView | None) -> QuoteInput:
        """The form as a full QuoteInput; what the form does not show is kept from ``base``."""
        try:
            said_on = self.said_on.date_value()
        except DateInputError as exc:
            raise ValidationError({"said_on": str(exc)}) from None
        person_id = self.speaker_id()
        entered = QuoteInput(
            visit_id=visit_id,
            text=self.text.toPlainText(),
            speaker_person_id=person_id,
            speaker_label=self.speaker_label(),
            agenda_item_id=base.agenda_item_id if base else None,
            context=self.context.text(),
            said_on=said_on,
            language=base.language if base else "de",
            kind=self.kind.currentData(),
            position=base.position if base else None,
        )
        if base is None:
            return entered
        # The approval is the workflow's (quote_approval_actions): kept as stored.
        return replace(
            entered, approval_state=base.approval_state, approved_by=base.approved_by,
            approved_at=base.approved_at, approved_text=base.approved_text,
            approval_sent_to=base.approval_sent_to, approval_channel=base.approval_channel,
            approval_sent_on=base.approval_sent_on, approval_follow_up_id=base.approval_follow_up_id,
        )  # fmt: skip
