"""The recycle bin, the history and the visit parts, each action one transaction."""

from datetime import date

import pytest

from delegation_app.domain.errors import DomainError, StillReferencedError
from delegation_app.operations.agenda import move_agenda_item
from delegation_app.operations.followups import mark_followup_done, reopen_followup
from delegation_app.operations.history import restore_version
from delegation_app.operations.participants import move_participant, remove_participant
from delegation_app.operations.records import RecordKind, delete_record, save_record
from delegation_app.operations.recycle_bin import delete_from_bin, empty_bin, restore_from_bin
from delegation_app.operations.visits import copy_visit_as_template
from delegation_app.services.people import PersonInput

import factories


@pytest.fixture
def heard(services):
    commits: list = []
    services.db.add_listener(commits.append)
    return commits


def test_a_deleted_person_comes_back_from_the_bin(services, heard):
    person = factories.person(services)
    visit = factories.visit(services)
    factories.participation(services, visit.id, person.id)
    with pytest.raises(StillReferencedError):
        delete_record(services, RecordKind.PERSON, person.id, person.version)
    heard.clear()
    delete_record(services, RecordKind.PERSON, person.id, person.version, confirmed=True)
    assert len(heard) == 1  # the person, their participation and the bin entry: one commit

    (entry,) = services.recycle_bin.list()
    report = restore_from_bin(services, entry.id)
    assert report.record_id == person.id
    assert services.participations.list_for_visit(visit.id)[0].person_id == person.id
    assert services.recycle_bin.list() == []


def test_delete_for_good_and_empty(services):
    for name in ("Hemsley", "Kopietz", "Naumann"):
        person = factories.person(services, name)
        delete_record(services, RecordKind.PERSON, person.id, person.version)
    first = services.recycle_bin.list()[0]
    delete_from_bin(services, first.id)
    assert empty_bin(services) == 2
    assert services.recycle_bin.list() == []


def test_going_back_to_an_earlier_state(services):
    person = factories.person(services, function="Referentin")
    save_record(services, RecordKind.PERSON,
                PersonInput(last_name="Kücük", first_name="Denes", function="Amtsleiterin"),
                person.id, person.version)  # fmt: skip
    created = services.audit.history("person", person.id)[0]
    restore_version(services, "person", person.id, created.id)
    assert services.people.get(person.id).function == "Referentin"


def test_a_deleted_record_has_no_state_to_go_back_to(services):
    person = factories.person(services)
    created = services.audit.history("person", person.id)[0]
    delete_record(services, RecordKind.PERSON, person.id, person.version)
    with pytest.raises(DomainError):
        restore_version(services, "person", person.id, created.id)


def test_moving_parts_gives_the_new_order(services):
    visit = factories.visit(services)
    items = [factories.agenda_item(services, visit.id, title) for title in ("Empfang", "Rundgang", "Essen")]
    order = move_agenda_item(services, items[2].id, items[2].version, 0)
    assert [i.title for i in order] == ["Essen", "Empfang", "Rundgang"]
    people = [factories.person(services, name) for name in ("Hemsley", "Kopietz")]
    taking_part = [factories.participation(services, visit.id, p.id) for p in people]
    order = move_participant(services, taking_part[1].id, taking_part[1].version, 0)
    assert [p.person_id for p in order] == [people[1].id, people[0].id]
    remove_participant(services, order[0].id, order[0].version, confirmed=True)
    assert [p.person_id for p in services.participations.list_for_visit(visit.id)] == [people[0].id]


def test_a_followup_done_and_open_again(services):
    followup = factories.follow_up(services)
    done = mark_followup_done(services, followup.id, followup.version, date(2026, 3, 2))
    assert done.done_on == date(2026, 3, 2)
    assert reopen_followup(services, done.id, done.version).done_on is None


def test_a_visit_copied_and_deleted(services, heard):
    visit = factories.visit(services)
    factories.agenda_item(services, visit.id)
    heard.clear()
    copy = copy_visit_as_template(services, visit.id)
    assert len(heard) == 1  # the visit and its agenda: one commit
    assert [i.title for i in services.agenda.list_for_visit(copy.id)] == ["Empfang im Rathaus"]
    delete_record(services, RecordKind.VISIT, copy.id, copy.version, confirmed=True)
    assert [e.title for e in services.recycle_bin.list()] == [copy.title]
