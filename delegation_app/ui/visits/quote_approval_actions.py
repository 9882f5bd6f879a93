"""The approval actions under the quotes list: request approval (for the selected quote's speaker,
all their quotes of the visit that await an answer), mark as approved, rejected, internal only.

The mail program is opened through ``open_url`` (QDesktopServices by default; tests hand in their
own), so a test sees the ``mailto:`` link or the ``.eml`` file instead of a mail program opening.
"""

import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QGridLayout, QPushButton, QWidget

from delegation_app.domain.enums import ApprovalChannel, ApprovalState
from delegation_app.i18n import _
from delegation_app.i18n.date_input import DateInputError
from delegation_app.operations.quote_approval import (
    ApprovalRequest,
    mark_approved,
    mark_internal_only,
    mark_rejected,
    request_approval,
    write_approval_message,
)
from delegation_app.services.registry import Services
from delegation_app.services.views import QuoteView, VisitView
from delegation_app.ui.common.date_fields import today
from delegation_app.ui.common.key_names import native
from delegation_app.ui.common.keyboard import shortcut
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.prompts import Prompts

if TYPE_CHECKING:  # the dialogs and the mail (e-mail package) are imported when a button is used (issue 21)
    from delegation_app.ui.visits.quote_approval_dialogs import ApproveDialog, RequestApprovalDialog


class QuoteList(Protocol):
    """What the actions need of the quotes tab (ui.visits.quotes_tab.QuotesTab)."""

    services: Services
    prompts: Prompts
    runner: OperationRunner
    _visit: VisitView | None

    def current_quote(self) -> QuoteView | None: ...
    def _may_leave(self) -> bool: ...
    def refresh(self) -> None: ...

REQUEST_KEY, APPROVE_KEY = "Ctrl+Shift+F", "Ctrl+Shift+G"  # Freigabe anfragen, freigegeben
AWAITING = (ApprovalState.CAPTURED, ApprovalState.SENT_FOR_APPROVAL, ApprovalState.REJECTED)


def _open_with_system(url: str) -> bool:
    return QDesktopServices.openUrl(QUrl(url))


