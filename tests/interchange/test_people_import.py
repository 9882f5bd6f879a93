"""Preview and import of people (issue 14): errors per field, duplicates per row, nothing written
before the import, one transaction, undo as one recycle-bin entry."""

import json
from datetime import date

import pytest
from contact_samples import VCARD4, excel_csv, vcard3

from delegation_app.domain.enums import DataSource, PhoneKind
from delegation_app.interchange.columns import Field, guess_mapping
from delegation_app.interchange.contact_files import read_table
from delegation_app.interchange.people_plan import Cancelled, plan_import
from delegation_app.interchange.tables import read_csv
from delegation_app.operations.people_import import Decision, import_people, undo_people_import
from delegation_app.operations.recycle_bin import restore_from_bin
from delegation_app.services.organisations import OrganisationInput
from delegation_app.services.people import PersonInput, PhoneInput
from test_cli import assert_one_line_error, run

TODAY = date(2026, 2, 24)
HEADERS = ["Vorname", "Nachname", "Funktion", "Organisation", "E-Mail", "Telefon", "Mobil"]


def plan_of(services, rows, headers=HEADERS):
    table = read_csv(excel_csv(headers, rows).encode("cp1252"))
    return plan_import(services, table, guess_mapping(table.headers), "gaeste.csv", TODAY)


def existing_mueller(services):
    org = services.organisations.create(OrganisationInput("Stadt Bochum"))
    return services.people.create(PersonInput("Müller", "Jürgen", organisation_id=org.id))


def test_errors_per_field_duplicates_per_row_and_nothing_written(services):
    mueller = existing_mueller(services)
    plan = plan_of(services, [
        ["Juergen", "Mueller", "", "Stadt Bochum", "", "", ""],
        ["Nina", "Neu", "Referentin", "Bochum, Stadt", "nina@bochum", "abc", "0171 1234567"],
        ["Olaf", "", "", "", "", "", ""],
        ["Paula", "Plan", "", "Stadtwerke Hagen", "paula@hagen.de", "02331 2000", ""],
    ])  # fmt: skip
    first, second, third, fourth = plan.rows
    assert [(m.id, m.score) for m in first.matches] == [(mueller.id, 100)]
    assert not first.errors
    assert first.decision is Decision.SKIP
    assert set(second.errors) == {Field.EMAIL, Field.PHONE}
    assert "E-Mail" in second.errors[Field.EMAIL]
    assert second.decision is Decision.SKIP
    assert set(third.errors) == {Field.LAST_NAME}
    assert fourth.decision is Decision.NEW
    assert not fourth.errors
    assert not fourth.matches
    assert plan.new == 1
    assert len(services.people.list()) == 1
    assert len(services.organisations.list()) == 1


def test_import_writes_the_confirmed_rows_and_undo_takes_them_back_as_one_bin_entry(services):
    mueller = existing_mueller(services)
    plan = plan_of(services, [
        ["Juergen", "Mueller", "Amtsleiter", "Stadt Bochum", "jm@bochum.de", "0234 9101234", ""],
        ["Paula", "Plan", "Referentin", "Stadtwerke Hagen", "paula@hagen.de", "02331 2000", "0171 1234567"],
        ["Peter", "Plan", "", "Hagen, Stadtwerke", "", "", ""],
    ])  # fmt: skip
    plan.rows[0].decision, plan.rows[0].merge_into = Decision.MERGE, mueller.id
    outcome = import_people(services, plan.to_import(), "gaeste.csv")
    assert len(outcome.created) == 2
    assert outcome.merged == (mueller.id,)
    assert len(outcome.organisations_created) == 1  # "Stadtwerke Hagen" once for both spellings
    paula = services.people.get(outcome.created[0])
    assert (paula.source, paula.source_note, paula.source_date) == (DataSource.IMPORT, "gaeste.csv", TODAY)
    assert paula.organisation_name == "Stadtwerke Hagen"
    assert paula.function == "Referentin"
    assert [(p.kind, p.e164) for p in paula.phones] == [
        (PhoneKind.OFFICE, "+4923312000"), (PhoneKind.MOBILE, "+491711234567")
    ]  # fmt: skip
    merged = services.people.get(mueller.id)
    assert merged.function == "Amtsleiter"
    assert merged.email == "jm@bochum.de"
    assert merged.first_name == "Jürgen"
    assert [p.e164 for p in merged.phones] == ["+492349101234"]

    undo_people_import(services, outcome)
    assert {p.id for p in services.people.list()} == {mueller.id}
    assert [o.name for o in services.organisations.list()] == ["Stadt Bochum"]
    bin_entries = services.recycle_bin.list()
    assert len(bin_entries) == 1  # the whole import is one entry in the recycle bin
    assert "gaeste.csv" in bin_entries[0].title
    assert "2" in bin_entries[0].title
    restore_from_bin(services, bin_entries[0].id)
    assert {p.display_name for p in services.people.list()} == {"Jürgen Müller", "Paula Plan", "Peter Plan"}
    assert services.people.get(outcome.created[0]).organisation_name == "Stadtwerke Hagen"


def test_a_failing_row_writes_nothing(services):
    plan = plan_of(services, [["Anna", "Gut", "", "Neue Organisation", "", "", ""],
                              ["Bert", "Schlecht", "", "", "kaputt@", "", ""]])  # fmt: skip
    plan.rows[1].decision = Decision.NEW  # against the preview's advice
    with pytest.raises(Exception, match="E-Mail"):
        import_people(services, plan.to_import(), "x.csv")
    assert services.people.list() == []
    assert services.organisations.list() == []


