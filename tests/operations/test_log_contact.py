"""Logging a contact with its follow-ups: one action, all or nothing, one broadcast."""

from datetime import date, datetime

import pytest

from delegation_app.domain.errors import ValidationError
from delegation_app.operations.contacts import log_contact
from delegation_app.services.contacts import ContactEntryInput
from delegation_app.services.followups import FollowUpInput

import factories


def entry_for(services, person_ids, visit_id=None) -> ContactEntryInput:
    return ContactEntryInput(
        occurred_at=datetime(2026, 3, 2, 14, 30), summary="Telefonat mit dem Büro der OB",
        person_ids=person_ids, visit_id=visit_id,
    )  # fmt: skip


@pytest.fixture
def heard(services):
    """The change lists the database hands its listeners, one per commit."""
    commits: list = []
    services.db.add_listener(commits.append)
    return commits


def test_the_entry_and_its_followups_are_written_together(services, heard):
    visit = factories.visit(services)
    kuecuek = factories.person(services)
    followups = {0: FollowUpInput("Fotos schicken", due_on=date(2026, 3, 9)), 2: FollowUpInput("Rückruf")}
    heard.clear()

    logged = log_contact(services, entry_for(services, [kuecuek.id], visit.id), followups)

    assert [f.title for f in logged.followups] == ["Fotos schicken", "Rückruf"]
    stored = services.followups.list_for_visit(visit.id)
    links = {(f.contact_entry_id, f.visit_id, f.person_id) for f in stored}
    assert links == {(logged.entry.id, visit.id, kuecuek.id)}
    assert services.contacts.list_for_visit(visit.id) == [logged.entry]
    assert len(heard) == 1  # one operation of five writes: one broadcast after the one commit
    assert {c.table for c in heard[0]} == {"contact_entry", "contact_entry_person", "follow_up"}


def test_a_refused_followup_leaves_no_contact_entry(services, heard):
    kuecuek = factories.person(services)
    followups = {0: FollowUpInput("Fotos schicken"), 3: FollowUpInput("   ", due_on=date(2026, 3, 9))}
    heard.clear()

    with pytest.raises(ValidationError) as info:
        log_contact(services, entry_for(services, [kuecuek.id]), followups)

    assert set(info.value.errors) == {"followups.3.title"}  # the row the user typed it in
    assert services.contacts.list() == []
    assert services.followups.list() == []
    assert heard == []  # nothing committed, nothing broadcast


def test_followups_of_a_contact_with_several_people_concern_nobody_in_particular(services):
    people = [factories.person(services).id, factories.person(services, "Hemsley", "Isabelle").id]
    logged = log_contact(services, entry_for(services, people), {0: FollowUpInput("Protokoll verteilen")})
    assert logged.followups[0].person_id is None
    assert logged.followups[0].contact_entry_id == logged.entry.id


def test_a_refused_entry_writes_nothing(services, heard):
    with pytest.raises(ValidationError) as info:
        log_contact(services, entry_for(services, []), {0: FollowUpInput("Fotos schicken")})
    assert "person_ids" in info.value.errors
    assert services.followups.list() == []
    assert heard == []
