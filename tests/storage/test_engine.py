import sqlite3

import pytest
from sqlalchemy import text

from delegation_app.domain.errors import ValidationError
from delegation_app.services.organisations import OrganisationInput
from delegation_app.storage.engine import BUSY_TIMEOUT_MS, CACHE_KIB


def test_every_connection_gets_the_pragmas(services):
    with services.db.read() as session:
        conn = session.connection()
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == BUSY_TIMEOUT_MS
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -CACHE_KIB  # KiB, not pages


def test_write_transactions_take_the_lock_at_begin(services, db_path):
    """BEGIN IMMEDIATE: another writer is locked out before our first write statement."""
    other = sqlite3.connect(db_path, timeout=0, isolation_level=None)
    try:
        with services.db.write() as session:
            session.execute(text("SELECT 1"))  # a read only; a deferred BEGIN would hold no lock yet
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")  # free again after our commit
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_read_sessions_do_not_block_writers(services, db_path):
    other = sqlite3.connect(db_path, timeout=0, isolation_level=None)
    try:
        with services.db.read() as session:
            session.execute(text("SELECT count(*) FROM visit"))
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
    finally:
        other.close()


def test_nested_writes_commit_once_or_not_at_all(services):
    class Boom(Exception):
        pass

    def two_then_fail():
        with services.db.write():
            services.organisations.create(OrganisationInput(name="Stadt Hanau"))
            services.organisations.create(OrganisationInput(name="Stadt Bochum"))
            raise Boom

    with pytest.raises(Boom):
        two_then_fail()
    assert services.organisations.list() == []

    with services.db.write():
        services.organisations.create(OrganisationInput(name="Stadt Hanau"))
        with pytest.raises(ValidationError):
            services.organisations.create(OrganisationInput(name=""))
    assert [o.name for o in services.organisations.list()] == ["Stadt Hanau"]


def test_listeners_hear_of_committed_changes_only(services):
    heard = []
    services.db.add_listener(heard.append)
    org = services.organisations.create(OrganisationInput(name="Stadt Hanau"))
    with pytest.raises(ValidationError):
        services.organisations.update(org.id, org.version, OrganisationInput(name=" "))
    assert len(heard) == 1
    (change,) = heard[0]
    assert (change.action, change.table, change.record_id) == ("create", "organisation", org.id)

    services.organisations.update(org.id, org.version, OrganisationInput(name="Stadt Hanau am Main"))
    (change,) = heard[1]
    assert change.action == "update"
    assert change.old == {"name": "Stadt Hanau", "sort_key": "stadt hanau"}
    assert change.new == {"name": "Stadt Hanau am Main", "sort_key": "stadt hanau am main"}