def test_cancel_stops_the_preview(services):
    table = read_csv(excel_csv(HEADERS, [["A", "B", "", "", "", "", ""]] * 50).encode())
    with pytest.raises(Cancelled):
        plan_import(services, table, guess_mapping(table.headers), "x.csv", TODAY, cancelled=lambda: True)


CARDS = [
    ("Dr.", "Jürgen", "Müller", "Stadt Bochum", "Amt für Internationales", "Leiter", "jm@bochum.de",
     "+49 234 9101234", "+49 171 1234567"),
    ("", "Anna", "Nowak", "Urząd Miasta Lublin", "", "Referentin", "anna@lublin.eu", "+48 81 466 1000", ""),
]  # fmt: skip


def test_vcards_import_with_every_field_and_twice_adds_nothing(services, tmp_path):
    path = tmp_path / "kontakte.vcf"
    path.write_text("".join(vcard3(*card) for card in CARDS), "utf-8")
    table = read_table(path)
    plan = plan_import(services, table, guess_mapping(table.headers), path.name, TODAY)
    assert plan.new == 2
    import_people(services, plan.to_import(), path.name)
    mueller = services.people.find("Müller", "Jürgen")
    assert mueller is not None
    fields = (mueller.title, mueller.function, mueller.department, mueller.organisation_name, mueller.email)
    assert fields == ("Dr.", "Leiter", "Amt für Internationales", "Stadt Bochum", "jm@bochum.de")
    assert [(p.kind, p.e164) for p in mueller.phones] == [
        (PhoneKind.OFFICE, "+492349101234"), (PhoneKind.MOBILE, "+491711234567")
    ]  # fmt: skip
    nowak = services.people.find("Nowak", "Anna")
    assert nowak is not None
    assert nowak.organisation_name == "Urząd Miasta Lublin"
    assert [p.e164 for p in nowak.phones] == ["+48814661000"]

    again = plan_import(services, table, guess_mapping(table.headers), path.name, TODAY)
    assert again.new == 0
    assert all(row.matches and row.matches[0].score == 100 for row in again.rows)
    assert import_people(services, again.to_import(), path.name).created == ()
    assert len(services.people.list()) == 2
    assert len(services.organisations.list()) == 2


def test_cli_flags_juergen_mueller_of_stadt_bochum(db_path, tmp_path, services):
    mueller = existing_mueller(services)
    services.people.create(PersonInput("Möller", "Jürgen", phones=[PhoneInput("0234 9101")]))
    csv = tmp_path / "liste.csv"
    csv.write_bytes(excel_csv(["Vorname", "Nachname", "Organisation", "E-Mail"], [
        ["Juergen", "Mueller", "Stadt Bochum", ""], ["Nina", "Neu", "Stadt Bochum", "nina@"],
        ["Olga", "Ohne", "Stadt Bochum", ""],
    ]).encode("cp1252"))  # fmt: skip
    dry = json.loads(run("--db", db_path, "import-people", csv, "--dry-run", "--json", check_rc=0).stdout)
    assert dry == {
        "rows": 3,
        "new": 1,
        "duplicates": [
            {"row": 1, "name": "Juergen Mueller",
             "matches": [{"id": mueller.id, "name": "Jürgen Müller", "score": 100}]},
        ],
        "errors": [{"row": 2, "field": "email", "message": dry["errors"][0]["message"]}],
        "imported": 0,
    }  # fmt: skip
    assert "E-Mail-Adresse" in dry["errors"][0]["message"]
    assert len(services.people.list()) == 2
    done = json.loads(run("--db", db_path, "import-people", csv, "--json", check_rc=0).stdout)
    assert done["imported"] == 1
    assert done["duplicates"] == dry["duplicates"]
    assert {p.display_name for p in services.people.list()} == {"Jürgen Müller", "Jürgen Möller", "Olga Ohne"}
    text = run("--db", db_path, "import-people", csv, check_rc=0).stdout
    assert "Zeile 1: Juergen Mueller ist wahrscheinlich Jürgen Müller" in text


def test_cli_refuses_unmappable_and_unreadable_files(db_path, tmp_path):
    odd = tmp_path / "spalten.csv"
    odd.write_text("Spalte A;Spalte B\nx;y\n", "utf-8")
    assert_one_line_error(run("--db", db_path, "import-people", odd), 1, "spalten.csv", "Nachname")
    assert_one_line_error(run("--db", db_path, "import-people", tmp_path / "fehlt.csv"), 1, "fehlt.csv")


def test_vcard4_import(services, tmp_path):
    path = tmp_path / "v4.vcf"
    path.write_text(VCARD4, "utf-8")
    table = read_table(path)
    import_people(services, plan_import(services, table, guess_mapping(table.headers), "v4.vcf", TODAY)
                  .to_import(), "v4.vcf")  # fmt: skip
    nowak = services.people.find("Nowak", "Anna")
    assert nowak is not None
    assert nowak.department == "Biuro"
    assert nowak.email == "anna.nowak@lublin.eu"
    assert [(p.kind, p.e164) for p in nowak.phones] == [
        (PhoneKind.OFFICE, "+48814661000"), (PhoneKind.MOBILE, "+48600100200")
    ]  # fmt: skip
