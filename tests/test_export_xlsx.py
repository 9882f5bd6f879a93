"""Excel lists: real date cells in German format, frozen header, autofilter, fitting widths."""

from datetime import date, datetime

import openpyxl
import pytest

from delegation_app.domain.errors import DomainError
from delegation_app.files.output import OutputWriter
from delegation_app.interchange.list_sheets import ListKind
from delegation_app.operations.exports import write_list
from delegation_app.services.people import PhoneInput

import factories


def sheet(path):
    return openpyxl.load_workbook(path).active


def rows(ws):
    return [list(row) for row in ws.iter_rows(values_only=True)]


def test_visits_with_german_headers_and_date_cells(services, tmp_path):
    factories.visit(
        services, "Delegation aus Łódź", starts_at=datetime(2026, 2, 24), ends_at=datetime(2026, 2, 26)
    )
    factories.visit(services, "Empfang", starts_at=datetime(2026, 3, 5, 14, 30), ends_at=None)
    ws = sheet(write_list(services, OutputWriter(), ListKind.VISITS, tmp_path / "v.xlsx"))
    assert ws.title == "Besuche"
    header, *body = rows(ws)
    assert header[:5] == ["Titel", "Von", "Bis", "Art des Besuchs", "Status"]
    by_title = {row[0]: row for row in body}
    assert by_title["Delegation aus Łódź"][1:3] == [datetime(2026, 2, 24), datetime(2026, 2, 26)]
    assert ws["B2"].is_date or ws["B3"].is_date
    formats = {ws.cell(row=r, column=2).number_format for r in (2, 3)}
    assert formats == {"DD.MM.YYYY", "DD.MM.YYYY HH:MM"}  # a day typed without a time stays a day
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:J3"
    assert ws.column_dimensions["A"].width >= len("Delegation aus Łódź")
    assert all(cell.font.bold for cell in ws[1])


def test_english_headers_and_dates_in_the_english_ui(services, tmp_path):
    factories.follow_up(services, due_on=date(2026, 2, 24))
    ws = sheet(write_list(services, OutputWriter(), ListKind.FOLLOWUPS, tmp_path / "f.xlsx", language="en"))
    header, row = rows(ws)
    assert header[:3] == ["Follow-up", "Due", "Done on"]
    assert row[1] == datetime(2026, 2, 24)
    assert ws["B2"].number_format == "DD MMM YYYY"


def test_people_with_their_phones_by_kind(services, tmp_path):
    org = factories.organisation(services)
    factories.person(
        services, "Kücük", "Denes", organisation_id=org.id, email="denes.kucuk@bochum.de",
        phones=[PhoneInput("0234 910-1234"), PhoneInput("0171 1234567", "mobile")],
    )  # fmt: skip
    header, row = rows(sheet(write_list(services, OutputWriter(), ListKind.PEOPLE, tmp_path / "p.xlsx")))
    record = dict(zip(header, row, strict=True))
    assert record["Nachname"] == "Kücük"
    assert record["Organisation"] == "Stadt Bochum"
    assert record["Telefon"] == "0234 910-1234"
    assert record["Mobil"] == "0171 1234567"


def test_a_visits_participants_with_contact_details(services, tmp_path):
    visit = factories.visit(services)
    person = factories.person(services, "Temme", "Elke", email="elke.temme@hanau.de")
    factories.participation(services, visit.id, person.id)
    path = write_list(services, OutputWriter(), ListKind.PARTICIPANTS, tmp_path / "t.xlsx", visit_id=visit.id)
    header, row = rows(sheet(path))
    record = dict(zip(header, row, strict=True))
    assert record["Name"] == "Elke Temme"
    assert record["E-Mail"] == "elke.temme@hanau.de"
    assert record["Teilnahmestatus"]


def test_participants_need_a_visit(services, tmp_path):
    with pytest.raises(DomainError):
        write_list(services, OutputWriter(), ListKind.PARTICIPANTS, tmp_path / "t.xlsx")
    assert not (tmp_path / "t.xlsx").exists()


def test_an_empty_list_is_a_sheet_with_its_header(services, tmp_path):
    ws = sheet(write_list(services, OutputWriter(), ListKind.ORGANISATIONS, tmp_path / "o.xlsx"))
    assert rows(ws) == [["Name", "Art", "Ort", "Land", "Website"]]
