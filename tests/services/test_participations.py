"""ParticipationService: each kind of bad value gives its field error and writes nothing."""

from dataclasses import replace

import pytest

from delegation_app.domain.enums import Attendance, ParticipantRole, ParticipantSide
from delegation_app.services.participations import ParticipationInput

import factories

NO_ID = factories.NO_SUCH_ID

BAD = [
    pytest.param({"visit_id": NO_ID}, "visit_id", id="visit-missing"),
    pytest.param({"visit_id": None}, "visit_id", id="visit-none"),
    pytest.param({"visit_id": "1"}, "visit_id", id="visit-id-text"),
    pytest.param({"person_id": NO_ID}, "person_id", id="person-missing"),
    pytest.param({"person_id": None}, "person_id", id="person-none"),
    pytest.param({"side": "audience"}, "side", id="side-unknown"),
    pytest.param({"role": "boss"}, "role", id="role-unknown"),
    pytest.param({"attendance": "maybe"}, "attendance", id="attendance-unknown"),
    pytest.param({"position": "1"}, "position", id="position-text"),
    pytest.param({"position": True}, "position", id="position-bool"),
    pytest.param({"position": 1.5}, "position", id="position-float"),
    pytest.param({"function_at_visit": "x" * 201}, "function_at_visit", id="function-too-long"),
    pytest.param({"function_at_visit": "OB\x00"}, "function_at_visit", id="function-nul"),
]


@pytest.fixture
def valid(services):
    visit = factories.visit(services)
    person = factories.person(services)
    return ParticipationInput(visit_id=visit.id, person_id=person.id, role="head_of_delegation")


@pytest.mark.parametrize(("change", "field"), BAD)
def test_bad_value_on_create(services, rejected, valid, change, field):
    rejected(lambda: services.participations.create(replace(valid, **change)), field)


@pytest.mark.parametrize(("change", "field"), BAD)
def test_bad_value_on_update_leaves_record_unchanged(services, rejected, valid, change, field):
    row = services.participations.create(valid)
    data = replace(valid, **change)
    rejected(lambda: services.participations.update(row.id, row.version, data), field)
    assert services.participations.get(row.id) == row


def test_duplicate_participant_is_refused(services, rejected, valid):
    services.participations.create(valid)
    rejected(lambda: services.participations.create(replace(valid, side="host")), "person_id")


def test_update_into_a_duplicate_is_refused_but_saving_itself_is_not(services, rejected, valid):
    first = services.participations.create(valid)
    other = factories.person(services, last_name="Kopietz", first_name=None)
    second = services.participations.create(replace(valid, person_id=other.id, role="member"))
    data = replace(valid, role="member")  # valid.person_id is the first participant's person
    rejected(lambda: services.participations.update(second.id, second.version, data), "person_id")
    assert services.participations.get(second.id) == second

    saved = services.participations.update(first.id, first.version, replace(valid, attendance="attended"))
    assert (saved.attendance, saved.version) == (Attendance.ATTENDED, first.version + 1)


def test_values_are_normalised_and_positions_follow_on(services, valid):
    first = services.participations.create(replace(valid, function_at_visit="  Oberbürgermeister "))
    assert first.function_at_visit == "Oberbürgermeister"
    assert (first.side, first.role) == (ParticipantSide.DELEGATION, ParticipantRole.HEAD_OF_DELEGATION)
    other = factories.person(services, last_name="Kopietz", first_name=None)
    second = services.participations.create(replace(valid, person_id=other.id))
    assert (first.position, second.position) == (0, 1)
    kept = services.participations.update(second.id, second.version, replace(valid, person_id=other.id))
    assert kept.position == 1
