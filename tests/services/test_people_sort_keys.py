"""The people list's stored sort keys (migration 0004): filled on every write, by the migration,
by an import of an older file; and paging through each order gives exactly the whole order."""

import json
import sqlite3

import pytest
from sqlalchemy import select

from delegation_app.domain.models import Person
from delegation_app.interchange.json_file import export_json, import_json
from delegation_app.services.people import PERSON_ORDER, PersonInput, PhoneInput
from delegation_app.services.registry import Services
from delegation_app.storage.migrate import upgrade_database
from delegation_app.storage.opening import open_database

import factories


def keys(services, person_id):
    with services.db.read() as session:
        row = session.get(Person, person_id)
        return row.function_sort_key, row.email_sort_key, row.phone_sort_key


def test_keys_follow_every_save_of_a_person(services):
    person = factories.person(services, "Öztürk", "Ayşe", function="Ärztin", email="A.Oeztuerk@Example.org",
                              phones=[PhoneInput("0234 910-12"), PhoneInput("0170 1234567")])  # fmt: skip
    assert keys(services, person.id) == ("arztin", "a.oeztuerk@example.org", "+49234910")
    phones = [PhoneInput("0170 1234567"), PhoneInput("0234 910-12")]
    person = services.people.update(
        person.id, person.version, PersonInput(last_name="Öztürk", function="Straßenbau", phones=phones)
    )
    assert keys(services, person.id) == ("strassenbau", None, "+491701234567")
    services.people.update(person.id, person.version, PersonInput(last_name="Öztürk"))
    assert keys(services, person.id) == (None, None, None)


def test_restoring_an_earlier_state_keeps_the_phone_key_of_the_phones_there_are(services):
    person = factories.person(
        services, "Kopietz", function="Stadtdirektor", phones=[PhoneInput("0234 910-0")]
    )
    first = services.audit.history("person", person.id)[0]
    person = services.people.update(person.id, person.version, PersonInput(
        last_name="Kopietz", function="Kämmerer", phones=[PhoneInput("06181 3000-6069")]
    ))  # fmt: skip
    services.audit.restore("person", person.id, first.id, person.version)
    # The function goes back with its key; the phones are not part of the restore, nor their key.
    assert keys(services, person.id) == ("stadtdirektor", None, "+4961813000")
    assert services.people.get(person.id).phones[0].e164 == "+4961813000"


@pytest.fixture
def many(services):
    """People with and without each sorted value, many of them sharing one value."""
    org = factories.organisation(services, "Stadt Bochum").id
    for number in range(13):
        factories.person(
            services, f"Name{number % 5}", f"Vor{number}",
            function=("Amtsleitung", None, "Ärztin")[number % 3],
            email=f"p{number % 4}@bochum.de" if number % 2 else None,
            phones=[PhoneInput(f"0234 910-{number % 3}")] if number % 3 else [],
            organisation_id=org if number % 4 else None, is_own_staff=number % 5 == 0,
        )  # fmt: skip
    return services


@pytest.mark.parametrize("order_by", PERSON_ORDER)
@pytest.mark.parametrize("descending", [False, True])
def test_pages_of_every_order_are_the_whole_order_in_pieces(many, order_by, descending):
    whole = [p.id for p in many.people.list(order_by=order_by, descending=descending)]
    assert sorted(whole) == sorted(p.id for p in many.people.list())
    for size in (1, 2, 5):
        pieces = []
        for offset in range(0, len(whole) + size, size):
            page = many.people.list(order_by=order_by, descending=descending, limit=size, offset=offset)
            assert len(page) == min(size, max(0, len(whole) - offset))
            pieces += [p.id for p in page]
        assert pieces == whole


def test_rows_there_before_the_upgrade_get_their_keys(db_path, db_url, tmp_path):
    upgrade_database(db_url, target="0003_search_index", backups=tmp_path)
    conn = sqlite3.connect(db_path)
    conn.executescript("""
        INSERT INTO person (id, created_at, updated_at, last_name, function, email, sort_key) VALUES
            (1, '2026-01-01', '2026-01-01', 'Kücük', 'Bürgermeisterin', 'K@Bochum.de', 'kucuk'),
            (2, '2026-01-01', '2026-01-01', 'Kopietz', NULL, NULL, 'kopietz');
        INSERT INTO phone_number (id, person_id, position, kind, e164) VALUES
            (8, 1, 3, 'mobile', '+49170'), (9, 1, 0, 'office', '+49234910');
    """)
    conn.commit()
    conn.close()
    upgrade_database(db_url, backups=tmp_path)
    conn = sqlite3.connect(db_path)
    rows = conn.execute("SELECT id, function_sort_key, email_sort_key, phone_sort_key FROM person")
    assert rows.fetchall() == [(1, "burgermeisterin", "k@bochum.de", "+49234910"), (2, None, None, None)]
    conn.close()


def test_an_export_without_the_keys_imports_with_them(services, tmp_path):
    person = factories.person(services, "Kücük", function="Ärztin", email="d@bochum.de",
                              phones=[PhoneInput("0234 910-0")])  # fmt: skip
    factories.person(services, "Adam")
    dump = tmp_path / "old.json"
    export_json(services.db, dump)
    document = json.loads(dump.read_text("utf-8"))
    for row in document["data"]["person"]:  # as a program before schema 0004 wrote it
        for key in ("function_sort_key", "email_sort_key", "phone_sort_key"):
            del row[key]
    dump.write_text(json.dumps(document), "utf-8")
    db, _ = open_database(f"sqlite:///{tmp_path / 'other.sqlite'}", backups=tmp_path)
    try:
        other = Services.over(db)
        import_json(db, dump)
        assert keys(other, person.id) == keys(services, person.id) == ("arztin", "d@bochum.de", "+49234910")
        with db.read() as session:
            assert session.scalars(select(Person.last_name).order_by(Person.id)).all() == ["Kücük", "Adam"]
        assert [p.last_name for p in other.people.list(order_by="phone")] == ["Kücük", "Adam"]
    finally:
        db.dispose()


def test_a_person_deleted_before_the_upgrade_comes_back_with_keys(db_path, db_url, tmp_path):
    upgrade_database(db_url, target="0003_search_index", backups=tmp_path)
    rows = [
        ["phone_number", {"id": 5, "person_id": 7, "position": 0, "kind": "office", "e164": "+49234910"}],
        ["person", {"id": 7, "version": 1, "created_at": "2026-01-01T10:00:00", "updated_at":
                    "2026-01-01T10:00:00", "last_name": "Kücük", "function": "Ärztin", "sort_key": "kucuk",
                    "is_own_staff": False, "source": "unknown"}],
    ]  # fmt: skip
    conn = sqlite3.connect(db_path)
    conn.execute(
        "INSERT INTO recycled_record (deleted_at, user_name, table_name, record_id, title, rows, detached)"
        " VALUES ('2026-03-02 09:00:00', 'mmuster', 'person', 7, 'Kücük', ?, '[]')",
        (json.dumps(rows),),
    )
    conn.commit()
    conn.close()
    db, _ = open_database(db_url, backups=tmp_path)
    try:
        services = Services.over(db)
        services.recycle_bin.restore(services.recycle_bin.list()[0].id)
        assert keys(services, 7) == ("arztin", None, "+49234910")
    finally:
        db.dispose()
