"""The team database: one PostgreSQL database for the whole office. Where it is (host, port,
database, user, TLS mode: kept in the settings), its password-free URL, and what went wrong
when connecting, in the user's words.

The password never becomes part of a string: it goes to the engine as a URL object's field
(``engine.server_url``), whose str and repr mask it.
"""

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from delegation_app.i18n import _

if TYPE_CHECKING:
    from delegation_app.storage.failures import Problem

# libpq's sslmode values the dialog offers: "prefer" (TLS when the server offers it) first.
SSL_MODES = ("prefer", "require", "verify-full", "disable")
DEFAULT_PORT = 5432
DRIVER = "postgresql+psycopg2"


@dataclass(frozen=True)
class TeamDatabase:
    host: str = ""
    port: int = DEFAULT_PORT
    database: str = ""
    user: str = ""
    sslmode: str = "prefer"

    @classmethod
    def from_settings(cls, raw: object) -> "TeamDatabase | None":
        """From the settings file's ``team_database``; None when missing or unusable."""
        if not isinstance(raw, dict):
            return None
        known = {f.name for f in fields(cls)}
        try:
            team = cls(**{k: v for k, v in raw.items() if k in known})
        except TypeError:
            return None
        return team if team.complete() else None

    def complete(self) -> bool:
        texts = (self.host, self.database, self.user)
        return (
            all(isinstance(t, str) and t.strip() for t in texts)
            and type(self.port) is int
            and 0 < self.port < 65536
            and self.sslmode in SSL_MODES
        )

    def url(self) -> str:
        """The address without the password."""
        from sqlalchemy.engine import URL  # here: the settings are read before the first paint

        return URL.create(
            DRIVER,
            username=self.user,
            host=self.host,
            port=self.port,
            database=self.database,
            query={"sslmode": self.sslmode},
        ).render_as_string(hide_password=False)

    def credential_name(self) -> str:
        """The name of its password in the credential store: "user@host:port/db"."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"


def connection_problem(exc: BaseException) -> "tuple[str, Problem]":
    """Why a connection to the server failed, in one line, from libpq's message (the server's
    connection errors carry no SQLSTATE through psycopg2)."""
    from delegation_app.storage.failures import Problem  # SQLAlchemy: not before the first paint

    orig = getattr(exc, "orig", None) or exc
    text = str(orig)
    if "password authentication failed" in text or "no password supplied" in text:
        return _("The server refused the user name or the password."), Problem.PASSWORD
    if "does not exist" in text and "database" in text:
        return _("The server has no database of this name: please check the name (or ask IT)."), Problem.OTHER
    if "role" in text and "does not exist" in text:
        return _("The server knows no user of this name: please check the name (or ask IT)."), Problem.OTHER
    if "SSL" in text or "certificate" in text:
        return (
            _("The encrypted connection (TLS) could not be set up as the TLS setting asks: please ask IT."),
            Problem.OTHER,
        )
    return (
        _("The database server cannot be reached: please check the server name and the network (or ask IT)."),
        Problem.OTHER,
    )
