"""A person's or an organisation's history as one timeline: visits, contacts, quotes, follow-ups.

Each kind is read with its own query (filtered and sorted in SQL); the four sorted lists are then
merged newest first. Undated entries (visits that are still ideas, follow-ups without a date) come
last. A day without a time (a quote's day, a follow-up's date) counts as the start of that day.
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import Select, or_, select
from sqlmodel import Session, col

from delegation_app.domain.enums import ParticipantRole, ParticipantSide
from delegation_app.domain.errors import NotFoundError
from delegation_app.domain.models import (
    ContactEntry,
    ContactEntryPerson,
    FollowUp,
    Organisation,
    Participation,
    Person,
    Quote,
    Visit,
    stored_id,
)
from delegation_app.domain.record_names import RecordName
from delegation_app.i18n import _
from delegation_app.i18n.formatting import format_date
from delegation_app.i18n.labels import label
from delegation_app.services.people import name_of, person_name
from delegation_app.services.registry import Services

KINDS = ("visit", "contact", "quote", "followup")


@dataclass(frozen=True)
class TimelineEntry:
    kind: str  # one of KINDS
    when: datetime | date | None
    title: str
    detail: str
    record_id: int
    visit_id: int | None


def _moment(when: datetime | date) -> datetime:
    return when if isinstance(when, datetime) else datetime.combine(when, time.min)


def newest_first(entries: list[TimelineEntry]) -> list[TimelineEntry]:
    """Newest first, undated last; on the same moment a visit before its contacts, quotes and
    follow-ups. Entries that tie keep the order they came in (the order of their SQL query)."""
    rank = {kind: len(KINDS) - i for i, kind in enumerate(KINDS)}
    dated = sorted(
        ((e.when, e) for e in entries if e.when is not None),
        key=lambda pair: (_moment(pair[0]), rank[pair[1].kind]),
        reverse=True,
    )
    undated = sorted((e for e in entries if e.when is None), key=lambda e: rank[e.kind], reverse=True)
    return [e for _when, e in dated] + undated


def joined(*parts: str | None) -> str:
    """The given parts between middle dots, each once: a repeated part would say nothing more."""
    return " · ".join(dict.fromkeys(p for p in parts if p))


def side_unless_role_says_it(side: ParticipantSide, role: ParticipantRole) -> str | None:
    """The host side's host needs saying once: "Gastgeber/-in", not "Gastgeberseite · Gastgeber/-in"."""
    return None if side == ParticipantSide.HOST and role == ParticipantRole.HOST else label(side)


def first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""


def followup_state(done_on: date | None, due_on: date | None) -> str:
    """ "done on 17.11.2025", "due on 15.12.2025" or "open"."""
    if done_on is not None:
        return _("done on {date}").format(date=format_date(done_on))
    if due_on is not None:
        return _("due on {date}").format(date=format_date(due_on))
    return _("open")


def _name(p: Person) -> str:
    return name_of(p)


def _contacts(session: Session, people: Select, subject: int | None) -> list[TimelineEntry]:
    """Entries involving any of ``people``; the detail names the others (all but ``subject``)."""
    involved = select(col(ContactEntryPerson.contact_entry_id)).where(
        col(ContactEntryPerson.person_id).in_(people)
    )
    rows = session.scalars(
        select(ContactEntry)
        .where(col(ContactEntry.id).in_(involved))
        .order_by(col(ContactEntry.occurred_at).desc(), col(ContactEntry.id).desc())
    ).all()
    names: dict[int, list[str]] = {}
    for entry_id, p in session.execute(
        select(col(ContactEntryPerson.contact_entry_id), Person)
        .join(Person, col(Person.id) == ContactEntryPerson.person_id)
        .where(col(ContactEntryPerson.contact_entry_id).in_(involved), col(Person.id) != (subject or -1))
        .order_by(col(Person.sort_key), col(Person.id))
    ).all():
        names.setdefault(entry_id, []).append(_name(p))
    return [
        TimelineEntry(
            "contact",
            c.occurred_at,
            first_line(c.summary),
            joined(
                label(c.channel),
                _("with {names}").format(names=", ".join(names[c.id])) if c.id in names else None,
            ),
            stored_id(c),
            c.visit_id,
        )
        for c in rows
    ]


