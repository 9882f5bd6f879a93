"""Issue 14's first "Done when": the demo visit's 11 participants written with ``export-vcard
--visit`` and read into an empty database with ``import-people`` give the same names, functions,
organisations, e-mail addresses and phone numbers; read again into the same database, all 11 are
reported as duplicates and nothing is added. Real processes, as IT would script it."""

import json
import subprocess
import sys

from delegation_app.services.registry import Services
from delegation_app.storage.opening import open_database


def run(*args) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [sys.executable, "-m", "delegation_app", *map(str, args)], capture_output=True, text=True, timeout=180
    )
    assert done.returncode == 0, done.stderr
    return done


def facts(p) -> tuple:
    phones = tuple(sorted(phone.display for phone in p.phones))
    return (p.title, p.first_name, p.last_name, p.function, p.organisation_name, p.email, phones)


def people_of(path) -> set[tuple]:
    db, _report = open_database(f"sqlite:///{path}")
    try:
        services = Services.over(db)
        return {facts(p) for p in services.people.list(limit=1000)}
    finally:
        db.dispose()


def test_the_demo_participants_travel_by_vcard_and_come_back_as_duplicates(tmp_path):
    demo, empty, cards = tmp_path / "demo.sqlite", tmp_path / "empty.sqlite", tmp_path / "teilnehmende.vcf"
    run("--db", demo, "demo")
    run("--db", demo, "export-vcard", cards, "--visit", "1")
    assert cards.read_bytes().count(b"BEGIN:VCARD") == 11
    first = json.loads(run("--db", empty, "import-people", cards, "--json").stdout)
    assert (first["rows"], first["imported"], first["duplicates"], first["errors"]) == (11, 11, [], [])
    db, _report = open_database(f"sqlite:///{demo}")
    try:
        services = Services.over(db)
        taking_part = {p.person_id for p in services.participations.list_for_visit(1)}
        expected = {facts(p) for p in services.people.get_many(taking_part)}
    finally:
        db.dispose()
    assert people_of(empty) == expected
    again = json.loads(run("--db", empty, "import-people", cards, "--json").stdout)
    assert again["imported"] == 0
    assert sorted(d["row"] for d in again["duplicates"]) == list(range(1, 12))
    assert people_of(empty) == expected  # nothing added
