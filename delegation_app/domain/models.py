"""The tables. Times: see docs/architecture.md ("Times").

- ``created_at`` / ``updated_at`` / ``approved_at``: UTC, stored naive (SQLite drops tzinfo anyway).
- Planned and logged times (visit, agenda item, contact entry): naive wall-clock time of the place,
  interpreted in ``visit.timezone`` (contact entries: Europe/Berlin).
"""

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, Protocol, runtime_checkable

from sqlalchemy import Boolean, Column, DateTime, Index, String, Table, Text, UniqueConstraint, text
from sqlalchemy import Enum as SAEnum
from sqlmodel import Field, SQLModel

from delegation_app.domain import enums as e

# Named constraints make Alembic's batch rebuilds on SQLite deterministic.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

DEFAULT_TIMEZONE = "Europe/Berlin"


# Every datetime column is a plain (naive) DateTime, declared explicitly: newer SQLModel releases
# map ``datetime`` to an aware UTC type by default, which would change meaning between versions.


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


# Sort keys compare byte-wise: PostgreSQL's default (linguistic) collation would ignore the tab
# between last and first name. SQLite's default BINARY collation already does what "C" does.
SORT_KEY_TYPE = String(400).with_variant(String(400, collation="C"), "postgresql")


# Both return what sqlmodel's Field returns: declared Any, so that ``kind: OrganisationKind =
# enum_field(…)`` type-checks as the attribute's type.
def enum_field(enum_cls: type[StrEnum], default: StrEnum) -> Any:
    """A string column holding the enum's value; no native enum type, so PostgreSQL needs none."""
    return Field(
        default=default,
        sa_column=Column(
            SAEnum(
                enum_cls,
                native_enum=False,
                create_constraint=False,
                length=32,
                values_callable=lambda members: [m.value for m in members],
                validate_strings=True,
            ),
            nullable=False,
            server_default=default.value,
        ),
    )


def text_field(nullable: bool = True) -> Any:
    return Field(default=None, sa_column=Column(Text, nullable=nullable))


class Record(SQLModel):
    """Columns every editable record carries."""

    id: int | None = Field(default=None, primary_key=True)
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})
    created_at: datetime = Field(default_factory=utcnow, sa_type=DateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=DateTime)


@runtime_checkable
class Identified(Protocol):
    """A row with an ``id`` column (every table but the link table contact_entry_person)."""

    id: int | None


def stored_id(record: Identified) -> int:
    """The id of a record read from the database (only a record not yet flushed has none)."""
    if record.id is None:
        raise ValueError(f"{type(record).__name__} has no id before it is stored")
    return record.id


class Organisation(Record, table=True):
    __tablename__ = "organisation"

    name: str = Field(max_length=200)
    kind: e.OrganisationKind = enum_field(e.OrganisationKind, e.OrganisationKind.OTHER)
    city: str | None = Field(default=None, max_length=100)
    country: str | None = Field(default=None, max_length=2)
    website: str | None = Field(default=None, max_length=300)
    notes: str | None = text_field()
    sort_key: str = Field(sa_type=SORT_KEY_TYPE, index=True)


class Person(Record, table=True):
    __tablename__ = "person"

    title: str | None = Field(default=None, max_length=50)
    first_name: str | None = Field(default=None, max_length=100)
    last_name: str = Field(max_length=100)
    salutation: str | None = Field(default=None, max_length=100)
    function: str | None = Field(default=None, max_length=200)
    department: str | None = Field(default=None, max_length=200)
    organisation_id: int | None = Field(default=None, foreign_key="organisation.id", ondelete="RESTRICT")
    email: str | None = Field(default=None, max_length=254)
    notes: str | None = text_field()
    is_own_staff: bool = Field(default=False, sa_column=Column(Boolean, nullable=False, server_default="0"))
    source: e.DataSource = enum_field(e.DataSource, e.DataSource.UNKNOWN)
    source_note: str | None = Field(default=None, max_length=500)
    source_date: date | None = None
    sort_key: str = Field(sa_type=SORT_KEY_TYPE, index=True)
    # Keys the list sorts by, folded like sort_key (domain.sortkey.person_list_keys); NULL when
    # the field is empty. phone_sort_key is the first phone's E.164 (derived from phone_number).
    function_sort_key: str | None = Field(default=None, sa_type=SORT_KEY_TYPE)
    email_sort_key: str | None = Field(default=None, sa_type=SORT_KEY_TYPE)
    phone_sort_key: str | None = Field(default=None, sa_type=SORT_KEY_TYPE)
    # Short profile for a briefing (career, responsibilities, what to know); MAX_PROFILE.
    profile: str | None = text_field()
    # Written family name first ("王小明", "Orbán Viktor"): domain.person_names.compose_name.
    family_name_first: bool = Field(
        default=False, sa_column=Column(Boolean, nullable=False, server_default="0")
    )

    # Each sortable column with the name as tiebreak, so that a page of any order is an index
    # range (SQLite appends the rowid to every index): no sort over 100,000 rows per page.
    __table_args__ = (
        Index("ix_person_organisation_id_sort_key", "organisation_id", "sort_key"),
        Index("ix_person_function_sort_key", "function_sort_key", "sort_key"),
        Index("ix_person_email_sort_key", "email_sort_key", "sort_key"),
        Index("ix_person_phone_sort_key", "phone_sort_key", "sort_key"),
        Index("ix_person_is_own_staff_sort_key", "is_own_staff", "sort_key"),
    )


