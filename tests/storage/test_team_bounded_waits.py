"""Bounded waits on PostgreSQL (issue 16): a row another session holds, or a statement that
does not end, gives the busy message within the limit instead of a window that waits forever;
exports and migrations get the longer limits."""

import time

import pytest
from sqlalchemy import text

from delegation_app.interchange.json_file import export_json
from delegation_app.services.people import PersonInput
from delegation_app.services.registry import Services
from delegation_app.storage.database import Database
from delegation_app.storage.engine import LONG, Limits, allow_long, make_engine
from delegation_app.storage.failures import DatabaseBusyError
from delegation_app.storage.migrate import upgrade_database
from team_support import team_server  # noqa: F401 - fixture

from factories import person

SHORT = Limits(lock_ms=400, statement_ms=800)


@pytest.fixture
def short_services(team_server):  # noqa: F811
    upgrade_database(team_server.url, password=team_server.password)
    engine = make_engine(team_server.url, password=team_server.password, limits=SHORT)
    db = Database(team_server.url, engine)
    yield Services.over(db)
    db.dispose()


def test_a_save_of_a_row_a_colleague_holds_is_the_busy_message_within_the_limit(short_services, team_server):  # noqa: F811
    kept = person(short_services, "Kowalczyk")
    other = make_engine(team_server.url, password=team_server.password)
    with other.connect() as conn:
        conn.execute(text("SELECT id FROM person WHERE id = :id FOR UPDATE"), {"id": kept.id})
        data = PersonInput(first_name="Łukasz", last_name="Kowalczyk")
        started = time.monotonic()
        with pytest.raises(DatabaseBusyError) as info:
            short_services.people.update(kept.id, kept.version, data)
        waited = time.monotonic() - started
        assert "anderen Programm" in info.value.message
        assert "55P03" in info.value.detail
        assert waited < SHORT.lock_ms / 1000 + 1.5
        conn.rollback()
    other.dispose()
    # What was typed is still the caller's: the same input saves once the row is free.
    assert short_services.people.update(kept.id, kept.version, data).first_name == "Łukasz"


def test_a_statement_that_does_not_end_is_the_busy_message(short_services):
    started = time.monotonic()
    with pytest.raises(DatabaseBusyError) as info, short_services.db.read() as session:
        session.execute(text("SELECT pg_sleep(5)"))
    assert "57014" in info.value.detail
    assert time.monotonic() - started < 3


def test_exports_and_migrations_get_the_long_limits(short_services, team_server, tmp_path):  # noqa: F811
    with short_services.db.read() as session:
        allow_long(session)
        assert session.execute(text("SHOW statement_timeout")).scalar() == f"{LONG.statement_ms // 60_000}min"
    person(short_services, "Nowak")
    counts = export_json(short_services.db, tmp_path / "dump.json")  # runs with the long limit
    assert counts["person"] == 1
