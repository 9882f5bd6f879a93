"""Erasing or anonymising a person (Art. 17 DSGVO).

Erasing removes the person with everything that is theirs (phone numbers, participations, their
place in contact entries); quotes stay, naming nobody. Anonymising keeps the shape of the visits
and their statistics: the person becomes "Teilnehmende Person 12" of their organisation. Either way the
free text that names them loses those mentions (the ones the user chose; all of them from the
command line), the change history and the recycle bin lose their copies, and the change history
gets one entry that names nobody: what happened, and why.

Every text column is classified in services/personal_columns.py. Backups are not rewritten:
they age out with the rotation.
"""

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select, text
from sqlmodel import Session, col

from delegation_app.domain.changes import Change
from delegation_app.domain.errors import DomainError, NotFoundError
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
)
from delegation_app.domain.record_names import RecordName
from delegation_app.domain.sortkey import name_sort_key, person_list_keys
from delegation_app.i18n import N_, SUPPORTED, _, ngettext, translator
from delegation_app.i18n.formatting import format_date
from delegation_app.services.mentions import Mention, NamePattern, mentions_in, name_pattern, redact_chosen
from delegation_app.services.people import display_name, name_of
from delegation_app.services.personal_columns import RULES, Treatment
from delegation_app.services.recycle_bin import MODELS
from delegation_app.services.registry import Services
from delegation_app.services.trail_redaction import (
    TABLES,
    Owned,
    collect_owned_ids,
    names_them,
    redact_change,
    redact_history,
    redact_recycle_bin,
)
from delegation_app.storage import search, writer
from delegation_app.storage.scrub import scrub_file

MAX_REASON = 500
ANONYMOUS_LABEL = N_("Participant {id}")
MentionKey = tuple[str, int, str, int]
_TRAIL_TABLES = {"audit_entry", "recycled_record"}
_SCANNED = (Treatment.MENTIONS, Treatment.OWN_AND_MENTIONS, Treatment.BELONGS)
_OWNED = (Treatment.OWN, Treatment.OWN_AND_MENTIONS, Treatment.BELONGS, Treatment.DERIVED)
KINDS = {
    "organisation": N_("Organisation"), "person": N_("Person"), "visit": N_("Visit"),
    "agenda_item": N_("Programme item"), "contact_entry": N_("Contact entry"),
    "participation": N_("Participant"), "follow_up": N_("Follow-up"), "quote": N_("Quote"),
}  # fmt: skip


@dataclass(frozen=True)
class ErasurePlan:
    """What an erasure or anonymisation of one person takes, for the question before it."""

    person_id: int
    name: str
    anonymise: bool
    label: str  # the name an anonymised person keeps: "Teilnehmende Person 12"
    counts: tuple[tuple[str, int], ...]  # (what goes, how many), translated
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class ErasureSummary:
    person_id: int
    anonymised: bool
    label: str
    mentions: tuple[Mention, ...]  # the mentions that were redacted
    history_entries: int  # entries of the change history that lost the person's data
    bin_entries: int  # recycle-bin entries deleted or redacted


def anonymous_label(person_id: int) -> str:
    return _(ANONYMOUS_LABEL).format(id=person_id)


def is_anonymous_label(person_id: int, last_name: str | None) -> bool:
    """Whether ``last_name`` is the label an anonymisation gave, in whichever language the program
    ran then (the label is stored as text: "Teilnehmende Person 12" stays so in an English window)."""
    return any(
        last_name == translator(lang)(ANONYMOUS_LABEL).format(id=person_id) for lang in SUPPORTED
    )


def _person(session: Session, person_id: int) -> Person:
    row = session.get(Person, person_id, populate_existing=True) if isinstance(person_id, int) else None
    if row is None:
        raise NotFoundError(RecordName("person"), person_id)
    return row


def _pattern(person: Person) -> NamePattern:
    return name_pattern(person.title, person.first_name, person.last_name, person.salutation)


def _describe(table: str, row: Any) -> str:
    if table == "contact_entry":
        return format_date(row["occurred_at"])
    if table == "person":
        family_first = bool(row.get("family_name_first"))
        return display_name(row["title"], row["first_name"], row["last_name"], family_first)
    return str(row.get("title") or row.get("name") or "")