# Columns computed from other tables: restoring a record's earlier state must not bring back
# their old values (a person's phones are not part of that restore).
DERIVED_FROM_OTHER_TABLES = {"person": frozenset({"phone_sort_key"})}


class PhoneNumber(SQLModel, table=True):
    """Part of a person; edited with it. The extension stays apart from E.164 (DIN 5008 display)."""

    __tablename__ = "phone_number"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", index=True)
    position: int = 0
    kind: e.PhoneKind = enum_field(e.PhoneKind, e.PhoneKind.OFFICE)
    e164: str = Field(max_length=20)
    extension: str | None = Field(default=None, max_length=10)


class Visit(Record, table=True):
    __tablename__ = "visit"

    title: str = Field(max_length=200)
    direction: e.VisitDirection = enum_field(e.VisitDirection, e.VisitDirection.OUTGOING)
    status: e.VisitStatus = enum_field(e.VisitStatus, e.VisitStatus.IDEA)
    host_organisation_id: int | None = Field(
        default=None, foreign_key="organisation.id", ondelete="RESTRICT", index=True
    )
    guest_organisation_id: int | None = Field(
        default=None, foreign_key="organisation.id", ondelete="RESTRICT", index=True
    )
    place: str | None = Field(default=None, max_length=200)
    address: str | None = Field(default=None, max_length=500)
    starts_at: datetime | None = Field(default=None, index=True, sa_type=DateTime)
    ends_at: datetime | None = Field(default=None, sa_type=DateTime)
    timezone: str = Field(
        default=DEFAULT_TIMEZONE, max_length=64, sa_column_kwargs={"server_default": DEFAULT_TIMEZONE}
    )
    purpose: str | None = text_field()
    topics: str | None = Field(default=None, max_length=500)
    summary: str | None = text_field()
    lessons_learned: str | None = text_field()
    notes: str | None = text_field()
    press_contact_id: int | None = Field(
        default=None, foreign_key="person.id", ondelete="RESTRICT", index=True
    )
    classification: e.Classification = enum_field(e.Classification, e.Classification.NONE)
    sources: str | None = text_field()  # one URL or reference per line
    # Preparing the visit (each at most MAX_PREPARATION_TEXT): what we want to say and ask;
    # gifts, seating, interpreters, dress code; meeting points, transport, on-site contact.
    talking_points: str | None = text_field()
    protocol_notes: str | None = text_field()
    logistics: str | None = text_field()


class Participation(Record, table=True):
    __tablename__ = "participation"
    __table_args__ = (UniqueConstraint("visit_id", "person_id"),)

    visit_id: int = Field(foreign_key="visit.id", ondelete="CASCADE", index=True)
    person_id: int = Field(foreign_key="person.id", ondelete="RESTRICT", index=True)
    side: e.ParticipantSide = enum_field(e.ParticipantSide, e.ParticipantSide.DELEGATION)
    role: e.ParticipantRole = enum_field(e.ParticipantRole, e.ParticipantRole.MEMBER)
    attendance: e.Attendance = enum_field(e.Attendance, e.Attendance.INVITED)
    position: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    # The function the person held at this visit; their record may change later.
    function_at_visit: str | None = Field(default=None, max_length=200)


class AgendaItem(Record, table=True):
    __tablename__ = "agenda_item"

    visit_id: int = Field(foreign_key="visit.id", ondelete="CASCADE", index=True)
    position: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    starts_at: datetime | None = Field(default=None, sa_type=DateTime)
    ends_at: datetime | None = Field(default=None, sa_type=DateTime)
    title: str = Field(max_length=200)
    place: str | None = Field(default=None, max_length=200)
    responsible_person_id: int | None = Field(
        default=None, foreign_key="person.id", ondelete="RESTRICT", index=True
    )
    notes: str | None = text_field()


