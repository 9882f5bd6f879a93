"""Back up and restore the database the program has open (SQLite files; a server database is
backed up by its administrators)."""

from datetime import date, datetime
from pathlib import Path

from delegation_app.domain.errors import DomainError
from delegation_app.i18n import _
from delegation_app.storage import backups
from delegation_app.storage.database import Database
from delegation_app.storage.network import is_network_path
from delegation_app.storage.paths import backup_dir


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
    into_folder = dest is None or dest.is_dir()
    target = (dest or backup_dir()) / name if into_folder else dest
    if target.exists():
        raise DomainError(_("{path} exists already; nothing was overwritten.").format(path=target))
    return backups.copy_database(source, target)


def daily_backups(db: Database, today: date | None = None, extra_folder: Path | None = None) -> list[Path]:
    """Today's and this week's copies if missing (on start, off the GUI thread)."""
    source = _file(db)
    made = backups.daily_backup(source, backup_dir(), today)
    if extra_folder is not None:  # a second place (network drive, USB stick): a failure is reported
        made += backups.daily_backup(source, extra_folder, today)
    return made


def describe_backup(path: Path) -> backups.BackupInfo:
    return backups.describe(path)


def restore_backup(db: Database, path: Path) -> Path:
    """Bring back the backup's data into the open database; returns the copy of the state before."""
    live = _file(db)
    with db.writes_paused():  # no write of this program runs meanwhile
        kept = backups.restore(path, live, backup_dir())
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
