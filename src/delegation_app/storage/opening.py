"""Open a database for use: folder created, schema migrated (with backup), handle returned."""

import os
from pathlib import Path

from delegation_app.storage.database import Database
from delegation_app.storage.migrate import MigrationReport, upgrade_database
from delegation_app.storage.paths import sqlite_path


def open_database(url: str, *, backups: Path | None = None) -> tuple[Database, MigrationReport]:
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():  # a new file is the user's alone (SQLite gives -wal/-shm the same mode)
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    report = upgrade_database(url, backups=backups)
    return Database(url), report