class Quote(Record, table=True):
    __tablename__ = "quote"

    visit_id: int = Field(foreign_key="visit.id", ondelete="CASCADE", index=True)
    position: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    text: str = Field(sa_column=Column(Text, nullable=False))
    speaker_person_id: int | None = Field(
        default=None, foreign_key="person.id", ondelete="RESTRICT", index=True
    )
    speaker_label: str | None = Field(default=None, max_length=200)
    agenda_item_id: int | None = Field(
        default=None, foreign_key="agenda_item.id", ondelete="SET NULL", index=True
    )
    context: str | None = Field(default=None, max_length=500)
    said_on: date | None = None
    language: str = Field(default="de", max_length=8, sa_column_kwargs={"server_default": "de"})
    kind: e.QuoteKind = enum_field(e.QuoteKind, e.QuoteKind.VERBATIM)
    approval_state: e.ApprovalState = enum_field(e.ApprovalState, e.ApprovalState.CAPTURED)
    approved_by: str | None = Field(default=None, max_length=200)
    approved_at: datetime | None = Field(default=None, sa_type=DateTime)
    # The wording the speaker approved; may differ from ``text`` (what was captured), both kept.
    approved_text: str | None = text_field()
    # The approval request: to whom (name and address as sent), how, on which day; its due date
    # is the follow-up's, so the follow-ups list is the one place it is edited.
    approval_sent_to: str | None = Field(default=None, max_length=300)
    approval_channel: e.ApprovalChannel | None = Field(
        default=None,
        sa_column=Column(
            SAEnum(
                e.ApprovalChannel,
                native_enum=False,
                create_constraint=False,
                length=32,
                values_callable=lambda members: [m.value for m in members],
                validate_strings=True,
            ),
            nullable=True,
        ),
    )
    approval_sent_on: date | None = None
    approval_follow_up_id: int | None = Field(
        default=None, foreign_key="follow_up.id", ondelete="SET NULL", index=True
    )


class ContactEntry(Record, table=True):
    __tablename__ = "contact_entry"

    occurred_at: datetime = Field(index=True, sa_type=DateTime)
    channel: e.ContactChannel = enum_field(e.ContactChannel, e.ContactChannel.MEETING)
    visit_id: int | None = Field(default=None, foreign_key="visit.id", ondelete="RESTRICT", index=True)
    summary: str = Field(sa_column=Column(Text, nullable=False))
    logged_by: str | None = Field(default=None, max_length=100)


class ContactEntryPerson(SQLModel, table=True):
    """The people one contact entry involves; part of the entry."""

    __tablename__ = "contact_entry_person"

    contact_entry_id: int = Field(foreign_key="contact_entry.id", ondelete="CASCADE", primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="RESTRICT", primary_key=True, index=True)


class FollowUp(Record, table=True):
    __tablename__ = "follow_up"
    # The open ones by due date (migration 0007, which makes it partial on PostgreSQL too): the
    # overdue notice counts from the index alone. Only SQLite's WHERE is declared here: naming a
    # PostgreSQL option loads that dialect's modules (26 ms) at every start, also of SQLite users.
    __table_args__ = (Index("ix_follow_up_open_due_on", "due_on", sqlite_where=text("done_on IS NULL")),)

    title: str = Field(max_length=300)
    owner_person_id: int | None = Field(
        default=None, foreign_key="person.id", ondelete="RESTRICT", index=True
    )
    due_on: date | None = Field(default=None, index=True)
    done_on: date | None = None
    person_id: int | None = Field(default=None, foreign_key="person.id", ondelete="RESTRICT", index=True)
    visit_id: int | None = Field(default=None, foreign_key="visit.id", ondelete="RESTRICT", index=True)
    contact_entry_id: int | None = Field(
        default=None, foreign_key="contact_entry.id", ondelete="RESTRICT", index=True
    )
    notes: str | None = text_field()


class AuditEntry(SQLModel, table=True):
    """One create, update or delete, written in the same transaction as the change itself.

    Values are JSON objects of the changed columns (all columns for create/delete), encoded as in
    the JSON export. ``operation`` groups the entries of one transaction.
    """

    __tablename__ = "audit_entry"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, sa_type=DateTime, index=True)
    user_name: str = Field(max_length=200)
    operation: str = Field(max_length=32, index=True)
    action: str = Field(max_length=16)
    table_name: str = Field(max_length=64)
    record_id: int | None = None
    old_values: str | None = text_field()
    new_values: str | None = text_field()

    __table_args__ = (Index("ix_audit_entry_table_name_record_id", "table_name", "record_id"),)


class RecycledRecord(SQLModel, table=True):
    """A deleted visit, person or organisation with everything deleted or detached along with it.

    ``rows`` holds the deleted rows (JSON, in the order they were deleted, children first);
    ``detached`` the references that were cleared, so a restore can set them again.
    """

    __tablename__ = "recycled_record"

    id: int | None = Field(default=None, primary_key=True)
    deleted_at: datetime = Field(default_factory=utcnow, sa_type=DateTime, index=True)
    user_name: str = Field(max_length=200)
    table_name: str = Field(max_length=64)
    record_id: int
    title: str = Field(max_length=400)
    rows: str = Field(sa_column=Column(Text, nullable=False))
    detached: str = Field(sa_column=Column(Text, nullable=False))


# Parents before children: the order export, import and the migration data test rely on.
TABLES_IN_ORDER: tuple[type[SQLModel], ...] = (
    Organisation,
    Person,
    PhoneNumber,
    Visit,
    Participation,
    AgendaItem,
    ContactEntry,
    ContactEntryPerson,
    FollowUp,
    Quote,  # after FollowUp: an approval request's follow-up
    AuditEntry,
    RecycledRecord,
)


def table_of(model: type[SQLModel]) -> Table:
    """The table of a ``table=True`` model; SQLModel declares no ``__table__`` for type checkers."""
    table = getattr(model, "__table__", None)
    if not isinstance(table, Table):
        raise TypeError(f"{model.__name__} is not a table")
    return table
