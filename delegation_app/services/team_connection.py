"""What the window's "Datenbank wählen …" dialog needs of storage, without importing it: the
choice (a file on this PC or the team database on a PostgreSQL server), testing a connection,
and keeping the choice — the address in the settings, the password in the credential store."""

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from delegation_app.domain.errors import DomainError
from delegation_app.i18n import N_, _
from delegation_app.storage.team import DEFAULT_PORT, SSL_MODES, TeamDatabase

if TYPE_CHECKING:
    from delegation_app.user_files import SettingsStore

__all__ = ["DEFAULT_PORT", "SSL_MODES", "DatabaseChoice", "TeamDatabase", "choose", "current", "test_team"]


@dataclass(frozen=True)
class DatabaseChoice:
    team: TeamDatabase | None  # the team database, or None for a file
    file: str | None  # the database file chosen (None: the default in the user data folder)


def current(settings: "SettingsStore") -> DatabaseChoice:
    chosen = settings.get()
    return DatabaseChoice(chosen.team_database, chosen.database_file)


def test_team(team: TeamDatabase, password: str) -> str:
    """Connect once and check the schema; a one-line DomainError says what is wrong. Returns what
    the user is told on success. Slow (network): run it on the worker."""
    from delegation_app.storage.team_schema import inspect_server, refuse_unready

    if not team.complete():
        raise DomainError(N_("Please fill in the server, the database and the user name."))
    state = inspect_server(team.url(), password or None)
    refuse_unready(state)
    secured = _("encrypted (TLS)") if state.tls else _("not encrypted")
    return _("Connected: PostgreSQL {version}, {secured}.").format(
        version=state.server_version, secured=secured
    )


def choose(settings: "SettingsStore", choice: DatabaseChoice, password: str = "") -> bool:
    """Keep the choice for the next start; the password goes to the credential store (True when it
    is stored there, False when it is kept for this session only and asked for at the next start)."""
    from delegation_app.storage.credentials import remember_password

    settings.save(replace(settings.get(), team_database=choice.team, database_file=choice.file))
    if choice.team is not None and password:
        return remember_password(choice.team.credential_name(), password)
    return False
