"""Team mode's live refresh and lost connections, below the window (a real PostgreSQL server)."""

import os

import pytest
from sqlalchemy import create_engine, text

import pg_databases
from delegation_app.services.registry import Services
from delegation_app.services.visits import VisitInput
from delegation_app.storage import live
from delegation_app.storage.failures import ConnectionLostError
from delegation_app.storage.opening import open_database

ADMIN_URL = os.environ.get("DELEGATION_APP_TEST_PG_URL")
if not ADMIN_URL and os.environ.get("CI"):
    raise RuntimeError("CI must run the PostgreSQL tests: set DELEGATION_APP_TEST_PG_URL (see .ci/run)")
pytestmark = pytest.mark.skipif(not ADMIN_URL, reason="no PostgreSQL: DELEGATION_APP_TEST_PG_URL is not set")


@pytest.fixture
def pg_url():
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    name, url = pg_databases.create(admin, ADMIN_URL)
    yield url
    pg_databases.drop(admin, name)
    admin.dispose()


@pytest.fixture
def two_workplaces(pg_url, tmp_path):
    mine, _ = open_database(pg_url, backups=tmp_path)
    theirs, _ = open_database(pg_url, backups=tmp_path)
    theirs.user_name = "kollegin"
    yield Services.over(mine), Services.over(theirs)
    mine.dispose()
    theirs.dispose()


def terminate_backends(url: str) -> int:
    """What a server restart looks like to the program: every session of the database ended."""
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        ended = conn.execute(
            text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        ).scalar_one()
    engine.dispose()
    return int(ended)


def test_a_colleagues_save_reaches_the_listener_with_her_name_and_mine_does_not(two_workplaces):
    mine, theirs = two_workplaces
    feed = mine.db.change_feed()
    assert feed is not None
    feed.connect()
    try:
        mine.visits.create(VisitInput(title="Meine Delegation"))
        visit = theirs.visits.create(VisitInput(title="Besuch aus Łódź"))
        changes = []
        for _ in range(20):
            changes += feed.wait(0.25)
            if changes:
                break
        assert {(c.table, c.record_id) for c in changes} >= {("visit", visit.id)}
        assert {c.extra["user"] for c in changes} == {"kollegin"}  # my own save is not news to me
        assert all(c.extra["remote"] for c in changes)
    finally:
        feed.close()


def test_a_notification_is_sent_only_when_the_write_commits(two_workplaces):
    mine, theirs = two_workplaces
    feed = mine.db.change_feed()
    feed.connect()
    try:
        def failing_action():
            with theirs.db.write():
                theirs.visits.create(VisitInput(title="Verworfen"))
                raise RuntimeError("the action failed half way")

        with pytest.raises(RuntimeError):
            failing_action()
        assert feed.wait(0.5) == []
    finally:
        feed.close()


def test_payload_stays_under_the_server_limit_with_many_rows():
    from delegation_app.domain.changes import Change

    many = [Change("create", "person", n) for n in range(5_000)]
    text_ = live.payload(many, "anna")
    assert len(text_.encode()) < 8_000
    assert live.parse(text_) == [Change("update", "person", None, extra={"user": "anna", "remote": True})]


def test_lost_connections_are_a_message_and_the_next_try_reconnects(two_workplaces, pg_url):
    mine, _theirs = two_workplaces
    feed = mine.db.change_feed()
    feed.connect()
    visit = mine.visits.create(VisitInput(title="Vor dem Neustart"))
    assert terminate_backends(pg_url) >= 1
    def listen_on():
        for _ in range(20):
            feed.wait(0.25)

    with pytest.raises(ConnectionLostError):
        listen_on()
    feed.connect()  # the server is back: listening goes on
    saved = mine.visits.update(visit.id, visit.version, VisitInput(title="Nach dem Neustart"))
    assert saved.title == "Nach dem Neustart"
    feed.close()


def test_a_save_on_a_connection_the_server_ended_is_a_message(two_workplaces, pg_url):
    mine, _theirs = two_workplaces
    visit = mine.visits.create(VisitInput(title="Vorher"))
    # A write holds its connection; the server ends it in the middle of the transaction.
    def interrupted_action():
        with mine.db.write():
            mine.visits.update(visit.id, visit.version, VisitInput(title="Halb"))
            terminate_backends(pg_url)
            mine.visits.update(visit.id, visit.version + 1, VisitInput(title="Abgebrochen"))

    with pytest.raises(ConnectionLostError):
        interrupted_action()
    assert mine.visits.get(visit.id).title == "Vorher"  # nothing of it was saved; the pool reconnected
