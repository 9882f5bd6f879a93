"""Which database to open, and the AppContext around it once it is open. No Qt: the commands
build their context here too."""

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from delegation_app.context import AppContext, AppPaths, DatabaseHandle
from delegation_app.files.output import OutputWriter
from delegation_app.services.backups import BackupInfo, backups_for, describe_backup, restore_unopenable
from delegation_app.services.maintenance import Maintenance
from delegation_app.services.registry import Services
from delegation_app.storage import credentials
from delegation_app.storage.drafts import drafts_dir
from delegation_app.storage.failures import Problem
from delegation_app.storage.migrate import DatabaseOpenError, needs_update
from delegation_app.storage.opening import open_database
from delegation_app.storage.paths import DB_ENV_VAR, database_url, demo_db_path, sqlite_path
from delegation_app.storage.settings import Settings
from delegation_app.storage.team import TeamDatabase
from delegation_app.user_files import DraftStore, SettingsStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Startup:
    url: str
    language: str
    demo: bool = False
    verbose: bool = False
    read_only: bool = False  # chosen in the start-up failure dialog: look, but never write
    team: bool = False  # the team database of the settings: its schema is IT's, never migrated here
    # A server's password, typed at start where no credential store has it; never in ``url``.
    password: str | None = field(default=None, repr=False, compare=False)


def chosen_database(db: str | None, demo: bool, settings: Settings) -> tuple[str, bool]:
    """The URL to open and whether it is the team database: --db, else $DELEGATION_APP_DB,
    else the settings' team database, else their file, else the user data folder's file."""
    if demo:
        return database_url(demo_db_path()), False
    if db is not None or os.environ.get(DB_ENV_VAR):
        return database_url(db), False
    if settings.team_database is not None:
        return settings.team_database.url(), True
    return database_url(settings.database_file), False


def team_of(start: Startup) -> TeamDatabase | None:
    """The team database a start names, as the settings hold it (for its credential name)."""
    if not start.team:
        return None
    from sqlalchemy.engine import make_url

    url = make_url(start.url)
    return TeamDatabase(
        host=url.host or "",
        port=url.port or 5432,
        database=url.database or "",
        user=url.username or "",
        sslmode=str(url.query.get("sslmode", "prefer")),
    )


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
        team = team_of(start)
        password = start.password
        if team is not None and password is None:
            password = credentials.stored_password(team.credential_name())
        try:
            db, report = open_database(
                start.url, read_only=start.read_only, password=password, team=start.team
            )
        except DatabaseOpenError as exc:
            if team is not None and exc.problem is Problem.PASSWORD and password is not None:
                credentials.forget_password(team.credential_name())  # not offered again
            raise
        if report.from_revision != report.to_revision:
            log.info("database %s migrated %s → %s (backup: %s)", start.url, report.from_revision,
                     report.to_revision, report.backup)  # fmt: skip
        services = Services.over(db)
        if start.demo and not start.read_only:
            from delegation_app.services.demo import load_demo  # only the demo needs its data files

            load_demo(services)
        return context_around(services, self.settings, self.clock)

    def with_password(self, start: Startup, password: str) -> Startup:
        """The start with the password the user typed, remembered (the credential store where
        there is one, else this session's memory): asked once."""
        team = team_of(start)
        if team is not None:
            credentials.remember_password(team.credential_name(), password)
        return replace(start, password=password)

    def will_update(self, start: Startup) -> bool:
        """Whether ``open`` updates the database's schema first (SQLite files; a server is not asked)."""
        path = sqlite_path(start.url)
        return path is not None and not start.read_only and needs_update(path)

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
