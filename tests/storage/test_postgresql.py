"""The same storage and services against PostgreSQL, the shared team database.

Needs DELEGATION_APP_TEST_PG_URL: a URL whose user may create databases (.ci/run sets it up).
Each test gets a database of its own.
"""

import json
import os
from datetime import datetime

import pytest
from alembic import command
from sqlalchemy import create_engine, text

import pg_databases
import search_cases
from delegation_app.domain.errors import ConflictError, StillReferencedError, ValidationError
from delegation_app.interchange.json_file import export_json, import_json
from delegation_app.services.contacts import ContactEntryInput
from delegation_app.services.demo import load_demo
from delegation_app.services.organisations import OrganisationInput
from delegation_app.services.people import PERSON_ORDER, PersonInput, PhoneInput
from delegation_app.services.registry import Services
from delegation_app.storage.migrate import alembic_config, upgrade_database
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
def pg_services(pg_url, tmp_path):
    db, _ = open_database(pg_url, backups=tmp_path)
    yield Services.over(db)
    db.dispose()


def test_migrations_match_the_models_on_postgresql(pg_url, tmp_path):
    report = upgrade_database(pg_url, backups=tmp_path)
    assert report.backup is None  # nothing to copy on a server; its own backups apply
    engine = create_engine(pg_url)
    cfg = alembic_config()
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.check(cfg)
        # enums are plain strings: no PostgreSQL enum types were created
        assert conn.execute(text("SELECT count(*) FROM pg_type WHERE typtype = 'e'")).scalar() == 0
        # the overdue notice's index holds the open follow-ups only (the model names SQLite's WHERE)
        definition = conn.execute(
            text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_follow_up_open_due_on'")
        ).scalar_one()
        assert definition.endswith("WHERE (done_on IS NULL)")
    engine.dispose()


def test_services_behave_the_same(pg_services):
    visit_id = load_demo(pg_services)
    assert load_demo(pg_services) is None
    participants = pg_services.participations.list_for_visit(visit_id)
    assert participants[0].person_name == "Isabelle Hemsley"
    kopietz = next(p for p in pg_services.people.list() if p.last_name == "Kopietz")
    with pytest.raises(ValidationError) as info:
        pg_services.people.update(kopietz.id, kopietz.version, PersonInput(last_name="", email="kein@"))
    assert set(info.value.errors) == {"last_name", "email"}
    with pytest.raises(ConflictError):
        pg_services.people.update(kopietz.id, kopietz.version + 1, PersonInput(last_name="Kopietz"))
    with pytest.raises(StillReferencedError):
        pg_services.people.delete(kopietz.id, kopietz.version)
    pg_services.people.delete(kopietz.id, kopietz.version, confirmed=True)
    speakers = {q.speaker_label for q in pg_services.quotes.list_for_visit(visit_id)}
    assert "Kopietz" in speakers


def test_follow_up_counts_and_pages_on_postgresql(pg_services):
    from datetime import date

    from delegation_app.services.followups import FollowUpInput
    from delegation_app.services.visits import VisitInput

    for title, due, done in [("a", date(2026, 3, 1), None), ("b", date(2026, 3, 10), None),
                             ("c", date(2026, 3, 2), date(2026, 3, 3)), ("d", None, None)]:  # fmt: skip
        pg_services.followups.create(FollowUpInput(title, due_on=due, done_on=done))
    assert pg_services.followups.overdue_or_due(date(2026, 3, 10)) == (1, 1)
    assert pg_services.followups.overdue_or_due(date(2020, 1, 1)) == (0, 0)
    pages = [pg_services.followups.list_filtered(include_done=True, limit=2, offset=o) for o in (0, 2)]
    assert [f.title for page in pages for f in page] == ["a", "b", "d", "c"]
    visit = pg_services.visits.create(VisitInput("Delegation aus Łódź"))
    pg_services.followups.create(FollowUpInput("e", due_on=date(2026, 2, 1), visit_id=visit.id))
    (first,) = pg_services.followups.list_filtered(limit=1)
    assert (first.title, first.visit_title) == ("e", "Delegation aus Łódź")  # joined into the page
    assert [v.title for v in pg_services.visits.choices_matching("lodz")] == ["Delegation aus Łódź"]


def test_names_sort_per_din_5007_on_postgresql(pg_services):
    for last, first in [("Kuhne", "Anna"), ("Kuhn", "Zoe"), ("Özdemir", "Şadi"), ("Zander", "Ute")]:
        pg_services.people.create(PersonInput(last_name=last, first_name=first))
    assert [p.last_name for p in pg_services.people.list()] == ["Kuhn", "Kuhne", "Özdemir", "Zander"]


def test_every_people_order_pages_the_same_as_on_sqlite(services, pg_services):
    for both in (services, pg_services):
        org = both.organisations.create(OrganisationInput(name="Stadt Bochum")).id
        for n in range(9):
            both.people.create(PersonInput(
                last_name=f"Name{n % 4}", first_name=f"Vor{n}", function=("Ärztin", None, "Amt")[n % 3],
                email=f"p{n % 3}@bochum.de" if n % 2 else None, organisation_id=org if n % 3 else None,
                phones=[PhoneInput(f"0234 910-{n % 2}")] if n % 4 else [], is_own_staff=n % 5 == 0,
            ))  # fmt: skip
    for order_by in PERSON_ORDER:
        for descending in (False, True):
            whole = [p.id for p in services.people.list(order_by=order_by, descending=descending)]
            paged = [p.id for offset in range(0, 10, 2)
                     for p in pg_services.people.list(order_by=order_by, descending=descending,
                                                      limit=2, offset=offset)]  # fmt: skip
            assert paged == whole, (order_by, descending)


