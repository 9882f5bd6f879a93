"""The approval of quotes: request it, record the answer (approved, rejected) or keep a quote
internal. One function per action, one transaction each; every change lands in the history.

A request covers one speaker's quotes of a visit and is a real follow-up (Wiedervorlage): its due
date is edited in the follow-ups list like any other, and it is done once no quote of the
request waits for an answer any more.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from delegation_app.domain.enums import ApprovalChannel, ApprovalState
from delegation_app.files.output import OutputWriter
from delegation_app.i18n import _
from delegation_app.i18n.formatting import format_date
from delegation_app.services.followups import FollowUpInput
from delegation_app.services.quotes import QuoteInput
from delegation_app.services.registry import Services
from delegation_app.services.views import FollowUpView, QuoteView

if TYPE_CHECKING:  # the mail (e-mail package) is imported when one is written: the window starts without
    from delegation_app.interchange.approval_mail import ApprovalMail

# An approval "on a day" is stored as that day's noon: the date reads the same in every zone.
APPROVAL_HOUR = time(12, 0)


@dataclass(frozen=True)
class ApprovalRequest:
    sent_to: str  # name and address as sent: "Isabelle Hemsley <i.hemsley@hanau.de>"
    channel: ApprovalChannel
    sent_on: date
    due_on: date | None
    owner_person_id: int | None = None  # who follows it up (None: nobody in particular)


def quote_input(quote: QuoteView) -> QuoteInput:
    """The stored quote as a full input, to change one part of it."""
    return QuoteInput(
        visit_id=quote.visit_id, text=quote.text, speaker_person_id=quote.speaker_person_id,
        speaker_label=quote.speaker_label, agenda_item_id=quote.agenda_item_id, context=quote.context,
        said_on=quote.said_on, language=quote.language, kind=quote.kind,
        approval_state=quote.approval_state, approved_by=quote.approved_by, approved_at=quote.approved_at,
        position=quote.position, approved_text=quote.approved_text, approval_sent_to=quote.approval_sent_to,
        approval_channel=quote.approval_channel, approval_sent_on=quote.approval_sent_on,
        approval_follow_up_id=quote.approval_follow_up_id,
    )  # fmt: skip


def follow_up_title(speaker: str) -> str:
    return _("Approval of the quotes by {speaker}").format(speaker=speaker)


def request_approval(
    services: Services, quotes: Sequence[tuple[int, int]], request: ApprovalRequest
) -> list[QuoteView]:
    """Mark the quotes (id, version as seen) as sent for approval and create the follow-up with the
    due date, or move the due date of the request's open follow-up when it is sent again."""
    with services.db.write():
        views = [services.quotes.get(record_id) for record_id, _version in quotes]
        versions = dict(quotes)
        follow_up = _open_follow_up(services, views)
        if follow_up is None:
            first = views[0]
            follow_up = services.followups.create(
                FollowUpInput(
                    title=follow_up_title(first.speaker_display),
                    owner_person_id=request.owner_person_id,
                    due_on=request.due_on,
                    person_id=first.speaker_person_id,
                    visit_id=first.visit_id,
                    notes=_("Sent on {day} to {recipient}.").format(
                        day=format_date(request.sent_on), recipient=request.sent_to
                    ),
                )
            )
        elif follow_up.due_on != request.due_on:
            moved = replace(_follow_up_input(follow_up), due_on=request.due_on)
            follow_up = services.followups.update(follow_up.id, follow_up.version, moved)
        saved = []
        for view in views:
            sent = replace(
                quote_input(view),
                approval_state=ApprovalState.SENT_FOR_APPROVAL,
                approval_sent_to=request.sent_to,
                approval_channel=request.channel,
                approval_sent_on=request.sent_on,
                approval_follow_up_id=follow_up.id,
            )
            saved.append(services.quotes.update(view.id, versions[view.id], sent))
        return saved


def write_approval_message(
    services: Services, *, folder: Path, mail: "ApprovalMail", writer: OutputWriter | None = None
) -> Path:
    """The request as an ``.eml`` file in ``folder`` (for a text too long for a ``mailto:`` link),
    named after its subject; the mail program opens it as a draft."""
    from delegation_app.interchange.approval_mail import eml_bytes  # on use

    name = re.sub(r"[^\w-]+", "-", mail.subject).strip("-")[:60] or "message"
    own = [services.db.path] if services.db.path is not None else []
    return (writer or OutputWriter()).protecting(files=own).write(folder / f"{name}.eml", eml_bytes(mail))


def mark_approved(
    services: Services, record_id: int, version: int, *, approved_text: str | None, approved_by: str | None,
    approved_on: date,
) -> QuoteView:  # fmt: skip
    """Approved for publication in ``approved_text`` (None or empty: as captured)."""
    with services.db.write():
        quote = services.quotes.get(record_id)
        data = replace(
            quote_input(quote),
            approval_state=ApprovalState.APPROVED,
            approved_text=approved_text,
            approved_by=approved_by,
            approved_at=datetime.combine(approved_on, APPROVAL_HOUR),
        )
        saved = services.quotes.update(record_id, version, data)
        _settle(services, saved, approved_on)
        return services.quotes.get(record_id)


def mark_rejected(services: Services, record_id: int, version: int, on: date) -> QuoteView:
    """The speaker did not approve it: it stays out of everything published."""
    return _decide(services, record_id, version, ApprovalState.REJECTED, on)


def mark_internal_only(services: Services, record_id: int, version: int, on: date) -> QuoteView:
    """Kept for the office only, whatever was asked or approved before."""
    return _decide(services, record_id, version, ApprovalState.INTERNAL_ONLY, on)


def _decide(services: Services, record_id: int, version: int, state: ApprovalState, on: date) -> QuoteView:
    with services.db.write():
        quote = services.quotes.get(record_id)
        saved = services.quotes.update(record_id, version, replace(quote_input(quote), approval_state=state))
        _settle(services, saved, on)
        return services.quotes.get(record_id)


def _open_follow_up(services: Services, quotes: Sequence[QuoteView]) -> FollowUpView | None:
    for quote in quotes:
        if quote.approval_follow_up_id is not None:
            follow_up = services.followups.get(quote.approval_follow_up_id)
            if follow_up.done_on is None:
                return follow_up
    return None


def _follow_up_input(view: FollowUpView) -> FollowUpInput:
    return FollowUpInput(
        title=view.title, owner_person_id=view.owner_person_id, due_on=view.due_on, done_on=view.done_on,
        person_id=view.person_id, visit_id=view.visit_id, contact_entry_id=view.contact_entry_id,
        notes=view.notes,
    )  # fmt: skip


def _settle(services: Services, quote: QuoteView, on: date) -> None:
    """The request's follow-up is done once none of its quotes waits for an answer."""
    if quote.approval_follow_up_id is None:
        return
    follow_up = services.followups.get(quote.approval_follow_up_id)
    waiting = [
        q for q in services.quotes.list_for_visit(quote.visit_id)
        if q.approval_follow_up_id == follow_up.id and q.approval_state == ApprovalState.SENT_FOR_APPROVAL
    ]  # fmt: skip
    if not waiting and follow_up.done_on is None:
        services.followups.mark_done(follow_up.id, follow_up.version, on)
