"""Edge cases a review found: each once escaped as a traceback, a silent change or a wrong link."""

import json
import logging
import sqlite3
from datetime import datetime

import pytest

from delegation_app import logs
from delegation_app.domain.errors import InvalidFileError, NotFoundError, ValidationError
from delegation_app.domain.models import PhoneNumber
from delegation_app.interchange.json_file import import_json
from delegation_app.services.agenda import AgendaItemInput
from delegation_app.services.organisations import OrganisationInput
from delegation_app.services.people import PersonInput, PhoneInput
from delegation_app.services.quotes import QuoteInput
from delegation_app.storage.migrate import DatabaseOpenError, upgrade_database

import factories

HUGE = 2**63


def write_json(path, data):
    path.write_text(json.dumps({"format": "delegation-app", "version": 1, "data": data}), "utf-8")
    return path


def test_merge_refuses_references_to_records_not_in_the_file(services, tmp_path):
    factories.organisation(services, "Unbeteiligte Organisation")
    dump = write_json(tmp_path / "d.json", {"person": [
        {"id": 5, "version": 1, "created_at": "2026-01-01T10:00:00", "updated_at": "2026-01-01T10:00:00",
         "last_name": "Neu", "sort_key": "neu", "organisation_id": 1}]})  # fmt: skip
    with pytest.raises(InvalidFileError, match="nicht in der Datei"):
        import_json(services.db, dump, merge=True)
    assert services.people.list() == []


def test_rows_with_different_fields_are_stored_as_they_are(services, tmp_path):
    stamp = {"version": 1, "created_at": "2026-01-01T10:00:00", "updated_at": "2026-01-01T10:00:00"}
    rows = [
        {"id": 1, "name": "A", "sort_key": "a", **stamp},
        {"id": 2, "name": "B", "sort_key": "b", "city": "Bochum", "kind": "university", **stamp},
    ]
    dump = write_json(tmp_path / "d.json", {"organisation": rows})
    import_json(services.db, dump)
    b = services.organisations.get(2)
    assert (b.city, b.kind.value) == ("Bochum", "university")
    assert services.organisations.get(1).kind.value == "other"  # the column default, as the DB gives it


@pytest.mark.parametrize(
    "row",
    [
        {"id": HUGE, "name": "A", "sort_key": "a"},
        {"id": 1, "name": "\ud800", "sort_key": "a"},
        {"id": 1, "name": "A"},  # sort_key missing: NOT NULL
        {"id": 1, "name": "A", "sort_key": "a", "created_at": "2026-01-01T10:00:00+05:00"},
    ],
)
def test_unstorable_import_values_are_explained(services, tmp_path, row):
    stamp = {"version": 1, "created_at": "2026-01-01T10:00:00", "updated_at": "2026-01-01T10:00:00"}
    dump = write_json(tmp_path / "d.json", {"organisation": [{**stamp, **row}]})
    with pytest.raises(InvalidFileError):
        import_json(services.db, dump)
    assert services.organisations.list() == []


def test_huge_ids_are_simply_not_found(services):
    for call in (
        lambda: services.visits.get(HUGE),
        lambda: services.visits.delete(HUGE, 1),
        lambda: services.organisations.update(HUGE, 1, OrganisationInput(name="X")),
        lambda: services.people.consequences(-1),
    ):
        with pytest.raises(NotFoundError):
            call()
    with pytest.raises(ValidationError) as info:
        services.people.create(PersonInput(last_name="X", organisation_id=HUGE))
    assert set(info.value.errors) == {"organisation_id"}


@pytest.mark.parametrize("position", [HUGE, 2**31, -1])
def test_positions_out_of_range_are_field_errors(services, position):
    visit = factories.visit(services)
    with pytest.raises(ValidationError) as info:
        services.agenda.create(AgendaItemInput(visit_id=visit.id, title="Begrüßung", position=position))
    assert set(info.value.errors) == {"position"}


def test_lone_surrogates_and_malformed_phone_lists_are_field_errors(services):
    with pytest.raises(ValidationError) as info:
        services.people.create(PersonInput(last_name="Kücük\ud800"))
    assert set(info.value.errors) == {"last_name"}
    for phones in (None, "0171 1234567", [{"number": "0171 1234567"}]):
        with pytest.raises(ValidationError) as info:
            services.people.create(PersonInput(last_name="Kuhn", phones=phones))
        assert set(info.value.errors) == {"phones"}


