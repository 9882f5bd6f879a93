"""Merging two people (services/merging.py has the whole picture and how it is undone).

Everything that names the other person moves to the kept one: participations, quotes (speaker),
programme items (responsible), follow-ups (owner and person), visits (press contact), contact
entries and phone numbers. Where both take part in one visit, the kept person's participation
stays (its function at the visit is taken from the other one's when it has none) and the other's
goes to the recycle bin with the other person; a contact entry naming both names the kept person
once; a phone number both have is kept once.
"""

from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from delegation_app.domain.enums import DataSource
from delegation_app.domain.models import (
    AgendaItem,
    ContactEntryPerson,
    FollowUp,
    Participation,
    Person,
    PhoneNumber,
    Quote,
    Visit,
    stored_id,
    table_of,
)
from delegation_app.domain.record_names import RecordName
from delegation_app.domain.sortkey import name_sort_key, person_list_keys
from delegation_app.i18n import N_, _, ngettext
from delegation_app.services import recycle_bin
from delegation_app.services.merging import (
    MergePlan,
    Move,
    chosen_values,
    field_choices,
    load_pair,
    record_merge,
)
from delegation_app.services.people import display_name, name_of
from delegation_app.services.registry import Services
from delegation_app.services.views import PersonView
from delegation_app.storage import writer

FIELDS = {
    "title": N_("Title"),
    "first_name": N_("First name"),
    "last_name": N_("Last name"),
    "salutation": N_("Salutation"),
    "function": N_("Function"),
    "department": N_("Department"),
    "organisation_id": N_("Organisation"),
    "email": N_("Email"),
    "notes": N_("Notes"),
    "is_own_staff": N_("Own staff"),
    "source": N_("Source"),
    "source_note": N_("Source remark"),
    "source_date": N_("Source date"),
}
# A value no one chose: the other person's value is taken unless the user says otherwise.
DEFAULTS: dict[str, Any] = {"is_own_staff": False, "source": DataSource.UNKNOWN}
# The references that simply move: (table, column).
MOVED = (
    (Quote, "speaker_person_id"),
    (AgendaItem, "responsible_person_id"),
    (FollowUp, "owner_person_id"),
    (FollowUp, "person_id"),
    (Visit, "press_contact_id"),
)


def _name(session: Session, row: Person) -> RecordName:
    return RecordName("person", {"name": name_of(row)})


def _visits_of(session: Session, person_id: int) -> set[int]:
    return set(
        session.scalars(select(col(Participation.visit_id)).where(col(Participation.person_id) == person_id))
    )


def _phones(session: Session, person_id: int) -> list[PhoneNumber]:
    query = select(PhoneNumber).where(col(PhoneNumber.person_id) == person_id)
    return list(session.scalars(query.order_by(col(PhoneNumber.position), col(PhoneNumber.id))))


def _count(session: Session, *criteria: Any) -> int:
    return session.scalar(select(func.count()).where(*criteria)) or 0


def _moves(session: Session, keep_id: int, other_id: int) -> tuple[tuple[Move, ...], tuple[str, ...]]:
    shared = _visits_of(session, keep_id) & _visits_of(session, other_id)
    other_visits = _visits_of(session, other_id)
    kept_numbers = {(p.e164, p.extension) for p in _phones(session, keep_id)}
    phones = [p for p in _phones(session, other_id) if (p.e164, p.extension) not in kept_numbers]
    follow_ups = _count(
        session, (col(FollowUp.owner_person_id) == other_id) | (col(FollowUp.person_id) == other_id)
    )
    counts = (
        (
            "participation",
            len(other_visits - shared),
            lambda n: ngettext("{count} participation", "{count} participations", n),
        ),
        (
            "quote",
            _count(session, col(Quote.speaker_person_id) == other_id),
            lambda n: ngettext("{count} quote", "{count} quotes", n),
        ),
        (
            "contact_entry",
            _count(session, col(ContactEntryPerson.person_id) == other_id),
            lambda n: ngettext("{count} contact entry", "{count} contact entries", n),
        ),
        ("follow_up", follow_ups, lambda n: ngettext("{count} follow-up", "{count} follow-ups", n)),
        (
            "agenda_item",
            _count(session, col(AgendaItem.responsible_person_id) == other_id),
            lambda n: ngettext("{count} programme item", "{count} programme items", n),
        ),
        (
            "visit",
            _count(session, col(Visit.press_contact_id) == other_id),
            lambda n: ngettext("{count} visit as press contact", "{count} visits as press contact", n),
        ),
        ("phone_number", len(phones), lambda n: ngettext("{count} phone number", "{count} phone numbers", n)),
    )
    moves = tuple(Move(what, n, text(n).format(count=n)) for what, n, text in counts if n)
    notes = []
    if shared:
        notes.append(
            ngettext(
                "Both take part in {count} visit: there the kept person's participation stays.",
                "Both take part in {count} visits: there the kept person's participation stays.",
                len(shared),
            ).format(count=len(shared))
        )
    return moves, tuple(notes)


