"""The preview of a people import: each row read through the column mapping, checked as the
person form checks it (errors per field), and compared with the people already stored (probable
duplicates). Nothing is written here; operations/people_import.py writes what the user confirms.

Defaults: a row with errors or a probable duplicate is skipped, every other row is new.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from delegation_app.domain.enums import DataSource, PhoneKind
from delegation_app.i18n import _
from delegation_app.i18n.date_input import DateInputError, parse_date
from delegation_app.interchange.columns import Field
from delegation_app.interchange.tables import RawTable
from delegation_app.services import duplicates
from delegation_app.services.imported_people import CheckedPerson, Decision, ImportedPerson, check_people
from delegation_app.services.people import PersonInput, PhoneInput
from delegation_app.services.registry import Services

# The person form's field names as the import's fields (phones are numbered in the order given).
_FORM_FIELDS = {
    "title": Field.TITLE, "first_name": Field.FIRST_NAME, "last_name": Field.LAST_NAME,
    "salutation": Field.SALUTATION, "function": Field.FUNCTION, "department": Field.DEPARTMENT,
    "email": Field.EMAIL, "notes": Field.NOTES, "source_date": Field.SOURCE_DATE,
}  # fmt: skip


Decided = tuple[Decision, int | None]  # a row's decision and the person it merges into

ACADEMIC = frozenset({"dr", "prof", "prof. dr", "dr. med", "dr.-ing", "dipl.-ing", "mag"})


class Cancelled(Exception):
    """The user stopped the preview."""


@dataclass
class PlannedRow:
    number: int  # 1 = the first row under the headers (the first card of a vCard file)
    person: PersonInput
    organisation: str | None
    errors: dict[Field, str] = field(default_factory=dict)
    matches: list[duplicates.Match] = field(default_factory=list)
    decision: Decision = Decision.NEW
    merge_into: int | None = None
    phone_fields: list[Field] = field(default_factory=list)  # the field of each of person.phones
    checked: CheckedPerson | None = None  # the form's check of ``person``: the import writes its values

    @property
    def id(self) -> int:  # lists key their rows by ``id``
        return self.number

    @property
    def name(self) -> str:
        return " ".join(p for p in (self.person.title, self.person.first_name, self.person.last_name) if p)


@dataclass
class ImportPlan:
    file_name: str
    table: RawTable
    mapping: list[Field | None]
    rows: list[PlannedRow]

    def decisions(self) -> list[Decided]:
        """What the user decided per row, (decision, merge into), taken as the import starts."""
        return [(row.decision, row.merge_into) for row in self.rows]

    def to_import(self, decisions: Sequence[Decided] | None = None) -> list[ImportedPerson]:
        """The rows as the import writes them, with ``decisions`` (a ``decisions()`` taken earlier:
        the worker builds these while the user may still change a row) or the rows' own."""
        decided = decisions if decisions is not None else self.decisions()
        return [
            ImportedPerson(row.number, row.person, row.organisation, decision, merge_into, row.checked)
            for row, (decision, merge_into) in zip(self.rows, decided, strict=True)
        ]

    @property
    def new(self) -> int:
        return sum(1 for row in self.rows if row.decision is Decision.NEW)


def _value(cells: Sequence[str], mapping: Sequence[Field | None], wanted: Field) -> str | None:
    for cell, mapped in zip(cells, mapping, strict=False):
        if mapped is wanted and cell.strip():
            return cell.strip()
    return None


def _split_full(full: str) -> tuple[str | None, str]:
    if "," in full:
        last, _sep, first = full.partition(",")
        return first.strip() or None, last.strip()
    words = full.split()
    return (" ".join(words[:-1]) or None), words[-1] if words else ""


def read_row(number: int, cells: Sequence[str], mapping: Sequence[Field | None], today: date) -> PlannedRow:
    def get(wanted: Field) -> str | None:
        return _value(cells, mapping, wanted)

    errors: dict[Field, str] = {}
    first, last = get(Field.FIRST_NAME), get(Field.LAST_NAME)
    full = get(Field.FULL_NAME)
    if not last and full:
        first_from_full, last = _split_full(full)
        first = first or first_from_full
    phones, phone_fields = [], []
    for wanted, kind in ((Field.PHONE, PhoneKind.OFFICE), (Field.MOBILE, PhoneKind.MOBILE)):
        number_text = get(wanted)
        if number_text:
            phones.append(PhoneInput(number_text, kind))
            phone_fields.append(wanted)
    source_date = today
    typed_date = get(Field.SOURCE_DATE)
    if typed_date:
        try:
            source_date = parse_date(typed_date, today) or today
        except DateInputError as exc:
            errors[Field.SOURCE_DATE] = str(exc)
    title, salutation = get(Field.TITLE), get(Field.SALUTATION)
    if salutation and not title and salutation.rstrip(".").casefold() in ACADEMIC:
        title, salutation = salutation, None  # Outlook's German "Anrede" holds "Dr." too
    person = PersonInput(
        last_name=last or "", first_name=first, title=title, salutation=salutation,
        function=get(Field.FUNCTION), department=get(Field.DEPARTMENT), email=get(Field.EMAIL),
        phones=phones, notes=get(Field.NOTES), source=DataSource.IMPORT, source_date=source_date,
    )  # fmt: skip
    return PlannedRow(number, person, get(Field.ORGANISATION), errors, phone_fields=phone_fields)


def _form_errors(row: PlannedRow, found: dict[str, str]) -> None:
    phone_fields = row.phone_fields
    for key, message in found.items():
        if key.startswith("phones.") and key[7:].isdigit() and int(key[7:]) < len(phone_fields):
            row.errors.setdefault(phone_fields[int(key[7:])], message)
        elif key == "last_name" and Field.LAST_NAME not in row.errors:
            row.errors[Field.LAST_NAME] = (
                _("Every person needs a last name.") if not row.person.last_name else message
            )
        else:
            row.errors.setdefault(_FORM_FIELDS.get(key, Field.NOTES), message)


def plan_import(
    services: Services,
    table: RawTable,
    mapping: Sequence[Field | None],
    file_name: str,
    today: date,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    index: duplicates.PersonIndex | None = None,
) -> ImportPlan:
    """Every row read, checked and compared; ``progress(done, total)`` now and then, and
    Cancelled raised as soon as ``cancelled()`` says so."""
    total = len(table.rows)
    steps = total * 2 + 1  # reading and checking, then comparing, then the people's read

    def step(done: int) -> None:
        if cancelled is not None and cancelled():
            raise Cancelled
        if progress is not None:
            progress(done, steps)

    rows = [read_row(n + 1, cells, mapping, today) for n, cells in enumerate(table.rows)]
    for start in range(0, total, 500):
        step(start)
        part = rows[start : start + 500]
        for row, checked in zip(part, check_people(services, [r.person for r in part]), strict=True):
            row.checked = checked
            _form_errors(row, checked.errors)
    step(total)
    index = index or duplicates.read_people(services)
    step(total + 1)
    candidates = [
        duplicates.PersonCandidate(
            row.person.last_name, row.person.first_name, row.person.title, row.organisation, row.person.email
        )
        for row in rows
    ]
    similar = duplicates.find_person_duplicates(
        services, candidates, progress=lambda done: step(total + 1 + done), index=index
    )
    for row, matches in zip(rows, similar, strict=True):
        row.matches = matches
        if row.errors or matches:
            row.decision = Decision.SKIP
    step(steps)
    return ImportPlan(file_name, table, list(mapping), rows)
