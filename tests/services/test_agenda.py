"""AgendaService: each kind of bad value gives its field error and writes nothing."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from delegation_app.domain.errors import StillReferencedError
from delegation_app.services.agenda import AgendaItemInput

import factories

START = datetime(2026, 2, 24, 10, 0)
NO_ID = factories.NO_SUCH_ID

BAD = [
    pytest.param({"visit_id": NO_ID}, "visit_id", id="visit-missing"),
    pytest.param({"visit_id": None}, "visit_id", id="visit-none"),
    pytest.param({"title": ""}, "title", id="title-empty"),
    pytest.param({"title": "   "}, "title", id="title-whitespace"),
    pytest.param({"title": "x" * 201}, "title", id="title-too-long"),
    pytest.param({"title": "Empfang\x00"}, "title", id="title-nul"),
    pytest.param({"starts_at": "10:00"}, "starts_at", id="starts-text"),
    pytest.param({"starts_at": START.replace(tzinfo=UTC)}, "starts_at", id="starts-aware"),
    pytest.param({"ends_at": 11}, "ends_at", id="ends-int"),
    pytest.param({"ends_at": START - timedelta(minutes=5)}, "ends_at", id="ends-before-start"),
    pytest.param({"place": "x" * 201}, "place", id="place-too-long"),
    pytest.param({"responsible_person_id": NO_ID}, "responsible_person_id", id="responsible-missing"),
    pytest.param({"notes": "\x08"}, "notes", id="notes-control-char"),
    pytest.param({"position": "2"}, "position", id="position-text"),
]


@pytest.fixture
def valid(services):
    visit = factories.visit(services)
    person = factories.person(services)
    return AgendaItemInput(
        visit_id=visit.id,
        title="Empfang im Rathaus",
        starts_at=START,
        ends_at=START + timedelta(hours=1),
        responsible_person_id=person.id,
    )


@pytest.mark.parametrize(("change", "field"), BAD)
def test_bad_value_on_create(services, rejected, valid, change, field):
    rejected(lambda: services.agenda.create(replace(valid, **change)), field)


@pytest.mark.parametrize(("change", "field"), BAD)
def test_bad_value_on_update_leaves_record_unchanged(services, rejected, valid, change, field):
    item = services.agenda.create(valid)
    rejected(lambda: services.agenda.update(item.id, item.version, replace(valid, **change)), field)
    assert services.agenda.get(item.id) == item


def test_values_are_normalised_and_positions_follow_on(services, valid):
    first = services.agenda.create(replace(valid, title="  Empfang   im Rathaus ", place=" Ratssaal "))
    assert (first.title, first.place, first.position) == ("Empfang im Rathaus", "Ratssaal", 0)
    assert first.responsible_person_name == "Denes Kücük"
    second = services.agenda.create(replace(valid, title="Stadtrundgang", starts_at=None, ends_at=None))
    assert second.position == 1
    assert [i.id for i in services.agenda.list_for_visit(valid.visit_id)] == [first.id, second.id]


def test_delete_detaches_quotes_only_when_confirmed(services, table_rows, valid):
    item = services.agenda.create(valid)
    quote = factories.quote(services, valid.visit_id, agenda_item_id=item.id)
    before = table_rows()
    with pytest.raises(StillReferencedError):
        services.agenda.delete(item.id, item.version)
    assert table_rows() == before
    services.agenda.delete(item.id, item.version, confirmed=True)
    assert services.quotes.get(quote.id).agenda_item_id is None
