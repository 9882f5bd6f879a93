"""Everything a briefing prints, gathered in one read model (reports/ renders it).

One read transaction for all of it: the visit, every participant, agenda, quotes and follow-ups
come from the same snapshot, so a colleague's save halfway through cannot print half of each
version. Over a network database it is also one round of queries instead of one per participant.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlmodel import Session, col

from delegation_app.domain.enums import ParticipantSide
from delegation_app.domain.models import FollowUp, Person, Quote
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
from delegation_app.storage.database import Database


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


@contextmanager
def snapshot(db: Database) -> Iterator[Session]:
    """One read transaction that sees one state of the data. SQLite (WAL) keeps the snapshot of
    the first read until the end; PostgreSQL's default READ COMMITTED takes a new one per
    statement, so there the transaction asks for REPEATABLE READ."""
    with db.read() as session:
        if not db.is_sqlite:
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        yield session


def collect_briefing(
    services: Services, visit_id: int, *, today: date | None = None, issued_by: str | None = None
) -> BriefingData:
    """Raises NotFoundError for an unknown visit."""
    with snapshot(services.db) as session:
        visits, people = services.visits, services.people
        visit = visits._view(session, visits._row(session, visit_id))
        participations = services.participations
        rows = participations._rows(session, participations._ordered(visit_id))
        taking_part = participations._view_many(session, rows)
        wanted = {p.person_id for p in taking_part}
        if visit.press_contact_id is not None:
            wanted.add(visit.press_contact_id)
        found = session.scalars(select(Person).where(col(Person.id).in_(sorted(wanted)))).all()
        by_id = {view.id: view for view in people._view_many(session, list(found))}
        agenda = services.agenda
        items = agenda._view_many(session, agenda._rows(session, agenda._ordered(visit_id)))
        quotes = services.quotes
        said = quotes._rows(session, select(Quote).where(col(Quote.visit_id) == visit_id)
                            .order_by(col(Quote.position), col(Quote.id)))  # fmt: skip
        followups = services.followups
        open_ones = followups._list_query(None).where(col(FollowUp.visit_id) == visit_id,
                                                      col(FollowUp.done_on).is_(None))  # fmt: skip
        pending = followups._view_many(session, followups._rows(session, open_ones))
        people_of = [BriefingPerson(p, by_id[p.person_id]) for p in taking_part]
        return BriefingData(
            visit=visit,
            delegation=tuple(p for p in people_of if p.participation.side == ParticipantSide.DELEGATION),
            hosts=tuple(p for p in people_of if p.participation.side != ParticipantSide.DELEGATION),
            agenda=tuple(items),
            quotes=tuple(quotes._view_many(session, said)),
            open_followups=tuple(pending),
            press_contact=by_id.get(visit.press_contact_id) if visit.press_contact_id else None,
            issued_on=today or date.today(),
            issued_by=issued_by or current_user(),
        )
