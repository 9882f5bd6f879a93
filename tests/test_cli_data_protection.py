"""The data-protection commands as a user runs them: person-report (Art. 15) and retention."""

import json
import subprocess
import sys

import pytest

from delegation_app.services.demo import demo_document
from delegation_app.storage.settings import Profile, Settings, save_settings

from pdf_tools import flat, pdftotext

DEMO = demo_document()
QUOTES_OF = {key: [q["text"] for q in DEMO["quotes"] if q["speaker"] == key] for key in ("hemsley", "temme")}


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "delegation_app", *map(str, args)], capture_output=True, text=True, timeout=120
    )


def ok(*args) -> str:
    result = run(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def one_line_error(result, *fragments) -> None:
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


@pytest.fixture
def demo_db(db_path):
    ok("--db", db_path, "demo")
    return db_path


def person_id(db, last_name: str) -> int:
    hits = json.loads(ok("--db", db, "search", last_name, "--json"))
    return next(h["id"] for h in hits if h["kind"] == "person")


@pytest.fixture
def letterhead():
    profile = Profile(
        office_name="Stadt Hanau – Büro des Oberbürgermeisters", office_address="Am Markt 14–18\n63450 Hanau",
        name="Anna Schmidt", function="Referentin für Städtepartnerschaften",
    )  # fmt: skip
    save_settings(Settings(profile=profile))  # the user's settings file, as the preferences write it
    return profile


def report(db, last_name: str, tmp_path, suffix: str):
    target = tmp_path / f"{last_name}{suffix}"
    out = ok("--db", db, "person-report", person_id(db, last_name), "-o", target)
    assert str(target) in out
    return target


def test_isabelle_hemsley_as_head_of_delegation_with_her_five_quotes(demo_db, tmp_path, letterhead):
    assert len(QUOTES_OF["hemsley"]) == 5
    text = flat(pdftotext(report(demo_db, "Hemsley", tmp_path, ".pdf").read_bytes()))
    assert "Auskunft nach Art. 15 DSGVO" in text
    assert "Stadt Hanau – Büro des Oberbürgermeisters Am Markt 14–18 63450 Hanau" in text  # the letterhead
    assert "Anna Schmidt Referentin für Städtepartnerschaften" in text  # the sender
    assert "Isabelle Hemsley" in text
    assert "Delegationsleitung" in text
    assert "Hanauer Delegation in Bochum" in text
    for quote in QUOTES_OF["hemsley"]:
        assert flat(quote)[:60] in text
    assert "Herkunft der Daten Quelle Pressemitteilung" in text

    document = json.loads(report(demo_db, "Hemsley", tmp_path, ".json").read_text("utf-8"))
    assert [p["role"] for p in document["participations"]] == ["head_of_delegation"]
    assert document["participations"][0]["title"].startswith("Hanauer Delegation in Bochum")
    assert sorted(q["text"] for q in document["quotes"]) == sorted(QUOTES_OF["hemsley"])
    assert document["controller"]["office_name"] == letterhead.office_name
    assert document["source"]["source"] == "press_release"


def test_elke_temme_with_participation_quote_contact_entry_and_history(demo_db, tmp_path, letterhead):
    (quote,) = QUOTES_OF["temme"]
    text = flat(pdftotext(report(demo_db, "Temme", tmp_path, ".pdf").read_bytes()))
    assert "Elke Temme" in text
    assert "Teilnahme an Besuchen" in text
    assert "Gastgeberseite" in text
    assert flat(quote)[:60] in text
    assert "Kontakteinträge" in text
    assert "Frau Temme wurde das Hanauer Smart-City-Strategiepapier" in text
    assert "mit Kopietz, Denes Kücük" in text  # the others of the contact entry
    assert "Änderungsverlauf des Personeneintrags" in text
    history = text.split("Änderungsverlauf des Personeneintrags")[1]
    assert "Angelegt" in history
    assert "Nachname: Temme" in history

    path = report(demo_db, "Temme", tmp_path, ".json")
    raw = path.read_bytes()
    assert "Kücük".encode() in raw
    assert b"\\u00fc" not in raw
    document = json.loads(raw.decode("utf-8"))
    assert [p["side"] for p in document["participations"]] == ["host"]
    assert [q["text"] for q in document["quotes"]] == [quote]
    (entry,) = document["contacts"]
    assert "Frau Temme" in entry["summary"]
    assert sorted(entry["others"]) == ["Denes Kücük", "Kopietz"]
    assert [e["action"] for e in document["history"]] == ["create"]
    fields = {f["field"]: f["new"] for f in document["history"][0]["fields"]}
    assert fields["last_name"] == "Temme"
    assert document["followups"]  # the strategy paper she was promised


def test_person_report_refusals_are_one_line(demo_db, tmp_path):
    one_line_error(run("--db", demo_db, "person-report", 999, "-o", tmp_path / "x.pdf"), "999")
    one_line_error(run("--db", demo_db, "person-report", 1, "-o", tmp_path / "x.txt"), ".pdf", ".json")
    one_line_error(run("--db", demo_db, "person-report", 1, "-o", demo_db), "Datenbank")
    one_line_error(run("--db", demo_db, "person-report", 1, "-o", tmp_path), "Ordner")
    assert demo_db.read_bytes().startswith(b"SQLite format 3")


def test_retention_older_than_a_year_in_2030_lists_the_demo_people(demo_db):
    rows = json.loads(ok("--db", demo_db, "retention", "--json", "--older-than", "people=365",
                         "--as-of", "2030-01-01"))  # fmt: skip
    assert {r["kind"] for r in rows} == {"people"}
    assert sorted(r["label"] for r in rows) == sorted(
        " ".join(filter(None, (p.get("title"), p.get("first_name"), p["last_name"]))) for p in DEMO["people"]
    )
    assert all(set(r) == {"kind", "id", "label", "last_activity", "due_since"} for r in rows)
    assert all(r["due_since"] <= "2030-01-01" and r["last_activity"] < r["due_since"] for r in rows)
    # Not yet due the day after the visit.
    assert json.loads(ok("--db", demo_db, "retention", "--json", "--older-than", "people=365",
                         "--as-of", "2025-11-15")) == []  # fmt: skip


def test_retention_reads_the_preferences_and_the_options_override_them(demo_db):
    assert json.loads(ok("--db", demo_db, "retention", "--json", "--as-of", "2030-01-01")) == []  # no period
    assert "Aufbewahrungsfrist" in ok("--db", demo_db, "retention")
    save_settings(Settings(retention_days={"people": None, "contacts": 30, "visits": 3650}))
    rows = json.loads(ok("--db", demo_db, "retention", "--json", "--as-of", "2030-01-01"))
    assert [(r["kind"], r["last_activity"], r["due_since"]) for r in rows] == [
        ("contacts", "2025-11-14", "2025-12-14")
    ]
    rows = json.loads(ok("--db", demo_db, "retention", "--json", "--as-of", "2030-01-01",
                         "--older-than", "visits=365", "--older-than", "contacts=36500"))  # fmt: skip
    assert [(r["kind"], r["label"]) for r in rows] == [("visits", DEMO["visit"]["title"])]
    table = ok("--db", demo_db, "retention", "--as-of", "2030-01-01", "--older-than", "visits=365")
    assert "Besuch" in table
    assert "13.11.2026" in table
    bad = run("--db", demo_db, "retention", "--older-than", "persons=3")
    assert bad.returncode == 2
    assert "KIND=DAYS" in bad.stderr


def test_a_retention_period_beyond_the_calendar_is_a_usage_error_not_a_crash(demo_db):
    for days in ("99999999", "3000000"):
        bad = run("--db", demo_db, "retention", "--older-than", f"people={days}", "--as-of", "2030-01-01")
        assert bad.returncode == 2, bad.stderr
        assert "KIND=DAYS" in bad.stderr
        assert "unerwartet" not in bad.stderr
