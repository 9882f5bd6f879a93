"""The command line on files it cannot use as they are: one line, exit 1, the bytes unchanged; a
read-only file still answers the commands that only read."""

import errno
import os

import pytest

from broken_files import fingerprint, good_database
from delegation_app import app


@pytest.fixture
def read_only_db(tmp_path, monkeypatch):
    """Refused at the place the OS says no (root ignores file modes; CI runs as root)."""
    path = good_database(tmp_path / "data" / "delegation.sqlite")

    def refused(target):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(target))

    monkeypatch.setattr("delegation_app.storage.opening.open_for_writing", refused)
    return path


def one_line(capsys) -> str:
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert "Traceback" not in err
    assert len(lines) == 1, err
    return lines[0]


def test_a_read_only_file_can_still_be_listed_and_is_not_changed(read_only_db, capsys):
    before = fingerprint(read_only_db)
    assert app.main(["--db", str(read_only_db), "visits", "--json"]) == 0
    assert "Hanauer Delegation" in capsys.readouterr().out
    assert fingerprint(read_only_db) == before


def test_a_write_on_a_read_only_file_is_one_line_and_changes_nothing(read_only_db, capsys):
    before = fingerprint(read_only_db)
    assert app.main(["--db", str(read_only_db), "demo"]) == 1
    assert "schreibgeschützt" in one_line(capsys)
    assert fingerprint(read_only_db) == before


def test_a_pdf_given_as_database_is_one_line_and_unchanged(tmp_path, capsys):
    pdf = tmp_path / "einladung.pdf"
    pdf.write_bytes(b"%PDF-1.7\n" + bytes(2000))
    before = fingerprint(pdf)
    assert app.main(["--db", str(pdf), "visits"]) == 1
    assert "keine Datenbank" in one_line(capsys)
    assert fingerprint(pdf) == before
