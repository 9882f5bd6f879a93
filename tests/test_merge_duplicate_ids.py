"""A merge of a file in which two records share an id (issue 13, defect 1): the references to
that id used to follow the last one ("Duplikat" got the real person's participation and quotes).
Now the file is refused and nothing is imported, on SQLite and PostgreSQL."""

import json
import os

import pytest
from sqlalchemy import create_engine

import pg_databases
from delegation_app.domain.errors import InvalidFileError
from delegation_app.interchange.json_file import export_json, import_json
from delegation_app.services.demo import load_demo
from delegation_app.services.registry import Services
from delegation_app.storage.opening import open_database

PG_URL = os.environ.get("DELEGATION_APP_TEST_PG_URL")


def with_duplicate(services, tmp_path):
    load_demo(services)
    dump = tmp_path / "demo.json"
    export_json(services.db, dump)
    document = json.loads(dump.read_text("utf-8"))
    people = document["data"]["person"]
    first = next(p for p in people if p["id"] == 1)
    people.append({**first, "first_name": "Duplikat", "last_name": "Duplikat", "sort_key": "duplikat\t"})
    dump.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    return dump


def check(services, tmp_path):
    dump = with_duplicate(services, tmp_path)
    before = {p.id: (p.first_name, p.last_name) for p in services.people.list()}
    with pytest.raises(InvalidFileError, match="zweimal"):
        import_json(services.db, dump, merge=True)
    assert {p.id: (p.first_name, p.last_name) for p in services.people.list()} == before


def test_sqlite_a_duplicate_id_is_refused_in_a_merge(services, tmp_path):
    check(services, tmp_path)


def test_postgresql_a_duplicate_id_is_refused_in_a_merge(tmp_path):
    if not PG_URL:
        pytest.fail("DELEGATION_APP_TEST_PG_URL is not set")
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name, url = pg_databases.create(admin, PG_URL)
    db, _ = open_database(url, backups=tmp_path)
    try:
        check(Services.over(db), tmp_path)
    finally:
        db.dispose()
        pg_databases.drop(admin, name)
        admin.dispose()