def _quotes(session: Session, people: Select, with_speaker: bool) -> list[TimelineEntry]:
    rows = session.execute(
        select(Quote, Visit, Person)
        .join(Visit, col(Visit.id) == Quote.visit_id)
        .join(Person, col(Person.id) == Quote.speaker_person_id)
        .where(col(Quote.speaker_person_id).in_(people))
        .order_by(col(Visit.starts_at).desc(), col(Quote.position), col(Quote.id))
    ).all()
    return [
        TimelineEntry(
            "quote",
            q.said_on or (v.starts_at.date() if v.starts_at else None),
            q.text,
            joined(_name(p) if with_speaker else None, v.title),
            q.id,
            v.id,
        )
        for q, v, p in rows
    ]


def _followups(session: Session, people: Select) -> list[TimelineEntry]:
    rows = session.scalars(
        select(FollowUp)
        .where(or_(col(FollowUp.owner_person_id).in_(people), col(FollowUp.person_id).in_(people)))
        .order_by(col(FollowUp.id).desc())
    ).all()
    entries = []
    for f in rows:
        owner = person_name(session, f.owner_person_id)
        owner_text = _("owner: {name}").format(name=owner) if owner else None
        detail = joined(followup_state(f.done_on, f.due_on), owner_text)
        entries.append(
            TimelineEntry("followup", f.done_on or f.due_on, f.title, detail, stored_id(f), f.visit_id)
        )
    return entries


def person_timeline(services: Services, person_id: int) -> list[TimelineEntry]:
    """Visits the person took part in, contact entries naming them, quotes they spoke, follow-ups
    they own or concern them; newest first, undated last."""
    with services.db.read() as session:
        if session.get(Person, person_id) is None:
            raise NotFoundError(RecordName("person"), person_id)
        taken = session.execute(
            select(Participation, Visit)
            .join(Visit, col(Visit.id) == Participation.visit_id)
            .where(col(Participation.person_id) == person_id)
            .order_by(col(Visit.starts_at).desc(), col(Visit.id).desc())
        ).all()
        visits = [
            TimelineEntry(
                "visit",
                v.starts_at,
                v.title,
                joined(side_unless_role_says_it(p.side, p.role), label(p.role), p.function_at_visit),
                v.id,
                v.id,
            )
            for p, v in taken
        ]
        people = select(col(Person.id)).where(col(Person.id) == person_id)
        entries = visits + _contacts(session, people, person_id) + _quotes(session, people, False)
        return newest_first(entries + _followups(session, people))


def organisation_timeline(services: Services, organisation_id: int) -> list[TimelineEntry]:
    """Visits it hosted or was guest of, or that its people took part in; contact entries, quotes
    and follow-ups of its people (by their current organisation); newest first, undated last."""
    with services.db.read() as session:
        if session.get(Organisation, organisation_id) is None:
            raise NotFoundError(RecordName("organisation"), organisation_id)
        people = select(col(Person.id)).where(col(Person.organisation_id) == organisation_id)
        rows = session.scalars(
            select(Visit)
            .where(
                or_(
                    col(Visit.host_organisation_id) == organisation_id,
                    col(Visit.guest_organisation_id) == organisation_id,
                    col(Visit.id).in_(
                        select(col(Participation.visit_id)).where(col(Participation.person_id).in_(people))
                    ),
                )
            )
            .order_by(col(Visit.starts_at).desc(), col(Visit.id).desc())
        ).all()
        members: dict[int, list[str]] = {}
        for visit_id, p in session.execute(
            select(col(Participation.visit_id), Person)
            .join(Person, col(Person.id) == Participation.person_id)
            .where(col(Person.organisation_id) == organisation_id)  # all on the visits above
            .order_by(col(Participation.position), col(Participation.id))
        ).all():
            members.setdefault(visit_id, []).append(_name(p))
        visits = []
        for v in rows:
            side = (_("Host") if v.host_organisation_id == organisation_id
                    else _("Guest") if v.guest_organisation_id == organisation_id else None)  # fmt: skip
            names = ", ".join(members.get(stored_id(v), ()))
            entry = TimelineEntry("visit", v.starts_at, v.title, joined(side, names), stored_id(v), v.id)
            visits.append(entry)
        entries = visits + _contacts(session, people, None) + _quotes(session, people, True)
        return newest_first(entries + _followups(session, people))
