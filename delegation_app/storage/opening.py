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
from delegation_app.storage.paths import data_dir, private_folder, sqlite_path

# The backends this program is built and tested for; anything else is refused in words before
# SQLAlchemy looks for a driver ("No module named 'MySQLdb'").
BACKENDS = ("sqlite", "postgresql")


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


def _refuse_address(url: str) -> None:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        backend = make_url(url).get_backend_name()
    except ArgumentError as exc:
        raise DatabaseOpenError(_("This database address is not understood: {url}").format(url=url)) from exc
    if backend not in BACKENDS:
        raise DatabaseOpenError(
            _(
                "“{kind}” databases are not supported: please give a database file or a PostgreSQL "
                "address (postgresql+psycopg2://…)."
            ).format(kind=backend)
        )


def _refuse_unusable_path(path: Path) -> None:
    """A folder, a name the system cannot take, or an empty file someone else made: refused in
    words before anything is written (an empty file got a schema written into it)."""
    try:
        if path.is_dir():
            message = _("{path} is a folder, not a database file. Please name the file inside it.")
            raise DatabaseOpenError(message.format(path=path))
        empty = path.is_file() and path.stat().st_size == 0
        wal = path.with_name(path.name + "-wal")
        if empty and path.parent != data_dir() and not (wal.is_file() and wal.stat().st_size):
            # The program's own folder is exempt: a first start interrupted after creating the file.
            raise DatabaseOpenError(
                _(
                    "The file {path} is empty; is it the right file? A new database is made when you "
                    "give a name that does not exist yet."
                ).format(path=path),
                Problem.NOT_A_DATABASE,
            )
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            message = _("The name of the database file is too long for the system: {path}")
        else:
            message = _("The database file {path} cannot be reached.")
        raise DatabaseOpenError(message.format(path=path), Problem.OTHER, exc) from exc


def open_database(
    url: str,
    *,
    backups: Path | None = None,
    read_only: bool = False,
    password: str | None = None,
    team: bool = False,
) -> tuple[Database, MigrationReport]:
    """``password``: a server's, kept out of ``url``. ``team``: the office's shared database,
    whose schema only IT changes (``team init``/``upgrade``): refused in words unless current."""
    _refuse_address(url)
    if team:
        from delegation_app.storage.team_schema import inspect_server, refuse_unready

        db = Database(url, password=password)
        try:  # looked at over the connection the program then uses (round trips)
            state = inspect_server(url, password, engine=db.engine)
            refuse_unready(state)
        except BaseException:
            db.dispose()
            raise
        return db, MigrationReport(state.revision, state.revision, None)
    path = sqlite_path(url)
    if path is not None:
        _refuse_unusable_path(path)
    if read_only:
        return _open_read_only(url, path)
    created = False
    if path is not None:
        if path.exists():
            check_sqlite_file(path)  # a damaged or newer file is named as such, not as read-only
        else:
            with contextlib.suppress(OSError):  # the probe below says why in words
                if path.parent == data_dir():  # the program's own folder: the user's alone
                    private_folder(path.parent)
                else:
                    path.parent.mkdir(parents=True, exist_ok=True)
        _refuse_read_only(path)
        if not path.exists():  # a new file is the user's alone (SQLite gives -wal/-shm the same mode)
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            created = True
    # A server's schema is looked at over the connection the program then uses (round trips).
    server = Database(url, password=password) if path is None else None
    try:
        looking = server.engine if server else None
        report = upgrade_database(url, backups=backups, password=password, looking=looking)
    except DatabaseOpenError:
        if server is not None:
            server.dispose()
        if created and path is not None:
            _remove_if_empty(path)
        raise
    return server or Database(url, password=password), report


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
