"""The two approval dialogs of the quotes tab.

"Request approval": the letter to one speaker about their quotes of the visit (German or English,
the salutation from the person record), how and when it goes out and the day the answer is due;
e-mail opens the user's mail program (a ``mailto:`` link, or an ``.eml`` file when the text is too
long for a link). "Mark as approved": the approved wording (it may differ from what was captured:
the difference is shown word by word), by whom and on which day.
"""

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from delegation_app.domain.enums import ApprovalChannel
from delegation_app.i18n import _
from delegation_app.i18n.date_input import DateInputError
from delegation_app.interchange.approval_mail import ApprovalMail, compose
from delegation_app.services.views import PersonView, QuoteView, VisitView
from delegation_app.ui.common.date_fields import DateField, today
from delegation_app.ui.common.forms import FieldForm
from delegation_app.ui.visits.participant_details import enum_combo
from delegation_app.ui.visits.word_diff import word_diff_html

ANSWER_DAYS = 7  # the usual week a speaker is given to answer


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    standard = QDialogButtonBox.StandardButton
    box = QDialogButtonBox(standard.Ok | standard.Cancel, dialog)
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class _Submitting(QDialog):
    """OK hands the dialog to ``submit``; it closes only when that succeeded (nothing typed is lost)."""

    submit: Callable[[QDialog], bool] = staticmethod(lambda _dialog: True)

    def accept(self) -> None:
        if self.submit(self):
            super().accept()


class RequestApprovalDialog(_Submitting):
    def __init__(
        self, visit: VisitView, person: PersonView | None, speaker: str, quotes: Sequence[QuoteView],
        parent: QWidget | None = None, *, sender: Callable[[], tuple[str, str]] = lambda: ("", ""),
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.visit, self.person, self.speaker, self.quotes = visit, person, speaker, quotes
        self.signature = sender
        self.setWindowTitle(_("Request approval of the quotes by {speaker}").format(speaker=speaker))
        self._composed = ""  # the letter as last composed: edits of the user are kept
        layout = QFormLayout()
        self.form = FieldForm(layout)
        self.recipient = self.form.add("sent_to", _("&To:"), QLineEdit(self))
        self.language = self.form.add("language", _("&Language:"), QComboBox(self))
        self.language.addItem("Deutsch", "de")
        self.language.addItem("English", "en")
        self.channel = self.form.add("channel", _("&Sent by:"), enum_combo(self, ApprovalChannel))
        self.sent_on = self.form.add("sent_on", _("Sent &on:"), DateField(parent=self))
        self.due_on = self.form.add("due_on", _("Answer &due by:"), DateField(parent=self))
        self.letter = self.form.add("letter", _("Le&tter:"), QPlainTextEdit(self))
        self.letter.setTabChangesFocus(True)
        self.letter.setMinimumHeight(self.letter.fontMetrics().lineSpacing() * 14)
        self.sent_on.set_value(today())
        self.due_on.set_value(today() + timedelta(days=ANSWER_DAYS))
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.buttons = _buttons(self, _("Send and record"))
        column = QVBoxLayout(self)
        column.addLayout(layout)
        column.addWidget(self.note)
        column.addWidget(self.buttons)
        self.language.currentIndexChanged.connect(self._recompose)
        self.due_on.editingFinished.connect(self._recompose)
        self.channel.currentIndexChanged.connect(self._explain)
        self._recompose()
        self.recipient.setText(self.mail().recipient)
        self._explain()
        self.resize(640, 620)

    def _due(self) -> date | None:
        try:
            return self.due_on.date_value()
        except DateInputError:
            return None

    def _composed_mail(self) -> ApprovalMail:
        name, function = self.signature()
        return compose(
            self.person, self.speaker, self.quotes, visit_title=self.visit.title,
            visit_day=self.visit.starts_at.date() if self.visit.starts_at else None, due_on=self._due(),
            language=self.language.currentData(), sender=name, sender_function=function,
        )  # fmt: skip

    def _recompose(self) -> None:
        if self.letter.toPlainText() not in ("", self._composed):
            return  # the user wrote in it: theirs
        self._composed = self._composed_mail().body
        self.letter.setPlainText(self._composed)

    def _explain(self) -> None:
        if self.channel.currentData() == ApprovalChannel.EMAIL.value:
            self.note.setText(_("Your mail program opens with this message; send it from there."))
        else:
            self.note.setText(_("The request is recorded; the letter is yours to send or to read out."))

    def mail(self) -> ApprovalMail:
        """The message as it stands in the dialog (the letter as edited)."""
        composed = self._composed_mail()
        to = composed.to
        recipient = " ".join(self.recipient.text().split())
        if "<" in recipient and recipient.endswith(">"):
            to = recipient.rsplit("<", 1)[1].rstrip(">").strip()
        return ApprovalMail(to, recipient or composed.recipient, composed.subject, self.letter.toPlainText())

    def values(self) -> tuple[str, ApprovalChannel, date | None, date | None]:
        """(recipient, channel, sent on, due on); raises DateInputError for a mistyped date."""
        return (
            " ".join(self.recipient.text().split()),
            ApprovalChannel(self.channel.currentData()),
            self.sent_on.date_value(),
            self.due_on.date_value(),
        )


class ApproveDialog(_Submitting):
    def __init__(self, quote: QuoteView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.quote = quote
        title = _("Mark the quote by {speaker} as approved").format(speaker=quote.speaker_display)
        self.setWindowTitle(title)
        layout = QFormLayout()
        self.form = FieldForm(layout)
        captured = QLabel(quote.text, self)
        captured.setWordWrap(True)
        layout.addRow(QLabel(_("Captured:"), self), captured)
        self.wording = self.form.add("approved_text", _("Approved &wording:"), QPlainTextEdit(self))
        self.wording.setTabChangesFocus(True)
        self.wording.setPlainText(quote.approved_text or quote.text)
        self.wording.setMinimumHeight(self.wording.fontMetrics().lineSpacing() * 5)
        self.difference = QLabel(self)
        self.difference.setWordWrap(True)
        self.difference.setAccessibleName(_("Difference from the captured wording"))
        layout.addRow(QLabel(_("Changes:"), self), self.difference)
        self.approved_by = self.form.add("approved_by", _("Approved &by:"), QLineEdit(self))
        self.approved_by.setText(quote.approved_by or quote.speaker_display)
        self.approved_on = self.form.add("approved_on", _("Approved &on:"), DateField(parent=self))
        self.approved_on.set_value(today())
        self.buttons = _buttons(self, _("Mark as approved"))
        column = QVBoxLayout(self)
        column.addLayout(layout)
        column.addWidget(self.buttons)
        self.wording.textChanged.connect(self._show_difference)
        self._show_difference()
        self.resize(600, 420)

    def _show_difference(self) -> None:
        approved = self.wording.toPlainText()
        if " ".join(approved.split()) == " ".join(self.quote.text.split()):
            self.difference.setText(_("None: approved as captured."))
        else:
            self.difference.setText(word_diff_html(self.quote.text, approved))
