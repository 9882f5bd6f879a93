"""``delegation-app visits`` streams (issue 21): the same visits in the same order and shape as
before, ``--limit`` and ``--since``, one-line errors for wrong values, valid JSON however the list
ends; on SQLite and, when it is there, PostgreSQL."""

import json
import os
import subprocess
import sys
from datetime import datetime

import pytest

import pg_databases
from delegation_app.domain.models import Visit
from delegation_app.services.visits import VisitInput

import factories

ADMIN_URL = os.environ.get("DELEGATION_APP_TEST_PG_URL")
KEYS = ["id", "title", "starts_at", "ends_at", "timezone", "status", "direction", "host", "guest", "place"]


def run(*args, check_rc=None):
    result = subprocess.run(
        [sys.executable, "-m", "delegation_app", *map(str, args)], capture_output=True, text=True, timeout=120
    )
    if check_rc is not None:
        assert result.returncode == check_rc, result.stderr
    return result


def _fill(services) -> None:
    bochum = factories.organisation(services, "Stadt Bochum")
    factories.visit(services, title="Idee ohne Termin", starts_at=None, ends_at=None)
    factories.visit(
        services,
        title="Mai",
        starts_at=datetime(2026, 5, 1, 9, 0),
        ends_at=None,
        host_organisation_id=bochum.id,
    )
    factories.visit(services, title="Noch offen", starts_at=None, ends_at=None, place="Hanau")
    factories.visit(services, title="Februar", starts_at=datetime(2026, 2, 24, 9, 30))
    factories.visit(services, title="März", starts_at=datetime(2026, 3, 1, 18, 0), ends_at=None)


@pytest.fixture(params=["sqlite", "postgresql"])
def filled(request, services, db_url, tmp_path):
    """(the --db value, the visits as the service lists them) over a database with dated and
    undated visits."""
    if request.param == "sqlite":
        _fill(services)
        yield db_url, services.visits.list()
        return
    if not ADMIN_URL:
        pytest.skip("no PostgreSQL: DELEGATION_APP_TEST_PG_URL is not set")
    with pg_databases.server_services(ADMIN_URL, tmp_path / "pg-backups") as on_server:
        _fill(on_server)
        yield on_server.db.engine.url.render_as_string(hide_password=False), on_server.visits.list()


def test_json_lists_every_visit_in_the_services_order_one_object_per_line(filled):
    db, visits = filled
    out = run("--db", db, "visits", "--json", check_rc=0).stdout
    rows = json.loads(out)
    assert [r["id"] for r in rows] == [v.id for v in visits]
    assert [r["title"] for r in rows] == ["Februar", "März", "Mai", "Idee ohne Termin", "Noch offen"]
    assert all(list(r) == KEYS for r in rows)
    assert rows[2]["host"] == "Stadt Bochum"
    assert rows[4]["place"] == "Hanau"
    assert rows[0]["starts_at"] == "2026-02-24T09:30:00"
    assert rows[3]["starts_at"] is None
    lines = out.splitlines()
    assert lines[0] == "["
    assert lines[-1] == "]"
    assert len(lines) == len(rows) + 2


def test_limit_and_since_pick_the_visits(filled):
    db, _visits = filled

    def titles(*options):
        return [
            r["title"] for r in json.loads(run("--db", db, "visits", "--json", *options, check_rc=0).stdout)
        ]

    assert titles("--limit", "2") == ["Februar", "März"]
    assert titles("--limit", "4") == ["Februar", "März", "Mai", "Idee ohne Termin"]
    assert titles("--limit", "99") == ["Februar", "März", "Mai", "Idee ohne Termin", "Noch offen"]
    # German and ISO dates alike; the visit starting at 18:00 on that day is in, undated ones are out.
    assert titles("--since", "01.03.2026") == ["März", "Mai"]
    assert titles("--since", "2026-03-01") == ["März", "Mai"]
    assert titles("--since", "1.3.26", "--limit", "1") == ["März"]
    assert titles("--since", "02.05.2026") == []


def test_the_table_streams_in_the_same_order_with_fixed_columns(filled):
    db, visits = filled
    lines = run("--db", db, "visits", check_rc=0).stdout.splitlines()
    assert lines[0].split() == ["ID", "Beginn", "Ende", "Status", "Titel"]
    assert [line.split()[0] for line in lines[1:]] == [str(v.id) for v in visits]
    title_column = lines[0].index("Titel")
    assert [line[title_column:] for line in lines[1:]] == [v.title for v in visits]
    assert "24.02.2026, 09:30 Uhr" in lines[1]
    since = run("--db", db, "visits", "--since", "24.2.2026", "--limit", "1", check_rc=0).stdout.splitlines()
    assert since == lines[:2]


def test_an_empty_list_is_valid_json_and_a_sentence_in_the_table(db_path):
    assert run("--db", db_path, "visits", "--json", check_rc=0).stdout == "[]\n"
    assert "Noch keine Besuche." in run("--db", db_path, "visits", check_rc=0).stdout


def test_nothing_since_the_day_says_so(services, db_path):
    services.visits.create(VisitInput(title="Früher", starts_at=datetime(2026, 2, 24, 9, 30)))
    assert run("--db", db_path, "visits", "--json", "--since", "2027-01-01", check_rc=0).stdout == "[]\n"
    table = run("--db", db_path, "visits", "--since", "2027-01-01", check_rc=0).stdout
    assert "Keine Besuche ab dem 01.01.2027." in table


@pytest.mark.parametrize(
    ("option", "value", "words"),
    [
        ("--limit", "0", "--limit braucht eine ganze Zahl ab 1, nicht 0."),
        ("--limit", "-3", "nicht -3"),
        ("--limit", "viele", "nicht viele"),
        ("--since", "31.02.2026", "Den 31.02.2026 gibt es nicht."),
        ("--since", "irgendwann", "Bitte geben Sie ein Datum wie 24.02.2026"),
        ("--since", "", "Bitte geben Sie ein Datum"),
    ],
)
def test_wrong_values_are_one_line_in_the_users_words(db_path, option, value, words):
    result = run("--db", db_path, "visits", "--json", f"{option}={value}")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("delegation-app: ")
    assert words in lines[0]
    assert not db_path.exists()  # refused before anything was opened


def test_a_reader_that_stops_early_ends_the_command_quietly(services, db_path):
    with services.db.write() as session:
        session.add_all(
            Visit(title=f"Besuch {n}", starts_at=datetime(2026, 1, 1 + n % 28)) for n in range(3000)
        )
    for options in (["--json"], []):
        proc = subprocess.Popen(
            [sys.executable, "-m", "delegation_app", "--db", str(db_path), "visits", *options],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert proc.stdout is not None
        assert proc.stderr is not None
        proc.stdout.readline()  # `visits | head -1`
        proc.stdout.close()
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0
        assert err == b""
