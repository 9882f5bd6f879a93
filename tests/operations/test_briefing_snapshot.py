"""A briefing is gathered in one read transaction: one snapshot, whatever the number of participants.

Before, it was 6 + N sessions (visit, participants, agenda, quotes, follow-ups, press contact and
one per participant): 17 for the demo visit's 11 participants.
"""

import os
from datetime import date

import pytest
from sqlalchemy import create_engine, event

import pg_databases
from delegation_app.operations.briefing import gather_briefing
from delegation_app.services.demo import load_demo
from delegation_app.services.registry import Services
from delegation_app.storage.opening import open_database

ADMIN_URL = os.environ.get("DELEGATION_APP_TEST_PG_URL")


def transactions_while(services, action):
    """(result, how many transactions the engine began meanwhile)."""
    begun: list = []

    def count(_connection) -> None:
        begun.append(1)

    event.listen(services.db.engine, "begin", count)
    try:
        return action(), len(begun)
    finally:
        event.remove(services.db.engine, "begin", count)


def check_one_snapshot(services) -> None:
    visit_id = load_demo(services)
    data, transactions = transactions_while(
        services, lambda: gather_briefing(services, visit_id, today=date(2026, 2, 20), issued_by="Büro")
    )
    assert transactions == 1
    people = data.delegation + data.hosts + data.guests
    assert len(people) >= 10
    # the same read model the per-record reads give
    assert data.visit == services.visits.get(visit_id)
    assert [p.participation for p in people] == sorted(
        services.participations.list_for_visit(visit_id),
        key=lambda p: ["delegation", "host", "guest"].index(p.side),  # side by side (stable sort)
    )
    assert all(p.person == services.people.get(p.participation.person_id) for p in people)
    assert list(data.agenda) == services.agenda.list_for_visit(visit_id)
    assert list(data.quotes) == services.quotes.list_for_visit(visit_id)
    assert list(data.open_followups) == [
        f for f in services.followups.list_for_visit(visit_id) if f.done_on is None
    ]


def test_the_briefing_is_read_in_one_transaction(services):
    check_one_snapshot(services)


@pytest.mark.skipif(not ADMIN_URL, reason="no PostgreSQL: DELEGATION_APP_TEST_PG_URL is not set")
def test_the_briefing_is_read_in_one_transaction_on_postgresql(tmp_path):
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    name, url = pg_databases.create(admin, ADMIN_URL)
    db, _report = open_database(url, backups=tmp_path)
    try:
        check_one_snapshot(Services.over(db))
    finally:
        db.dispose()
        pg_databases.drop(admin, name)
        admin.dispose()
