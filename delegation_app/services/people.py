from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, SQLColumnExpression, func, or_, select
from sqlmodel import Session, col

from delegation_app.domain import phones as phone_rules
from delegation_app.domain.enums import DataSource, PhoneKind
from delegation_app.domain.models import (
    AgendaItem,
    ContactEntryPerson,
    FollowUp,
    Organisation,
    Participation,
    Person,
    PhoneNumber,
    Quote,
    Visit,
    stored_id,
)
from delegation_app.domain.person_names import compose_name
from delegation_app.domain.record_names import RecordName
from delegation_app.domain.sortkey import name_sort_key, person_list_keys
from delegation_app.domain.textrules import MAX_PROFILE
from delegation_app.i18n import N_, _
from delegation_app.services.base import Choices, CrudService, chunks
from delegation_app.services.people_search import search_plan
from delegation_app.services.segments import page as segments_page
from delegation_app.services.segments import walked_page
from delegation_app.services.validation import Checker
from delegation_app.services.views import PersonView, PhoneView
from delegation_app.storage import writer
from delegation_app.storage.search import matches, search_words
from delegation_app.storage.search_by_name import people_by_name

# The columns a list can be sorted by (a whitelist: the GUI's header clicks end up here).
PERSON_ORDER = ("name", "function", "organisation", "email", "phone", "own_staff")


@dataclass
class PhoneInput:
    number: str  # as typed: "06181 3000-6069"
    kind: PhoneKind | str = PhoneKind.OFFICE


@dataclass
class PersonInput:
    last_name: str
    first_name: str | None = None
    title: str | None = None
    salutation: str | None = None
    function: str | None = None
    department: str | None = None
    organisation_id: int | None = None
    email: str | None = None
    phones: Sequence[PhoneInput] = field(default_factory=list)
    notes: str | None = None
    is_own_staff: bool = False
    source: DataSource | str = DataSource.UNKNOWN
    source_note: str | None = None
    source_date: date | None = None
    profile: str | None = None  # the short profile a briefing prints; at most MAX_PROFILE
    family_name_first: bool = False  # "王小明", "Orbán Viktor" (domain.person_names)


# The stored keys of the list's text columns (domain.sortkey.person_list_keys).
SORT_KEYS = {
    "function": col(Person.function_sort_key),
    "email": col(Person.email_sort_key),
    "phone": col(Person.phone_sort_key),  # the first number, as stored (E.164)
}


def _direction(columns, descending: bool) -> list:
    return [column.desc() if descending else column.asc() for column in columns]


@lru_cache(maxsize=4096)
def phone_display(e164: str, extension: str | None) -> str:
    """DIN 5008 form; cached: formatting with the phonenumbers rules costs ~0.1 ms a number."""
    return phone_rules.display(phone_rules.Phone(e164, extension))


def display_name(title: str | None, first_name: str | None, last_name: str, family_first: bool) -> str:
    """ "Dr. Anna Schmidt", "王小明", "Orbán Viktor": domain.person_names.compose_name."""
    return compose_name(title, first_name, last_name, family_first)


def name_of(row: Person) -> str:
    return compose_name(row.title, row.first_name, row.last_name, row.family_name_first)


# The columns a name is composed of, in display_name's order: for queries that read no rows.
NAME_COLUMNS = (
    col(Person.title),
    col(Person.first_name),
    col(Person.last_name),
    col(Person.family_name_first),
)


def _rows_by_id(session: Session, ids: Sequence[int]) -> list[Person]:
    rows = {}
    for part in chunks(list(ids)):
        rows.update({row.id: row for row in session.scalars(select(Person).where(col(Person.id).in_(part)))})
    return [rows[i] for i in ids]


def person_name(session: Session, person_id: int | None) -> str | None:
    if person_id is None:
        return None
    row = session.get(Person, person_id)
    return name_of(row) if row else None


