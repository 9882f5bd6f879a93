"""Everything held about one person (access request, Art. 15 GDPR), gathered in one read model.

One read snapshot for all of it, as the briefing does: the record, its participations, quotes,
contact entries, follow-ups, change history and recycle-bin entries come from the same state of
the data. reports/ renders it as a PDF or as JSON.
"""

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlmodel import Session, col

from delegation_app.domain.models import (
    TABLES_IN_ORDER,
    AgendaItem,
    RecycledRecord,
    Visit,
    stored_id,
    table_of,
)
from delegation_app.services.audit_trail import HistoryEntry
from delegation_app.services.history import ContactTakenPart, QuoteSpoken, VisitTakenPart, person_history
from delegation_app.services.registry import Services
from delegation_app.services.views import FollowUpView, PersonView
from delegation_app.storage import trail_shapes
from delegation_app.storage.settings import Profile


@dataclass(frozen=True)
class Letterhead:
    """Who answers the request: the office (letterhead) and the user (sender), from the profile."""

    office_name: str = ""
    office_lines: tuple[str, ...] = ()
    sender_name: str = ""
    sender_function: str = ""
    unit: str = ""
    phone: str = ""
    email: str = ""

    @classmethod
    def of(cls, profile: Profile) -> "Letterhead":
        lines = tuple(line.strip() for line in profile.office_address.splitlines() if line.strip())
        return cls(
            office_name=profile.office_name, office_lines=lines, sender_name=profile.name,
            sender_function=profile.function, unit=profile.unit, phone=profile.phone, email=profile.email,
        )  # fmt: skip


@dataclass(frozen=True)
class Responsibility:
    """A place where the person is named without taking part: a programme item they are
    responsible for, a visit they are the press contact of."""

    kind: str  # "agenda_item" | "press_contact"
    visit_id: int
    visit_title: str
    title: str  # the programme item's title; the visit's title for the press contact
    starts_at: datetime | None


@dataclass(frozen=True)
class RecycledMention:
    """A recycle-bin entry that holds rows naming the person (e.g. a deleted visit they took part in)."""

    entry_id: int
    kind: str  # "visit" | "person" | "organisation"
    title: str
    deleted_at: datetime
    user_name: str
    tables: tuple[str, ...]  # the kinds of rows that name the person ("participation", "quote" …)


@dataclass(frozen=True)
class PersonDataReport:
    person: PersonView
    participations: tuple[VisitTakenPart, ...]  # newest first
    quotes: tuple[QuoteSpoken, ...]
    contacts: tuple[ContactTakenPart, ...]
    followups: tuple[FollowUpView, ...]  # concerning the person or owned by them
    responsibilities: tuple[Responsibility, ...]
    history: tuple[HistoryEntry, ...]  # of the person record, oldest first
    recycled: tuple[RecycledMention, ...]
    letterhead: Letterhead
    created_on: date


# Every column that names a person (foreign keys to person.id), by table.
PERSON_COLUMNS: dict[str, tuple[str, ...]] = {
    table_of(m).name: tuple(
        fk.parent.name for fk in table_of(m).foreign_keys if fk.column.table.name == "person"
    )
    for m in TABLES_IN_ORDER
}


def _names_person(table: str, values: Any, person_id: int) -> bool:
    if not isinstance(values, dict):
        return False
    if table == "person":
        return values.get("id") == person_id
    return any(values.get(column) == person_id for column in PERSON_COLUMNS.get(table, ()))


def _recycled(session: Session, person_id: int) -> list[RecycledMention]:
    found = []
    newest_first = (col(RecycledRecord.deleted_at).desc(), col(RecycledRecord.id).desc())
    for entry in session.scalars(select(RecycledRecord).order_by(*newest_first)):
        tables: list[str] = []
        if trail_shapes.is_row_list(entry.rows):  # a damaged entry names nobody we can find
            rows = json.loads(entry.rows)
            tables += [table for table, values in rows if _names_person(table, values, person_id)]
        if trail_shapes.is_detached_list(entry.detached):
            detached = json.loads(entry.detached)
            tables += [item[0] for item in detached if _names_person(item[0], item[2], person_id)]
        if tables:
            found.append(
                RecycledMention(
                    entry_id=stored_id(entry), kind=entry.table_name, title=entry.title,
                    deleted_at=entry.deleted_at, user_name=entry.user_name,
                    tables=tuple(dict.fromkeys(tables)),
                )
            )  # fmt: skip
    return found


def _responsibilities(session: Session, person_id: int) -> list[Responsibility]:
    items = session.execute(
        select(AgendaItem, Visit)
        .join(Visit, col(Visit.id) == AgendaItem.visit_id)
        .where(col(AgendaItem.responsible_person_id) == person_id)
        .order_by(col(Visit.id), col(AgendaItem.position), col(AgendaItem.id))
    ).all()
    press = session.scalars(
        select(Visit).where(col(Visit.press_contact_id) == person_id).order_by(col(Visit.id))
    ).all()
    return [
        Responsibility("agenda_item", stored_id(v), v.title, a.title, a.starts_at) for a, v in items
    ] + [Responsibility("press_contact", stored_id(v), v.title, v.title, v.starts_at) for v in press]


def collect_person_report(
    services: Services, person_id: int, letterhead: Letterhead, *, today: date | None = None
) -> PersonDataReport:
    """Raises NotFoundError for an unknown person."""
    with services.db.snapshot() as session:  # every read below joins it
        person = services.people.get(person_id)
        taken = person_history(services, person_id)
        followups = {
            f.id: f
            for f in (
                *services.followups.list_filtered(person_id=person_id, include_done=True),
                *services.followups.list_filtered(owner_person_id=person_id, include_done=True),
            )
        }
        history = services.audit.history("person", person_id)
        responsibilities = _responsibilities(session, person_id)
        recycled = _recycled(session, person_id)
        return PersonDataReport(
            person=person,
            participations=taken.visits,
            quotes=taken.quotes,
            contacts=taken.contacts,
            followups=tuple(followups.values()),
            responsibilities=tuple(responsibilities),
            history=tuple(history),
            recycled=tuple(recycled),
            letterhead=letterhead,
            created_on=today or date.today(),
        )
