"""User preferences shared by GUI and CLI (no Qt: the CLI needs the language too).

A small JSON file in the user's config folder. Window geometry and other purely visual state
live in QSettings inside ui/; everything here is typed and validated on load.
"""

import json
import logging
import os
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path

from delegation_app.i18n import DEFAULT_LANGUAGE, SUPPORTED
from delegation_app.storage.paths import config_dir, private_folder
from delegation_app.storage.team import TeamDatabase

log = logging.getLogger(__name__)


@dataclass
class Profile:
    """Who writes: the office (letterhead of the access report and other letters) and the user
    (the briefing's issuer and the PDFs' author). Free text as typed; empty means not given."""

    office_name: str = ""  # "Stadt Hanau – Büro des Oberbürgermeisters"
    office_address: str = ""  # the letterhead's lines below the name, newline-separated
    name: str = ""
    function: str = ""
    unit: str = ""
    phone: str = ""
    email: str = ""

    def valid(self) -> "Profile":
        for f in fields(self):
            value = getattr(self, f.name)
            if not isinstance(value, str):
                log.warning("ignoring invalid profile %s %r in the settings", f.name, value)
                setattr(self, f.name, "")
            else:
                setattr(self, f.name, value.strip())
        return self


# What a retention period can be set for (Art. 5(1)(e) GDPR): people without activity, contact
# entries, visits. A period is a number of days; None means kept without limit (the default).
RETENTION_KINDS = ("people", "contacts", "visits")
MAX_RETENTION_DAYS = 100 * 366


def _valid_retention(value: object) -> dict[str, int | None]:
    periods: dict[str, int | None] = dict.fromkeys(RETENTION_KINDS)
    if not isinstance(value, dict):
        if value is not None:
            log.warning("ignoring invalid retention_days %r in the settings", value)
        return periods
    for kind, days in value.items():
        ok = days is None or (type(days) is int and 1 <= days <= MAX_RETENTION_DAYS)
        if kind in periods and ok:
            periods[kind] = days
        else:
            log.warning("ignoring invalid retention period %r: %r in the settings", kind, days)
    return periods


@dataclass
class Settings:
    language: str = DEFAULT_LANGUAGE
    # The user's own person record: "my" follow-ups are the ones this person owns. The database
    # checks that the record still exists; here only the shape is checked.
    own_person_id: int | None = None
    # A second place for the daily backup (network drive, USB stick): copies in the local data
    # folder die with the disk.
    second_backup_folder: str | None = None
    profile: Profile = field(default_factory=Profile)
    retention_days: dict[str, int | None] = field(default_factory=lambda: dict.fromkeys(RETENTION_KINDS))
    # Which database the program opens ("File → Choose database…"), unless --db or
    # $DELEGATION_APP_DB name one: the office's team database when set (never its password: that
    # is in the credential store), else this file, else the file in the user data folder.
    team_database: TeamDatabase | None = None
    database_file: str | None = None

    def valid(self) -> "Settings":
        if self.language not in SUPPORTED:
            self.language = DEFAULT_LANGUAGE
        own = self.own_person_id
        if own is not None and (isinstance(own, bool) or not isinstance(own, int) or own < 1):
            log.warning("ignoring invalid own_person_id %r in the settings", own)
            self.own_person_id = None
        folder = self.second_backup_folder
        if folder is not None and (not isinstance(folder, str) or not folder.strip()):
            log.warning("ignoring invalid second_backup_folder %r in the settings", folder)
            self.second_backup_folder = None
        if isinstance(self.profile, dict):  # as read from the file
            known = {f.name for f in fields(Profile)}
            self.profile = Profile(**{k: v for k, v in self.profile.items() if k in known})
        elif not isinstance(self.profile, Profile):
            self.profile = Profile()
        self.profile = replace(self.profile).valid()
        self.retention_days = _valid_retention(self.retention_days)
        team = self.team_database
        if not isinstance(team, TeamDatabase):
            team = TeamDatabase.from_settings(team)
            if self.team_database is not None and team is None:
                log.warning("ignoring an invalid team_database in the settings")
        self.team_database = team if team is not None and team.complete() else None
        file = self.database_file
        if file is not None and (not isinstance(file, str) or not file.strip()):
            log.warning("ignoring invalid database_file %r in the settings", file)
            self.database_file = None
        return self


def settings_path() -> Path:
    return config_dir() / "settings.json"


def load_settings(path: Path | None = None) -> Settings:
    path = path or settings_path()
    try:
        raw = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        log.warning("ignoring unreadable settings file %s: %s", path, exc)
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    known = {f.name for f in fields(Settings)}
    return Settings(**{k: v for k, v in raw.items() if k in known}).valid()


def save_settings(settings: Settings, path: Path | None = None) -> None:
    path = path or settings_path()
    private_folder(path.parent)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), indent=1, ensure_ascii=False), "utf-8")
    if os.name == "posix":  # the profile names the user and their office
        os.chmod(tmp, 0o600)
    os.replace(tmp, path)
