"""The "before the next visit" summary of a host organisation (services/before_visit.py)."""

from datetime import date, datetime

import pytest

from delegation_app.domain.enums import Attendance, VisitStatus
from delegation_app.domain.errors import NotFoundError
from delegation_app.services.before_visit import before_next_visit
from delegation_app.services.people import PersonInput

import factories

TODAY = date(2026, 3, 10)


def _visit(services, title, day, **kw):
    return factories.visit(services, title, starts_at=datetime(*day, 9, 30), ends_at=datetime(*day, 17), **kw)


@pytest.fixture
def bochum(services):
    org = factories.organisation(services, "Stadt Bochum")
    other = factories.organisation(services, "Stadt Essen")
    kopietz = factories.person(
        services, "Kopietz", None, organisation_id=org.id, function="Oberbürgermeister"
    )
    kuecuek = factories.person(services, "Kücük", "Denes", organisation_id=org.id, function="CDO")
    zander = factories.person(services, "Zander", "Uwe", organisation_id=org.id, function="Kämmerer")
    never = factories.person(services, "Neumann", "Nina", organisation_id=org.id)
    guest = factories.person(services, "Kuhn", "Dominik")
    first = _visit(services, "2024 in Bochum", (2024, 5, 2), host_organisation_id=org.id)
    second = _visit(services, "2025 in Hanau", (2025, 11, 13), guest_organisation_id=org.id)
    only_people = _visit(services, "Konferenz", (2025, 6, 1))
    _visit(services, "Abgesagt", (2025, 9, 1), host_organisation_id=org.id, status=VisitStatus.CANCELLED)
    upcoming = _visit(services, "Der nächste", (2026, 3, 10), host_organisation_id=org.id)
    _visit(services, "Fremd", (2025, 1, 1), host_organisation_id=other.id)
    part = factories.participation
    part(services, first.id, kopietz.id, function_at_visit="Stadtdirektor", attendance=Attendance.ATTENDED)
    part(services, second.id, kopietz.id, function_at_visit="Stadtdirektor", attendance=Attendance.ATTENDED)
    part(services, first.id, kuecuek.id, function_at_visit="cdo")  # the same, spelled differently
    part(services, only_people.id, zander.id)  # none recorded: the current one is shown
    part(services, second.id, never.id, attendance=Attendance.DECLINED)
    part(services, upcoming.id, never.id)
    part(services, first.id, guest.id)
    follow_up = factories.follow_up
    follow_up(services, "Zum Besuch", visit_id=second.id, due_on=date(2026, 1, 5))
    follow_up(services, "Zu Nina", person_id=never.id)
    follow_up(services, "Erledigt", visit_id=first.id, done_on=date(2024, 6, 1))
    follow_up(services, "Zum nächsten", visit_id=upcoming.id)
    follow_up(services, "Zu Kuhn", person_id=guest.id, due_on=date(2026, 1, 1))
    return services, org.id, {"kopietz": kopietz.id, "kuecuek": kuecuek.id, "zander": zander.id}


def test_previous_visits_newest_first_without_cancelled_or_coming_ones(bochum):
    services, org_id, _ids = bochum
    summary = before_next_visit(services, org_id, today=TODAY)
    assert summary.organisation_name == "Stadt Bochum"
    assert [(v.title, v.as_host, v.as_guest) for v in summary.previous_visits] == [
        ("2025 in Hanau", False, True),
        ("Konferenz", False, False),  # only its people took part
        ("2024 in Bochum", True, False),
    ]
    later = before_next_visit(services, org_id, today=date(2026, 3, 11))
    assert later.previous_visits[0].title == "Der nächste"


def test_people_met_with_their_function_then_and_now(bochum):
    services, org_id, _ids = bochum
    met = before_next_visit(services, org_id, today=TODAY).people_met
    assert [p.name for p in met] == ["Kopietz", "Denes Kücük", "Uwe Zander"]  # by name; declined: not met
    kopietz, kuecuek, zander = met
    assert (kopietz.times_met, kopietz.last_met_at) == (2, datetime(2025, 11, 13, 9, 30))
    assert (kopietz.function_at_latest_visit, kopietz.current_function) == (
        "Stadtdirektor",
        "Oberbürgermeister",
    )
    assert kopietz.function_changed is True
    assert (kuecuek.function_at_latest_visit, kuecuek.function_changed) == ("cdo", False)
    assert (zander.function_at_latest_visit, zander.current_function, zander.function_changed) == (
        "Kämmerer",
        "Kämmerer",
        False,
    )
    assert (
        zander.last_met_visit_id
        == before_next_visit(services, org_id, today=TODAY).previous_visits[1].visit_id
    )


def test_a_function_changed_after_the_visit_shows(bochum):
    services, org_id, ids = bochum
    person = services.people.get(ids["kuecuek"])
    services.people.update(
        person.id,
        person.version,
        PersonInput(last_name="Kücük", first_name="Denes", organisation_id=org_id, function="Dezernent"),
    )
    (kuecuek,) = [
        p for p in before_next_visit(services, org_id, today=TODAY).people_met if p.person_id == person.id
    ]
    assert (kuecuek.function_at_latest_visit, kuecuek.current_function, kuecuek.function_changed) == (
        "cdo",
        "Dezernent",
        True,
    )


def test_open_follow_ups_of_those_visits_or_the_organisations_people(bochum):
    services, org_id, _ids = bochum
    followups = before_next_visit(services, org_id, today=TODAY).open_followups
    assert [f.title for f in followups] == ["Zum Besuch", "Zu Nina"]  # by due date, undated last


def test_an_organisation_never_visited(services):
    org = factories.organisation(services, "Neu")
    summary = before_next_visit(services, org.id, today=TODAY)
    assert (summary.previous_visits, summary.people_met, summary.open_followups) == ((), (), ())
    with pytest.raises(NotFoundError):
        before_next_visit(services, factories.NO_SUCH_ID)
