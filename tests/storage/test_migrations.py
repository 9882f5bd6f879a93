import os
import shutil
import sqlite3
import textwrap

import pytest
from alembic import command
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect
from sqlmodel import SQLModel

from delegation_app.domain.models import TABLES_IN_ORDER
from delegation_app.services.demo import load_demo
from delegation_app.services.registry import Services
from delegation_app.storage.database import Database
from delegation_app.storage.engine import make_engine
from delegation_app.storage.migrate import (
    MIGRATIONS_DIR,
    DatabaseOpenError,
    alembic_config,
    head_revision,
    upgrade_database,
)
from delegation_app.storage.search import PREFIX as SEARCH_INDEX_PREFIX

from migration_seeds import SEEDS


def schema_of(url: str) -> dict:
    engine = create_engine(url)
    try:
        insp = inspect(engine)
        schema = {}
        # The search index is not in the models: only migrations make it (0003_search_index), and
        # tests/storage/test_search_index.py checks it.
        tables = {t for t in insp.get_table_names() if not t.startswith(SEARCH_INDEX_PREFIX)}
        for table in sorted(tables - {"alembic_version"}):
            schema[table] = {
                "columns": [
                    (c["name"], str(c["type"]), c["nullable"], str(c["default"]))
                    for c in insp.get_columns(table)
                ],
                "pk": insp.get_pk_constraint(table),
                "fks": sorted(map(repr, insp.get_foreign_keys(table))),
                "indexes": sorted(map(_described, insp.get_indexes(table))),
                "uniques": sorted(map(repr, insp.get_unique_constraints(table))),
            }
        return schema
    finally:
        engine.dispose()


def _described(index: dict) -> str:
    """An index as text; a partial index's WHERE as its SQL (the clause object's repr is an address)."""
    options = {name: str(value) for name, value in index.get("dialect_options", {}).items()}
    return repr({**index, "dialect_options": options})


def counts(path) -> dict[str, int]:
    """Rows per table, of the tables the file has (earlier revisions lack the later ones)."""
    conn = sqlite3.connect(path)
    try:
        present = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return {m.__tablename__: conn.execute(f"SELECT count(*) FROM {m.__tablename__}").fetchone()[0]
                for m in TABLES_IN_ORDER if m.__tablename__ in present}  # fmt: skip
    finally:
        conn.close()


def test_migrated_database_matches_the_models_alembic_check(db_url, tmp_path):
    upgrade_database(db_url, backups=tmp_path)
    engine = make_engine(db_url)
    try:
        cfg = alembic_config()
        with engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.check(cfg)  # raises if autogenerate would produce any operation
    finally:
        engine.dispose()


def test_new_and_migrated_databases_have_identical_schemas(tmp_path):
    fresh = f"sqlite:///{tmp_path / 'fresh.sqlite'}"
    engine = create_engine(fresh)
    SQLModel.metadata.create_all(engine)
    engine.dispose()
    migrated = f"sqlite:///{tmp_path / 'migrated.sqlite'}"
    upgrade_database(migrated, backups=tmp_path)
    assert schema_of(migrated) == schema_of(fresh)
    assert len(schema_of(fresh)) == len(TABLES_IN_ORDER)


def test_rows_survive_every_revision(db_path, db_url, tmp_path):
    script = ScriptDirectory.from_config(alembic_config())
    revisions = [r.revision for r in reversed(list(script.walk_revisions()))]
    assert set(SEEDS) == set(revisions), "every revision needs a seed in migration_seeds.py"
    expected: dict[str, int] = {}
    for revision in revisions:
        upgrade_database(db_url, target=revision, backups=tmp_path)
        conn = sqlite3.connect(db_path)
        conn.executescript(SEEDS[revision])
        conn.close()
        expected = counts(db_path)
    upgrade_database(db_url, backups=tmp_path)
    assert counts(db_path) == expected
    assert set(expected) == {m.__tablename__ for m in TABLES_IN_ORDER}
    assert all(expected.values())
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


