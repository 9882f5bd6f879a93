from delegation_app.domain.enums import Attendance, ParticipantSide, VisitStatus
from delegation_app.services.contacts import ContactEntryInput
from delegation_app.services.demo import load_demo
from delegation_app.services.templates import copy_as_template


def test_copy_takes_the_shape_but_not_what_was_said(services):
    from datetime import datetime

    visit_id = load_demo(services)
    kuhn = next(p for p in services.people.list() if p.last_name == "Kuhn")
    services.contacts.create(
        ContactEntryInput(
            occurred_at=datetime(2025, 11, 20, 10), summary="Dank", person_ids=[kuhn.id], visit_id=visit_id
        )
    )
    copy = copy_as_template(services, visit_id)
    old = services.visits.get(visit_id)
    assert copy.id != visit_id
    assert copy.title == "Hanauer Delegation in Bochum: Stadt- und Smart-City-Strategie (Kopie)"
    assert (copy.host_organisation_id, copy.guest_organisation_id) == (
        old.host_organisation_id,
        old.guest_organisation_id,
    )
    assert copy.status == VisitStatus.IDEA
    assert copy.starts_at is None
    assert copy.notes is None
    assert [a.title for a in services.agenda.list_for_visit(copy.id)] == [
        a.title for a in services.agenda.list_for_visit(visit_id)
    ]
    assert all(a.starts_at is None for a in services.agenda.list_for_visit(copy.id))
    people = services.participations.list_for_visit(copy.id)
    assert len(people) == 8
    assert people[0].person_name == "Isabelle Hemsley"
    assert {p.side for p in people} == {ParticipantSide.DELEGATION}
    assert {p.attendance for p in people} == {Attendance.INVITED}
    assert services.quotes.list_for_visit(copy.id) == []
    assert services.contacts.list_for_visit(copy.id) == []