class PersonService(CrudService[Person, PersonInput, PersonView]):
    model = Person
    entity = N_("Person")
    recyclable = True
    _choices: tuple[tuple, Choices] | None = None  # (table state, names), see choices()

    def _name(self, session: Session, row: Person) -> RecordName:
        return RecordName("person", {"name": name_of(row)})

    def _title(self, row: Person) -> str:
        return name_of(row)

    def _validate(self, session: Session, check: Checker, data: PersonInput, record_id) -> dict[str, Any]:
        last = check.model_text(Person, "last_name", data.last_name, required=True)
        first = check.model_text(Person, "first_name", data.first_name)
        for flag in ("is_own_staff", "family_name_first"):
            if not isinstance(getattr(data, flag), bool):
                check.fail(flag, _("Please enter a valid value."))
        phones = []
        given = data.phones if isinstance(data.phones, list | tuple) else None
        if given is None or not all(isinstance(p, PhoneInput) for p in given):
            check.fail("phones", _("Please enter a valid value."))
            given = []
        for index, phone in enumerate(given):
            kind = check.enum(f"phones.{index}", phone.kind, PhoneKind)
            parsed = check.phone(f"phones.{index}", phone.number)
            if parsed is not None and kind is not None:
                phones.append((kind, parsed))
        values = {
            "title": check.model_text(Person, "title", data.title),
            "first_name": first,
            "last_name": last,
            "salutation": check.model_text(Person, "salutation", data.salutation),
            "function": check.model_text(Person, "function", data.function),
            "department": check.model_text(Person, "department", data.department),
            "organisation_id": check.exists(session, "organisation_id", Organisation, data.organisation_id),
            "email": check.email("email", data.email),
            "notes": check.model_text(Person, "notes", data.notes, multiline=True),
            "profile": check.text("profile", data.profile, multiline=True, max_length=MAX_PROFILE),
            "family_name_first": bool(data.family_name_first),
            "is_own_staff": bool(data.is_own_staff),
            "source": check.enum("source", data.source, DataSource),
            "source_note": check.model_text(Person, "source_note", data.source_note),
            "source_date": check.typed("source_date", data.source_date, date),
            "sort_key": name_sort_key(last, first),
            "_phones": phones,
            "_old_function": session.get_one(Person, record_id).function if record_id is not None else None,
        }
        first_phone = phones[0][1].e164 if phones else None  # _write_parts stores them in this order
        return values | person_list_keys(values["function"], values["email"], first_phone)

    def _write_parts(self, session: Session, record_id: int, data: PersonInput, values) -> None:
        old = values["_old_function"]
        if old and old != values["function"]:
            # Past visits keep the function the person had then: the "before the next visit"
            # summary can only say "function changed" where the earlier one is recorded.
            past = select(col(Visit.id)).where(col(Visit.starts_at) < datetime.now())
            writer.update_where(
                session,
                Participation,
                (col(Participation.person_id) == record_id)
                & col(Participation.function_at_visit).is_(None)
                & col(Participation.visit_id).in_(past),
                {"function_at_visit": old},
            )
        writer.delete_where(session, PhoneNumber, col(PhoneNumber.person_id) == record_id)
        for position, (kind, phone) in enumerate(values["_phones"]):
            writer.insert(
                session,
                PhoneNumber(
                    person_id=record_id,
                    position=position,
                    kind=kind,
                    e164=phone.e164,
                    extension=phone.extension,
                ),
            )

    def _view(self, session: Session, row: Person) -> PersonView:
        return self._view_many(session, [row])[0]

    def _view_many(self, session: Session, rows: list[Person]) -> list[PersonView]:
        # One query per kind, not per row: a page of the people list is 200 rows.
        org_ids = sorted({row.organisation_id for row in rows if row.organisation_id})
        org_names: dict[int | None, str] = {}
        phones: dict[int, list[PhoneNumber]] = defaultdict(list)
        for ids in chunks(org_ids):
            org_names.update(session.execute(
                select(col(Organisation.id), col(Organisation.name)).where(col(Organisation.id).in_(ids))
            ).all())  # fmt: skip
        for ids in chunks([stored_id(row) for row in rows]):
            query = select(PhoneNumber).where(col(PhoneNumber.person_id).in_(ids))
            in_order = query.order_by(col(PhoneNumber.person_id), col(PhoneNumber.position))
            for phone in session.scalars(in_order):
                phones[phone.person_id].append(phone)
        return [
            self._build(row, org_names.get(row.organisation_id), phones.get(stored_id(row), []))
            for row in rows
        ]

    @staticmethod
    def _build(row: Person, org_name: str | None, phones) -> PersonView:
        return PersonView(
            id=stored_id(row), version=row.version, title=row.title, first_name=row.first_name,
            last_name=row.last_name, display_name=name_of(row),
            salutation=row.salutation, function=row.function, department=row.department,
            organisation_id=row.organisation_id, organisation_name=org_name,
            email=row.email,
            phones=tuple(PhoneView(p.kind, p.e164, p.extension, phone_display(p.e164, p.extension))
                         for p in phones),
            notes=row.notes, is_own_staff=row.is_own_staff, source=row.source,
            source_note=row.source_note, source_date=row.source_date,
            created_at=row.created_at, updated_at=row.updated_at,
            profile=row.profile, family_name_first=row.family_name_first,
        )  # fmt: skip

    def _segments(
        self, search: str | None, order_by: str, descending: bool, *, walk_order: bool = False
    ) -> list[Select]:
        """The list in this order as consecutive parts, each an index range of ``person``: rows
        with a value (the whole order reverses when descending), then rows without one, by name.
        One ORDER BY with "value IS NULL" first would need a sort of every row per page.
        ``walk_order`` (SQLite, a search with many matches): see people_search.search_plan."""
        if order_by not in PERSON_ORDER:
            raise ValueError(f"cannot sort people by {order_by!r}; choose from {PERSON_ORDER}")
        dialect = self.db.engine.dialect.name
        searched: SQLColumnExpression[int | None] = col(Person.id)
        if walk_order:
            # "id + 0" keeps SQLite from driving the query by the search index: it walks the
            # order's index instead and checks each id against the matches, stopping after a page.
            searched = col(Person.id) + 0
        query = select(Person).where(matches(dialect, "person", searched, search))
        by_name = _direction((col(Person.sort_key), col(Person.id)), descending=False)
        if order_by == "name":
            return [query.order_by(*_direction((col(Person.sort_key), col(Person.id)), descending))]
        if order_by == "own_staff":  # staff last ascending, first descending; by name within
            flags = (True, False) if descending else (False, True)
            return [query.where(col(Person.is_own_staff) == flag).order_by(*by_name) for flag in flags]
        keys: tuple[SQLColumnExpression[Any], ...]
        if order_by == "organisation":
            # By the organisation's key, then its id: two organisations of the same name stay apart.
            keys = (col(Organisation.sort_key), col(Organisation.id), col(Person.sort_key), col(Person.id))
            present = query.join(Organisation, col(Person.organisation_id) == Organisation.id)
            missing = col(Person.organisation_id).is_(None)
        else:
            key = SORT_KEYS[order_by]
            keys, missing = (key, col(Person.sort_key), col(Person.id)), key.is_(None)
            present = query.where(key.is_not(None))
        return [present.order_by(*_direction(keys, descending)), query.where(missing).order_by(*by_name)]

    def list(
        self,
        search: str | None = None,
        *,
        order_by: str = "name",
        descending: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[PersonView]:
        """Every word of ``search`` starts a word of the name, organisation, function, department or
        email (accents and case ignored, storage.search); sorted in SQL by a column of
        PERSON_ORDER, names by their DIN 5007 sort key, on stored keys (each a page of an index).
        A search in name order on SQLite reads the index kept in that order (storage.search_by_name);
        the other orders take a plan (services.people_search)."""
        with self.db.read() as session:
            if order_by == "name" and self.db.engine.dialect.name == "sqlite" and search_words(search):
                page = people_by_name(session, search or "", descending=descending, offset=offset,
                                      limit=limit)  # fmt: skip
                return self._view_many(session, _rows_by_id(session, page))
            plan = search_plan(session, self.db.engine.dialect.name, search, limit)
            if plan == "walk" and limit is not None:
                everyone = self._segments(None, order_by, descending)
                ids = walked_page(session, everyone, col(Person.id), "person", search or "", offset, limit)
                if ids is not None:
                    return self._view_many(session, _rows_by_id(session, ids))
            segments = self._segments(search, order_by, descending, walk_order=plan != "matches")
            return self._view_many(session, segments_page(session, segments, offset, limit))

    def choices(self) -> Choices:
        """(display name, id) of every person, in list order: for choice boxes, without views
        (100,000 people as views took 33 s, as name pairs 0.4 s). Kept while the table is
        unchanged: every insert raises the count or the highest id, every update a version,
        and a check costs ~10 ms against 0.4 s. The list is shared: do not change it."""
        with self.db.read() as session:
            mark = tuple(session.execute(
                select(func.count(), func.max(col(Person.id)),
                       func.coalesce(func.sum(col(Person.version)), 0))
            ).one())  # fmt: skip
            if self._choices is not None and self._choices[0] == mark:
                return self._choices[1]
            rows = session.execute(
                select(*NAME_COLUMNS, col(Person.id)).order_by(col(Person.sort_key), col(Person.id))
            )
            names = [(display_name(*name), person_id) for *name, person_id in rows]
        self._choices = (mark, names)
        return names

    def _references(self):
        return (
            (N_("participations in visits are removed"), Participation, col(Participation.person_id), None),
            (N_("quotes keep the name as text"), Quote, col(Quote.speaker_person_id), "speaker"),
            (
                N_("programme items lose their responsible person"),
                AgendaItem,
                col(AgendaItem.responsible_person_id),
                None,
            ),
            (N_("follow-ups lose their owner"), FollowUp, col(FollowUp.owner_person_id), None),
            (N_("follow-ups lose their person"), FollowUp, col(FollowUp.person_id), None),
            (N_("visits lose their press contact"), Visit, col(Visit.press_contact_id), None),
            (N_("contact entries no longer name the person"), ContactEntryPerson,
             col(ContactEntryPerson.person_id), None),
        )  # fmt: skip

    def _consequences(self, session: Session, record_id: int) -> dict[str, int]:
        found = {}
        for text, _model, column, _how in self._references():
            count = session.scalar(select(func.count()).where(column == record_id))
            if count:
                found[_(text)] = count
        return found

    def _before_delete(self, session: Session, record_id: int) -> None:
        name = person_name(session, record_id)
        writer.delete_where(session, PhoneNumber, col(PhoneNumber.person_id) == record_id)
        for _text, model, column, how in self._references():
            if model in (Participation, ContactEntryPerson):
                if model is Participation:
                    for row in session.scalars(select(Participation).where(column == record_id)).all():
                        gone = RecordName("participation")
                        writer.delete(session, Participation, stored_id(row), row.version, gone)
                else:
                    writer.delete_where(session, model, column == record_id)
            elif how == "speaker":
                # A quote must keep saying who spoke it.
                writer.update_where(
                    session, Quote, column == record_id, {"speaker_person_id": None, "speaker_label": name}
                )
            else:
                writer.update_where(session, model, column == record_id, {column.key: None})

    def find(self, last_name: str, first_name: str | None = None) -> PersonView | None:
        with self.db.read() as session:
            query = select(Person).where(col(Person.last_name) == last_name).order_by(col(Person.id))
            query = query.where(
                col(Person.first_name) == first_name if first_name else or_(col(Person.first_name).is_(None))
            )
            row = session.scalars(query).first()
            return self._view(session, row) if row else None