REBUILD_REVISION = '''
"""Test-only revision: rebuild the parent tables the way batch mode does."""
import sqlalchemy as sa
from alembic import op

revision = "test_rebuild"
down_revision = {head!r}


def upgrade():
    for table in {tables!r}:
        with op.batch_alter_table(table, recreate="always") as batch:
            batch.add_column(sa.Column("extra", sa.String(20), nullable=False, server_default="x"))
'''


def scripts_rebuilding(folder, tables):
    shutil.copytree(MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    revision = REBUILD_REVISION.format(head=head_revision(), tables=tables)
    (folder / "versions" / "test_rebuild.py").write_text(textwrap.dedent(revision), "utf-8")
    return folder


@pytest.fixture
def scripts_with_rebuild(tmp_path):
    return scripts_rebuilding(tmp_path / "migrations", ("organisation", "person", "visit", "agenda_item"))


@pytest.fixture
def demo_database(db_url, db_path, tmp_path):
    db, _ = Database(db_url), upgrade_database(db_url, backups=tmp_path)
    load_demo(Services.over(db))
    db.dispose()
    return counts(db_path)


def test_table_rebuilds_lose_no_child_rows_and_back_up_first(
    db_url, db_path, tmp_path, scripts_with_rebuild, demo_database
):
    backups = tmp_path / "backups"
    report = upgrade_database(db_url, script_location=scripts_with_rebuild, backups=backups)
    assert (report.from_revision, report.to_revision) == (head_revision(), "test_rebuild")
    assert counts(db_path) == demo_database
    assert counts(report.backup) == demo_database
    assert report.backup.parent == backups
    assert list(backups.iterdir()) == [report.backup]  # no half-written copy beside it
    assert "-before-test_rebuild-" in report.backup.name
    if os.name == "posix":
        assert report.backup.stat().st_mode & 0o777 == 0o600  # as private as the records
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("SELECT DISTINCT extra FROM person").fetchall() == [("x",)]
    conn.close()


def test_the_trap_is_real_with_foreign_keys_on(db_url, db_path, tmp_path, demo_database):
    """Control: the same rebuild on a connection with foreign keys ON silently deletes children."""
    # Children with ON DELETE RESTRICT (contact entries, follow-ups) would make the drop fail loudly
    # instead: detach them, so that only the silently cascading ones are left to show the trap.
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE contact_entry SET visit_id = NULL")
    conn.execute("UPDATE follow_up SET visit_id = NULL")
    conn.commit()
    conn.close()
    scripts = scripts_rebuilding(tmp_path / "migrations", ("visit",))
    engine = make_engine(db_url, foreign_keys=True)
    cfg = alembic_config(scripts)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    engine.dispose()
    after = counts(db_path)
    assert after["visit"] == demo_database["visit"]
    assert after["participation"] == after["quote"] == after["agenda_item"] == 0


def test_a_database_from_a_newer_program_is_refused_untouched(db_url, db_path, tmp_path):
    upgrade_database(db_url, backups=tmp_path)
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = 'from_the_future'")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseOpenError, match="neueren Version"):
        upgrade_database(db_url, backups=tmp_path)
    engine = create_engine(db_url)
    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == "from_the_future"
    engine.dispose()


def test_files_that_are_not_our_database_are_refused(tmp_path):
    garbage = tmp_path / "notes.sqlite"
    garbage.write_bytes(b"Dies ist keine Datenbank. " * 200)
    with pytest.raises(DatabaseOpenError, match="beschädigt"):
        upgrade_database(f"sqlite:///{garbage}", backups=tmp_path)
    assert garbage.read_bytes() == b"Dies ist keine Datenbank. " * 200

    foreign = tmp_path / "other.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    conn.close()
    with pytest.raises(DatabaseOpenError, match="nicht eine dieses Programms"):
        upgrade_database(f"sqlite:///{foreign}", backups=tmp_path)