def find_mentions(session: Session, owned: Owned) -> list[Mention]:
    """Every mention of the person in the records' free text (the trail is redacted in full)."""
    found: list[Mention] = []
    for table_name, rules in RULES.items():
        scanned = [name for name, rule in rules.items() if rule.treatment in _SCANNED]
        if table_name in _TRAIL_TABLES or not scanned:
            continue
        table = TABLES[table_name]
        named = or_(*(names_them(owned, table.c[n]) for n in scanned))
        query = select(table).where(named).order_by(table.c.id)
        for row in map(dict, session.execute(query).mappings()):
            mine = owned.owns(table_name, row["id"], row)
            where = " · ".join(part for part in (_(KINDS[table_name]), _describe(table_name, row)) if part)
            for name in scanned:
                if mine and rules[name].treatment in _OWNED:
                    continue  # replaced as a whole
                found += mentions_in(owned.pattern, table_name, row["id"], name, row[name], where)
    return found


def _counts(session: Session, person_id: int, anonymise: bool) -> list[tuple[str, int]]:
    def count(model, *criteria) -> int:
        return session.scalar(select(func.count()).select_from(model).where(*criteria)) or 0

    taken_part = (
        N_("participations in visits (the function held then is removed)")
        if anonymise
        else N_("participations in visits")
    )
    rows = [
        (N_("phone numbers"), count(PhoneNumber, col(PhoneNumber.person_id) == person_id)),
        (taken_part, count(Participation, col(Participation.person_id) == person_id)),
        (N_("quotes keep no name"), count(Quote, col(Quote.speaker_person_id) == person_id)),
    ]  # fmt: skip
    if not anonymise:
        rows += [
            (N_("contact entries no longer name the person"),
             count(ContactEntryPerson, col(ContactEntryPerson.person_id) == person_id)),
            (N_("follow-ups lose their owner or person"),
             count(FollowUp, or_(col(FollowUp.owner_person_id) == person_id,
                                 col(FollowUp.person_id) == person_id))),
            (N_("programme items lose their responsible person"),
             count(AgendaItem, col(AgendaItem.responsible_person_id) == person_id)),
            (N_("visits lose their press contact"), count(Visit, col(Visit.press_contact_id) == person_id)),
        ]  # fmt: skip
    return [(_(what), n) for what, n in rows if n]


def plan_erasure(services: Services, person_id: int, *, anonymise: bool) -> ErasurePlan:
    with services.db.read() as session:
        person = _person(session, person_id)
        owned = Owned(person_id, _pattern(person))
        collect_owned_ids(session, owned)
        mentions = find_mentions(session, owned)
        counts = _counts(session, person_id, anonymise)
        history = redact_history(session, owned, dry_run=True)
        binned = redact_recycle_bin(session, owned, dry_run=True)
        counts += [(what, n) for what, n in (
            (_("entries of the change history lose the person's data"), history),
            (_("recycle bin entries lose the person's data"), binned),
        ) if n]  # fmt: skip
        name = name_of(person)
        label = anonymous_label(person_id)
        return ErasurePlan(person_id, name, anonymise, label, tuple(counts), tuple(mentions))


def _redact_mentions(session: Session, owned: Owned, chosen: Collection[MentionKey] | None) -> list[Mention]:
    mentions = find_mentions(session, owned)
    taken = [m for m in mentions if chosen is None or m.key in chosen]
    fields: dict[tuple[str, int], dict[str, set[int]]] = {}
    for m in taken:
        fields.setdefault((m.table, m.record_id), {}).setdefault(m.column, set()).add(m.index)
    for (table_name, record_id), columns in fields.items():
        table = TABLES[table_name]
        row = session.execute(select(table).where(table.c.id == record_id)).mappings().one()
        values: dict[str, Any] = {
            column: redact_chosen(owned.pattern, row[column], wanted) for column, wanted in columns.items()
        }
        values |= _keys_after(table_name, {**row, **values})
        writer.update(session, MODELS[table_name], record_id, row["version"], values, RecordName(table_name))
    return taken


def _keys_after(table_name: str, row: dict[str, Any]) -> dict[str, Any]:
    """Sort keys follow the redacted text they are folded from."""
    if table_name == "organisation":
        return {"sort_key": name_sort_key(row["name"])}
    if table_name == "person":
        keys = person_list_keys(row["function"], row["email"], row["phone_sort_key"])
        return {"sort_key": name_sort_key(row["last_name"], row["first_name"])} | keys
    return {}


