"""Erasing and anonymising a person on PostgreSQL (the raw-file check is SQLite's alone).

Needs DELEGATION_APP_TEST_PG_URL, like tests/storage/test_postgresql.py.
"""

import os

import pytest
from sqlalchemy import create_engine

import erasure_cases
import pg_databases
from delegation_app.services.registry import Services
from delegation_app.storage.opening import open_database

ADMIN_URL = os.environ.get("DELEGATION_APP_TEST_PG_URL")
if not ADMIN_URL and os.environ.get("CI"):
    raise RuntimeError("CI must run the PostgreSQL tests: set DELEGATION_APP_TEST_PG_URL (see .ci/run)")
pytestmark = pytest.mark.skipif(not ADMIN_URL, reason="no PostgreSQL: DELEGATION_APP_TEST_PG_URL is not set")


@pytest.fixture
def pg_services(tmp_path):
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    name, url = pg_databases.create(admin, ADMIN_URL)
    db, _ = open_database(url, backups=tmp_path)
    yield Services.over(db)
    db.dispose()
    pg_databases.drop(admin, name)
    admin.dispose()


def test_anonymising_on_postgresql(pg_services, tmp_path):
    erasure_cases.check_anonymised_demo(pg_services, tmp_path)


def test_erasing_on_postgresql(pg_services):
    erasure_cases.check_erased_demo(pg_services)
