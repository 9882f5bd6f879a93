"""Everything a briefing prints, gathered in one read model (reports/ renders it).

One read transaction for all of it: the visit, every participant, agenda, quotes and follow-ups
come from the same snapshot, so a colleague's save halfway through cannot print half of each
version. Over a network database it is also one round of queries instead of one per participant.
"""

from dataclasses import dataclass, replace
from datetime import date

from delegation_app.domain.enums import ParticipantSide
from delegation_app.services.before_visit import BriefingSummary, before_next_visit
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


HISTORY_VISITS = 5  # earlier visits a briefing recalls per organisation (the newest)


@dataclass(frozen=True)
class RelationshipHistory:
    """What the office knows of one organisation of this visit from before it."""

    summary: BriefingSummary  # earlier visits (newest first), people met, open promises
    kept: tuple[FollowUpView, ...]  # follow-ups of the recalled visits that were done


@dataclass(frozen=True)
class BriefingData:
    visit: VisitView
    delegation: tuple[BriefingPerson, ...]  # head of delegation first
    hosts: tuple[BriefingPerson, ...]  # the host side
    agenda: tuple[AgendaItemView, ...]
    quotes: tuple[QuoteView, ...]
    open_followups: tuple[FollowUpView, ...]
    press_contact: PersonView | None
    issued_on: date
    issued_by: str  # the user's name from the profile (or --created-by); "" when not given
    issuer_function: str = ""  # printed after the name: "Anna Schmidt, Referentin"
    guests: tuple[BriefingPerson, ...] = ()  # further guests (neither delegation nor host side)
    history: tuple[RelationshipHistory, ...] = ()  # per organisation of the visit (host, guest)


def collect_briefing(
    services: Services,
    visit_id: int,
    *,
    today: date | None = None,
    issued_by: str | None = None,
    issuer_function: str | None = None,
) -> BriefingData:
    """Raises NotFoundError for an unknown visit. The issuer is whom the profile names, never the
    computer login ("root" is no name for a briefing that leaves the office)."""
    with services.db.snapshot():  # every read below joins it
        visit = services.visits.get(visit_id)
        taking_part = services.participations.list_for_visit(visit_id)
        wanted = {p.person_id for p in taking_part}
        if visit.press_contact_id is not None:
            wanted.add(visit.press_contact_id)
        by_id = {view.id: view for view in services.people.get_many(wanted)}
        people_of = [BriefingPerson(p, by_id[p.person_id]) for p in taking_part]

        def side(wanted: ParticipantSide) -> tuple[BriefingPerson, ...]:
            return tuple(p for p in people_of if p.participation.side == wanted)

        return BriefingData(
            visit=visit,
            delegation=side(ParticipantSide.DELEGATION),
            hosts=side(ParticipantSide.HOST),
            guests=side(ParticipantSide.GUEST),
            history=_history(services, visit),
            agenda=tuple(services.agenda.list_for_visit(visit_id)),
            quotes=tuple(services.quotes.list_for_visit(visit_id)),
            open_followups=tuple(services.followups.list_filtered(visit_id=visit_id)),
            press_contact=by_id.get(visit.press_contact_id) if visit.press_contact_id else None,
            issued_on=today or date.today(),
            issued_by=(issued_by or "").strip(),
            issuer_function=(issuer_function or "").strip() if issued_by else "",
        )


def _history(services: Services, visit: VisitView) -> tuple[RelationshipHistory, ...]:
    """Host and guest organisation as they stood before this visit began (or before today)."""
    before = visit.starts_at.date() if visit.starts_at else date.today()
    histories = []
    for org_id in dict.fromkeys(filter(None, (visit.guest_organisation_id, visit.host_organisation_id))):
        summary = before_next_visit(services, org_id, today=before)
        recalled = [v for v in summary.previous_visits if v.visit_id != visit.id][:HISTORY_VISITS]
        kept = services.followups.list_done_for_visits(v.visit_id for v in recalled) if recalled else []
        if recalled or summary.people_met or summary.open_followups:
            histories.append(
                RelationshipHistory(replace(summary, previous_visits=tuple(recalled)), tuple(kept))
            )
    return tuple(histories)
