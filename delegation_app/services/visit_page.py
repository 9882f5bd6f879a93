"""Everything the visit editor shows of one visit, read at once.

Opening a visit used to let every tab read what it shows (the participants five times, 29
statements); over a VPN to the town hall each statement is a round trip of 20 ms or more. Here the
visit and its parts are read in one snapshot, each list in one statement with the records it
names (see the services' ``_views``), and handed to the tabs.
"""

from dataclasses import dataclass

from delegation_app.services.registry import Services
from delegation_app.services.views import (
    AgendaItemView,
    ContactEntryView,
    ParticipationView,
    QuoteView,
    VisitView,
)


@dataclass(frozen=True)
class VisitPage:
    visit: VisitView
    participants: list[ParticipationView]  # in list_for_visit's order: head of delegation first
    agenda: list[AgendaItemView]
    quotes: list[QuoteView]
    contacts: list[ContactEntryView]  # newest first


def read_visit_page(services: Services, visit_id: int) -> VisitPage:
    """One state of the data (a snapshot); NotFoundError when the visit is gone."""
    with services.one_read():
        return VisitPage(
            visit=services.visits.get(visit_id),
            participants=services.participations.list_for_visit(visit_id),
            agenda=services.agenda.list_for_visit(visit_id),
            quotes=services.quotes.list_for_visit(visit_id),
            contacts=services.contacts.list_for_visit(visit_id),
        )
