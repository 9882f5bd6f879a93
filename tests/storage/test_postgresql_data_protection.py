"""The access report and the retention check against PostgreSQL (see test_postgresql.py)."""

import json
import os
from datetime import date

import pytest
from sqlalchemy import create_engine

import pg_databases
from delegation_app.files.output import OutputWriter
from delegation_app.operations.person_report import write_person_report
from delegation_app.services.demo import load_demo
from delegation_app.services.person_report import Letterhead
from delegation_app.services.registry import Services
from delegation_app.services.retention import due_records
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


def test_person_report_and_retention_on_postgresql(pg_services, tmp_path):
    load_demo(pg_services)
    temme = pg_services.people.find("Temme", "Elke")
    path = write_person_report(pg_services, OutputWriter(), temme.id, tmp_path / "t.json", Letterhead())
    document = json.loads(path.read_text("utf-8"))
    assert len(document["quotes"]) == 1
    assert len(document["contacts"]) == 1
    assert [e["action"] for e in document["history"]] == ["create"]
    due = due_records(pg_services, {"people": 365, "contacts": 30, "visits": 30}, date(2030, 1, 1))
    assert sorted({d.kind for d in due}) == ["contacts", "people", "visits"]
    assert len([d for d in due if d.kind == "people"]) == 11
    (visit,) = [d for d in due if d.kind == "visits"]
    assert visit.last_activity == date(2025, 11, 13)
