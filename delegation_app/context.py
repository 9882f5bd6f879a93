"""What the program's parts need from their surroundings, built once by the composition root
(``app.py``, through ``startup.ContextOpener``) and handed down: ui/ gets everything from here and
never imports storage, reads the settings file or a draft file itself."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from delegation_app.domain.changes import Change
from delegation_app.files.output import OutputWriter
from delegation_app.logs import LOG_FILE_NAME
from delegation_app.services.maintenance import Maintenance
from delegation_app.services.registry import Services
from delegation_app.storage import paths
from delegation_app.storage.database import Database
from delegation_app.storage.failures import Problem
from delegation_app.storage.live import ChangeFeed
from delegation_app.user_files import DraftStore, SettingsStore

__all__ = ["AppContext", "AppPaths", "ChangeFeed", "DatabaseHandle", "DraftStore", "Problem", "SettingsStore"]


@dataclass(frozen=True)
class AppPaths:
    data_folder: Path
    backups_folder: Path
    log_file: Path

    @classmethod
    def of_user(cls) -> "AppPaths":
        """The platform's user folders (``%LOCALAPPDATA%\\delegation-app`` on Windows)."""
        return cls(paths.data_dir(), paths.backup_dir(), paths.log_dir() / LOG_FILE_NAME)


class DatabaseHandle:
    """The open database as the window may touch it: what to call it, whether it may be written,
    who hears of commits, closing it. Reading and writing go through the services."""

    def __init__(self, db: Database) -> None:
        self._db = db

    @property
    def read_only(self) -> bool:
        return self._db.read_only

    @property
    def label(self) -> str:
        """The file, or the server URL without its password: shown in the status bar and About."""
        path = self._db.path
        return str(path) if path is not None else make_url(self._db.url).render_as_string(hide_password=True)

    def add_listener(self, listener: Callable[[Sequence[Change]], None]) -> None:
        self._db.add_listener(listener)

    def change_feed(self) -> ChangeFeed | None:
        """Team mode: a listener for what other workplaces save (connect it, watch its socket)."""
        return self._db.change_feed()

    def dispose(self) -> None:
        self._db.dispose()


@dataclass(frozen=True)
class AppContext:
    paths: AppPaths
    settings: SettingsStore
    drafts: DraftStore
    database: DatabaseHandle
    services: Services
    maintenance: Maintenance
    clock: Callable[[], datetime]  # "now"; tests pass a fixed day
    user: str  # the operating-system account, as the audit trail names it
    output: OutputWriter  # every file a command or dialog writes goes through it

    def own_person_id(self) -> int | None:
        """The user's own person record from the preferences: whose follow-ups are "mine"."""
        return self.settings.get().own_person_id
