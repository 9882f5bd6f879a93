"""Hand-made read models: the renderer is tested without a database or Qt."""

from datetime import date, datetime

from delegation_app.domain import enums as e
from delegation_app.services.briefing import BriefingData, BriefingPerson
from delegation_app.services.views import (
    AgendaItemView,
    FollowUpView,
    ParticipationView,
    PersonView,
    PhoneView,
    QuoteView,
    VisitView,
)

STAMP = datetime(2026, 1, 1, 10, 0)


def visit(**kw) -> VisitView:
    values = dict(
        id=1,
        version=1,
        title="Besuch",
        direction=e.VisitDirection.OUTGOING,
        status=e.VisitStatus.PLANNED,
        host_organisation_id=None,
        host_organisation_name=None,
        guest_organisation_id=None,
        guest_organisation_name=None,
        place=None,
        address=None,
        starts_at=None,
        ends_at=None,
        timezone="Europe/Berlin",
        purpose=None,
        topics=None,
        summary=None,
        lessons_learned=None,
        notes=None,
        press_contact_id=None,
        press_contact_name=None,
        classification=e.Classification.NONE,
        sources=None,
        created_at=STAMP,
        updated_at=STAMP,
    )
    values.update(kw)
    return VisitView(**values)


def person(pid: int, first: str | None, last: str, function: str | None = None, **kw) -> PersonView:
    values = dict(
        id=pid,
        version=1,
        title=None,
        first_name=first,
        last_name=last,
        display_name=" ".join(filter(None, (first, last))),
        salutation=None,
        function=function,
        department=None,
        organisation_id=None,
        organisation_name="Stadt Bochum",
        email=None,
        phones=(),
        notes=None,
        is_own_staff=False,
        source=e.DataSource.UNKNOWN,
        source_note=None,
        source_date=None,
        created_at=STAMP,
        updated_at=STAMP,
    )
    values.update(kw)
    return PersonView(**values)


def participant(p: PersonView, side=e.ParticipantSide.HOST, role=e.ParticipantRole.HOST, position=0):
    part = ParticipationView(
        id=p.id,
        version=1,
        visit_id=1,
        person_id=p.id,
        person_name=p.display_name,
        function=p.function,
        organisation_name=p.organisation_name,
        side=side,
        role=role,
        attendance=e.Attendance.CONFIRMED,
        position=position,
        function_at_visit=None,
    )
    return BriefingPerson(part, p)


def agenda_item(n: int, title: str, start: datetime | None = None, end: datetime | None = None, **kw):
    values = dict(
        id=n,
        version=1,
        visit_id=1,
        position=n,
        starts_at=start,
        ends_at=end,
        title=title,
        place=None,
        responsible_person_id=None,
        responsible_person_name=None,
        notes=None,
    )
    values.update(kw)
    return AgendaItemView(**values)


def quote(n: int, text: str, speaker: str, **kw) -> QuoteView:
    values = dict(
        id=n,
        version=1,
        visit_id=1,
        position=n,
        text=text,
        speaker_person_id=None,
        speaker_label=speaker,
        speaker_display=speaker,
        agenda_item_id=None,
        context=None,
        said_on=None,
        language="de",
        kind=e.QuoteKind.VERBATIM,
        approval_state=e.ApprovalState.CAPTURED,
        approved_by=None,
        approved_at=None,
    )
    values.update(kw)
    return QuoteView(**values)


def followup(n: int, title: str, **kw) -> FollowUpView:
    values = dict(
        id=n,
        version=1,
        title=title,
        owner_person_id=None,
        owner_name=None,
        due_on=None,
        done_on=None,
        person_id=None,
        visit_id=1,
        contact_entry_id=None,
        notes=None,
    )
    values.update(kw)
    return FollowUpView(**values)


def briefing(**kw) -> BriefingData:
    values = dict(
        visit=visit(),
        delegation=(),
        hosts=(),
        agenda=(),
        quotes=(),
        open_followups=(),
        press_contact=None,
        issued_on=date(2026, 2, 20),
        issued_by="Organisationsbüro",
    )
    values.update(kw)
    return BriefingData(**values)


PHONE = PhoneView(e.PhoneKind.OFFICE, "+4961813000", "6069", "06181 3000-6069")