def test_json_from_sqlite_round_trips_through_postgresql(services, pg_services, tmp_path):
    load_demo(services)
    first, second = tmp_path / "sqlite.json", tmp_path / "pg.json"
    export_json(services.db, first)
    import_json(pg_services.db, first)
    export_json(pg_services.db, second)
    assert json.loads(first.read_text("utf-8"))["data"] == json.loads(second.read_text("utf-8"))["data"]
    # sequences were moved past the imported ids
    new = pg_services.people.create(PersonInput(last_name="Neu"))
    assert new.id == max(p.id for p in services.people.list()) + 1
    entry = pg_services.contacts.create(
        ContactEntryInput(occurred_at=datetime(2025, 11, 20, 10), summary="Dank", person_ids=[new.id])
    )
    assert entry.id == max((c.id for c in services.contacts.list()), default=0) + 1


def test_tables_left_empty_by_an_import_start_at_one(pg_services, tmp_path):
    stamp = "2026-01-01T10:00:00"
    dump = tmp_path / "orgs.json"
    dump.write_text(
        json.dumps(
            {
                "format": "delegation-app",
                "version": 1,
                "data": {
                    "organisation": [
                        {
                            "id": 7,
                            "version": 1,
                            "created_at": stamp,
                            "updated_at": stamp,
                            "name": "Stadt Hanau",
                            "kind": "city_administration",
                            "sort_key": "stadt hanau",
                        }
                    ]
                },
            }
        ),
        "utf-8",
    )
    import_json(pg_services.db, dump)
    assert pg_services.people.create(PersonInput(last_name="Erste")).id == 1
    assert pg_services.organisations.create(OrganisationInput(name="Stadt Bochum")).id == 8


def test_recycle_bin_and_audit_trail_on_postgresql(pg_services):
    visit_id = load_demo(pg_services)
    visit = pg_services.visits.get(visit_id)
    participants = len(pg_services.participations.list_for_visit(visit_id))
    pg_services.visits.delete(visit.id, visit.version, confirmed=True)
    report = pg_services.recycle_bin.restore(pg_services.recycle_bin.list()[0].id)
    assert report.record_id == visit_id
    assert len(pg_services.participations.list_for_visit(visit_id)) == participants
    assert [e.action for e in pg_services.audit.history("visit", visit_id)] == ["create", "delete", "create"]
    # new records still get fresh ids after rows were written back with their own
    assert pg_services.organisations.create(OrganisationInput(name="Neu")).id > 0


@pytest.mark.parametrize(
    "case",
    [search_cases.folding, search_cases.every_kind, search_cases.exact_before_prefix,
     search_cases.hostile_text, search_cases.kept_in_sync],
    ids=lambda case: case.__name__,
)  # fmt: skip
def test_search_behaves_the_same(pg_services, case):
    case(pg_services)


def test_json_import_into_postgresql_is_indexed(pg_services, services, tmp_path):
    search_cases.imported_json(pg_services, services, tmp_path)


def test_the_search_index_migration_goes_down_and_up_again(pg_url, tmp_path):
    db, _ = open_database(pg_url, backups=tmp_path)
    services = Services.over(db)
    services.people.create(PersonInput(last_name="Kücük"))
    cfg = alembic_config()
    engine = create_engine(pg_url)
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0001")
            left = conn.execute(text("SELECT count(*) FROM pg_proc WHERE proname LIKE 'fts%'")).scalar()
            assert left == 0
            assert conn.execute(text("SELECT to_regclass('fts_person')")).scalar() is None
            command.upgrade(cfg, "head")
    finally:
        engine.dispose()
    assert [p.last_name for p in services.people.list("kucuk")] == ["Kücük"]
    db.dispose()


def _autocommit(session) -> bool:
    return bool(session.connection().connection.dbapi_connection.autocommit)


def test_a_one_statement_read_runs_without_a_transaction_and_leaves_none_behind(pg_services):
    """Issue 16: BEGIN and ROLLBACK are two of a search's four round trips over a network."""
    db = pg_services.db
    made = pg_services.organisations.create(OrganisationInput(name="Stadt Lublin"))
    with db.read_one() as session:
        assert _autocommit(session)
    with db.read() as session:  # the pooled connection is back to transactions
        assert not _autocommit(session)
    with db.write():
        pg_services.organisations.update(made.id, made.version, OrganisationInput(name="Miasto Lublin"))
        with db.read_one() as session:  # inside a write: the write's transaction, its own rows
            assert not _autocommit(session)
            assert pg_services.organisations.get(made.id).name == "Miasto Lublin"


def test_after_a_snapshot_the_next_read_sends_no_isolation_reset(pg_services):
    """A snapshot's REPEATABLE READ is undone on the client: the next check-out's ping sent a SET."""
    with pg_services.db.snapshot() as session:
        session.connection()
    with pg_services.db.read() as session:
        assert session.connection().connection.dbapi_connection.isolation_level is None  # the server's
        level = session.execute(text("SHOW transaction_isolation")).scalar()
    assert level == "read committed"
