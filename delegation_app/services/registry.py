"""All services over one database, built once when startup.ContextOpener opens it for app.py."""

from contextlib import AbstractContextManager
from dataclasses import dataclass

from delegation_app.services.agenda import AgendaService
from delegation_app.services.audit_trail import AuditTrail
from delegation_app.services.contacts import ContactEntryService
from delegation_app.services.followups import FollowUpService
from delegation_app.services.organisations import OrganisationService
from delegation_app.services.participations import ParticipationService
from delegation_app.services.people import PersonService
from delegation_app.services.quotes import QuoteService
from delegation_app.services.recycle_bin import RecycleBin
from delegation_app.services.visits import VisitService
from delegation_app.storage.database import Database


@dataclass(frozen=True)
class Services:
    db: Database
    organisations: OrganisationService
    people: PersonService
    visits: VisitService
    participations: ParticipationService
    agenda: AgendaService
    quotes: QuoteService
    contacts: ContactEntryService
    followups: FollowUpService
    recycle_bin: RecycleBin
    audit: AuditTrail

    def one_read(self) -> AbstractContextManager[object]:
        """One read transaction around a user action made of several reads (opening a visit):
        one connection and one state of the data instead of a session per read; over a network
        each session costs round trips of its own (check-out ping, BEGIN, ROLLBACK)."""
        return self.db.snapshot()

    def statement_count(self) -> int:
        """Statements this thread has sent: the debug log's count per user action."""
        return self.db.statement_count()

    @classmethod
    def over(cls, db: Database) -> "Services":
        return cls(
            db=db,
            organisations=OrganisationService(db),
            people=PersonService(db),
            visits=VisitService(db),
            participations=ParticipationService(db),
            agenda=AgendaService(db),
            quotes=QuoteService(db),
            contacts=ContactEntryService(db),
            followups=FollowUpService(db),
            recycle_bin=RecycleBin(db),
            audit=AuditTrail(db),
        )
