"""ParticipationService.move: the users' order within side and head of delegation, in one transaction."""

import pytest

from delegation_app.domain.errors import ConflictError

import factories


@pytest.fixture
def people(services):
    visit = factories.visit(services)
    rows = []
    for last, side, role in (
        ("Hemsley", "delegation", "head_of_delegation"),
        ("Kücük", "delegation", "member"),
        ("Weber", "delegation", "member"),
        ("Kopietz", "host", "host"),
    ):
        person = factories.person(services, last_name=last, first_name=None)
        rows.append(factories.participation(services, visit.id, person.id, side=side, role=role))
    return visit, rows


def names(services, visit_id):
    return [p.person_name for p in services.participations.list_for_visit(visit_id)]


def test_moving_up_within_the_side(services, people):
    visit, (_head, _kucuk, weber, _host) = people
    moved = services.participations.move(weber.id, weber.version, 1)
    assert [p.person_name for p in moved] == ["Hemsley", "Weber", "Kücük", "Kopietz"]
    assert names(services, visit.id) == ["Hemsley", "Weber", "Kücük", "Kopietz"]


def test_the_head_of_delegation_stays_first(services, people):
    visit, (_head, _kucuk, weber, _host) = people
    services.participations.move(weber.id, weber.version, 0)
    assert names(services, visit.id) == ["Hemsley", "Weber", "Kücük", "Kopietz"]


def test_a_stale_version_is_refused(services, people, table_rows):
    _visit, (_head, kucuk, _weber, _host) = people
    services.participations.move(kucuk.id, kucuk.version, 2)
    before = table_rows()
    with pytest.raises(ConflictError):
        services.participations.move(kucuk.id, kucuk.version, 1)
    assert table_rows() == before


def test_a_bad_index_is_refused(services, people, rejected):
    _visit, (_head, kucuk, _weber, _host) = people
    rejected(lambda: services.participations.move(kucuk.id, kucuk.version, -1), "position")
