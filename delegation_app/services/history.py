"""What a person or an organisation took part in: read-only pages, newest first.

Plain functions over ``Services`` (they only read, through ``services.db``), returning frozen
dataclasses like the other read models. Undated visits (ideas) come after the dated ones.
"""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlmodel import col

from delegation_app.domain import enums as e
from delegation_app.domain.errors import NotFoundError
from delegation_app.domain.models import (
    ContactEntry,
    ContactEntryPerson,
    Organisation,
    Participation,
    Person,
    Quote,
    Visit,
    stored_id,
)
from delegation_app.domain.record_names import RecordName
from delegation_app.services.people import name_of
from delegation_app.services.registry import Services


@dataclass(frozen=True)
class VisitTakenPart:
    visit_id: int
    title: str
    starts_at: datetime | None
    ends_at: datetime | None
    status: e.VisitStatus
    side: e.ParticipantSide
    role: e.ParticipantRole
    attendance: e.Attendance
    function_at_visit: str | None


@dataclass(frozen=True)
class QuoteSpoken:
    quote_id: int
    visit_id: int
    visit_title: str
    visit_starts_at: datetime | None
    text: str
    said_on: date | None
    kind: e.QuoteKind
    approval_state: e.ApprovalState


@dataclass(frozen=True)
class ContactTakenPart:
    entry_id: int
    occurred_at: datetime
    channel: e.ContactChannel
    summary: str
    visit_id: int | None
    visit_title: str | None
    others: tuple[str, ...]  # the other people of the entry, by name


@dataclass(frozen=True)
class PersonHistory:
    person_id: int
    visits: tuple[VisitTakenPart, ...]
    quotes: tuple[QuoteSpoken, ...]
    contacts: tuple[ContactTakenPart, ...]


@dataclass(frozen=True)
class Member:
    person_id: int
    name: str
    function: str | None
    email: str | None


@dataclass(frozen=True)
class OrganisationVisit:
    visit_id: int
    title: str
    starts_at: datetime | None
    ends_at: datetime | None
    status: e.VisitStatus
    as_host: bool
    as_guest: bool


def organisation_visit(visit: Visit, organisation_id: int) -> OrganisationVisit:
    return OrganisationVisit(
        visit_id=stored_id(visit),
        title=visit.title,
        starts_at=visit.starts_at,
        ends_at=visit.ends_at,
        status=visit.status,
        as_host=visit.host_organisation_id == organisation_id,
        as_guest=visit.guest_organisation_id == organisation_id,
    )


@dataclass(frozen=True)
class OrganisationHistory:
    organisation_id: int
    people: tuple[Member, ...]  # by name (DIN 5007)
    visits: tuple[OrganisationVisit, ...]  # newest first


def _newest_first(column):
    return (column.is_(None), column.desc())


def person_history(services: Services, person_id: int) -> PersonHistory:
    with services.db.read() as session:
        if session.get(Person, person_id) is None:
            raise NotFoundError(RecordName("person"), person_id)
        taken = session.execute(
            select(Participation, Visit)
            .join(Visit, col(Visit.id) == Participation.visit_id)
            .where(col(Participation.person_id) == person_id)
            .order_by(*_newest_first(col(Visit.starts_at)), col(Visit.id).desc())
        ).all()
        # A quote's day: when it was said, else the day its visit began.
        day = func.coalesce(col(Quote.said_on), func.date(col(Visit.starts_at)))
        spoken = session.execute(
            select(Quote, Visit)
            .join(Visit, col(Visit.id) == Quote.visit_id)
            .where(col(Quote.speaker_person_id) == person_id)
            .order_by(*_newest_first(day), col(Visit.id).desc(), col(Quote.position), col(Quote.id))
        ).all()
        entries = session.execute(
            select(ContactEntry, col(Visit.title))
            .join(ContactEntryPerson, col(ContactEntryPerson.contact_entry_id) == ContactEntry.id)
            .outerjoin(Visit, col(Visit.id) == ContactEntry.visit_id)
            .where(col(ContactEntryPerson.person_id) == person_id)
            .order_by(col(ContactEntry.occurred_at).desc(), col(ContactEntry.id).desc())
        ).all()
        others: dict[int, list[str]] = {}
        if entries:
            rows = session.execute(
                select(col(ContactEntryPerson.contact_entry_id), Person)
                .join(Person, col(Person.id) == ContactEntryPerson.person_id)
                .where(
                    col(ContactEntryPerson.contact_entry_id).in_([entry.id for entry, _title in entries]),
                    col(ContactEntryPerson.person_id) != person_id,
                )
                .order_by(col(Person.sort_key), col(Person.id))
            ).all()
            for entry_id, p in rows:
                others.setdefault(entry_id, []).append(name_of(p))
        return PersonHistory(
            person_id=person_id,
            visits=tuple(
                VisitTakenPart(
                    visit_id=v.id,
                    title=v.title,
                    starts_at=v.starts_at,
                    ends_at=v.ends_at,
                    status=v.status,
                    side=p.side,
                    role=p.role,
                    attendance=p.attendance,
                    function_at_visit=p.function_at_visit,
                )
                for p, v in taken
            ),
            quotes=tuple(
                QuoteSpoken(
                    quote_id=q.id,
                    visit_id=v.id,
                    visit_title=v.title,
                    visit_starts_at=v.starts_at,
                    text=q.text,
                    said_on=q.said_on,
                    kind=q.kind,
                    approval_state=q.approval_state,
                )
                for q, v in spoken
            ),
            contacts=tuple(
                ContactTakenPart(
                    entry_id=c.id,
                    occurred_at=c.occurred_at,
                    channel=c.channel,
                    summary=c.summary,
                    visit_id=c.visit_id,
                    visit_title=title,
                    others=tuple(others.get(c.id, ())),
                )
                for c, title in entries
            ),
        )


def organisation_history(services: Services, organisation_id: int) -> OrganisationHistory:
    with services.db.read() as session:
        if session.get(Organisation, organisation_id) is None:
            raise NotFoundError(RecordName("organisation"), organisation_id)
        people = session.scalars(
            select(Person)
            .where(col(Person.organisation_id) == organisation_id)
            .order_by(col(Person.sort_key), col(Person.id))
        ).all()
        visits = session.scalars(
            select(Visit)
            .where(
                (col(Visit.host_organisation_id) == organisation_id)
                | (col(Visit.guest_organisation_id) == organisation_id)
            )
            .order_by(*_newest_first(col(Visit.starts_at)), col(Visit.id).desc())
        ).all()
        return OrganisationHistory(
            organisation_id=organisation_id,
            people=tuple(
                Member(stored_id(p), name_of(p), p.function, p.email)
                for p in people
            ),
            visits=tuple(organisation_visit(v, organisation_id) for v in visits),
        )