def _anonymise_record(session: Session, person: Person) -> str:
    person_id = stored_id(person)
    label = anonymous_label(person_id)
    values = {
        "title": None, "first_name": None, "last_name": label, "salutation": None, "function": None,
        "department": None, "email": None, "notes": None, "source_note": None, "profile": None,
        "family_name_first": False,
        "sort_key": name_sort_key(label, None), **person_list_keys(None, None, None),
    }  # fmt: skip
    writer.delete_where(session, PhoneNumber, col(PhoneNumber.person_id) == person_id)
    writer.update(session, Person, person_id, person.version, values, RecordName("person"))
    held = (col(Participation.person_id) == person_id) & col(Participation.function_at_visit).is_not(None)
    writer.update_where(session, Participation, held, {"function_at_visit": None})
    spoken = (col(Quote.speaker_person_id) == person_id) & col(Quote.speaker_label).is_not(None)
    writer.update_where(session, Quote, spoken, {"speaker_label": None})
    asked = (col(Quote.speaker_person_id) == person_id) & col(Quote.approval_sent_to).is_not(None)
    writer.update_where(session, Quote, asked, {"approval_sent_to": None})
    return label


def _delete_record(session: Session, person: Person) -> None:
    person_id = stored_id(person)
    writer.delete_where(session, PhoneNumber, col(PhoneNumber.person_id) == person_id)
    for row in session.scalars(select(Participation).where(col(Participation.person_id) == person_id)).all():
        writer.delete(session, Participation, stored_id(row), row.version, RecordName("participation"))
    writer.delete_where(session, ContactEntryPerson, col(ContactEntryPerson.person_id) == person_id)
    # A quote of an erased person keeps no name: not even as text, as an ordinary delete keeps it.
    spoken = col(Quote.speaker_person_id) == person_id
    writer.update_where(
        session, Quote, spoken, {"speaker_person_id": None, "speaker_label": None, "approval_sent_to": None}
    )
    for model, name in ((AgendaItem, "responsible_person_id"), (FollowUp, "owner_person_id"),
                        (FollowUp, "person_id"), (Visit, "press_contact_id")):  # fmt: skip
        writer.update_where(session, model, getattr(model, name) == person_id, {name: None})
    person = _person(session, person_id)
    writer.delete(session, Person, person_id, person.version, RecordName("person"))


def checked_reason(reason: str | None) -> str:
    cleaned = " ".join((reason or "").split())
    if len(cleaned) > MAX_REASON:
        too_long = ngettext(
            "The reason is too long (at most {max} character).",
            "The reason is too long (at most {max} characters).",
            MAX_REASON,
        )
        raise DomainError(too_long.format(max=MAX_REASON))
    return cleaned


def erase_people(
    services: Services,
    person_ids: Iterable[int],
    *,
    anonymise: bool,
    mentions: Collection[MentionKey] | None = None,
    reason: str = "",
) -> list[ErasureSummary]:
    """Erase (or anonymise) each person in one transaction; ``mentions`` are the keys of the
    mentions to redact (None: every one found). The file is not scrubbed yet: scrub_database()."""
    reason = checked_reason(reason)
    summaries = []
    with services.db.write() as session:
        if services.db.is_sqlite:  # freed space is zeroed, not just marked free (see scrub_database)
            session.execute(text("PRAGMA secure_delete = ON"))
        for person_id in dict.fromkeys(person_ids):
            person = _person(session, person_id)
            owned = Owned(person_id, _pattern(person))
            collect_owned_ids(session, owned)
            first = len(writer.recorded(session))
            taken = _redact_mentions(session, owned, mentions)
            label = _anonymise_record(session, person) if anonymise else ""
            if not anonymise:
                _delete_record(session, person)
            history, binned = redact_history(session, owned), redact_recycle_bin(session, owned)
            made = [redact_change(owned, c) for c in writer.recorded(session)[first:]]
            note = {"reason": owned.pattern.redact(reason)} if reason else {}
            made.append(Change("anonymise" if anonymise else "erase", "person", person_id, None, note))
            writer.replace_recorded(session, first, made)
            summaries.append(ErasureSummary(person_id, anonymise, label, tuple(taken), history, binned))
        search.optimize_index(session)
    return summaries


def scrub_database(services: Services) -> bool:
    """After the erasure's commit: no freed page of the file nor its -wal keeps the old text.
    False when another program held the file and the -wal could not be emptied now."""
    return scrub_file(services.db)
