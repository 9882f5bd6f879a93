from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlmodel import Session, col

from delegation_app.domain.enums import ApprovalChannel, ApprovalState, QuoteKind
from delegation_app.domain.models import AgendaItem, FollowUp, Person, Quote, stored_id, utcnow
from delegation_app.domain.record_names import RecordName
from delegation_app.i18n import N_, _
from delegation_app.services.base import PartService, prefetch
from delegation_app.services.people import person_name
from delegation_app.services.quote_approval import may_move, refusal
from delegation_app.services.validation import Checker
from delegation_app.services.views import QuoteView


@dataclass
class QuoteInput:
    visit_id: int
    text: str  # verbatim, German quotation marks kept as typed
    speaker_person_id: int | None = None
    speaker_label: str | None = None  # where no person record exists
    agenda_item_id: int | None = None
    context: str | None = None
    said_on: date | None = None
    language: str = "de"
    kind: QuoteKind | str = QuoteKind.VERBATIM
    approval_state: ApprovalState | str = ApprovalState.CAPTURED
    approved_by: str | None = None
    approved_at: datetime | None = None  # UTC; filled in when approved without one
    position: int | None = None
    approved_text: str | None = None  # the approved wording; approving without one approves ``text``
    approval_sent_to: str | None = None
    approval_channel: ApprovalChannel | str | None = None
    approval_sent_on: date | None = None
    approval_follow_up_id: int | None = None


class QuoteService(PartService[Quote, QuoteInput, QuoteView]):
    model = Quote
    entity = N_("Quote")

    def _name(self, session: Session, row: Quote) -> RecordName:
        speaker = person_name(session, row.speaker_person_id) or row.speaker_label or ""
        return RecordName("quote", {"speaker": speaker})

    def _validate(self, session: Session, check: Checker, data: QuoteInput, record_id) -> dict[str, Any]:
        visit_id = self._visit_of_part(session, check, data.visit_id, record_id)
        speaker_id = check.exists(session, "speaker_person_id", Person, data.speaker_person_id)
        label = check.model_text(Quote, "speaker_label", data.speaker_label)
        if data.speaker_person_id is None and label is None and "speaker_label" not in check.errors:
            check.fail("speaker_label", _("Please choose who said it, or enter a name."))
        agenda_id = check.exists(session, "agenda_item_id", AgendaItem, data.agenda_item_id)
        if (
            agenda_id is not None
            and visit_id is not None
            and session.get_one(AgendaItem, agenda_id).visit_id != visit_id
        ):
            check.fail("agenda_item_id", _("The programme item belongs to another visit."))
        language = check.model_text(Quote, "language", data.language, required=True)
        state = check.enum("approval_state", data.approval_state, ApprovalState)
        approved_at = check.typed("approved_at", data.approved_at, datetime)
        stored = session.get(Quote, record_id) if record_id is not None else None
        if state == ApprovalState.APPROVED and approved_at is None:
            kept = stored.approved_at if stored and stored.approval_state == ApprovalState.APPROVED else None
            approved_at = kept or utcnow()  # re-saving must not move the approval date
        if stored is not None and state is not None and not may_move(stored.approval_state, state):
            check.fail("approval_state", refusal(stored.approval_state, state))
        position = self._position(session, check, data.position, visit_id, record_id)
        # Verbatim: only the surrounding whitespace goes; inner line breaks stay.
        text = check.text("text", data.text, required=True, multiline=True, max_length=20_000)
        approved_text = check.text("approved_text", data.approved_text, multiline=True, max_length=20_000)
        if state == ApprovalState.APPROVED and approved_text is None:
            approved_text = text
        channel = None
        if data.approval_channel is not None and data.approval_channel != "":
            channel = check.enum("approval_channel", data.approval_channel, ApprovalChannel)
        sent_on = check.typed("approval_sent_on", data.approval_sent_on, date)
        newly_sent = state == ApprovalState.SENT_FOR_APPROVAL and (
            stored is None or stored.approval_state != state or stored.approval_sent_on != sent_on
        )
        if newly_sent and sent_on is None:
            check.fail("approval_sent_on", _("Please enter the day the request was sent."))
        if newly_sent and channel is None:
            check.fail("approval_channel", _("Please choose how the request was sent."))
        return {
            "visit_id": visit_id,
            "text": text,
            "speaker_person_id": speaker_id,
            "speaker_label": label,
            "agenda_item_id": agenda_id,
            "context": check.model_text(Quote, "context", data.context),
            "said_on": check.typed("said_on", data.said_on, date),
            "language": language,
            "kind": check.enum("kind", data.kind, QuoteKind),
            "approval_state": state,
            "approved_by": check.model_text(Quote, "approved_by", data.approved_by),
            "approved_at": approved_at,
            "position": position,
            "approved_text": approved_text,
            "approval_sent_to": check.model_text(Quote, "approval_sent_to", data.approval_sent_to),
            "approval_channel": channel,
            "approval_sent_on": sent_on,
            "approval_follow_up_id": check.exists(
                session, "approval_follow_up_id", FollowUp, data.approval_follow_up_id
            ),
        }

    def _view_many(self, session: Session, rows: list[Quote]) -> list[QuoteView]:
        speakers = prefetch(session, Person, (row.speaker_person_id for row in rows))
        follow_ups = prefetch(session, FollowUp, (row.approval_follow_up_id for row in rows))
        views = super()._view_many(session, rows)
        del speakers, follow_ups  # held until the views were built (see prefetch)
        return views

    def _view(self, session: Session, row: Quote) -> QuoteView:
        name = person_name(session, row.speaker_person_id)
        follow_up = session.get(FollowUp, row.approval_follow_up_id) if row.approval_follow_up_id else None
        return QuoteView(
            id=stored_id(row), version=row.version, visit_id=row.visit_id, position=row.position,
            text=row.text,
            speaker_person_id=row.speaker_person_id, speaker_label=row.speaker_label,
            speaker_display=name or row.speaker_label or "", agenda_item_id=row.agenda_item_id,
            context=row.context, said_on=row.said_on, language=row.language, kind=row.kind,
            approval_state=row.approval_state, approved_by=row.approved_by, approved_at=row.approved_at,
            approved_text=row.approved_text, approval_sent_to=row.approval_sent_to,
            approval_channel=row.approval_channel, approval_sent_on=row.approval_sent_on,
            approval_follow_up_id=row.approval_follow_up_id,
            approval_due_on=follow_up.due_on if follow_up else None,
        )  # fmt: skip

    def list_for_visit(self, visit_id: int) -> list[QuoteView]:
        return self._views(
            select(Quote).where(col(Quote.visit_id) == visit_id).order_by(col(Quote.position), col(Quote.id))
        )

    def _views(self, query) -> list[QuoteView]:
        # Speakers and approval follow-ups in the quotes' statement (one round trip, see prefetch).
        joined = (
            query.add_columns(Person, FollowUp)
            .outerjoin(Person, col(Person.id) == Quote.speaker_person_id)
            .outerjoin(FollowUp, col(FollowUp.id) == Quote.approval_follow_up_id)
        )
        with self.db.read() as session:
            loaded = session.execute(joined).all()  # holds them while the views are built
            return self._view_many(session, [row[0] for row in loaded])
