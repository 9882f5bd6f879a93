"""Records past their retention period (storage limitation, Art. 5(1)(e) GDPR).

A period per kind (``storage.settings.RETENTION_KINDS``): people without activity, contact
entries, visits; None means kept without limit. A record is due once its last activity lies
that many days before the day asked about:
- a person: the latest of their record's last change, the end of a visit they took part in, a
  contact entry with them, a quote of theirs, a follow-up concerning them or owned by them;
- a contact entry: when it happened;
- a visit: its end (its start when no end is set; its last change when it has no date).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from delegation_app.domain.models import (
    ContactEntry,
    ContactEntryPerson,
    FollowUp,
    Participation,
    Person,
    Quote,
    Visit,
)
from delegation_app.services.erasure import is_anonymous_label
from delegation_app.services.people import NAME_COLUMNS, display_name
from delegation_app.services.registry import Services
from delegation_app.storage.settings import MAX_RETENTION_DAYS, RETENTION_KINDS

__all__ = ["MAX_RETENTION_DAYS", "RETENTION_KINDS", "DueRecord", "due_records"]
LABEL_LENGTH = 80


@dataclass(frozen=True)
class DueRecord:
    kind: str  # "people" | "contacts" | "visits"
    id: int
    label: str  # the person's name, the visit's title, the contact entry's summary (shortened)
    last_activity: date
    due_since: date  # last activity + the period: from this day on it may be kept no longer


def _day(value: date | datetime | str | None) -> date | None:
    if value is None:
        return None
    if isinstance(value, str):  # SQLite's max() over a date or datetime column gives text
        value = datetime.fromisoformat(value)
    return value.date() if isinstance(value, datetime) else value


def _latest(found: dict[int, date], rows: Iterable[Any]) -> None:
    for record_id, when in rows:
        day = _day(when)
        if record_id is not None and day is not None and (record_id not in found or day > found[record_id]):
            found[record_id] = day


def _people(session: Session) -> tuple[dict[int, date], dict[int, str]]:
    latest: dict[int, date] = {}
    names: dict[int, str] = {}
    for pid, title, first, last, family_first, updated in session.execute(
        select(col(Person.id), *NAME_COLUMNS, col(Person.updated_at))
        .order_by(col(Person.sort_key), col(Person.id))
    ):  # fmt: skip
        if first is None and is_anonymous_label(pid, last):
            continue  # anonymised already: nothing personal is left to be due
        names[pid] = display_name(title, first, last, family_first)
        _latest(latest, [(pid, updated)])
    visit_end = func.coalesce(col(Visit.ends_at), col(Visit.starts_at))
    taking_part = col(Participation.person_id)
    _latest(latest, session.execute(
        select(taking_part, func.max(visit_end))
        .join(Visit, col(Visit.id) == Participation.visit_id).group_by(taking_part)
    ))  # fmt: skip
    in_entry = col(ContactEntryPerson.person_id)
    _latest(latest, session.execute(
        select(in_entry, func.max(col(ContactEntry.occurred_at)))
        .join(ContactEntry, col(ContactEntry.id) == ContactEntryPerson.contact_entry_id).group_by(in_entry)
    ))  # fmt: skip
    said = func.coalesce(col(Quote.said_on), func.date(col(Visit.starts_at)), func.date(Quote.updated_at))
    speaker = col(Quote.speaker_person_id)
    _latest(latest, session.execute(
        select(speaker, func.max(said)).join(Visit, col(Visit.id) == Quote.visit_id).group_by(speaker)
    ))  # fmt: skip
    for column in (col(FollowUp.person_id), col(FollowUp.owner_person_id)):
        _latest(latest, session.execute(select(column, func.max(col(FollowUp.updated_at))).group_by(column)))
        _latest(latest, session.execute(select(column, func.max(col(FollowUp.done_on))).group_by(column)))
    return latest, names


def _shortened(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= LABEL_LENGTH else line[: LABEL_LENGTH - 1].rstrip() + "…"


def _due(
    kind: str, days: int, as_of: date, latest: Mapping[int, date], labels: Mapping[int, str]
) -> list[DueRecord]:
    period = timedelta(days=days)
    due = [
        DueRecord(kind, record_id, labels[record_id], last, last + period)
        for record_id, last in latest.items()
        if record_id in labels and last + period <= as_of
    ]
    return sorted(due, key=lambda d: (d.due_since, d.label, d.id))


def due_records(services: Services, periods: Mapping[str, int | None], as_of: date) -> list[DueRecord]:
    """The records past their period on ``as_of``, kind by kind (people, contacts, visits), the
    longest overdue first; a kind without a period lists nothing."""
    found: list[DueRecord] = []
    with services.db.snapshot() as session:
        if periods.get("people"):
            latest, names = _people(session)
            found += _due("people", periods["people"] or 0, as_of, latest, names)
        if periods.get("contacts"):
            rows = session.execute(
                select(col(ContactEntry.id), col(ContactEntry.occurred_at), col(ContactEntry.summary))
            ).all()
            latest = {}
            _latest(latest, ((i, when) for i, when, _s in rows))
            found += _due("contacts", periods["contacts"] or 0, as_of, latest,
                          {i: _shortened(s) for i, _w, s in rows})  # fmt: skip
        if periods.get("visits"):
            when = func.coalesce(col(Visit.ends_at), col(Visit.starts_at), col(Visit.updated_at))
            rows = session.execute(select(col(Visit.id), when, col(Visit.title))).all()
            latest = {}
            _latest(latest, ((i, w) for i, w, _t in rows))
            found += _due("visits", periods["visits"] or 0, as_of, latest, {i: t for i, _w, t in rows})
    return found
