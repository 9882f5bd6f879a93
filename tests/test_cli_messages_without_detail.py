"""`delegation-app` on a damaged file or a locked database: one sentence in the user's language,
without the driver's English ("file is not a database", "database is locked"); the detail goes to
the log file, and ``-v`` says where that is."""

import sqlite3

import pytest

from test_cli import assert_one_line_error, run
from test_cli_damaged_files import damaged_database

TECHNICAL = ("database", "file is not", "locked", "Errno", "sqlite", "SQLITE")


def line_of(result) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    return lines[0]


def assert_no_technical_text(line: str) -> None:
    for word in TECHNICAL:
        assert word not in line.removeprefix("delegation-app: "), line


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("de", "delegation-app: Die Datenbankdatei ist beschädigt und kann nicht gelesen werden."),
        ("en", "delegation-app: The database file is damaged and cannot be read."),
    ],
)
def test_a_damaged_file_is_one_sentence(tmp_path, lang, sentence):
    path = tmp_path / "delegation.sqlite"
    damaged_database(path)
    result = run("--db", path, "--lang", lang, "visits")
    assert_one_line_error(result, 1)
    # The sentence, then the way out as a command line (issue 13: "with the way to restore").
    assert line_of(result).startswith(sentence + " ")
    assert f"--db {path} restore" in line_of(result)
    if lang == "de":
        assert_no_technical_text(sentence)


def test_with_v_the_user_learns_where_the_detail_is(tmp_path):
    path = tmp_path / "delegation.sqlite"
    damaged_database(path)
    result = run("--db", path, "-v", "visits")
    assert result.returncode == 1
    where = [line for line in result.stderr.splitlines() if "Protokolldatei" in line]
    assert len(where) == 1
    log_file = where[0].split("Protokolldatei ", 1)[1].rstrip(".")
    with open(log_file, encoding="utf-8") as log:
        assert "malformed database schema" in log.read()  # the damaged demo file's detail


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        (
            "de",
            "delegation-app: Die Datenbank wird gerade von einem anderen Programm oder einer anderen Person "
            "verwendet und wurde nicht rechtzeitig frei. Es wurde nichts gespeichert. Bitte versuchen Sie es "
            "gleich noch einmal.",
        ),
        (
            "en",
            "delegation-app: The database is in use by another program or another user and did not become "
            "free in time. Nothing was saved. Please try again in a moment.",
        ),
    ],
)
def test_a_locked_database_is_one_sentence(tmp_path, lang, sentence):
    path = tmp_path / "delegation.sqlite"
    run("--db", path, "visits", check_rc=0)  # an empty database of this program
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")  # a colleague's program in the middle of a save
        result = run("--db", path, "--lang", lang, "demo")  # waits the busy timeout, then gives up
    finally:
        holder.close()
    assert_one_line_error(result, 1)
    assert line_of(result) == sentence
    if lang == "de":
        assert_no_technical_text(line_of(result))
    assert run("--db", path, "demo").returncode == 0  # nothing half-written
