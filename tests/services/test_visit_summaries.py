"""The command line's visit list: the same visits, in the same order, as the service's list, read
as the cursor delivers them (issue 21); on SQLite and, when it is there, PostgreSQL."""

import os
from contextlib import closing
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import event, text

import pg_databases
from delegation_app.domain.models import Visit
from delegation_app.services.visit_summaries import highest_visit_id, summary_queries, visit_summaries

import factories

ADMIN_URL = os.environ.get("DELEGATION_APP_TEST_PG_URL")


def _three_visits(services) -> None:
    bochum = factories.organisation(services, "Stadt Bochum")
    hanau = factories.organisation(services, "Stadt Hanau")
    factories.visit(
        services,
        title="Später",
        starts_at=datetime(2026, 5, 1, 9, 0),
        ends_at=None,
        host_organisation_id=bochum.id,
        guest_organisation_id=hanau.id,
        place="Bochum",
    )
    factories.visit(services, title="Idee", starts_at=None, ends_at=None)
    factories.visit(
        services, title="Früher", starts_at=datetime(2026, 2, 24, 9, 30), host_organisation_id=hanau.id
    )
    factories.visit(services, title="Noch eine Idee", starts_at=None, ends_at=None)
    factories.visit(services, title="Zeitgleich", starts_at=datetime(2026, 2, 24, 9, 30))


def test_summaries_match_the_full_list(any_services):
    _three_visits(any_services)
    full = any_services.visits.list()
    summaries = list(visit_summaries(any_services.db))
    assert [s.id for s in summaries] == [v.id for v in full]
    assert [(s.title, s.host, s.guest, s.place, s.status, s.direction) for s in summaries] == [
        (v.title, v.host_organisation_name, v.guest_organisation_name, v.place, v.status, v.direction)
        for v in full
    ]
    assert [s.title for s in summaries] == ["Früher", "Zeitgleich", "Später", "Idee", "Noch eine Idee"]
    assert highest_visit_id(any_services.db) == max(v.id for v in full)


def test_limit_and_since(any_services):
    _three_visits(any_services)
    titles = lambda **kw: [s.title for s in visit_summaries(any_services.db, **kw)]  # noqa: E731
    assert titles(limit=2) == ["Früher", "Zeitgleich"]
    assert titles(limit=4) == ["Früher", "Zeitgleich", "Später", "Idee"]  # the cut-off inside the undated
    assert titles(limit=1, batch=1) == ["Früher"]
    # A visit starting in the evening of the day named is in; the undated ones are out.
    assert titles(since=date(2026, 2, 24)) == ["Früher", "Zeitgleich", "Später"]
    assert titles(since=date(2026, 2, 25)) == ["Später"]
    assert titles(since=date(2026, 5, 2)) == []
    assert titles(since=date(2026, 1, 1), limit=1) == ["Früher"]


def _many_visits(services, count: int) -> None:
    start = datetime(2026, 1, 1, 9, 0)
    with services.db.write() as session:
        session.add_all(Visit(title=f"Besuch {n}", starts_at=start + timedelta(days=n)) for n in range(count))


def test_the_first_summary_arrives_after_one_batch_on_sqlite(services):
    """Streaming, seen from SQLite's side: its virtual machine has done a fraction of the query's
    work when the first visit arrives (a list would have stepped through every row first)."""
    _many_visits(services, 400)
    steps = [0]

    def count_steps() -> int:
        steps[0] += 1
        return 0  # go on

    def on_checkout(dbapi_connection, _record, _proxy) -> None:
        dbapi_connection.set_progress_handler(count_steps, 50)

    event.listen(services.db.engine, "checkout", on_checkout)
    stream = visit_summaries(services.db, batch=20)
    first = next(stream)
    at_first = steps[0]
    rest = list(stream)
    assert first.title == "Besuch 0"
    assert len(rest) == 399
    assert at_first * 10 < steps[0], (at_first, steps[0])


def test_the_first_summary_arrives_from_a_server_side_cursor_on_postgresql(tmp_path):
    """On PostgreSQL the rows come in FETCH batches from a cursor on the server: while the first
    visit is in hand, the server shows the reading session in the middle of such a fetch."""
    if not ADMIN_URL:
        pytest.skip("no PostgreSQL: DELEGATION_APP_TEST_PG_URL is not set")
    with pg_databases.server_services(ADMIN_URL, tmp_path / "pg-backups") as on_server:
        _many_visits(on_server, 100)
        with closing(visit_summaries(on_server.db, batch=10)) as stream:  # closed before the drop
            assert next(stream).title == "Besuch 0"
            with on_server.db.engine.connect() as other:
                queries = (
                    other.execute(
                        text(
                            "SELECT query FROM pg_stat_activity "
                            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                        )
                    )
                    .scalars()
                    .all()
                )
            assert any(q.lstrip().upper().startswith("FETCH FORWARD") for q in queries), queries
            assert len(list(stream)) == 99


def test_sqlite_follows_the_start_index_and_never_sorts_all_visits_first(services):
    """Each part is read in index order: no temporary b-tree that would have to hold every visit
    before the first one is handed out."""
    _many_visits(services, 50)
    with services.db.engine.connect() as conn:
        for since in (None, date(2026, 1, 10)):
            for query in summary_queries(since):
                compiled = query.compile(conn, compile_kwargs={"literal_binds": True})
                plan = [row[3] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}")]
                assert any("ix_visit_starts_at" in step for step in plan), plan
                assert not any("TEMP B-TREE" in step for step in plan), plan
