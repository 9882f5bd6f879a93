import getpass
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from delegation_app.domain.enums import ContactChannel
from delegation_app.domain.models import ContactEntry, ContactEntryPerson, FollowUp, Person, Visit, stored_id
from delegation_app.domain.record_names import RecordName
from delegation_app.i18n import N_, _
from delegation_app.i18n.formatting import format_date, format_datetime
from delegation_app.services.base import CrudService
from delegation_app.services.people import name_of
from delegation_app.services.validation import Checker
from delegation_app.services.views import ContactEntryView
from delegation_app.storage import writer


def current_user() -> str:
    """The OS user; getpass works without a terminal, os.getlogin() does not."""
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment at all
        return "unknown"


@dataclass
class ContactEntryInput:
    occurred_at: datetime  # local wall-clock time (Europe/Berlin)
    summary: str
    person_ids: Sequence[int] = field(default_factory=list)
    channel: ContactChannel | str = ContactChannel.MEETING
    visit_id: int | None = None
    logged_by: str | None = None  # None: the current OS user


class ContactEntryService(CrudService[ContactEntry, ContactEntryInput, ContactEntryView]):
    model = ContactEntry
    entity = N_("Contact entry")
    recyclable = True  # a wrong delete must not lose what was said; its people and follow-ups come back too

    def _name(self, session: Session, row: ContactEntry) -> RecordName:
        return RecordName("contact_entry", {"date": format_date(row.occurred_at.date())})

    def _title(self, row: ContactEntry) -> str:
        """"24.02.2026, 14:30 Uhr: Telefonat zur Terminabstimmung" (the summary's first line)."""
        first_line = (row.summary.splitlines() or [""])[0]
        return f"{format_datetime(row.occurred_at)}: {first_line}"

    def _validate(
        self, session: Session, check: Checker, data: ContactEntryInput, record_id
    ) -> dict[str, Any]:
        person_ids = []
        chosen = data.person_ids or []
        if not isinstance(chosen, list | tuple | set) or not all(
            isinstance(p, int) and not isinstance(p, bool) for p in chosen
        ):
            check.fail("person_ids", _("Please enter a valid value."))
            chosen = []
        elif not chosen:
            check.fail("person_ids", _("Please choose at least one person."))
        for person_id in dict.fromkeys(chosen):
            if check.exists(session, "person_ids", Person, person_id) is not None:
                person_ids.append(person_id)
        logged_by = check.model_text(ContactEntry, "logged_by", data.logged_by)
        return {
            "occurred_at": check.typed("occurred_at", data.occurred_at, datetime, required=True),
            "channel": check.enum("channel", data.channel, ContactChannel),
            "visit_id": check.exists(session, "visit_id", Visit, data.visit_id),
            "summary": check.text("summary", data.summary, required=True, multiline=True, max_length=20_000),
            "logged_by": logged_by or current_user(),
            "_person_ids": person_ids,
        }

    def _write_parts(self, session: Session, record_id: int, data, values) -> None:
        writer.delete_where(
            session, ContactEntryPerson, col(ContactEntryPerson.contact_entry_id) == record_id
        )
        for person_id in values["_person_ids"]:
            writer.insert(session, ContactEntryPerson(contact_entry_id=record_id, person_id=person_id))

    def _view(self, session: Session, row: ContactEntry) -> ContactEntryView:
        return self._view_many(session, [row])[0]

    def _view_many(self, session: Session, rows: list[ContactEntry]) -> list[ContactEntryView]:
        """The people of every entry in one query, not one per entry (over a network each query
        is a round trip: a visit with 17 entries took 17)."""
        people: dict[int, list[Person]] = {stored_id(row): [] for row in rows}
        if people:
            pairs = session.execute(
                select(col(ContactEntryPerson.contact_entry_id), Person)
                .join(ContactEntryPerson, col(ContactEntryPerson.person_id) == Person.id)
                .where(col(ContactEntryPerson.contact_entry_id).in_(list(people)))
                .order_by(col(Person.sort_key), col(Person.id))
            ).all()
            for entry_id, person in pairs:
                people[entry_id].append(person)
        return [_entry_view(row, people[stored_id(row)]) for row in rows]

    def _list_query(self, search: str | None):
        return select(ContactEntry).order_by(
            col(ContactEntry.occurred_at).desc(), col(ContactEntry.id).desc()
        )

    def list_for_visit(self, visit_id: int) -> list[ContactEntryView]:
        return self._views(self._list_query(None).where(col(ContactEntry.visit_id) == visit_id))

    def _views(self, query) -> list[ContactEntryView]:
        """The entries with their people in one statement (a row per entry and person)."""
        joined = (
            query.add_columns(Person)
            .outerjoin(ContactEntryPerson, col(ContactEntryPerson.contact_entry_id) == ContactEntry.id)
            .outerjoin(Person, col(Person.id) == ContactEntryPerson.person_id)
            .order_by(col(Person.sort_key), col(Person.id))
        )
        entries: dict[int, ContactEntry] = {}
        people: dict[int, list[Person]] = {}
        with self.db.read() as session:
            for entry, person in session.execute(joined):
                entries.setdefault(stored_id(entry), entry)
                found = people.setdefault(stored_id(entry), [])
                if person is not None:
                    found.append(person)
        return [_entry_view(row, people[entry_id]) for entry_id, row in entries.items()]

    def _consequences(self, session: Session, record_id: int) -> dict[str, int]:
        count = session.scalar(select(func.count()).where(col(FollowUp.contact_entry_id) == record_id))
        return {_("follow-ups lose their contact entry"): count} if count else {}

    def _before_delete(self, session: Session, record_id: int) -> None:
        writer.update_where(
            session, FollowUp, col(FollowUp.contact_entry_id) == record_id, {"contact_entry_id": None}
        )
        writer.delete_where(
            session, ContactEntryPerson, col(ContactEntryPerson.contact_entry_id) == record_id
        )


def _entry_view(row: ContactEntry, people: list[Person]) -> ContactEntryView:
    return ContactEntryView(
        id=stored_id(row), version=row.version, occurred_at=row.occurred_at, channel=row.channel,
        visit_id=row.visit_id, summary=row.summary, logged_by=row.logged_by,
        person_ids=tuple(stored_id(p) for p in people),
        person_names=tuple(name_of(p) for p in people),
    )  # fmt: skip
