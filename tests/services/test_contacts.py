"""ContactEntryService: each kind of bad value gives its field error and writes nothing."""

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from delegation_app.domain.enums import ContactChannel
from delegation_app.services.contacts import ContactEntryInput, current_user

import factories

NO_ID = factories.NO_SUCH_ID
WHEN = datetime(2026, 1, 15, 10, 0)

BAD = [
    pytest.param({"person_ids": []}, "person_ids", id="no-people"),
    pytest.param({"person_ids": None}, "person_ids", id="people-none"),
    pytest.param({"person_ids": [NO_ID]}, "person_ids", id="person-missing"),
    pytest.param({"person_ids": ["1"]}, "person_ids", id="person-id-text"),
    pytest.param({"occurred_at": None}, "occurred_at", id="occurred-none"),
    pytest.param({"occurred_at": "heute"}, "occurred_at", id="occurred-text"),
    pytest.param({"occurred_at": date(2026, 1, 15)}, "occurred_at", id="occurred-date-only"),
    pytest.param({"occurred_at": WHEN.replace(tzinfo=UTC)}, "occurred_at", id="occurred-aware"),
    pytest.param({"channel": "pigeon"}, "channel", id="channel-unknown"),
    pytest.param({"visit_id": NO_ID}, "visit_id", id="visit-missing"),
    pytest.param({"summary": ""}, "summary", id="summary-empty"),
    pytest.param({"summary": "\n\n "}, "summary", id="summary-whitespace"),
    pytest.param({"summary": "x" * 20_001}, "summary", id="summary-too-long"),
    pytest.param({"summary": "Anruf\x00"}, "summary", id="summary-nul"),
    pytest.param({"logged_by": "x" * 101}, "logged_by", id="logged-by-too-long"),
]


@pytest.fixture
def valid(services):
    person = factories.person(services)
    visit = factories.visit(services)
    return ContactEntryInput(
        occurred_at=WHEN, summary="Telefonat zur Terminabstimmung", person_ids=[person.id], visit_id=visit.id
    )


@pytest.mark.parametrize(("change", "field"), BAD)
def test_bad_value_on_create(services, rejected, valid, change, field):
    rejected(lambda: services.contacts.create(replace(valid, **change)), field)


@pytest.mark.parametrize(("change", "field"), BAD)
def test_bad_value_on_update_leaves_record_and_people_unchanged(services, rejected, valid, change, field):
    entry = services.contacts.create(valid)
    rejected(lambda: services.contacts.update(entry.id, entry.version, replace(valid, **change)), field)
    assert services.contacts.get(entry.id) == entry


def test_one_missing_person_among_good_ones_is_refused(services, rejected, valid):
    data = replace(valid, person_ids=[*valid.person_ids, NO_ID])
    rejected(lambda: services.contacts.create(data), "person_ids")


def test_values_are_normalised(services, valid):
    other = factories.person(services, last_name="Kopietz", first_name=None)
    first = valid.person_ids[0]
    entry = services.contacts.create(
        replace(valid, person_ids=[first, other.id, first], channel="phone", summary="  Anruf\nRückruf  ")
    )
    assert sorted(entry.person_ids) == sorted([first, other.id])
    assert entry.channel is ContactChannel.PHONE
    assert entry.summary == "Anruf\nRückruf"
    assert entry.logged_by == current_user()
    assert services.contacts.get(entry.id) == entry


def test_update_replaces_people(services, valid):
    entry = services.contacts.create(replace(valid, logged_by=" Büro OB "))
    assert entry.logged_by == "Büro OB"
    other = factories.person(services, last_name="Kopietz", first_name=None)
    updated = services.contacts.update(entry.id, entry.version, replace(valid, person_ids=[other.id]))
    assert (updated.person_ids, updated.person_names) == ((other.id,), ("Kopietz",))
