"""Back up and restore the database the program has open (SQLite files; a server database is
backed up by its administrators)."""

import logging
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from delegation_app.domain.errors import DomainError
from delegation_app.i18n import _
from delegation_app.services.recycle_bin import RecycleBin
from delegation_app.storage import backups
from delegation_app.storage.database import Database
from delegation_app.storage.failures import Problem, StorageError, damaged_message
from delegation_app.storage.migrate import check_sqlite_file, upgrade_database
from delegation_app.storage.network import is_network_path
from delegation_app.storage.paths import backup_dir

# What a backup holds, as the windows show it; ui/ reads it from here, never from storage/.
BackupInfo = backups.BackupInfo
log = logging.getLogger(__name__)


def _file(db: Database) -> Path:
    if db.path is None:
        raise DomainError(
            _(
                "Only a database file can be backed up here; a server database is backed up "
                "by its administrators."
            )
        )
    return db.path


def backup_now(db: Database, dest: Path | None = None) -> Path:
    """A copy now: to ``dest`` (a file, or a folder to put it in), else to the backups folder."""
    source = _file(db)
    name = f"{source.stem}-{datetime.now():%Y%m%d-%H%M%S}.sqlite"
    target = (dest or backup_dir()) / name if dest is None or dest.is_dir() else dest
    if target.exists():
        raise DomainError(_("{path} exists already; nothing was overwritten.").format(path=target))
    return backups.copy_database(source, target)


@dataclass(frozen=True)
class Housekeeping:
    """What the checks after start found: each part is reported on its own, never silently."""

    damage: str | None = None  # quick_check's finding; then no backup is made
    made: list[Path] = field(default_factory=list)
    backup_error: str | None = None
    second_folder_error: str | None = None
    expired: int = 0  # recycle-bin entries older than 30 days, now deleted for good


def copy_to_second_folder(source: Path, folder: Path, today: date | None = None) -> list[Path]:
    # Never created here: an unplugged stick's mount point would get the copy on the local disk.
    if not folder.is_dir():
        reason = _("The folder {folder} is not reachable (drive not connected, or the folder was removed).")
        raise backups.BackupError(reason.format(folder=folder))
    return backups.daily_backup(source, folder, today)


def integrity_problem(db: Database) -> str | None:
    """``PRAGMA quick_check`` (a few seconds on a large file: run it off the GUI thread)."""
    if not db.is_sqlite:
        return None
    try:
        with db.engine.connect() as conn:
            rows = [row[0] for row in conn.exec_driver_sql("PRAGMA quick_check").fetchall()]
    except DBAPIError as exc:  # so damaged that the check itself stops
        return " ".join(str(exc.orig).split())
    return None if rows == ["ok"] else "; ".join(rows[:3])


# quick_check reads the whole file: measured 2.3 s (warm) to 13 s (cold cache) on the 486 MB scale
# database, a few milliseconds on the demo's. A command checks at open up to this size; above
# it, damage is found when a statement meets it (Database.read/write translate it).
CHECK_AT_OPEN_BYTES = 16 * 2**20


def refuse_damage_at_open(db: Database) -> None:
    """A command must not read a damaged file as if all were well (damage past the first page
    showed nothing until a statement hit it): raises the damaged-file StorageError."""
    path = db.path
    if path is None or not path.is_file() or path.stat().st_size > CHECK_AT_OPEN_BYTES:
        return
    damage = integrity_problem(db)
    if damage is not None:
        raise StorageError(damaged_message(), Problem.DAMAGED, damage)


def housekeeping(db: Database, extra_folder: Path | None = None, today: date | None = None) -> Housekeeping:
    """After start: the integrity check, then today's backups (not of a damaged file: its copies
    would push the good ones out of the rotation; not in read-only mode: nothing changes)."""
    damage = integrity_problem(db)
    if damage is not None or db.read_only:
        return Housekeeping(damage=damage)
    made, backup_error, second_error = [], None, None
    if db.path is not None:  # a PostgreSQL server has backups of its own
        try:
            made += backups.daily_backup(db.path, backup_dir(), today)
        except DomainError as exc:
            log.warning("today's backup failed: %s", exc.for_log())
            backup_error = exc.message
        if extra_folder is not None:
            try:
                made += copy_to_second_folder(db.path, extra_folder, today)
            except DomainError as exc:
                log.warning("the copy to the second folder failed: %s", exc.for_log())
                second_error = exc.message
    # After the day's copy, which still holds what expires now.
    try:
        expired = RecycleBin(db).expire()
    except DomainError:  # a full disk: the entries stay another day; the backup result still counts
        expired = 0
    return Housekeeping(None, made, backup_error, second_error, expired)


def backups_for(path: Path, second_folder: Path | None = None) -> list[Path]:
    """The copies of this database in the backups folder and the second folder, newest first."""
    found = backups.backups_of(path, backup_dir())
    if second_folder is not None:
        found += backups.backups_of(path, second_folder)
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def restore_unopenable(path: Path, backup: Path) -> Path:
    """A backup in place of a file that cannot be opened; returns where that file was put."""
    return backups.set_aside_and_restore(backup, path)


def describe_backup(path: Path) -> backups.BackupInfo:
    return backups.describe(path)


def restore_backup(db: Database, path: Path) -> Path:
    """Bring back the backup's data into the open database; returns the copy of the state before."""
    live = _file(db)
    check_sqlite_file(path)  # a backup of a newer program version would leave a schema we cannot use
    with db.writes_paused():  # no write of this program runs meanwhile
        kept = backups.restore(path, live, backup_dir())
        # A backup from before a schema update (no audit trail, no search index yet) is brought up
        # to date at once, as at a start; the copy of the state before the restore is already kept.
        upgrade_database(db.url)
    db.notify_external_change()
    return kept


def network_warning(db: Database) -> str | None:
    """A SQLite file on a network share: warn, in words, what to use instead."""
    path = db.path
    if path is None or not is_network_path(path):
        return None
    return _(
        "The database file {path} lies on a network drive. If several people use it at the same time it can "
        "be damaged: for shared use, ask for the team database (PostgreSQL)."
    ).format(path=path)
