"""The open database's backups and checks, for the window: it asks this object and never holds
the Database itself. Each method is one use case of ``services.backups``."""

from collections.abc import Callable
from pathlib import Path

from delegation_app.services import backups
from delegation_app.storage.database import Database


class Maintenance:
    def __init__(self, db: Database, second_folder: Callable[[], Path | None]) -> None:
        # A callable: the second folder is a preference, and may change while the program runs.
        self._db, self._second_folder = db, second_folder

    @property
    def can_back_up(self) -> bool:
        """Only a database file; a server database is backed up by its administrators."""
        return self._db.path is not None

    def backup_now(self, dest: Path | None = None) -> Path:
        return backups.backup_now(self._db, dest)

    def describe(self, backup: Path) -> backups.BackupInfo:
        """What a backup holds (it is checked, never changed)."""
        return backups.describe_backup(backup)

    def restore(self, backup: Path) -> Path:
        """The backup's data into the open database; returns the copy of the state before."""
        return backups.restore_backup(self._db, backup)

    def after_start(self) -> backups.Housekeeping:
        """The integrity check and today's backups (run it off the GUI thread)."""
        return backups.housekeeping(self._db, self._second_folder())

    def network_warning(self) -> str | None:
        return backups.network_warning(self._db)
