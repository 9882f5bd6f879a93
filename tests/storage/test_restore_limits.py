"""Restore keeps its time limit, refuses what is no file, and keeps only the newest copies of the
state before (issue 13, defects 4 and 9)."""

import os
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from delegation_app.services.demo import load_demo
from delegation_app.storage.backups import (
    KEEP_BEFORE_RESTORE,
    BackupError,
    copy_database,
    describe,
    restore,
)
from delegation_app.storage.failures import busy_message


@pytest.fixture
def backup(services, db_path, tmp_path):
    load_demo(services)
    return copy_database(db_path, tmp_path / "manual.sqlite")


def test_restore_gives_up_in_time_while_another_program_writes(backup, db_path, tmp_path):
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE organisation SET name = 'halb' WHERE id = 1")
    started = time.monotonic()
    try:
        with pytest.raises(BackupError) as info:
            restore(backup, db_path, tmp_path / "backups", deadline_s=2)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert time.monotonic() - started < 6
    assert info.value.message == busy_message()


def test_restore_of_a_named_pipe_is_refused_at_once(backup, db_path, tmp_path):
    pipe = tmp_path / "pipe.sqlite"
    os.mkfifo(pipe)
    result = {}

    def attempt():
        try:
            restore(pipe, db_path, tmp_path / "backups")
        except BackupError as exc:
            result["message"] = exc.message

    worker = threading.Thread(target=attempt, daemon=True)  # a hang must not hang the suite
    worker.start()
    worker.join(10)
    assert not worker.is_alive(), "restore of a named pipe blocks"
    assert "keine gewöhnliche Datei" in result["message"]
    with pytest.raises(BackupError):
        describe(tmp_path)  # a folder neither


def test_the_cli_refuses_a_named_pipe_in_one_line(backup, db_path, tmp_path):
    pipe = tmp_path / "pipe.sqlite"
    os.mkfifo(pipe)
    result = subprocess.run(
        [sys.executable, "-m", "delegation_app", "--db", str(db_path), "restore", str(pipe)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "keine gewöhnliche Datei" in result.stderr


def test_only_the_newest_copies_before_a_restore_are_kept(backup, db_path, tmp_path):
    folder = tmp_path / "backups"
    kept = [restore(backup, db_path, folder) for _ in range(KEEP_BEFORE_RESTORE + 3)]
    left = sorted(folder.glob("*-before-restore-*.sqlite"))
    assert left == sorted(kept[-KEEP_BEFORE_RESTORE:])
    assert backup.exists()  # other copies are not touched
