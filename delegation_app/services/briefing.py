"""Everything a briefing prints, gathered in one read model (reports/ renders it)."""

from dataclasses import dataclass
from datetime import date

from delegation_app.domain.enums import ParticipantSide
from delegation_app.services.contacts import current_user
from delegation_app.services.registry import Services
from delegation_app.services.views import (
    AgendaItemView,
    FollowUpView,
    ParticipationView,
    PersonView,
    QuoteView,
    VisitView,
)


@dataclass(frozen=True)
class BriefingPerson:
    participation: ParticipationView
    person: PersonView


@dataclass(frozen=True)
class BriefingData:
    visit: VisitView
    delegation: tuple[BriefingPerson, ...]  # head of delegation first
    hosts: tuple[BriefingPerson, ...]  # hosts and other contacts (host and guest side)
    agenda: tuple[AgendaItemView, ...]
    quotes: tuple[QuoteView, ...]
    open_followups: tuple[FollowUpView, ...]
    press_contact: PersonView | None
    issued_on: date
    issued_by: str


def collect_briefing(
    services: Services, visit_id: int, *, today: date | None = None, issued_by: str | None = None
) -> BriefingData:
    """Raises NotFoundError for an unknown visit."""
    visit = services.visits.get(visit_id)
    people = [
        BriefingPerson(p, services.people.get(p.person_id))
        for p in services.participations.list_for_visit(visit_id)
    ]
    return BriefingData(
        visit=visit,
        delegation=tuple(p for p in people if p.participation.side == ParticipantSide.DELEGATION),
        hosts=tuple(p for p in people if p.participation.side != ParticipantSide.DELEGATION),
        agenda=tuple(services.agenda.list_for_visit(visit_id)),
        quotes=tuple(services.quotes.list_for_visit(visit_id)),
        open_followups=tuple(f for f in services.followups.list_for_visit(visit_id) if f.done_on is None),
        press_contact=services.people.get(visit.press_contact_id) if visit.press_contact_id else None,
        issued_on=today or date.today(),
        issued_by=issued_by or current_user(),
    )
