import json
import os
import sqlite3
import stat
from datetime import date, timedelta

import pytest

from delegation_app.interchange.json_file import export_json
from delegation_app.services.demo import load_demo
from delegation_app.services.organisations import OrganisationInput
from delegation_app.storage.backups import BackupError, copy_database, daily_backup, describe, restore


def exported(services, path):
    export_json(services.db, path)
    return json.loads(path.read_text("utf-8"))["data"]


def test_backup_change_restore_gives_back_exactly_the_backed_up_data(services, db_path, tmp_path):
    load_demo(services)
    before = exported(services, tmp_path / "before.json")
    backup = copy_database(db_path, tmp_path / "backups" / "manual.sqlite")
    org = services.organisations.list()[0]
    services.organisations.update(org.id, org.version, OrganisationInput(name="Umbenannt"))
    services.organisations.create(OrganisationInput(name="Neu"))
    kept = restore(backup, db_path, tmp_path / "backups")
    assert exported(services, tmp_path / "after.json") == before  # the open program sees it at once
    assert "Umbenannt" in {r[0] for r in sqlite3.connect(kept).execute("SELECT name FROM organisation")}


def test_a_backup_while_someone_writes_is_consistent_and_does_not_hang(services, db_path, tmp_path):
    load_demo(services)
    writer = sqlite3.connect(db_path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE organisation SET name = 'halb' WHERE id = 1")
    try:
        backup = copy_database(db_path, tmp_path / "b.sqlite", deadline_s=2)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    names = {r[0] for r in sqlite3.connect(backup).execute("SELECT name FROM organisation")}
    assert "halb" not in names
    assert describe(backup).counts["person"] == 11


def test_daily_and_weekly_copies_are_rotated(services, db_path, tmp_path):
    folder = tmp_path / "backups"
    start = date(2026, 1, 1)
    for day in range(40):
        daily_backup(db_path, folder, today=start + timedelta(days=day))
    names = sorted(p.name for p in folder.iterdir())
    assert len([n for n in names if "-daily-" in n]) == 7
    assert len([n for n in names if "-weekly-" in n]) == 4
    assert "test-daily-20260209.sqlite" in names  # the newest day is kept
    made = daily_backup(db_path, folder, today=start + timedelta(days=39))
    assert made == []  # once a day


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_database_and_backups_are_readable_by_the_user_only(services, db_path, tmp_path):
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    backup = copy_database(db_path, tmp_path / "b.sqlite")
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600


def test_a_damaged_backup_is_refused_and_nothing_changes(services, db_path, tmp_path):
    load_demo(services)
    before = exported(services, tmp_path / "before.json")
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"kein Backup" * 100)
    with pytest.raises(BackupError, match="keine verwendbare Sicherung"):
        restore(bad, db_path, tmp_path / "backups")
    assert exported(services, tmp_path / "after.json") == before
    assert bad.read_bytes() == b"kein Backup" * 100


def test_a_backup_from_before_a_schema_update_is_brought_up_to_date_when_restored(services, tmp_path):
    from delegation_app.services.backups import restore_backup
    from delegation_app.services.global_search import search_everything
    from delegation_app.storage.migrate import upgrade_database

    old = tmp_path / "old" / "delegation-daily-20260101.sqlite"
    old.parent.mkdir()
    upgrade_database(f"sqlite:///{old}", target="0001", backups=tmp_path)  # before trail and index
    conn = sqlite3.connect(old)
    conn.execute(
        "INSERT INTO organisation (id, version, created_at, updated_at, name, kind, sort_key) "
        "VALUES (1, 1, '2026-01-01', '2026-01-01', 'Stadt Łódź', 'other', 'stadt lodz')"
    )
    conn.commit()
    conn.close()

    restore_backup(services.db, old)

    assert [h.title for h in search_everything(services, "lodz")] == ["Stadt Łódź"]
    org = services.organisations.list()[0]
    services.organisations.update(org.id, org.version, OrganisationInput(name="Miasto Łódź"))
    assert [e.action for e in services.audit.history("organisation", org.id)] == ["update"]


def test_a_backup_of_a_newer_program_version_is_refused_before_anything_changes(services, db_path, tmp_path):
    from delegation_app.domain.errors import DomainError
    from delegation_app.services.backups import restore_backup

    load_demo(services)
    before = exported(services, tmp_path / "before.json")
    newer = copy_database(db_path, tmp_path / "newer.sqlite")
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    with pytest.raises(DomainError, match="neueren Version"):
        restore_backup(services.db, newer)
    assert exported(services, tmp_path / "after.json") == before


def test_a_failed_copy_says_what_to_check_and_keeps_the_system_text_for_support(services, db_path, tmp_path):
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("x")
    with pytest.raises(BackupError) as caught:
        copy_database(db_path, blocked / "copy.sqlite")
    assert caught.value.message == (
        "Die Sicherung konnte nicht angelegt werden. Bitte prüfen Sie, ob der Ordner erreichbar ist "
        "und genug Platz bietet."
    )
    assert "Errno" in caught.value.detail  # the system's words: for the log and Details kopieren
