"""FollowUpService: each kind of bad value gives its field error and writes nothing."""

from dataclasses import replace
from datetime import date, datetime

import pytest

from delegation_app.services.followups import FollowUpInput

import factories

NO_ID = factories.NO_SUCH_ID

BAD = [
    pytest.param({"title": ""}, "title", id="title-empty"),
    pytest.param({"title": "  "}, "title", id="title-whitespace"),
    pytest.param({"title": None}, "title", id="title-none"),
    pytest.param({"title": "x" * 301}, "title", id="title-too-long"),
    pytest.param({"title": "Fotos\x00"}, "title", id="title-nul"),
    pytest.param({"owner_person_id": NO_ID}, "owner_person_id", id="owner-missing"),
    pytest.param({"owner_person_id": "1"}, "owner_person_id", id="owner-id-text"),
    pytest.param({"person_id": NO_ID}, "person_id", id="person-missing"),
    pytest.param({"visit_id": NO_ID}, "visit_id", id="visit-missing"),
    pytest.param({"contact_entry_id": NO_ID}, "contact_entry_id", id="contact-entry-missing"),
    pytest.param({"due_on": "morgen"}, "due_on", id="due-text"),
    pytest.param({"due_on": 20260301}, "due_on", id="due-int"),
    pytest.param({"done_on": "2026-03-01"}, "done_on", id="done-text"),
    pytest.param({"notes": "\x1b"}, "notes", id="notes-control-char"),
]


@pytest.fixture
def valid(services):
    owner = factories.person(services)
    visit = factories.visit(services)
    entry = factories.contact_entry(services, [owner.id], visit_id=visit.id)
    return FollowUpInput(
        title="Fotos an die Stadt Bochum schicken",
        owner_person_id=owner.id,
        person_id=owner.id,
        visit_id=visit.id,
        contact_entry_id=entry.id,
        due_on=date(2026, 3, 1),
    )


@pytest.mark.parametrize(("change", "field"), BAD)
def test_bad_value_on_create(services, rejected, valid, change, field):
    rejected(lambda: services.followups.create(replace(valid, **change)), field)


@pytest.mark.parametrize(("change", "field"), BAD)
def test_bad_value_on_update_leaves_record_unchanged(services, rejected, valid, change, field):
    follow_up = services.followups.create(valid)
    data = replace(valid, **change)
    rejected(lambda: services.followups.update(follow_up.id, follow_up.version, data), field)
    assert services.followups.get(follow_up.id) == follow_up


def test_values_are_normalised(services, valid):
    follow_up = services.followups.create(
        replace(valid, title="  Fotos   schicken ", done_on=datetime(2026, 2, 27, 8, 15), notes="  ")
    )
    assert (follow_up.title, follow_up.done_on, follow_up.notes) == (
        "Fotos schicken",
        date(2026, 2, 27),
        None,
    )
    assert follow_up.owner_name == "Denes Kücük"
    assert services.followups.get(follow_up.id) == follow_up
