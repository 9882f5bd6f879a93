"""The hostile-import properties against PostgreSQL, which refuses what SQLite stores silently
(NUL in text, numbers past INTEGER, text past VARCHAR(n)): the import must refuse such a file in
words before the server does, and keep everything else exactly.

Needs DELEGATION_APP_TEST_PG_URL, like tests/storage/test_postgresql.py.
"""

import os

import pytest
from sqlalchemy import create_engine

import pg_databases
from delegation_app.services.registry import Services
from delegation_app.storage.opening import open_database

# The properties themselves, collected here a second time with ``target`` on PostgreSQL.
from test_json_hostile_import import (  # noqa: F401
    base_document,
    test_a_hostile_merge_adds_everything_or_changes_nothing,
    test_a_hostile_value_is_imported_exactly_or_the_file_is_refused,
)

import factories as f

ADMIN_URL = os.environ.get("DELEGATION_APP_TEST_PG_URL")
if not ADMIN_URL and os.environ.get("CI"):
    raise RuntimeError("CI must run the PostgreSQL tests: set DELEGATION_APP_TEST_PG_URL (see .ci/run)")
pytestmark = pytest.mark.skipif(not ADMIN_URL, reason="no PostgreSQL: DELEGATION_APP_TEST_PG_URL is not set")


@pytest.fixture
def target(tmp_path):
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    name, url = pg_databases.create(admin, ADMIN_URL)
    db, _report = open_database(url, backups=tmp_path)
    yield Services.over(db)
    db.dispose()
    pg_databases.drop(admin, name)
    admin.dispose()


@pytest.mark.parametrize("junk", ["\x00", "\ud800", "\x1b\x07", "\udfff\x00"])
def test_a_search_with_unprintable_characters_answers_on_postgresql(target, junk):
    person = f.person(target)
    visit = f.visit(target, title="Besuch in Bochum")
    f.organisation(target)
    assert [p.id for p in target.people.list(f"Kücük{junk}")] == [person.id]
    assert [v.id for v in target.visits.list(f"Bochum{junk}")] == [visit.id]
    assert [v.id for v in target.visits.list_overview(f"{junk}Besuch")] == [visit.id]
    assert len(target.organisations.list(f"Bochum{junk}")) == 1
