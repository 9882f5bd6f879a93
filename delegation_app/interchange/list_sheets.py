"""The columns of each list the program exports as an Excel sheet: visits, people, organisations,
a visit's participants, follow-ups. Titles are the msgids the window's lists use."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from delegation_app.domain.enums import PhoneKind
from delegation_app.i18n import N_
from delegation_app.i18n.labels import label
from delegation_app.interchange.xlsx_export import Column
from delegation_app.services.views import (
    FollowUpView,
    OrganisationView,
    ParticipationView,
    PersonView,
    VisitView,
)


class ListKind(StrEnum):
    VISITS = "visits"
    PEOPLE = "people"
    ORGANISATIONS = "organisations"
    PARTICIPANTS = "participants"
    FOLLOWUPS = "followups"


SHEET_TITLES = {
    ListKind.VISITS: N_("Visits"),
    ListKind.PEOPLE: N_("People"),
    ListKind.ORGANISATIONS: N_("Organisations"),
    ListKind.PARTICIPANTS: N_("Participants"),
    ListKind.FOLLOWUPS: N_("Follow-ups"),
}


def _day(moment: datetime | None) -> date | datetime | None:
    """A moment without a time of day (typed as a date only) as a date cell."""
    if moment is None or moment.time() != datetime.min.time():
        return moment
    return moment.date()


def _phones(kinds: tuple[PhoneKind, ...]) -> Callable[[PersonView], str]:
    def numbers(person: PersonView) -> str:
        return "\n".join(phone.display for phone in person.phones if phone.kind in kinds)

    return numbers


def visit_columns(lang: str) -> list[Column[VisitView]]:
    return [
        Column(N_("Title"), lambda v: v.title),
        Column(N_("From"), lambda v: _day(v.starts_at)),
        Column(N_("Until"), lambda v: _day(v.ends_at)),
        Column(N_("Kind of visit"), lambda v: label(v.direction, lang)),
        Column(N_("Status"), lambda v: label(v.status, lang)),
        Column(N_("Host"), lambda v: v.host_organisation_name),
        Column(N_("Guest"), lambda v: v.guest_organisation_name),
        Column(N_("Place"), lambda v: v.place),
        Column(N_("Address"), lambda v: v.address),
        Column(N_("Topics"), lambda v: v.topics),
    ]


PERSON_COLUMNS: list[Column[PersonView]] = [
    Column(N_("Last name"), lambda p: p.last_name),
    Column(N_("First name"), lambda p: p.first_name),
    Column(N_("Title"), lambda p: p.title),
    Column(N_("Function"), lambda p: p.function),
    Column(N_("Department"), lambda p: p.department),
    Column(N_("Organisation"), lambda p: p.organisation_name),
    Column(N_("Email"), lambda p: p.email),
    Column(N_("Phone"), _phones((PhoneKind.OFFICE, PhoneKind.OTHER))),
    Column(N_("Mobile"), _phones((PhoneKind.MOBILE,))),
    Column(N_("Fax"), _phones((PhoneKind.FAX,))),
]


def organisation_columns(lang: str) -> list[Column[OrganisationView]]:
    return [
        Column(N_("Name"), lambda o: o.name),
        Column(N_("Kind"), lambda o: label(o.kind, lang)),
        Column(N_("City"), lambda o: o.city),
        Column(N_("Country"), lambda o: o.country),
        Column(N_("Website"), lambda o: o.website),
    ]


@dataclass(frozen=True)
class ParticipantRow:
    """A participant with the person's contact details: a guest list to send on."""

    participation: ParticipationView
    person: PersonView | None


def participant_columns(lang: str) -> list[Column[ParticipantRow]]:
    def of_person(read: Callable[[PersonView], str | None]) -> Callable[[ParticipantRow], str | None]:
        return lambda row: read(row.person) if row.person else None

    return [
        Column(N_("Name"), lambda r: r.participation.person_name),
        Column(N_("Function"), lambda r: r.participation.function),
        Column(N_("Organisation"), lambda r: r.participation.organisation_name),
        Column(N_("Side"), lambda r: label(r.participation.side, lang)),
        Column(N_("Role"), lambda r: label(r.participation.role, lang)),
        Column(N_("Attendance"), lambda r: label(r.participation.attendance, lang)),
        Column(N_("Email"), of_person(lambda p: p.email)),
        Column(N_("Phone"), of_person(_phones((PhoneKind.OFFICE, PhoneKind.OTHER)))),
        Column(N_("Mobile"), of_person(_phones((PhoneKind.MOBILE,)))),
    ]


@dataclass(frozen=True)
class FollowUpRow:
    followup: FollowUpView
    visit_title: str | None


FOLLOWUP_COLUMNS: list[Column[FollowUpRow]] = [
    Column(N_("Follow-up"), lambda r: r.followup.title),
    Column(N_("Due"), lambda r: r.followup.due_on),
    Column(N_("Done on"), lambda r: r.followup.done_on),
    Column(N_("Owner"), lambda r: r.followup.owner_name),
    Column(N_("Visit"), lambda r: r.visit_title),
    Column(N_("Notes"), lambda r: r.followup.notes),
]
