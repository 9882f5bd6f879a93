"""The full-text index on SQLite (migration 0003_search_index); the cases are in search_cases.py."""

import sqlite3

import pytest
from alembic import command

import search_cases
from delegation_app.services.backups import backup_now, restore_backup
from delegation_app.services.organisations import OrganisationInput
from delegation_app.services.registry import Services
from delegation_app.storage.database import Database
from delegation_app.storage.engine import make_engine
from delegation_app.storage.migrate import alembic_config, upgrade_database
from delegation_app.storage.opening import open_database
from delegation_app.storage.search import INDEX_TABLES
from search_cases import found

import factories
from migration_seeds import SEEDS


@pytest.mark.parametrize(
    "case",
    [search_cases.folding, search_cases.every_kind, search_cases.exact_before_prefix,
     search_cases.hostile_text, search_cases.kept_in_sync],
    ids=lambda case: case.__name__,
)  # fmt: skip
def test_search(services, case, db_path):
    case(services)
    assert_index_matches_its_text(db_path)


def assert_index_matches_its_text(db_path):
    """FTS5's integrity-check: the index holds exactly the terms of the stored text."""
    conn = sqlite3.connect(db_path)
    try:
        for table in INDEX_TABLES.values():
            conn.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")  # raises if not
    finally:
        conn.close()


@pytest.fixture
def other(tmp_path):
    db, _ = open_database(f"sqlite:///{tmp_path / 'other.sqlite'}", backups=tmp_path / "backups")
    yield Services.over(db)
    db.dispose()


def test_json_import_is_indexed(services, other, tmp_path):
    search_cases.imported_json(services, other, tmp_path)


def test_a_restored_backup_brings_its_index(services, tmp_path, db_path):
    factories.person(services, "Kücük", "Denes")
    backup = backup_now(services.db, tmp_path / "copy.sqlite")
    factories.person(services, "Özdemir", "Ayla")
    restore_backup(services.db, backup)
    assert found(services, "kucuk") == [("person", "Denes Kücük")]
    assert found(services, "ozdemir") == []
    factories.person(services, "Öztürk", "Emre")  # and the triggers still run
    assert found(services, "oz") == [("person", "Emre Öztürk")]
    assert_index_matches_its_text(db_path)


def test_triggers_need_no_function_of_the_app(services, db_path):
    """The sqlite3 shell or another tool writing to the file keeps the index right."""
    conn = sqlite3.connect(db_path)
    conn.execute(
        "INSERT INTO person (version, created_at, updated_at, last_name, sort_key) "
        "VALUES (1, '2026-01-01', '2026-01-01', 'Weiß', 'weiss')"
    )
    conn.commit()
    conn.close()
    assert found(services, "weiss") == [("person", "Weiß")]
    assert_index_matches_its_text(db_path)


def test_the_migration_indexes_existing_rows(db_url, db_path, tmp_path):
    upgrade_database(db_url, target="0001", backups=tmp_path)
    conn = sqlite3.connect(db_path)
    conn.executescript(SEEDS["0001"])
    conn.close()
    upgrade_database(db_url, backups=tmp_path)
    db = Database(db_url)
    try:
        services = Services.over(db)
        assert found(services, "kucuk") == [("person", "Denes Kücük")]
        assert found(services, "bochum") == [
            ("person", "Kopietz"),
            ("person", "Denes Kücük"),
            ("organisation", "Stadt Bochum"),
        ]
        assert [kind for kind, _title in found(services, "wichtig dank strategiepapier")] == []
        assert [kind for kind, _title in found(services, "wichtig")] == ["quote"]
        assert [kind for kind, _title in found(services, "dank")] == ["contact"]
        assert [kind for kind, _title in found(services, "strategiepapier")] == ["followup"]
    finally:
        db.dispose()
    assert_index_matches_its_text(db_path)


def test_the_migration_goes_down_and_up_again(services, db_url, db_path, tmp_path):
    factories.person(services, "Kücük", "Denes")
    cfg = alembic_config()
    engine = make_engine(db_url, foreign_keys=False)
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, "0001")
    engine.dispose()
    conn = sqlite3.connect(db_path)
    left = conn.execute("SELECT name FROM sqlite_master WHERE name LIKE 'fts%'").fetchall()
    conn.close()
    assert left == []
    upgrade_database(db_url, backups=tmp_path)
    assert found(services, "kucuk") == [("person", "Denes Kücük")]
    assert_index_matches_its_text(db_path)


@pytest.mark.parametrize(
    ("before", "longest"), [("0007_open_follow_up_index", 10), ("0008_search_prefixes", 20)]
)
def test_the_rebuild_with_longer_prefixes_keeps_rows_and_triggers(db_url, db_path, tmp_path, before, longest):
    """0008 (up to 10 letters) and 0009 (up to 20: "Bürgermeisterin" as typed) rebuild every table."""
    upgrade_database(db_url, target=before, backups=tmp_path)
    conn = sqlite3.connect(db_path)
    conn.executescript(SEEDS["0001"])  # people of an organisation, a quote, a contact, a follow-up
    conn.executescript(SEEDS["0008_search_prefixes"])
    conn.close()
    upgrade_database(db_url, target={10: "0008_search_prefixes", 20: "0009_search_long_prefixes"}[longest],
                     backups=tmp_path)  # fmt: skip
    conn = sqlite3.connect(db_path)
    made = {name: sql for name, sql in conn.execute("SELECT name, sql FROM sqlite_master")
            if name in INDEX_TABLES.values()}  # fmt: skip
    conn.close()
    assert set(made) == set(INDEX_TABLES.values())
    prefixes = " ".join(str(length) for length in range(1, longest + 1))
    assert all(f"prefix = '{prefixes}'" in sql for sql in made.values())
    db = Database(db_url)
    try:
        services = Services.over(db)
        assert found(services, "strassenb") == [("person", "Ida Straßenbahner")]
        assert found(services, "strassenbahne") == [("person", "Ida Straßenbahner")]  # 13 letters
        assert [kind for kind, _title in found(services, "strategiepapier")] == ["followup"]
        # The triggers of 0003 write to the rebuilt tables: a new person, a renamed organisation.
        factories.person(services, "Straßenbauer", "Jan")
        names = [title for _kind, title in found(services, "strassenba")]
        assert names == ["Ida Straßenbahner", "Jan Straßenbauer"]  # by name
        bochum = services.organisations.find_by_name("Stadt Bochum")
        assert bochum is not None
        services.organisations.update(bochum.id, bochum.version, OrganisationInput(name="Stadt Wattenscheid"))
        assert ("person", "Denes Kücük") in found(services, "wattensch")
    finally:
        db.dispose()
    assert_index_matches_its_text(db_path)
