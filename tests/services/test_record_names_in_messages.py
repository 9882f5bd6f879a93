"""Errors name records as users see them — "Der Besuch „Delegation aus Lublin“ …" — never by their
internal number, with the article agreeing with the kind in German."""

from datetime import datetime

import pytest

from delegation_app import i18n
from delegation_app.domain.errors import ConflictError, NotFoundError, StillReferencedError
from delegation_app.services.agenda import AgendaItemInput
from delegation_app.services.contacts import ContactEntryInput
from delegation_app.services.followups import FollowUpInput
from delegation_app.services.organisations import OrganisationInput
from delegation_app.services.participations import ParticipationInput
from delegation_app.services.people import PersonInput
from delegation_app.services.quotes import QuoteInput
from delegation_app.services.visits import VisitInput

CHANGED = {
    "de": " wurde inzwischen von jemand anderem geändert. Laden Sie die andere Fassung neu oder "
    "überschreiben Sie sie mit Ihrer.",
    "en": " was changed by someone else in the meantime. Reload it to see the other version, or "
    "overwrite it with yours.",
}


def _records(services):
    """(service, id, version, input) of one record of each kind, named as a user would."""
    visit_in = VisitInput(title="Delegation aus Lublin", starts_at=datetime(2026, 2, 24, 9, 30))
    visit = services.visits.create(visit_in)
    person_in = PersonInput(last_name="Muster", first_name="Anna")
    person = services.people.create(person_in)
    org_in = OrganisationInput(name="Stadt Lublin")
    org = services.organisations.create(org_in)
    part_in = ParticipationInput(visit_id=visit.id, person_id=person.id)
    part = services.participations.create(part_in)
    item_in = AgendaItemInput(visit_id=visit.id, title="Empfang im Rathaus")
    item = services.agenda.create(item_in)
    quote_in = QuoteInput(visit_id=visit.id, text="„Wir lernen voneinander.“", speaker_person_id=person.id)
    quote = services.quotes.create(quote_in)
    entry_in = ContactEntryInput(datetime(2026, 1, 15, 10, 0), "Telefonat", person_ids=[person.id])
    entry = services.contacts.create(entry_in)
    follow_in = FollowUpInput(title="Fotos schicken")
    follow = services.followups.create(follow_in)
    return {
        "visit": (services.visits, visit, visit_in),
        "person": (services.people, person, person_in),
        "organisation": (services.organisations, org, org_in),
        "participation": (services.participations, part, part_in),
        "agenda_item": (services.agenda, item, item_in),
        "quote": (services.quotes, quote, quote_in),
        "contact_entry": (services.contacts, entry, entry_in),
        "follow_up": (services.followups, follow, follow_in),
    }


NAMED = {
    "visit": ("Der Besuch „Delegation aus Lublin“", "The visit “Delegation aus Lublin”"),
    "person": ("Die Person „Anna Muster“", "The person “Anna Muster”"),
    "organisation": ("Die Organisation „Stadt Lublin“", "The organisation “Stadt Lublin”"),
    "participation": (
        "Die Teilnahme von Anna Muster am Besuch „Delegation aus Lublin“",
        "The participation of Anna Muster in the visit “Delegation aus Lublin”",
    ),
    "agenda_item": ("Der Programmpunkt „Empfang im Rathaus“", "The programme item “Empfang im Rathaus”"),
    "quote": ("Das Zitat von Anna Muster", "The quote by Anna Muster"),
    "contact_entry": ("Der Kontakteintrag vom 15.01.2026", "The contact entry of 15.01.2026"),
    "follow_up": ("Die Wiedervorlage „Fotos schicken“", "The follow-up “Fotos schicken”"),
}

UNNAMED = {
    "visit": ("Dieser Besuch", "This visit"),
    "person": ("Diese Person", "This person"),
    "organisation": ("Diese Organisation", "This organisation"),
    "participation": ("Diese Teilnahme", "This participation"),
    "agenda_item": ("Dieser Programmpunkt", "This programme item"),
    "quote": ("Dieses Zitat", "This quote"),
    "contact_entry": ("Dieser Kontakteintrag", "This contact entry"),
    "follow_up": ("Diese Wiedervorlage", "This follow-up"),
}


@pytest.mark.parametrize("kind", sorted(NAMED))
def test_a_conflict_names_the_record_with_its_article(services, kind):
    service, record, data = _records(services)[kind]
    service.update(record.id, record.version, data)  # a colleague saved first
    with pytest.raises(ConflictError) as stale:
        service.update(record.id, record.version, data)
    german, english = NAMED[kind]
    assert stale.value.message == german + CHANGED["de"]
    assert str(record.id) not in stale.value.message.replace("15.01.2026", "")
    i18n.set_language("en")
    assert stale.value.message == english + CHANGED["en"]


@pytest.mark.parametrize("kind", sorted(UNNAMED))
def test_a_record_that_is_gone_is_named_by_its_kind(services, kind):
    service = _records(services)[kind][0]
    with pytest.raises(NotFoundError) as gone:
        service.get(987654)
    german, english = UNNAMED[kind]
    assert gone.value.message == german + " ist nicht (mehr) vorhanden."
    i18n.set_language("en")
    assert gone.value.message == english + " does not exist (any more)."


def test_a_record_deleted_meanwhile_is_named(services):
    service, record, data = _records(services)["agenda_item"]
    service.delete(record.id, record.version)
    with pytest.raises(NotFoundError) as gone:
        service.update(record.id, record.version, data)
    assert gone.value.message == "Dieser Programmpunkt ist nicht (mehr) vorhanden."


def test_a_record_still_used_is_named_in_the_question(services):
    service, record, _data = _records(services)["person"]
    with pytest.raises(StillReferencedError) as used:
        service.delete(record.id, record.version)
    german = "Die Person „Anna Muster“ wird noch von anderen Einträgen verwendet ("
    assert used.value.message.startswith(german)
    assert used.value.message.endswith("). Beim Löschen ändern sich auch diese; bitte bestätigen Sie.")
    i18n.set_language("en")
    assert used.value.message.startswith("The person “Anna Muster” is still used by other records (")