def test_long_folding_names_keep_their_sort_key_in_bounds(services):
    person = services.people.create(PersonInput(last_name="ß" * 100, first_name="ß" * 100))
    with services.db.read() as session:
        from delegation_app.domain.models import Person

        assert len(session.get(Person, person.id).sort_key) == 400


def test_agenda_items_do_not_move_between_visits(services):
    first, second = factories.visit(services), factories.visit(services, title="Gegenbesuch")
    item = services.agenda.create(AgendaItemInput(visit_id=first.id, title="Begrüßung"))
    with pytest.raises(ValidationError) as info:
        services.agenda.update(item.id, item.version, AgendaItemInput(visit_id=second.id, title="Begrüßung"))
    assert set(info.value.errors) == {"visit_id"}


def test_refusing_a_foreign_sqlite_file_leaves_it_byte_for_byte(tmp_path):
    foreign = tmp_path / "other.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE other (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    before = foreign.read_bytes()
    with pytest.raises(DatabaseOpenError):
        upgrade_database(f"sqlite:///{foreign}", backups=tmp_path)
    assert foreign.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.sqlite"]  # no -wal, no -shm


def test_unreachable_server_and_memory_databases_are_explained(tmp_path):
    with pytest.raises(DatabaseOpenError, match="nicht erreichbar") as info:
        upgrade_database("postgresql+psycopg2://nobody:x@127.0.0.1:1/none", backups=tmp_path)
    assert "\n" not in info.value.message
    with pytest.raises(DatabaseOpenError, match="Arbeitsspeicher"):
        upgrade_database("sqlite://", backups=tmp_path)


def test_a_failing_listener_does_not_turn_a_committed_write_into_an_error(services, caplog):
    def broken(_changes):
        raise RuntimeError("listener bug")

    services.db.add_listener(broken)
    with caplog.at_level(logging.ERROR):
        org = services.organisations.create(OrganisationInput(name="Stadt Hanau"))
    assert services.organisations.get(org.id).name == "Stadt Hanau"
    assert "listener bug" in caplog.text


def test_reads_inside_a_write_see_its_rows(services):
    with services.db.write():
        org = services.organisations.create(OrganisationInput(name="Stadt Hanau"))
        assert services.organisations.get(org.id).name == "Stadt Hanau"


@pytest.mark.parametrize(
    ("search", "found"),
    [("köln", 1), ("Koln", 1), ("über", 1), ("UBER", 1), ("Bochum", 1), ("Stra", 1), ("köln bochum", 0)],
)
def test_visit_search_folds_umlauts(services, search, found):
    for title in ("Besuch in Köln", "Über Bochum", "Straßenbahn"):
        factories.visit(services, title=title)
    assert len(services.visits.list(search)) == found


def test_approval_date_survives_a_re_save(services):
    visit = factories.visit(services)
    speaker = factories.person(services)
    quote = services.quotes.create(QuoteInput(visit_id=visit.id, text="„Gut.“", speaker_person_id=speaker.id,
                                              approval_state="approved"))  # fmt: skip
    again = services.quotes.update(
        quote.id, quote.version, QuoteInput(visit_id=visit.id, text="„Gut!“", speaker_person_id=speaker.id,
                                            approval_state="approved")
    )  # fmt: skip
    assert again.approved_at == quote.approved_at


def test_deleting_a_person_records_the_phone_rows_it_takes(services):
    person = services.people.create(PersonInput(last_name="Kuhn", phones=[PhoneInput("06181 3000-6069")]))
    heard = []
    services.db.add_listener(heard.extend)
    services.people.delete(person.id, person.version)
    assert {(c.action, c.table) for c in heard} == {
        ("delete", "person"),
        ("delete", PhoneNumber.__tablename__),
    }


def test_only_real_time_zone_names(services):
    with pytest.raises(ValidationError) as info:
        factories.visit(services, timezone="localtime")
    assert set(info.value.errors) == {"timezone"}
    assert factories.visit(services, timezone="Europe/Warsaw").timezone == "Europe/Warsaw"


def test_the_terminal_gets_no_traceback(capsys):
    logs.configure_logging()
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        logging.getLogger("delegation_app.test").exception("it failed")
    err = capsys.readouterr().err
    assert "it failed" in err
    assert "Traceback" not in err
    assert "Traceback" in logs.log_file().read_text("utf-8")


def test_visit_times_must_be_local(services):
    from zoneinfo import ZoneInfo

    with pytest.raises(ValidationError) as info:
        factories.visit(services, starts_at=datetime(2026, 2, 24, 9, tzinfo=ZoneInfo("Europe/Berlin")))
    assert "starts_at" in info.value.errors
