"""The one translation of driver errors a user's machine can cause into messages."""

import sqlite3

import pytest
from sqlalchemy.exc import OperationalError

from delegation_app.storage.failures import Problem, StorageError, classify, translated


def sqlite_error(name: str, text: str) -> sqlite3.OperationalError:
    error = sqlite3.OperationalError(text)
    error.sqlite_errorname = name  # as the sqlite3 module sets it
    return error


class PgError(Exception):
    def __init__(self, pgcode: str) -> None:
        super().__init__(pgcode)
        self.pgcode = pgcode


@pytest.mark.parametrize(
    ("orig", "problem", "fragment"),
    [
        (sqlite_error("SQLITE_FULL", "database or disk is full"), Problem.DISK_FULL, "Datenträger ist voll"),
        (sqlite_error("SQLITE_READONLY", "attempt to write a readonly db"), Problem.READ_ONLY, "geschützt"),
        (sqlite_error("SQLITE_CANTOPEN", "unable to open database file"), Problem.READ_ONLY, "beschrieben"),
        (sqlite_error("SQLITE_CORRUPT", "database disk image is malformed"), Problem.DAMAGED, "beschädigt"),
        (PgError("53100"), Problem.DISK_FULL, "Datenträger ist voll"),
        (PgError("25006"), Problem.READ_ONLY, "schreibgeschützt"),
    ],
)
def test_a_machine_problem_becomes_a_message_wrapped_or_not(orig, problem, fragment):
    wrapped = OperationalError("INSERT …", {}, orig)  # how SQLAlchemy hands them on
    for raised in (orig, wrapped) if isinstance(orig, sqlite3.Error) else (wrapped,):
        with pytest.raises(StorageError) as info, translated():
            raise raised
        assert info.value.problem is problem
        assert fragment in info.value.message
        assert "Traceback" not in info.value.message


def test_anything_else_stays_a_bug_for_the_crash_dialog():
    assert classify(sqlite_error("SQLITE_ERROR", "no such table: visit")) is None
    assert classify(ValueError("x")) is None
    with pytest.raises(sqlite3.OperationalError), translated():
        raise sqlite_error("SQLITE_ERROR", "no such table: visit")
