"""Read models handed to the GUI, CLI and reports: plain frozen dataclasses, no lazy loading."""

from dataclasses import dataclass
from datetime import date, datetime

from delegation_app.domain import enums as e


@dataclass(frozen=True)
class OrganisationView:
    id: int
    version: int
    name: str
    kind: e.OrganisationKind
    city: str | None
    country: str | None
    website: str | None
    notes: str | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class PhoneView:
    kind: e.PhoneKind
    e164: str
    extension: str | None
    display: str  # DIN 5008: "06181 3000-6069", foreign numbers international


@dataclass(frozen=True)
class PersonView:
    id: int
    version: int
    title: str | None
    first_name: str | None
    last_name: str
    display_name: str  # "Dr. Anna Schmidt", "Kopietz"
    salutation: str | None
    function: str | None
    department: str | None
    organisation_id: int | None
    organisation_name: str | None
    email: str | None
    phones: tuple[PhoneView, ...]
    notes: str | None
    is_own_staff: bool
    source: e.DataSource
    source_note: str | None
    source_date: date | None
    created_at: datetime
    updated_at: datetime
    profile: str | None = None  # short profile ("Kurzprofil") for the briefing
    family_name_first: bool = False  # 王小明: the family name is written first


@dataclass(frozen=True)
class VisitView:
    id: int
    version: int
    title: str
    direction: e.VisitDirection
    status: e.VisitStatus
    host_organisation_id: int | None
    host_organisation_name: str | None
    guest_organisation_id: int | None
    guest_organisation_name: str | None
    place: str | None
    address: str | None
    starts_at: datetime | None
    ends_at: datetime | None
    timezone: str
    purpose: str | None
    topics: str | None
    summary: str | None
    lessons_learned: str | None
    notes: str | None
    press_contact_id: int | None
    press_contact_name: str | None
    classification: e.Classification
    sources: str | None
    created_at: datetime
    updated_at: datetime
    talking_points: str | None = None  # "Sprechzettel": internal only
    protocol_notes: str | None = None  # gifts, seating, interpreters, dress code: internal only
    logistics: str | None = None  # meeting points, transport, on-site contact


@dataclass(frozen=True)
class ParticipationView:
    id: int
    version: int
    visit_id: int
    person_id: int
    person_name: str
    function: str | None  # at the visit if recorded, else the person's current one
    organisation_name: str | None
    side: e.ParticipantSide
    role: e.ParticipantRole
    attendance: e.Attendance
    position: int
    function_at_visit: str | None


@dataclass(frozen=True)
class AgendaItemView:
    id: int
    version: int
    visit_id: int
    position: int
    starts_at: datetime | None
    ends_at: datetime | None
    title: str
    place: str | None
    responsible_person_id: int | None
    responsible_person_name: str | None
    notes: str | None


@dataclass(frozen=True)
class QuoteView:
    id: int
    version: int
    visit_id: int
    position: int
    text: str
    speaker_person_id: int | None
    speaker_label: str | None
    speaker_display: str
    agenda_item_id: int | None
    context: str | None
    said_on: date | None
    language: str
    kind: e.QuoteKind
    approval_state: e.ApprovalState
    approved_by: str | None
    approved_at: datetime | None
    approved_text: str | None = None  # the approved wording (None: not approved yet)
    approval_sent_to: str | None = None
    approval_channel: e.ApprovalChannel | None = None
    approval_sent_on: date | None = None
    approval_follow_up_id: int | None = None
    approval_due_on: date | None = None  # the follow-up's due date

    @property
    def published_text(self) -> str:
        """What may be printed for outside readers: the approved wording."""
        return self.approved_text or self.text


@dataclass(frozen=True)
class ContactEntryView:
    id: int
    version: int
    occurred_at: datetime
    channel: e.ContactChannel
    visit_id: int | None
    summary: str
    logged_by: str | None
    person_ids: tuple[int, ...]
    person_names: tuple[str, ...]


@dataclass(frozen=True)
class FollowUpView:
    id: int
    version: int
    title: str
    owner_person_id: int | None
    owner_name: str | None
    due_on: date | None
    done_on: date | None
    person_id: int | None
    visit_id: int | None
    contact_entry_id: int | None
    notes: str | None
    visit_title: str | None = None  # the list's "Visit" column: joined in, not looked up per row

    def is_overdue(self, today: date) -> bool:
        return self.done_on is None and self.due_on is not None and self.due_on < today
