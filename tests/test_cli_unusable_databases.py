"""What --db names when it is no usable database (issue 13, defects 5–7): exit 1, one line in the
user's words, the file untouched; damage past the first page is found too, and restore is the
way out of it."""

import hashlib
import os
import random
import sqlite3

import pytest

from test_cli import assert_one_line_error, run


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def damaged(tmp_path):
    """A copy of the demo database with 8 KB of random bytes in its middle (the header and the
    first pages stay good, so it opens), and a backup made before."""
    path = tmp_path / "delegation.sqlite"
    run("--db", path, "demo", check_rc=0)
    backup = tmp_path / "before.sqlite"
    run("--db", path, "backup", backup, check_rc=0)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 8192] = random.Random(13).randbytes(8192)
    path.write_bytes(bytes(data))
    return path, backup


@pytest.mark.parametrize("command", [["visits"], ["demo"], ["export-json", "out.json"], ["search", "Bochum"]])
def test_damage_past_the_first_page_is_named_with_the_way_to_restore(damaged, command, tmp_path):
    path, _backup = damaged
    before = digest(path)
    args = [tmp_path / a if a.endswith(".json") else a for a in command]
    result = run("--db", path, *args)
    assert_one_line_error(result, 1, "beschädigt", "restore")
    assert "malformed" not in result.stderr
    assert digest(path) == before
    assert not (tmp_path / "out.json").exists()


def test_restore_is_the_way_out_of_the_damaged_file(damaged, tmp_path):
    path, backup = damaged
    before = digest(path)
    result = run("--db", path, "restore", backup, check_rc=0)
    aside = [p for p in tmp_path.iterdir() if "set-aside" in p.name and p.suffix == ".sqlite"]
    assert len(aside) == 1
    assert digest(aside[0]) == before  # kept unchanged, for whatever can be rescued
    assert str(aside[0]) in result.stdout
    assert "Hanauer Delegation" in run("--db", path, "visits", check_rc=0).stdout


def test_a_folder_as_database_is_one_line(tmp_path):
    assert_one_line_error(run("--db", tmp_path, "visits"), 1, "ist ein Ordner")


def test_a_name_too_long_for_the_system_is_one_line(tmp_path):
    path = tmp_path / ("a" * 300 + ".sqlite")
    assert_one_line_error(run("--db", path, "visits"), 1, "zu lang")


def test_an_unsupported_database_address_is_one_line():
    result = run("--db", "mysql://someone:secret@localhost/delegation", "visits")
    assert_one_line_error(result, 1, "mysql", "PostgreSQL")
    assert "MySQLdb" not in result.stderr
    assert "secret" not in result.stderr


def test_an_empty_file_gets_no_schema_written_into_it(tmp_path):
    empty = tmp_path / "leer.sqlite"
    empty.touch()
    assert_one_line_error(run("--db", empty, "visits"), 1, "ist leer")
    assert empty.stat().st_size == 0
    assert not (tmp_path / "leer.sqlite-wal").exists()


def test_a_new_name_still_makes_a_new_database(tmp_path):
    new = tmp_path / "neu.sqlite"
    assert "Noch keine Besuche" in run("--db", new, "visits", check_rc=0).stdout
    assert new.stat().st_size > 0
    assert new.stat().st_mode & 0o777 == 0o600


def test_the_own_data_folder_takes_an_empty_file_from_an_interrupted_first_start(user_dirs):
    # The default database lives in the data folder; a first start killed after creating the file
    # left it empty, and the next start must not refuse the user's own database.
    folder = user_dirs / "xdg_data_home" / "delegation-app"
    folder.mkdir(parents=True)
    (folder / "delegation.sqlite").touch()
    env_db = os.environ.pop("DELEGATION_APP_DB", None)
    assert env_db is None
    assert "Noch keine Besuche" in run("visits", check_rc=0).stdout
