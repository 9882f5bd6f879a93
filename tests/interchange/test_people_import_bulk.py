"""The import's bulk write (issue 14's benchmark: 10,000 rows ≤ 30 s): people written together keep
everything a single save gives them (sort and list keys, phones, search, history, recycle bin,
DataSource.IMPORT with the file name), on SQLite and on PostgreSQL, in few statements."""

import os
from datetime import date

import pytest
from contact_samples import excel_csv
from sqlalchemy import select, text

import pg_databases
from delegation_app.domain.enums import DataSource
from delegation_app.domain.models import AuditEntry, Person, PhoneNumber
from delegation_app.interchange.columns import guess_mapping
from delegation_app.interchange.people_plan import plan_import
from delegation_app.interchange.tables import read_csv
from delegation_app.operations.people_import import import_people, undo_people_import
from delegation_app.operations.recycle_bin import restore_from_bin
from delegation_app.services.imported_people import Decision
from delegation_app.services.organisations import OrganisationInput
from delegation_app.services.people import PersonInput, PhoneInput
from delegation_app.services.registry import Services
from delegation_app.storage import audit
from delegation_app.storage.opening import open_database

PG_URL = os.environ.get("DELEGATION_APP_TEST_PG_URL")
TODAY = date(2026, 2, 24)
HEADERS = ["Titel", "Vorname", "Nachname", "Funktion", "Organisation", "E-Mail", "Telefon", "Mobil"]
# Columns a single save and the import fill differently on purpose, or that differ per record.
OWN = {"id", "created_at", "updated_at", "source", "source_note", "source_date"}


@pytest.fixture(params=["sqlite", "postgresql"])
def either(request, tmp_path):
    """Services over a fresh SQLite file, then over a fresh PostgreSQL database."""
    if request.param == "sqlite":
        db, _report = open_database(f"sqlite:///{tmp_path / 'bulk.sqlite'}", backups=tmp_path / "backups")
        yield Services.over(db)
        db.dispose()
        return
    if not PG_URL:
        pytest.fail("DELEGATION_APP_TEST_PG_URL is not set")
    with pg_databases.server_services(PG_URL, tmp_path / "backups") as on_server:
        yield on_server


def plan_of(services, rows):
    table = read_csv(excel_csv(HEADERS, rows).encode("utf-8-sig"))
    return plan_import(services, table, guess_mapping(table.headers), "gäste.csv", TODAY)


def stored(services, model, column, value):
    with services.db.read() as session:
        return [dict(r) for r in session.execute(select(model.__table__).where(column == value)).mappings()]


def trail(services, table, record_id):
    with services.db.read() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.table_name == table, AuditEntry.record_id == record_id)
        ).all()
        return [(e.action, audit.decode(e.new_values)) for e in entries]


def test_an_imported_person_is_stored_as_a_single_save_stores_it(either):
    services = either
    org = services.organisations.create(OrganisationInput("Stadt Bochum"))
    saved = services.people.create(PersonInput(
        "Żółkiewska", "Łucja", title="Dr.", function="Leiterin Presse", organisation_id=org.id,
        email="Lucja@Bochum.de", phones=[PhoneInput("0234 9101234"), PhoneInput("0171 1234567", "mobile")],
    ))  # fmt: skip
    plan = plan_of(services, [
        ["Dr.", "Łucja", "Żółkiewska", "Leiterin Presse", "Stadt Bochum", "Lucja@Bochum.de",
         "0234 9101234", "0171 1234567"],
        ["", "Paula", "Plan", "", "Stadtwerke Hagen", "", "", ""],
    ])  # fmt: skip
    assert plan.rows[0].matches  # the same person: skipped unless the user says otherwise
    plan.rows[0].decision = Decision.NEW
    outcome = import_people(services, plan.to_import(), "gäste.csv")
    twin, paula = outcome.created
    assert twin < paula  # ids in the order of the rows

    def same(rows):
        return [{k: v for k, v in row.items() if k not in OWN} for row in rows]

    person, saved_person = (stored(services, Person, Person.id, i) for i in (twin, saved.id))
    assert same(person) == same(saved_person)
    phones = stored(services, PhoneNumber, PhoneNumber.person_id, twin)
    saved_phones = stored(services, PhoneNumber, PhoneNumber.person_id, saved.id)

    def phone_part(rows):
        return [{k: v for k, v in row.items() if k not in ("id", "person_id")} for row in rows]

    assert phone_part(phones) == phone_part(saved_phones)
    view = services.people.get(twin)
    assert (view.source, view.source_note, view.source_date) == (DataSource.IMPORT, "gäste.csv", TODAY)
    assert services.people.get(paula).organisation_name == "Stadtwerke Hagen"

    # The history shows the creation of each person and phone with its values, as after a save.
    [(action, values)] = trail(services, "person", twin)
    assert action == "create"
    assert values["last_name"] == "Żółkiewska"
    assert values == audit.decode(audit.encode(person[0]))
    assert [trail(services, "phone_number", p["id"]) for p in phones] == [
        [("create", audit.decode(audit.encode(p)))] for p in phones
    ]
    assert [e.action for e in services.audit.history("person", twin)] == ["create"]

    # Found by the search (its index is filled per row), in the list by function and phone.
    assert {p.id for p in services.people.list("Zolkiewska")} == {saved.id, twin}
    assert [p.id for p in services.people.list(order_by="phone")][:2] == [saved.id, twin]

    # Undo: one recycle-bin entry; restoring it brings both back with their phones.
    undo_people_import(services, outcome)
    assert {p.id for p in services.people.list()} == {saved.id}
    [entry] = services.recycle_bin.list()
    restore_from_bin(services, entry.id)
    assert [p.e164 for p in services.people.get(twin).phones] == ["+492349101234", "+491711234567"]


def test_many_rows_take_few_statements_and_one_transaction(either):
    services = either
    organisations = ["Stadt Bochum", "Stadtwerke Hagen", "Urząd Miasta Lublin", "Feuerwehr Essen",
                     "Zoo Duisburg", "Universität Witten", "Kunstmuseum Bonn"]  # fmt: skip
    rows = [["", f"Vorname{n}", f"Nachname{n}", "Referentin", organisations[n % 7],
             f"person{n}@example.org", f"0234 {1000000 + n}", ""] for n in range(1200)]  # fmt: skip
    plan = plan_of(services, rows)
    assert plan.new == 1200
    before = services.db.statement_count()
    outcome = import_people(services, plan.to_import(), "liste.csv")
    sent = services.db.statement_count() - before
    assert len(outcome.created) == 1200
    assert len(outcome.organisations_created) == 7
    with services.db.read() as session:
        operations = session.execute(text("SELECT count(DISTINCT operation) FROM audit_entry")).scalar_one()
        phones = session.execute(text("SELECT count(*) FROM phone_number")).scalar_one()
    assert phones == 1200
    assert operations == 1  # organisations, people and phones: one transaction, one entry in the trail
    if services.db.is_sqlite:
        return  # SQLite inserts a row per statement to give the ids back in order: no round trips
    # One save per person took ~10 statements each: over a network each is a round trip.
    assert sent < 100, sent


def test_a_row_decided_new_against_its_errors_writes_nothing(either):
    services = either
    plan = plan_of(services, [["", "Anna", "Gut", "", "Neue Organisation", "", "", ""],
                              ["", "Bert", "Schlecht", "", "", "kaputt@", "", ""]])  # fmt: skip
    plan.rows[1].decision = Decision.NEW
    with pytest.raises(Exception, match="E-Mail"):
        import_people(services, plan.to_import(), "x.csv")
    assert services.people.list() == []
    assert services.organisations.list() == []
