"""Which database to open, and the AppContext around it once it is open. No Qt: the commands
build their context here too."""

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from delegation_app.context import AppContext, AppPaths, DatabaseHandle
from delegation_app.files.output import OutputWriter
from delegation_app.services.backups import BackupInfo, backups_for, describe_backup, restore_unopenable
from delegation_app.services.maintenance import Maintenance
from delegation_app.services.registry import Services
from delegation_app.storage.drafts import drafts_dir
from delegation_app.storage.opening import open_database
from delegation_app.storage.paths import database_url, sqlite_path
from delegation_app.user_files import DraftStore, SettingsStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Startup:
    url: str
    language: str
    demo: bool = False
    verbose: bool = False
    read_only: bool = False  # chosen in the start-up failure dialog: look, but never write


def context_around(
    services: Services, settings: SettingsStore, clock: Callable[[], datetime] = datetime.now
) -> AppContext:
    """The context of a database already open (``services.db``)."""
    db = services.db
    paths = AppPaths.of_user()
    return AppContext(
        paths=paths,
        settings=settings,
        drafts=DraftStore(drafts_dir()),
        database=DatabaseHandle(db),
        services=services,
        maintenance=Maintenance(db, settings.second_backup_folder),
        clock=clock,
        user=db.user_name,
        # No export, report or print may replace the database, its companions or a backup.
        output=OutputWriter(
            protected_files=[p for p in (db.path, paths.log_file) if p is not None],
            protected_folders=[paths.backups_folder],
        ),
    )


class ContextOpener:
    """Opens the database a Startup names; for the start-up failure dialog, also what its ways out
    need (the file, its backups, another file)."""

    def __init__(self, settings: SettingsStore, clock: Callable[[], datetime] = datetime.now) -> None:
        self.settings, self.clock = settings, clock

    def open(self, start: Startup) -> AppContext:
        """Migrate (with backup) and open; the demo database is filled on first use."""
        db, report = open_database(start.url, read_only=start.read_only)
        if report.from_revision != report.to_revision:
            log.info("database %s migrated %s → %s (backup: %s)", start.url, report.from_revision,
                     report.to_revision, report.backup)  # fmt: skip
        services = Services.over(db)
        if start.demo and not start.read_only:
            from delegation_app.services.demo import load_demo  # only the demo needs its data files

            load_demo(services)
        return context_around(services, self.settings, self.clock)

    def file_of(self, start: Startup) -> Path | None:
        """The SQLite file the start names; None for a server database."""
        return sqlite_path(start.url)

    def backups_of(self, file: Path) -> list[Path]:
        """Its copies in the backups folder and the second backup folder, newest first."""
        return backups_for(file, self.settings.second_backup_folder())

    def describe(self, backup: Path) -> BackupInfo:
        """What a backup holds (it is checked, never changed); refuses a file that is none."""
        return describe_backup(backup)

    def restore_in_place(self, file: Path, backup: Path) -> Path:
        """The backup becomes ``file``; the file that could not be opened is set aside (returned)."""
        return restore_unopenable(file, backup)

    def with_file(self, start: Startup, chosen: str) -> Startup:
        """Another database file the user chose instead."""
        return replace(start, url=database_url(chosen), read_only=False, demo=False)
