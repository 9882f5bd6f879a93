"""Optimistic locking in base.CrudService / storage.writer, for every service."""

from dataclasses import replace
from datetime import datetime

import pytest

from delegation_app.domain.errors import ConflictError, NotFoundError
from delegation_app.services.agenda import AgendaItemInput
from delegation_app.services.contacts import ContactEntryInput
from delegation_app.services.followups import FollowUpInput
from delegation_app.services.organisations import OrganisationInput
from delegation_app.services.participations import ParticipationInput
from delegation_app.services.people import PersonInput, PhoneInput
from delegation_app.services.quotes import QuoteInput
from delegation_app.services.visits import VisitInput

import factories


def _record(services, name):
    """(service, stored view, a valid input that changes something) for one entity."""
    if name == "organisations":
        data = OrganisationInput(name="Stadt Hanau", country="DE")
    elif name == "people":
        data = PersonInput(last_name="Kopietz", phones=[PhoneInput("06181 3000-6069")])
    elif name == "visits":
        data = VisitInput(title="Besuch in Hanau")
    elif name == "followups":
        data = FollowUpInput(title="Dankesbrief")
    else:
        visit = factories.visit(services)
        person = factories.person(services)
        data = {
            "participations": ParticipationInput(visit_id=visit.id, person_id=person.id),
            "agenda": AgendaItemInput(visit_id=visit.id, title="Empfang"),
            "quotes": QuoteInput(visit_id=visit.id, text="„Danke.“", speaker_person_id=person.id),
            "contacts": ContactEntryInput(
                occurred_at=datetime(2026, 1, 15, 10), summary="Anruf", person_ids=[person.id]
            ),
        }[name]
    service = getattr(services, name)
    view = service.create(data)
    changed = {
        OrganisationInput: {"name": "Stadt Bochum"},
        PersonInput: {"last_name": "Schmidt"},
        VisitInput: {"title": "Besuch in Bochum"},
        FollowUpInput: {"title": "Fotos schicken"},
        ParticipationInput: {"function_at_visit": "Dolmetscherin"},
        AgendaItemInput: {"title": "Stadtrundgang"},
        QuoteInput: {"text": "„Vielen Dank.“"},
        ContactEntryInput: {"summary": "Rückruf"},
    }[type(data)]
    return service, view, replace(data, **changed)


SERVICES = [
    "organisations", "people", "visits", "participations", "agenda", "quotes", "contacts", "followups"
]  # fmt: skip


@pytest.mark.parametrize("name", SERVICES)
def test_update_bumps_the_version(services, name):
    service, view, changed = _record(services, name)
    updated = service.update(view.id, view.version, changed)
    assert updated.version == view.version + 1
    assert updated != replace(view, version=updated.version)


@pytest.mark.parametrize("name", SERVICES)
def test_stale_update_raises_conflict_and_changes_nothing(services, table_rows, name):
    service, view, changed = _record(services, name)
    current = service.update(view.id, view.version, changed)
    before = table_rows()
    with pytest.raises(ConflictError) as info:
        service.update(view.id, view.version, replace(changed))  # the version loaded before
    assert info.value.current["version"] == current.version
    assert table_rows() == before
    assert service.get(view.id) == current


@pytest.mark.parametrize("name", SERVICES)
def test_stale_delete_raises_conflict_and_deletes_nothing(services, table_rows, name):
    service, view, changed = _record(services, name)
    service.update(view.id, view.version, changed)
    before = table_rows()
    with pytest.raises(ConflictError):
        service.delete(view.id, view.version, confirmed=True)
    assert table_rows() == before


@pytest.mark.parametrize("name", SERVICES)
def test_update_of_a_deleted_record_is_not_found(services, table_rows, name):
    service, view, changed = _record(services, name)
    service.delete(view.id, view.version, confirmed=True)
    before = table_rows()
    with pytest.raises(NotFoundError):
        service.update(view.id, view.version, changed)
    assert table_rows() == before