class ApprovalActions:
    def __init__(self, widget: QWidget, tab: QuoteList) -> None:
        """``widget`` and ``tab``: the quotes tab, as the parent of the buttons and as the list."""
        self.tab, self.widget = tab, widget
        self.open_url: Callable[[str], bool] = _open_with_system
        self.eml_folder: Path | None = None  # None: a new private temporary folder per message
        self.signature: Callable[[], tuple[str, str]] = lambda: ("", "")  # the user's name and function
        self.dialog: QDialog | None = None  # the one open last (tests, screenshots)
        self.request_button = QPushButton(_("&Request approval …"), widget)
        self.approve_button = QPushButton(_("Mark a&pproved …"), widget)
        self.reject_button = QPushButton(_("Re&jected"), widget)
        self.internal_button = QPushButton(_("Internal onl&y"), widget)
        self.request_button.setToolTip(
            _("Ask the speaker to approve their quotes of this visit ({key})").format(key=native(REQUEST_KEY))
        )
        approved = _("The speaker approved the quote, perhaps in other words ({key})")
        self.approve_button.setToolTip(approved.format(key=native(APPROVE_KEY)))
        self.reject_button.setToolTip(_("The speaker did not approve the quote for publication"))
        self.internal_button.setToolTip(_("Keep the quote for internal use: it is never published"))
        self.request_button.clicked.connect(self.request)
        self.approve_button.clicked.connect(self.approve)
        self.reject_button.clicked.connect(self.reject)
        self.internal_button.clicked.connect(self.keep_internal)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        shortcut(REQUEST_KEY, widget, self.request_button.click, context)
        shortcut(APPROVE_KEY, widget, self.approve_button.click, context)
        # Two by two: in one row they made the visit editor wider than an 800-pixel screen.
        self.row = QGridLayout()
        for index, button in enumerate(self.buttons()):
            self.row.addWidget(button, index // 2, index % 2)
        self.row.setColumnStretch(2, 1)

    def buttons(self) -> tuple[QPushButton, ...]:
        return (self.request_button, self.approve_button, self.reject_button, self.internal_button)

    def update(self, quote: QuoteView | None) -> None:
        state = quote.approval_state if quote else None
        self.request_button.setEnabled(quote is not None and state != ApprovalState.INTERNAL_ONLY)
        self.approve_button.setEnabled(quote is not None and state != ApprovalState.REJECTED)
        self.reject_button.setEnabled(state == ApprovalState.SENT_FOR_APPROVAL)
        self.internal_button.setEnabled(quote is not None and state != ApprovalState.INTERNAL_ONLY)

    # --- actions ------------------------------------------------------------------------------------
    def _chosen(self) -> QuoteView | None:
        """The selected quote, once unsaved edits of the form are saved or dropped."""
        tab = self.tab
        if tab.current_quote() is None or not tab._may_leave():
            return None
        return tab.current_quote()

    def request(self) -> None:
        quote = self._chosen()
        visit = self.tab._visit
        if quote is None or visit is None:
            return
        same = [
            q for q in self.tab.services.quotes.list_for_visit(visit.id)
            if (q.speaker_person_id, q.speaker_label) == (quote.speaker_person_id, quote.speaker_label)
            and (q.approval_state in AWAITING or q.id == quote.id)
        ]  # fmt: skip
        from delegation_app.ui.visits.quote_approval_dialogs import RequestApprovalDialog  # on use

        person = self.tab.services.people.get(quote.speaker_person_id) if quote.speaker_person_id else None
        speaker = quote.speaker_display
        dialog = RequestApprovalDialog(visit, person, speaker, same, self.widget, sender=self.signature)
        dialog.submit = partial(self._request, quotes=[(q.id, q.version) for q in same])
        self._open(dialog)

    def _request(self, dialog: "RequestApprovalDialog", quotes: list[tuple[int, int]]) -> bool:
        try:
            sent_to, channel, sent_on, due_on = dialog.values()
        except DateInputError as exc:
            self.tab.prompts.error(dialog, str(exc))
            return False
        if sent_on is None:
            self.tab.prompts.error(dialog, _("Please enter the day the request was sent."))
            return False
        if channel == ApprovalChannel.EMAIL and not self._send(dialog):
            return False
        request = ApprovalRequest(sent_to, channel, sent_on, due_on)
        return self.tab.runner.now(dialog, partial(request_approval, quotes=quotes, request=request))

    def _send(self, dialog: "RequestApprovalDialog") -> bool:
        """Hand the message to the mail program; False (and said so) when that failed."""
        from delegation_app.interchange.approval_mail import mailto_url  # on use

        mail = dialog.mail()
        url = mailto_url(mail)
        if url is None:  # too long for a link: a message file the mail program opens as a draft
            folder = self.eml_folder or Path(tempfile.mkdtemp(prefix="delegation-app-"))
            written: list[Path] = []
            message = partial(write_approval_message, folder=folder, mail=mail)
            if not self.tab.runner.now(dialog, message, written.append):
                return False
            url = QUrl.fromLocalFile(str(written[0])).toString()
        if not self.open_url(url):
            self.tab.prompts.error(dialog, _("No mail program opened. Please send the letter yourself."))
            return False
        return True

    def approve(self) -> None:
        quote = self._chosen()
        if quote is None:
            return
        from delegation_app.ui.visits.quote_approval_dialogs import ApproveDialog  # on use

        dialog = ApproveDialog(quote, self.widget)
        dialog.submit = partial(self._approve, quote=quote)
        self._open(dialog)

    def _approve(self, dialog: "ApproveDialog", quote: QuoteView) -> bool:
        try:
            approved_on = dialog.approved_on.date_value()
        except DateInputError as exc:
            self.tab.prompts.error(dialog, str(exc))
            return False
        approved = partial(
            mark_approved, record_id=quote.id, version=quote.version,
            approved_text=dialog.wording.toPlainText(), approved_by=dialog.approved_by.text(),
            approved_on=approved_on or today(),
        )  # fmt: skip
        return self.tab.runner.now(dialog, approved)

    def _open(self, dialog: QDialog) -> None:
        """Window-modal, not blocking: the list is refreshed when the dialog closes."""
        self.dialog = dialog
        dialog.setModal(True)
        dialog.finished.connect(lambda _result: self.tab.refresh())
        dialog.open()

    def reject(self) -> None:
        quote = self._chosen()
        if quote is not None:
            rejected = partial(mark_rejected, record_id=quote.id, version=quote.version, on=today())
            self.tab.runner.now(self.widget, rejected)
        self.tab.refresh()

    def keep_internal(self) -> None:
        quote = self._chosen()
        if quote is not None:
            internal = partial(mark_internal_only, record_id=quote.id, version=quote.version, on=today())
            self.tab.runner.now(self.widget, internal)
        self.tab.refresh()
