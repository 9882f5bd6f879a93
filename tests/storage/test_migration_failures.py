"""An update of the schema that cannot be done (full disk, backup folder unusable) is refused in
words, and the database stays exactly as it was."""

import shutil
import textwrap

import pytest
from sqlalchemy import Engine, event

from broken_files import fingerprint, good_database
from delegation_app.storage.failures import Problem
from delegation_app.storage.migrate import MIGRATIONS_DIR, DatabaseOpenError, head_revision, upgrade_database

NEXT_REVISION = '''
"""Test-only revision: a change that rewrites the tables, as a real one may."""
import sqlalchemy as sa
from alembic import op

revision = "test_next"
down_revision = {head!r}


def upgrade():
    for table in ("organisation", "person", "visit"):
        with op.batch_alter_table(table, recreate="always") as batch:
            batch.add_column(sa.Column("extra", sa.String(20), nullable=False, server_default="x"))
'''


@pytest.fixture
def next_version(tmp_path):
    folder = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / "test_next.py").write_text(
        textwrap.dedent(NEXT_REVISION.format(head=head_revision())), "utf-8"
    )
    return folder


@pytest.fixture
def full_disk():
    def no_room(dbapi_connection, _record):
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(Engine, "connect", no_room)
    yield
    event.remove(Engine, "connect", no_room)


def test_an_update_on_a_full_disk_says_so_and_changes_nothing(tmp_path, next_version, request):
    path = good_database(tmp_path / "data" / "delegation.sqlite")
    before = fingerprint(path)
    request.getfixturevalue("full_disk")  # the disk fills up before the new version starts
    with pytest.raises(DatabaseOpenError) as info:
        upgrade_database(f"sqlite:///{path}", script_location=next_version, backups=tmp_path / "backups")
    assert info.value.problem is Problem.DISK_FULL
    assert "Datenträger ist voll" in info.value.message
    assert fingerprint(path) == before


def test_an_unusable_backup_folder_stops_the_update_before_it_starts(tmp_path, next_version):
    path = good_database(tmp_path / "data" / "delegation.sqlite")
    before = fingerprint(path)
    not_a_folder = tmp_path / "backups"
    not_a_folder.write_text("a file where the folder should be")
    with pytest.raises(DatabaseOpenError) as info:
        upgrade_database(f"sqlite:///{path}", script_location=next_version, backups=not_a_folder)
    assert "Sicherung vor der Aktualisierung" in info.value.message
    assert fingerprint(path) == before

