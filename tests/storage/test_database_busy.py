"""Another program or workplace holding the database (issue 13, defect 3): one message on both
backends, after a few seconds, never the driver's "database is locked" nor a crash."""

import os
import sqlite3
import time

import pytest
from sqlalchemy import create_engine, text

import pg_databases
from delegation_app.interchange.json_file import export_json, import_json
from delegation_app.services.registry import Services
from delegation_app.storage.engine import BUSY_TIMEOUT_MS
from delegation_app.storage.failures import DatabaseBusyError
from delegation_app.storage.opening import open_database

from factories import person

PG_URL = os.environ.get("DELEGATION_APP_TEST_PG_URL")
BUSY = "wird gerade von einem anderen Programm"


def test_the_wait_is_a_few_seconds():
    assert 2_000 <= BUSY_TIMEOUT_MS <= 5_000


@pytest.fixture
def write_lock(db_path, services):
    """A second program holding SQLite's write lock (as an import in another window would)."""
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    yield conn
    conn.rollback()
    conn.close()


def test_a_save_while_another_program_writes_is_one_message(services, write_lock):
    started = time.monotonic()
    with pytest.raises(DatabaseBusyError) as info:
        person(services, "Kücük")
    assert BUSY in info.value.message
    assert "locked" not in info.value.message  # the driver's words go to the details only
    assert "locked" in info.value.detail
    assert time.monotonic() - started < BUSY_TIMEOUT_MS / 1000 + 2
    write_lock.rollback()
    assert person(services, "Kücük").last_name == "Kücük"  # free again: the save works


def test_a_merge_import_does_not_blame_the_file(services, write_lock, tmp_path):
    dump = tmp_path / "dump.json"
    write_lock.rollback()
    person(services, "Kopietz")
    export_json(services.db, dump)
    write_lock.execute("BEGIN IMMEDIATE")
    with pytest.raises(DatabaseBusyError) as info:
        import_json(services.db, dump, merge=True)
    assert BUSY in info.value.message
    assert "Datei" not in info.value.message


@pytest.fixture
def pg_services(tmp_path):
    if not PG_URL:
        pytest.fail("DELEGATION_APP_TEST_PG_URL is not set")
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name, url = pg_databases.create(admin, PG_URL)
    db, _ = open_database(url, backups=tmp_path)
    yield Services.over(db), url
    db.dispose()
    pg_databases.drop(admin, name)
    admin.dispose()


def test_postgresql_a_locked_table_is_the_same_message_after_a_few_seconds(pg_services):
    services, url = pg_services
    other = create_engine(url)
    with other.connect() as conn:
        conn.execute(text("LOCK TABLE person IN ACCESS EXCLUSIVE MODE"))  # held until rollback
        started = time.monotonic()
        with pytest.raises(DatabaseBusyError) as info:
            person(services, "Kücük")
        assert BUSY in info.value.message
        assert time.monotonic() - started < BUSY_TIMEOUT_MS / 1000 + 3
        conn.rollback()
    other.dispose()
    assert person(services, "Kücük").last_name == "Kücük"


def test_postgresql_a_locked_row_in_a_merge_import_is_not_the_files_fault(pg_services, tmp_path):
    services, url = pg_services
    kept = person(services, "Kopietz")
    dump = tmp_path / "dump.json"
    export_json(services.db, dump)
    other = create_engine(url)
    with other.connect() as conn:
        conn.execute(text("LOCK TABLE person IN ACCESS EXCLUSIVE MODE"))
        with pytest.raises(DatabaseBusyError) as info:
            import_json(services.db, dump, merge=True)
        assert "Datei" not in info.value.message
        conn.rollback()
    other.dispose()
    assert services.people.get(kept.id).last_name == "Kopietz"
