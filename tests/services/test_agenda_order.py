"""AgendaService.move: one transaction through the write path, versions bumped, stale moves refused."""

import pytest

from delegation_app.domain.errors import ConflictError, NotFoundError
from delegation_app.services.agenda import AgendaItemInput

import factories


@pytest.fixture
def agenda(services):
    visit = factories.visit(services)
    items = [factories.agenda_item(services, visit.id, title=t) for t in ("Empfang", "Rundgang", "Essen")]
    return visit, items


def titles(services, visit_id):
    return [i.title for i in services.agenda.list_for_visit(visit_id)]


def test_moving_the_last_item_to_the_top_renumbers_all(services, agenda):
    visit, (first, second, third) = agenda
    moved = services.agenda.move(third.id, third.version, 0)
    assert [i.title for i in moved] == ["Essen", "Empfang", "Rundgang"]
    assert [i.position for i in moved] == [0, 1, 2]
    assert titles(services, visit.id) == ["Essen", "Empfang", "Rundgang"]
    versions = {i.id: i.version for i in moved}
    assert versions == {first.id: 2, second.id: 2, third.id: 2}


def test_moving_down_writes_only_the_rows_whose_place_changes(services, agenda):
    visit, (first, _second, third) = agenda
    services.agenda.move(first.id, first.version, 1)
    assert titles(services, visit.id) == ["Rundgang", "Empfang", "Essen"]
    assert services.agenda.get(third.id).version == third.version


def test_an_index_past_the_end_means_last(services, agenda):
    visit, (first, _second, _third) = agenda
    services.agenda.move(first.id, first.version, 99)
    assert titles(services, visit.id) == ["Rundgang", "Essen", "Empfang"]


def test_one_commit_one_change_signal(services, agenda):
    _visit, (_first, _second, third) = agenda
    heard = []
    services.db.add_listener(heard.append)
    services.agenda.move(third.id, third.version, 0)
    assert len(heard) == 1
    assert {(c.action, c.table) for c in heard[0]} == {("update", "agenda_item")}
    assert len(heard[0]) == 3


def test_a_stale_version_is_refused_and_nothing_moves(services, agenda, table_rows):
    _visit, (first, _second, _third) = agenda
    services.agenda.move(first.id, first.version, 1)
    before = table_rows()
    with pytest.raises(ConflictError):
        services.agenda.move(first.id, first.version, 0)  # first.version is stale now
    assert table_rows() == before


def test_a_stale_version_is_refused_even_when_the_place_stays(services, agenda):
    _visit, (first, _second, _third) = agenda
    services.agenda.update(first.id, first.version, AgendaItemInput(first.visit_id, "Begrüßung"))
    with pytest.raises(ConflictError):
        services.agenda.move(first.id, first.version, 0)


@pytest.mark.parametrize("index", [-1, None, "1", True, 1.5])
def test_a_bad_index_is_refused(services, agenda, rejected, index):
    _visit, (first, _second, _third) = agenda
    rejected(lambda: services.agenda.move(first.id, first.version, index), "position")


def test_an_unknown_item_is_not_found(services, agenda):
    with pytest.raises(NotFoundError):
        services.agenda.move(factories.NO_SUCH_ID, 1, 0)


def test_other_visits_are_untouched(services, agenda):
    _visit, (first, _second, _third) = agenda
    other = factories.visit(services, title="Gegenbesuch")
    elsewhere = factories.agenda_item(services, other.id, title="Empfang in Hanau")
    services.agenda.move(first.id, first.version, 2)
    assert services.agenda.get(elsewhere.id) == elsewhere
