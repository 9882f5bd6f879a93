"""Small builders for valid records, so each test states only what it is about."""

from datetime import datetime

from delegation_app.services.agenda import AgendaItemInput
from delegation_app.services.contacts import ContactEntryInput
from delegation_app.services.followups import FollowUpInput
from delegation_app.services.organisations import OrganisationInput
from delegation_app.services.participations import ParticipationInput
from delegation_app.services.people import PersonInput
from delegation_app.services.quotes import QuoteInput
from delegation_app.services.visits import VisitInput

# An id no record has: for "the selected record does not exist".
NO_SUCH_ID = 999_999


def organisation(services, name="Stadt Bochum", **kw):
    return services.organisations.create(OrganisationInput(name=name, **kw))


def person(services, last_name="Kücük", first_name="Denes", **kw):
    return services.people.create(PersonInput(last_name=last_name, first_name=first_name, **kw))


def visit(services, title="Besuch in Bochum", **kw):
    kw.setdefault("starts_at", datetime(2026, 2, 24, 9, 30))
    kw.setdefault("ends_at", datetime(2026, 2, 24, 16, 0))
    return services.visits.create(VisitInput(title=title, **kw))


def participation(services, visit_id, person_id, **kw):
    return services.participations.create(ParticipationInput(visit_id=visit_id, person_id=person_id, **kw))


def agenda_item(services, visit_id, title="Empfang im Rathaus", **kw):
    return services.agenda.create(AgendaItemInput(visit_id=visit_id, title=title, **kw))


def quote(services, visit_id, text="„Wir lernen voneinander.“", **kw):
    if kw.get("speaker_person_id") is None:
        kw.setdefault("speaker_label", "Oberbürgermeister")
    return services.quotes.create(QuoteInput(visit_id=visit_id, text=text, **kw))


def contact_entry(services, person_ids, summary="Telefonat zur Terminabstimmung", **kw):
    kw.setdefault("occurred_at", datetime(2026, 1, 15, 10, 0))
    return services.contacts.create(ContactEntryInput(summary=summary, person_ids=person_ids, **kw))


def follow_up(services, title="Fotos an die Stadt Bochum schicken", **kw):
    return services.followups.create(FollowUpInput(title=title, **kw))
