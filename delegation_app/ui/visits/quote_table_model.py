"""The quotes of one visit: who said it, how it starts, when, and whether it may be published."""

from PySide6.QtCore import Qt

from delegation_app.domain.enums import ApprovalState
from delegation_app.i18n import N_, pgettext
from delegation_app.i18n.formatting import format_date
from delegation_app.i18n.labels import label
from delegation_app.services.views import QuoteView
from delegation_app.ui.common.record_table_model import Column, RecordTableModel

COLUMNS = (
    Column(N_("Said by")), Column(N_("Quote"), share=3), Column(N_("Said on"), short=True),
    Column(N_("Approval"), short=True),
)  # fmt: skip
SPEAKER, TEXT, SAID_ON, APPROVAL = range(len(COLUMNS))
START_LENGTH = 80
# The state's name is always shown too: the mark is never the only signal.
APPROVAL_MARK = {
    ApprovalState.CAPTURED: "○",
    ApprovalState.SENT_FOR_APPROVAL: "◔",
    ApprovalState.APPROVED: "✓",
    ApprovalState.INTERNAL_ONLY: "✕",  # not for publication
    ApprovalState.REJECTED: "⊘",  # the speaker said no
}


def text_start(text: str) -> str:
    """The first line, cut at a word near START_LENGTH characters: „Wichtig ist nicht, …"""
    first = " ".join(text.split())
    if len(first) <= START_LENGTH:
        return first
    cut = first[:START_LENGTH].rsplit(" ", 1)[0]
    return f"{cut} …"


class QuoteTableModel(RecordTableModel):
    columns = COLUMNS

    set_quotes = RecordTableModel.set_rows
    quote_at = RecordTableModel.record_at

    def full_text(self, quote: QuoteView, column: int) -> str | None:
        return quote.text if column == TEXT else None

    def cell(self, quote: QuoteView, column: int, role: int):
        if role == Qt.ItemDataRole.ToolTipRole and column == TEXT:
            return quote.text
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        state = label(quote.approval_state)
        if role == Qt.ItemDataRole.DisplayRole and quote.approval_state == ApprovalState.APPROVED:
            # issue 12: „Zur Veröffentlichung freigegeben“ took the quote's room; the tooltip says it whole
            state = pgettext("quote approval, in the list", "Approved")
        values = (
            quote.speaker_display,
            text_start(quote.text),
            format_date(quote.said_on),
            f"{APPROVAL_MARK[quote.approval_state]} {state}",
        )
        return values[column]
