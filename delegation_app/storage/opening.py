"""Open a database for use: folder created, schema migrated (with backup), handle returned.

A file that cannot be used is refused before anything writes to it: damaged, foreign or newer
files are read with ``mode=ro`` only, and a read-only file or folder is found out before SQLite
would try to create its -wal/-shm files. ``read_only=True`` opens strictly read-only instead.
"""

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from delegation_app.i18n import _
from delegation_app.storage.database import Database
from delegation_app.storage.engine import make_engine, read_only_url
from delegation_app.storage.failures import Problem
from delegation_app.storage.migrate import (
    DatabaseOpenError,
    MigrationReport,
    check_sqlite_file,
    has_tables,
    head_revision,
    upgrade_database,
)
from delegation_app.storage.paths import sqlite_path


def open_for_writing(path: Path) -> None:
    """Where the OS says "no" to a read-only file (opening read-write changes no byte).
    Tests replace it: root ignores file modes, and CI runs as root."""
    os.close(os.open(path, os.O_RDWR))


def create_in_folder(folder: Path) -> None:
    """Where the OS says "no" to a read-only folder (SQLite needs -wal/-shm files beside the
    database). The probe file is anonymous and gone on close. Tests replace it like the above."""
    tempfile.TemporaryFile(dir=folder).close()


def _refuse_read_only(path: Path) -> None:
    try:
        create_in_folder(path.parent)
        if path.exists():
            open_for_writing(path)
    except OSError as exc:
        if exc.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise DatabaseOpenError(_("The database file cannot be reached."), Problem.OTHER, exc) from exc
        raise DatabaseOpenError(
            _("The database file {path} or its folder is read-only: changes could not be saved.").format(
                path=path
            ),
            Problem.READ_ONLY,
            exc,
        ) from exc


def open_database(
    url: str, *, backups: Path | None = None, read_only: bool = False
) -> tuple[Database, MigrationReport]:
    path = sqlite_path(url)
    if read_only:
        return _open_read_only(url, path)
    created = False
    if path is not None:
        if path.exists():
            check_sqlite_file(path)  # a damaged or newer file is named as such, not as read-only
        else:
            with contextlib.suppress(OSError):  # the probe below says why in words
                path.parent.mkdir(parents=True, exist_ok=True)
        _refuse_read_only(path)
        if not path.exists():  # a new file is the user's alone (SQLite gives -wal/-shm the same mode)
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            created = True
    try:
        report = upgrade_database(url, backups=backups)
    except DatabaseOpenError:
        if created and path is not None:
            _remove_if_empty(path)
        raise
    return Database(url), report


def _remove_if_empty(path: Path) -> None:
    """A failed first start (a full disk) leaves no empty database behind to be mistaken for one."""
    with contextlib.suppress(OSError, DatabaseOpenError):
        if check_sqlite_file(path) is None and not has_tables(path):
            for suffix in ("-wal", "-shm", ""):
                path.with_name(path.name + suffix).unlink(missing_ok=True)


def _open_read_only(url: str, path: Path | None) -> tuple[Database, MigrationReport]:
    if path is None:
        raise DatabaseOpenError(_("Only a database file can be opened read-only."))
    if not path.is_file():
        raise DatabaseOpenError(_("The database file {path} does not exist.").format(path=path))
    current = check_sqlite_file(path)
    if current != head_revision():  # the schema cannot be updated without writing
        raise DatabaseOpenError(
            _("This database needs an update before it can be used, and a read-only file cannot be updated.")
        )
    db = Database(url, make_engine(read_only_url(path)), read_only=True)
    return db, MigrationReport(current, current, None)
