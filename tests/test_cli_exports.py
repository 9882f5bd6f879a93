"""export-vcard, export-ics, export-xlsx as IT scripts them, and LibreOffice reading the XLSX."""

import csv
import shutil
import subprocess

import icalendar
import pytest
import vobject

from test_cli import assert_one_line_error, run


@pytest.fixture
def demo_db(tmp_path):
    path = tmp_path / "demo.sqlite"
    run("--db", path, "demo", check_rc=0)
    return path


def test_export_vcard_of_the_demo_visits_participants(demo_db, tmp_path):
    target = tmp_path / "teilnehmende.vcf"
    result = run("--db", demo_db, "export-vcard", target, "--visit", "1", check_rc=0)
    assert "Visitenkarten (vCard) nach" in result.stdout
    cards = list(vobject.readComponents(target.read_text("utf-8")))
    assert len(cards) == 11
    assert "Elke Temme" in [c.fn.value for c in cards]
    folder = tmp_path / "karten"
    folder.mkdir()
    result = run("--db", demo_db, "export-vcard", folder, "--visit", "1", "--one-per-contact", check_rc=0)
    assert "11 Kontaktdateien" in result.stdout
    assert len(list(folder.glob("*.vcf"))) == 11
    assert (folder / "Temme_Elke.vcf").exists()


def test_export_vcard_of_chosen_people(demo_db, tmp_path):
    target = tmp_path / "zwei.vcf"
    run("--db", demo_db, "export-vcard", target, "--person", "2", "--person", "1", check_rc=0)
    assert len(list(vobject.readComponents(target.read_text("utf-8")))) == 2


def test_unknown_ids_are_refused_in_one_line(demo_db, tmp_path):
    assert_one_line_error(run("--db", demo_db, "export-vcard", tmp_path / "x.vcf", "--visit", "99"), 1, "99")
    assert_one_line_error(
        run("--db", demo_db, "export-vcard", tmp_path / "x.vcf", "--person", "999"), 1, "999"
    )
    assert_one_line_error(run("--db", demo_db, "export-ics", "99", tmp_path / "x.ics"), 1, "99")
    missing = tmp_path / "nicht-da"
    result = run("--db", demo_db, "export-vcard", missing, "--visit", "1", "--one-per-contact")
    assert_one_line_error(result, 1, "gibt es nicht")
    assert not list(tmp_path.glob("x.*"))


def test_export_ics_of_the_demo_visit(demo_db, tmp_path):
    target = tmp_path / "besuch.ics"
    result = run("--db", demo_db, "export-ics", "1", target, check_rc=0)
    assert "Kalenderdatei" in result.stdout
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) > 5
    assert "Gastgeber: Stadt Bochum" in str(events[0]["description"])


def test_export_xlsx_unknown_kind_is_a_usage_error(demo_db, tmp_path):
    result = run("--db", demo_db, "export-xlsx", "quotes", tmp_path / "x.xlsx")
    assert result.returncode == 2


def test_libreoffice_reads_the_lists_we_write(demo_db, tmp_path):
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice (soffice) is needed: .ci/run installs libreoffice-calc-nogui"
    visits, participants = tmp_path / "besuche.xlsx", tmp_path / "teilnehmende.xlsx"
    run("--db", demo_db, "export-xlsx", "visits", visits, check_rc=0)
    run("--db", demo_db, "export-xlsx", "participants", participants, "--visit", "1", check_rc=0)
    out = tmp_path / "csv"
    # One call for both files: each start of LibreOffice takes seconds. Its own profile, so that
    # parallel test runs do not share (and lock) one.
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless", "--convert-to",
         "csv:Text - txt - csv (StarCalc):59,34,76", "--outdir", str(out), str(visits), str(participants)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    with (out / "besuche.csv").open(encoding="utf-8") as fh:
        visit_rows = list(csv.reader(fh, delimiter=";"))
    assert visit_rows[0][:5] == ["Titel", "Von", "Bis", "Art des Besuchs", "Status"]
    assert visit_rows[1][0] == "Hanauer Delegation in Bochum: Stadt- und Smart-City-Strategie"
    assert visit_rows[1][1] == "13.11.2025 09:30"  # a date cell, shown in the German format we set
    with (out / "teilnehmende.csv").open(encoding="utf-8") as fh:
        people = list(csv.reader(fh, delimiter=";"))
    assert people[0][:3] == ["Name", "Funktion", "Organisation"]
    assert len(people) == 12
    assert "Elke Temme" in [row[0] for row in people]
