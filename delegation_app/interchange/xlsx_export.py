"""A list as an Excel workbook (openpyxl): one sheet, headers in the UI language, real date cells
shown as ``24.02.2026`` (``24 Feb 2026`` in English), the header row frozen, an autofilter, and
column widths that fit the longest entry.

Written in openpyxl's write-only mode: 100,000 people stream row by row instead of building every
cell object in memory first."""

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from delegation_app.i18n import translator

if TYPE_CHECKING:  # openpyxl (0.2 s) is imported when a workbook is written, not with the CLI's parser
    from openpyxl.cell import WriteOnlyCell

T = TypeVar("T")
Value = str | int | date | datetime | None

DATE_FORMATS = {"de": "DD.MM.YYYY", "en": "DD MMM YYYY"}
DATETIME_FORMATS = {"de": "DD.MM.YYYY HH:MM", "en": "DD MMM YYYY HH:MM"}
MAX_WIDTH = 60  # characters; longer text (notes) wraps in the cell instead of a wall-wide column
MAX_SHEET_TITLE = 31  # Excel refuses longer sheet names


@dataclass(frozen=True)
class Column(Generic[T]):
    title: str  # English msgid (marked with N_), translated in the sheet's language
    value: Callable[[T], Value]


def _width(value: Value, lang: str) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 17
    if isinstance(value, date):
        return 11
    longest = max((len(line) for line in str(value).splitlines()), default=0)
    return min(longest, MAX_WIDTH)


def _cell(sheet: Any, value: Value, lang: str, new_cell: "type[WriteOnlyCell]", wrap: Any) -> "WriteOnlyCell":
    cell = new_cell(sheet, value=value)
    if isinstance(value, datetime):
        cell.number_format = DATETIME_FORMATS[lang]
    elif isinstance(value, date):
        cell.number_format = DATE_FORMATS[lang]
    elif isinstance(value, str) and "\n" in value:
        cell.alignment = wrap
    return cell


def _text(value: str) -> str:
    """Excel takes text starting with = + - @ as a formula in a CSV it re-saves; in XLSX it is
    stored as text anyway. Control characters other than line breaks cannot be stored at all."""
    return "".join(ch for ch in value if ch >= " " or ch in "\n\t")


def workbook_bytes(title: str, columns: Sequence[Column[T]], rows: Sequence[T], *, lang: str = "de") -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    t = translator(lang)
    headers = [t(column.title) for column in columns]
    values = [
        [_text(v) if isinstance(v, str) else v for v in (column.value(row) for column in columns)]
        for row in rows
    ]
    widths = [len(header) + 3 for header in headers]  # room for the autofilter's button
    for line in values:
        widths = [max(w, _width(v, lang) + 1) for w, v in zip(widths, line, strict=True)]
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:MAX_SHEET_TITLE])
    for index, width in enumerate(widths, start=1):  # write-only: widths before the first row
        sheet.column_dimensions[get_column_letter(index)].width = min(width, MAX_WIDTH + 1)
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(columns))
    sheet.auto_filter.ref = f"A1:{last}{len(values) + 1}"
    bold = Font(bold=True)
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    wrap = Alignment(wrap_text=True, vertical="top")  # styles are immutable: one for every cell
    for line in values:
        sheet.append([_cell(sheet, value, lang, WriteOnlyCell, wrap) for value in line])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
