"""Creating a visit from a press release the user has reviewed: the visit, the organisations
it names, the people (new or matched to existing records), their participation and the quotes,
in one transaction, with the release text kept as the visit's source."""

from dataclasses import dataclass, field
from datetime import date, datetime, time

from delegation_app.domain.enums import (
    ApprovalState,
    Attendance,
    DataSource,
    OrganisationKind,
    ParticipantRole,
    ParticipantSide,
    QuoteKind,
    VisitDirection,
    VisitStatus,
)
from delegation_app.i18n import _
from delegation_app.services.organisations import OrganisationInput
from delegation_app.services.participations import ParticipationInput
from delegation_app.services.people import PersonInput
from delegation_app.services.quotes import QuoteInput
from delegation_app.services.registry import Services
from delegation_app.services.views import VisitView
from delegation_app.services.visits import VisitInput

_CITY_HEADS = ("Stadt ", "Landeshauptstadt ", "Hansestadt ", "Gemeinde ", "Kreisstadt ")


@dataclass(frozen=True)
class PressPerson:
    last_name: str
    first_name: str | None = None
    title: str | None = None
    function: str | None = None
    organisation: str | None = None  # a name; found or created
    side: str | None = None  # "delegation", "host" or None (not a participant then)
    existing_id: int | None = None  # the record the user matched; None: create one


@dataclass(frozen=True)
class PressQuote:
    text: str  # without the outer marks
    speaker: int | None = None  # index into PressImport.people
    speaker_label: str | None = None  # when no person was accepted


@dataclass(frozen=True)
class PressImport:
    title: str
    release_text: str
    starts_on: date | None = None
    place: str | None = None
    host: str | None = None
    guest: str | None = None
    people: list[PressPerson] = field(default_factory=list)
    quotes: list[PressQuote] = field(default_factory=list)
    received_on: date | None = None  # the day the release was read (the people's source date)


def _organisation(services: Services, name: str | None, created: dict[str, int]) -> int | None:
    if not name:
        return None
    if name in created:
        return created[name]
    found = services.organisations.find_by_name(name)
    if found is None:
        city = name.split(" ", 1)[1] if name.startswith(_CITY_HEADS) else None
        kind = OrganisationKind.CITY_ADMINISTRATION if city else OrganisationKind.OTHER
        found = services.organisations.create(OrganisationInput(name=name, kind=kind, city=city))
    created[name] = found.id
    return found.id


def import_press_release(services: Services, data: PressImport) -> VisitView:
    """All or nothing: a validation error on any record leaves the database as it was."""
    source_note = _("Press release: {title}").format(title=data.title)[:500]
    with services.db.write():
        organisations: dict[str, int] = {}
        host_id = _organisation(services, data.host, organisations)
        guest_id = _organisation(services, data.guest, organisations)
        visit = services.visits.create(
            VisitInput(
                title=data.title,
                direction=VisitDirection.OUTGOING,
                status=VisitStatus.DONE,
                host_organisation_id=host_id,
                guest_organisation_id=guest_id,
                place=data.place,
                starts_at=datetime.combine(data.starts_on, time()) if data.starts_on else None,
                sources=_("Press release (as read in):") + "\n" + data.release_text.strip(),
            )
        )
        person_ids: list[int] = []
        for person in data.people:
            if person.existing_id is not None:
                person_ids.append(person.existing_id)
            else:
                created = services.people.create(
                    PersonInput(
                        last_name=person.last_name,
                        first_name=person.first_name,
                        title=person.title,
                        function=person.function,
                        organisation_id=_organisation(services, person.organisation, organisations),
                        source=DataSource.PRESS_RELEASE,
                        source_note=source_note,
                        source_date=data.received_on,
                    )
                )
                person_ids.append(created.id)
            if person.side not in ("delegation", "host"):
                continue  # named in the release, but not said to be at the visit
            side = ParticipantSide.HOST if person.side == "host" else ParticipantSide.DELEGATION
            services.participations.create(
                ParticipationInput(
                    visit_id=visit.id,
                    person_id=person_ids[-1],
                    side=side,
                    role=ParticipantRole.MEMBER
                    if side == ParticipantSide.DELEGATION
                    else ParticipantRole.HOST,
                    attendance=Attendance.ATTENDED,
                    function_at_visit=person.function,
                )
            )
        for quote in data.quotes:
            speaker_id = person_ids[quote.speaker] if quote.speaker is not None else None
            services.quotes.create(
                QuoteInput(
                    visit_id=visit.id,
                    text=f"„{quote.text}“",
                    speaker_person_id=speaker_id,
                    speaker_label=None if speaker_id else (quote.speaker_label or _("Unknown speaker")),
                    said_on=data.starts_on,
                    kind=QuoteKind.VERBATIM,
                    approval_state=ApprovalState.CAPTURED,
                    context=_("From the press release"),
                )
            )
        return services.visits.get(visit.id)
