"""Contact lists read into one shape: headers and rows of text. CSV as German Excel writes it
(``;``, cp1252 or UTF-8 with BOM) and as Outlook exports it (``,``, every field quoted); XLSX
(the first sheet, the first row as headers). contact_files.py picks the reader by the file's
suffix (vCards: vcards.py). No Qt, no database."""

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime

from delegation_app.domain.errors import DomainError

MAX_FILE = 200 * 1024 * 1024  # larger is not a contact list


@dataclass(frozen=True)
class RawTable:
    headers: list[str]
    rows: list[list[str]]  # every row as long as the headers


class UnreadableFile(DomainError):
    """The file is not a list this program can read; the message says which file in one line."""


def decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")  # Outlook's "Unicode" CSV
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # German Excel's "CSV (Trennzeichen-getrennt)"


def _delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(first, delimiters=";,\t").delimiter
    except csv.Error:
        counts = {d: first.count(d) for d in ";,\t"}
        return max(counts, key=lambda d: counts[d])


def _squared(headers: list[str], rows: list[list[str]]) -> RawTable:
    width = len(headers)
    body = [(row + [""] * width)[:width] for row in rows if any(cell.strip() for cell in row)]
    return RawTable([h.strip() for h in headers], body)


def read_csv(data: bytes) -> RawTable:
    text = decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows = [list(row) for row in reader]
    if not rows:
        return RawTable([], [])
    return _squared(rows[0], rows[1:])


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_xlsx(data: bytes) -> RawTable:
    from openpyxl import load_workbook  # only an XLSX import needs it

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        rows = [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
    if not rows:
        return RawTable([], [])
    return _squared(rows[0], rows[1:])
