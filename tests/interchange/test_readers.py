"""Reading contact lists: CSV in the encodings and dialects Outlook, Thunderbird and German Excel
write, XLSX, vCard 3.0 and 4.0; the known headers mapped without asking."""

from io import BytesIO

import pytest
from contact_samples import (
    OUTLOOK_DE_HEADERS,
    OUTLOOK_EN_HEADERS,
    THUNDERBIRD_DE_HEADERS,
    THUNDERBIRD_EN_HEADERS,
    VCARD4,
    excel_csv,
    outlook_csv,
    outlook_row,
    thunderbird_row,
    vcard3,
)

from delegation_app.domain.errors import DomainError
from delegation_app.interchange.columns import Field, guess_mapping, names_someone
from delegation_app.interchange.contact_files import read_table
from delegation_app.interchange.tables import read_csv

MUELLER = outlook_row("Dr.", "Jürgen", "Müller", "Stadt Bochum", "Leiter", "j.mueller@bochum.de",
                      "+49 (234) 910-1234", "+49 (171) 1234567")  # fmt: skip


def mapped(table) -> dict[Field, str]:
    mapping = guess_mapping(table.headers)
    return {f: cell for f, cell in zip(mapping, table.rows[0], strict=True) if f is not None and cell}


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig", "utf-8"])
@pytest.mark.parametrize("headers", [OUTLOOK_DE_HEADERS, OUTLOOK_EN_HEADERS])
def test_outlook_csv_in_each_encoding(headers, encoding):
    table = read_csv(outlook_csv(headers, [MUELLER]).encode(encoding))
    assert table.headers == headers
    got = mapped(table)
    assert got[Field.FIRST_NAME] == "Jürgen"
    assert got[Field.LAST_NAME] == "Müller"
    assert got[Field.ORGANISATION] == "Stadt Bochum"
    assert got[Field.FUNCTION] == "Leiter"
    assert got[Field.EMAIL] == "j.mueller@bochum.de"
    assert got[Field.PHONE] == "+49 (234) 910-1234"
    assert got[Field.MOBILE] == "+49 (171) 1234567"
    # German "Anrede" is the salutation, English "Title" the title (Outlook holds "Dr." there)
    assert Field.SALUTATION in got or Field.TITLE in got


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig"])
@pytest.mark.parametrize("headers", [THUNDERBIRD_DE_HEADERS, THUNDERBIRD_EN_HEADERS])
def test_thunderbird_csv(headers, encoding):
    row = thunderbird_row("Łukasz" if encoding != "cp1252" else "Lukas", "Kowalski", "lk@lublin.eu",
                          "+48 81 466 1000", "+48 600 100 200", "Referent", "Urząd Miasta Lublin"
                          if encoding != "cp1252" else "Stadt Lublin")  # fmt: skip
    got = mapped(read_csv(outlook_csv(headers, [row]).encode(encoding)))
    assert got[Field.LAST_NAME] == "Kowalski"
    assert got[Field.EMAIL] == "lk@lublin.eu"
    assert got[Field.FUNCTION] == "Referent"
    assert got[Field.PHONE] == "+48 81 466 1000"
    assert got[Field.MOBILE] == "+48 600 100 200"
    assert got[Field.ORGANISATION].endswith("Lublin")
    assert got[Field.FULL_NAME].endswith("Kowalski")


def test_german_excel_list_with_semicolons_quotes_and_dates():
    headers = ["VORNAME", " nachname ", "Funktion", "Organisation", "E-Mail", "Telefon", "Mobil", "Datum"]
    rows = [["Anna", "Schmidt", "Leiterin; Büro", "Stadt Bochum", "a@b.de", "0234 910-0", "", "24.02.2026"]]
    table = read_csv(excel_csv(headers, rows).encode("cp1252"))
    assert table.rows == rows
    assert guess_mapping(table.headers) == [
        Field.FIRST_NAME, Field.LAST_NAME, Field.FUNCTION, Field.ORGANISATION, Field.EMAIL, Field.PHONE,
        Field.MOBILE, Field.SOURCE_DATE,
    ]  # fmt: skip


def test_unknown_headers_are_left_to_the_user():
    mapping = guess_mapping(["Spalte A", "Spalte B"])
    assert mapping == [None, None]
    assert not names_someone(mapping)


def test_xlsx_first_sheet_header_row(tmp_path):
    from datetime import datetime

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Vorname", "Nachname", "Organisation", "Telefon", "Datum"])
    sheet.append(["Jürgen", "Müller", "Stadt Bochum", 2349100, datetime(2026, 2, 24)])
    book.create_sheet("Zweites Blatt").append(["nicht", "gelesen"])
    buffer = BytesIO()
    book.save(buffer)
    path = tmp_path / "Gäste.xlsx"
    path.write_bytes(buffer.getvalue())
    table = read_table(path)
    assert table.headers == ["Vorname", "Nachname", "Organisation", "Telefon", "Datum"]
    assert table.rows == [["Jürgen", "Müller", "Stadt Bochum", "2349100", "2026-02-24"]]


def test_vcards_3_and_4_in_one_file(tmp_path):
    text = vcard3("Dr.", "Jürgen", "Müller", "Stadt Bochum", "Amt für Internationales", "Leiter",
                  "j.mueller@bochum.de", "+49 234 910-1234", "+49 171 1234567") + VCARD4  # fmt: skip
    path = tmp_path / "kontakte.vcf"
    path.write_text(text, "utf-8")
    table = read_table(path)
    assert len(table.rows) == 2
    mapping = guess_mapping(table.headers)
    first, second = ({f: c for f, c in zip(mapping, row, strict=True) if f and c} for row in table.rows)
    assert first == {
        Field.TITLE: "Dr.", Field.FIRST_NAME: "Jürgen", Field.LAST_NAME: "Müller",
        Field.FULL_NAME: "Dr. Jürgen Müller", Field.FUNCTION: "Leiter",
        Field.DEPARTMENT: "Amt für Internationales", Field.ORGANISATION: "Stadt Bochum",
        Field.EMAIL: "j.mueller@bochum.de", Field.PHONE: "+49 234 910-1234", Field.MOBILE: "+49 171 1234567",
    }  # fmt: skip
    assert second[Field.LAST_NAME] == "Nowak"
    assert second[Field.ORGANISATION] == "Urząd Miasta Lublin"
    assert second[Field.PHONE] == "+48-81-466-1000"
    assert second[Field.MOBILE] == "+48-600-100-200"


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("liste.pdf", b"%PDF-1.4", "kein CSV"),
        ("kaputt.xlsx", b"PK\x03\x04 not a zip", "beschädigt"),
        ("kaputt.vcf", b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:\x00;;\r\n", "beschädigt"),
    ],
)
def test_unreadable_files_are_refused_in_one_line(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DomainError) as caught:
        read_table(path)
    assert name in caught.value.message
    assert "\n" not in caught.value.message