def plan_person_merge(services: Services, keep_id: int, other_id: int) -> MergePlan[PersonView]:
    """What merging ``other_id`` into ``keep_id`` would do; nothing is written."""
    with services.db.snapshot() as session:  # the views below read in the same transaction
        keep, other = load_pair(session, Person, keep_id, other_id)
        fields = field_choices(session, Person, keep, other, FIELDS, DEFAULTS)
        moves, notes = _moves(session, keep_id, other_id)
        views = {view.id: view for view in services.people.get_many((keep_id, other_id))}
        return MergePlan(views[keep_id], views[other_id], fields, moves, notes)


def _move_participations(session: Session, keep_id: int, other_id: int) -> None:
    shared = _visits_of(session, keep_id) & _visits_of(session, other_id)
    for visit_id in sorted(shared):
        pair = {
            p.person_id: p
            for p in session.scalars(
                select(Participation).where(
                    col(Participation.visit_id) == visit_id,
                    col(Participation.person_id).in_((keep_id, other_id)),
                )
            )
        }
        kept, gone = pair[keep_id], pair[other_id]
        if not kept.function_at_visit and gone.function_at_visit:
            writer.update(
                session,
                Participation,
                stored_id(kept),
                kept.version,
                {"function_at_visit": gone.function_at_visit},
                RecordName("participation"),
            )
        gone = session.get_one(Participation, stored_id(gone))
        writer.delete(session, Participation, stored_id(gone), gone.version, RecordName("participation"))
    writer.update_where(
        session, Participation, col(Participation.person_id) == other_id, {"person_id": keep_id}
    )


def _move_contact_entries(session: Session, keep_id: int, other_id: int) -> None:
    linked = select(col(ContactEntryPerson.contact_entry_id)).where(
        col(ContactEntryPerson.person_id) == keep_id
    )
    both = set(session.scalars(linked))
    for entry_id in list(
        session.scalars(
            select(col(ContactEntryPerson.contact_entry_id)).where(
                col(ContactEntryPerson.person_id) == other_id
            )
        )
    ):
        key = {"contact_entry_id": entry_id, "person_id": other_id}
        if entry_id in both:
            writer.delete_where(
                session, ContactEntryPerson, *(getattr(ContactEntryPerson, k) == v for k, v in key.items())
            )
        else:
            writer.update_link(session, ContactEntryPerson, key, {"person_id": keep_id})


def _move_phones(session: Session, keep_id: int, other_id: int) -> str | None:
    """The other's numbers after the kept one's (a number both have once); the first number now."""
    kept = _phones(session, keep_id)
    numbers = {(p.e164, p.extension) for p in kept}
    position = max((p.position for p in kept), default=-1) + 1
    for phone in _phones(session, other_id):
        if (phone.e164, phone.extension) in numbers:
            writer.delete_where(session, PhoneNumber, col(PhoneNumber.id) == phone.id)
            continue
        numbers.add((phone.e164, phone.extension))
        writer.update_where(
            session,
            PhoneNumber,
            col(PhoneNumber.id) == phone.id,
            {"person_id": keep_id, "position": position},
        )
        position += 1
    first = _phones(session, keep_id)
    return first[0].e164 if first else None


def merge_people(
    services: Services,
    keep_id: int,
    other_id: int,
    choices: Mapping[str, str] | None = None,
    versions: tuple[int, int] | None = None,
) -> None:
    """Merge inside the caller's transaction (operations.merging.merge_people opens it)."""
    with services.db.write() as session:
        keep, other = load_pair(session, Person, keep_id, other_id, versions, _name)
        values = chosen_values(
            choices, field_choices(session, Person, keep, other, FIELDS, DEFAULTS), keep, other
        )
        before = {name: getattr(keep, name) for name in Person.model_fields}
        keep_name, other_name, other_version = _name(session, keep), _name(session, other), other.version
        title = name_of(other)
        first = len(writer.recorded(session))
        _move_participations(session, keep_id, other_id)
        for model, column in MOVED:
            writer.update_where(session, model, table_of(model).c[column] == other_id, {column: keep_id})
        _move_contact_entries(session, keep_id, other_id)
        first_phone = _move_phones(session, keep_id, other_id)
        now = before | values
        keys: dict[str, str | None] = {"sort_key": name_sort_key(now["last_name"], now["first_name"])}
        keys |= person_list_keys(now["function"], now["email"], first_phone)
        changed = {k: v for k, v in (values | keys).items() if before[k] != v}
        if changed:
            writer.update(session, Person, keep_id, before["version"], changed, keep_name)
        writer.delete(session, Person, other_id, other_version, other_name)
        kept_title = display_name(now["title"], now["first_name"], now["last_name"], now["family_name_first"])
        recycle_bin.put(
            session,
            "person",
            other_id,
            _("{name} – merged into “{kept}”").format(name=title, kept=kept_title),
            writer.recorded(session)[first:],
            services.db.user_name,
        )
        record_merge(session, "person", keep_id, other_id)
