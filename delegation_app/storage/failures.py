"""What went wrong with the database file, in the user's words: the one place where the driver's
low-level errors (a full disk, a read-only file) become DomainErrors.

A full disk or a read-only file is not a bug: the GUI must say what happened and keep what the
user typed, so these never reach the crash dialog.
"""

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum

from sqlalchemy.exc import DBAPIError

from delegation_app.domain.errors import DomainError, scrubbed
from delegation_app.i18n import _

SQLITE_MAGIC = b"SQLite format 3\x00"
log = logging.getLogger(__name__)


class Problem(StrEnum):
    """Why a database cannot be used; decides which ways out the start-up dialog offers."""

    DAMAGED = "damaged"
    NOT_A_DATABASE = "not_a_database"
    NEWER = "newer"
    READ_ONLY = "read_only"
    DISK_FULL = "disk_full"
    PASSWORD = "password"  # a team database refused the password, or none is known yet
    OTHER = "other"


class StorageError(DomainError):
    """A write the file system or the database refused; nothing of it was saved."""

    def __init__(self, message: str, problem: Problem, detail: object = "") -> None:
        super().__init__(message)
        self.problem = problem
        self.detail = " ".join(str(detail).split())


class DatabaseBusyError(StorageError):
    """Another program or workplace holds the database's write lock (SQLite) or the rows and
    tables this action needs (PostgreSQL) longer than the program waits: try again shortly."""

    def __init__(self, detail: object = "") -> None:
        super().__init__(busy_message(), Problem.OTHER, detail)


class ConnectionLostError(StorageError):
    """The team database's server could not be reached or dropped the connection (a restart, a
    pulled cable, a VPN that went down): nothing was saved, and the next try reconnects."""

    def __init__(self, detail: object = "") -> None:
        super().__init__(connection_lost_message(), Problem.OTHER, detail)


def connection_lost_message() -> str:
    return _(
        "The connection to the team database was interrupted. Nothing was saved; your input is "
        "still in the form. Please try again in a moment."
    )


# PostgreSQL: connection_exception (class 08), admin_shutdown, crash_shutdown, cannot_connect_now.
PG_GONE = {"57P01", "57P02", "57P03"}


def _connection_lost(exc: BaseException, orig: BaseException | None) -> bool:
    """A server that went away, as the driver reports it: SQLAlchemy marks a dropped connection
    as invalidated; a connection that could not be made at all is an OperationalError without a
    server error code (psycopg2)."""
    if isinstance(orig, sqlite3.Error) or orig is None:
        return False
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    pgcode = getattr(orig, "pgcode", None)
    if pgcode is not None:
        return pgcode.startswith("08") or pgcode in PG_GONE
    return type(orig).__name__ in ("OperationalError", "InterfaceError") and type(orig).__module__.startswith(
        "psycopg2"
    )


def busy_message() -> str:
    return _(
        "The database is in use by another program or another user and did not become free in "
        "time. Nothing was saved. Please try again in a moment."
    )


# PostgreSQL: lock_not_available (lock_timeout), serialization_failure, deadlock_detected,
# query_canceled (statement_timeout while waiting for a lock).
PG_BUSY = {"55P03", "40001", "40P01", "57014"}
# A damaged file: SQLite reports it as one of these (the names come with Python 3.11).
SQLITE_DAMAGE = ("SQLITE_CORRUPT", "SQLITE_NOTADB")


def damaged_message() -> str:
    return _(
        "The database file is damaged. Nothing was saved. Please restore it from a backup "
        "(File → Restore from backup…)."
    )


def read_only_message() -> str:
    return _(
        "The database is open read-only: nothing can be saved or deleted. "
        "Your input is still in the form."
    )


def _sqlite_error(exc: BaseException) -> sqlite3.Error | None:
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    return orig if isinstance(orig, sqlite3.Error) else None


def classify(exc: BaseException) -> StorageError | None:
    """The user-facing error for a driver error that a user's machine can cause, else None."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    pgcode = getattr(orig, "pgcode", None)  # PostgreSQL: disk full / read-only transaction
    if pgcode == "53100":
        return StorageError(_disk_full(), Problem.DISK_FULL)
    if pgcode == "25006":
        return StorageError(read_only_message(), Problem.READ_ONLY)
    if pgcode in PG_BUSY:
        return DatabaseBusyError(f"{pgcode}: {orig}")
    if _connection_lost(exc, orig):
        return ConnectionLostError(f"{type(orig).__name__}: {orig}")
    error = _sqlite_error(exc)
    if error is None:
        return None
    name = getattr(error, "sqlite_errorname", "") or ""
    if name == "SQLITE_FULL":
        return StorageError(_disk_full(), Problem.DISK_FULL)
    if name.startswith("SQLITE_READONLY"):
        return StorageError(read_only_message(), Problem.READ_ONLY)
    if name.startswith("SQLITE_CANTOPEN") or name.startswith("SQLITE_PERM"):
        return StorageError(
            _(
                "The database file or its folder cannot be written (no permission, or the drive is "
                "missing). Nothing was saved; your input is still in the form."
            ),
            Problem.READ_ONLY,
        )
    if name.startswith(SQLITE_DAMAGE) or "malformed" in str(error):
        return StorageError(damaged_message(), Problem.DAMAGED, f"{name}: {error}")
    if name.startswith("SQLITE_IOERR"):
        return StorageError(
            _("The disk reported an error while saving. Nothing was saved."),
            Problem.OTHER,
            f"{name}: {error}",
        )
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in str(error):
        return DatabaseBusyError(f"{name}: {error}")
    return None


def _disk_full() -> str:
    return _(
        "The disk is full: nothing was saved. Please free some space (or ask IT), then save "
        "again. Your input is still in the form."
    )


@contextmanager
def translated() -> Iterator[None]:
    """Re-raise a full disk, a read-only or damaged file as a StorageError; other errors unchanged."""
    try:
        yield
    except (sqlite3.Error, DBAPIError) as exc:
        error = classify(exc)
        if error is None:
            raise
        log.info("%s", error.for_log() if error.detail else f"{error.for_log()} ({scrubbed(str(exc))})")
        raise error from exc
