"""`delegation-app followups` as a user runs it: a real process, a table or JSON, exit codes."""

import json
import subprocess
import sys
from datetime import date

import pytest

from delegation_app.services.registry import Services
from delegation_app.storage.opening import open_database

import factories

THANKS = "Dankschreiben an Stadtdirektor Kopietz"
PAPER = "Hanauer Smart-City-Strategiepapier an die Stadtwerke Bochum senden"


def run(*args, check_rc=None):
    result = subprocess.run(
        [sys.executable, "-m", "delegation_app", *map(str, args)], capture_output=True, text=True, timeout=120
    )
    if check_rc is not None:
        assert result.returncode == check_rc, result.stderr
    return result


@pytest.fixture
def demo_db(db_path):
    run("--db", db_path, "demo", check_rc=0)
    return db_path


@pytest.fixture
def busy_db(demo_db, db_url, tmp_path):
    """The demo plus an undated follow-up, one due on 10.03.2026 and a done one of someone unknown."""
    db, _report = open_database(db_url, backups=tmp_path / "backups")
    try:
        services = Services.over(db)
        factories.follow_up(services, "Ohne Datum")
        factories.follow_up(services, "Im März", due_on=date(2026, 3, 10))
        factories.follow_up(services, "Erledigt ohne Zuständige", done_on=date(2026, 1, 2))
    finally:
        db.dispose()
    return demo_db


def rows(db_path, *args):
    return json.loads(run("--db", db_path, "followups", "--json", *args, check_rc=0).stdout)


def test_table_lists_open_ones_with_overdue_in_words(demo_db):
    table = run("--db", demo_db, "followups", "--today", "2026-01-05", check_rc=0).stdout
    lines = table.splitlines()
    assert lines[0].split()[:4] == ["ID", "Fällig", "Stand", "Zuständig"]
    assert len(lines) == 2
    assert PAPER in lines[1]
    for cell in ("15.12.2025", "überfällig", "Martin Bieberle"):
        assert cell in lines[1]
    assert THANKS not in table
    before = run("--db", demo_db, "followups", "--today", "2025-12-15", check_rc=0).stdout
    assert "überfällig" not in before  # due that very day: not overdue yet
    assert "offen" in before.splitlines()[1]


def test_all_adds_the_done_ones_after_the_open_ones(demo_db):
    lines = run(
        "--db", demo_db, "followups", "--all", "--today", "2025-12-01", check_rc=0
    ).stdout.splitlines()
    assert [PAPER in lines[1], THANKS in lines[2]] == [True, True]
    assert "erledigt am 17.11.2025" in lines[2]
    assert "Dominik Kuhn" in lines[2]


def test_json_objects(demo_db):
    (paper,) = rows(demo_db, "--today", "2026-01-05")
    assert {"id", "title", "due_on", "done_on", "owner", "visit_id", "overdue"} <= set(paper)
    assert (paper["title"], paper["due_on"], paper["done_on"]) == (PAPER, "2025-12-15", None)
    assert (paper["owner"], paper["visit_id"], paper["overdue"]) == ("Martin Bieberle", 1, True)
    assert rows(demo_db, "--today", "2025-12-15")[0]["overdue"] is False
    everything = rows(demo_db, "--all", "--today", "2026-01-05")
    assert [r["title"] for r in everything] == [PAPER, THANKS]
    thanks = everything[1]
    assert (thanks["done_on"], thanks["owner"], thanks["overdue"]) == ("2025-11-17", "Dominik Kuhn", False)


def test_order_and_filters_with_more_follow_ups(busy_db):
    today = ("--today", "2026-01-05")
    assert [r["title"] for r in rows(busy_db, *today)] == [PAPER, "Im März", "Ohne Datum"]
    assert [r["title"] for r in rows(busy_db, "--all", *today)] == [
        PAPER,
        "Im März",
        "Ohne Datum",
        THANKS,
        "Erledigt ohne Zuständige",
    ]
    undated = rows(busy_db, *today)[2]
    assert (undated["due_on"], undated["owner"], undated["visit_id"], undated["overdue"]) == (
        None,
        None,
        None,
        False,
    )
    assert [r["title"] for r in rows(busy_db, "--overdue", *today)] == [PAPER]
    assert [r["title"] for r in rows(busy_db, "--overdue", "--all", *today)] == [PAPER]  # never done ones
    later = rows(busy_db, "--overdue", "--today", "2026-03-11")
    assert [(r["title"], r["overdue"]) for r in later] == [(PAPER, True), ("Im März", True)]


def test_overdue_table_and_nothing_to_show(demo_db, tmp_path):
    table = run("--db", demo_db, "followups", "--overdue", "--today", "2026-01-05", check_rc=0).stdout
    assert PAPER in table
    assert "überfällig" in table
    none = run("--db", demo_db, "--lang", "en", "followups", "--overdue", "--today", "2025-12-01", check_rc=0)
    assert none.stdout.splitlines()[-1] == "No overdue follow-ups."
    empty = tmp_path / "empty.sqlite"
    assert (
        run("--db", empty, "--lang", "en", "followups", check_rc=0).stdout.splitlines()[-1]
        == "No follow-ups."
    )
    assert rows(empty) == []


def test_english_table(demo_db):
    table = run(
        "--db", demo_db, "--lang", "en", "followups", "--all", "--today", "2026-01-05", check_rc=0
    ).stdout
    assert table.splitlines()[0].split() == ["ID", "Due", "State", "Owner", "Title"]
    assert "overdue" in table
    assert "done on 17 Nov 2025" in table


def test_today_defaults_to_the_real_day(demo_db):
    (paper,) = rows(demo_db)
    assert paper["overdue"] is (date.today() > date(2025, 12, 15))


@pytest.mark.parametrize(
    "args",
    [["followups", "--today", "2026-02-30"], ["followups", "--today", "morgen"], ["followups", "--colour"]],
)
def test_usage_errors_exit_2(db_path, args):
    result = run("--db", db_path, *args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "usage:" in result.stderr


def test_today_is_hidden_from_help(db_path):
    assert "--today" not in run("followups", "--help", check_rc=0).stdout


def test_a_broken_database_is_one_line(tmp_path):
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"\x00garbage" * 1000)
    result = run("--db", garbage, "followups")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert "beschädigt" in result.stderr


def test_followups_do_not_import_qt(demo_db):
    code = (
        "import sys; from delegation_app.app import main; "
        f"rc = main(['--db', {str(demo_db)!r}, 'followups', '--all', '--json']); "
        "assert rc == 0, rc; "
        "loaded = [m for m in sys.modules if m.startswith('PySide6')]; "
        "assert not loaded, loaded"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
