"""Column values as a user reads them: names instead of ids, labels instead of enum values.

Used where two versions of a record are put side by side (the conflict dialog, a record's
history), so both sides are described the same way.
"""

from dataclasses import dataclass, fields, is_dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, DateTime
from sqlmodel import Session, SQLModel

from delegation_app.domain.models import ContactEntry, Organisation, Person, Visit, table_of
from delegation_app.i18n import _
from delegation_app.i18n.formatting import format_date, format_datetime
from delegation_app.i18n.labels import label
from delegation_app.i18n.time_zones import zone_name
from delegation_app.services.people import name_of
from delegation_app.storage.values import from_json_value

EMPTY = "—"


@dataclass(frozen=True)
class Difference:
    field: str  # the column name (the form's field name)
    mine: str
    theirs: str


def describe(session: Session, model: type[SQLModel], field: str, value: Any) -> str:
    """``value`` as the column holds it (or its JSON form from the audit trail)."""
    if value is None or value == "":
        return EMPTY
    column = table_of(model).c[field]
    if isinstance(value, str) and isinstance(column.type, DateTime | Date | Boolean):
        value = from_json_value(column, value)
    enum_class = getattr(column.type, "enum_class", None)
    if enum_class is not None:
        return label(enum_class(value))
    for fk in column.foreign_keys:
        targets: dict[str, type[Organisation | Person | Visit | ContactEntry]] = {
            "organisation": Organisation, "person": Person, "visit": Visit, "contact_entry": ContactEntry,
        }  # fmt: skip
        target = targets.get(fk.column.table.name)
        row = session.get(target, value) if target is not None else None
        if isinstance(row, Organisation):
            return row.name
        if isinstance(row, Person):
            return name_of(row)
        if isinstance(row, Visit):  # a follow-up's visit
            return row.title
        if isinstance(row, ContactEntry):  # the contact entry a follow-up came from
            return format_datetime(row.occurred_at)
    if model is Visit and field == "timezone":
        return zone_name(value)  # "Central European Time (Berlin, …)", never the tz id
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return format_date(value)
    return str(value)


def differences(
    session: Session, model: type[SQLModel], mine: Any, theirs: dict[str, Any]
) -> list[Difference]:
    """The fields where the user's input (a service input dataclass) and the stored row differ."""
    found = []
    for f in fields(mine) if is_dataclass(mine) else ():
        if f.name not in table_of(model).c or f.name not in theirs:
            continue  # parts such as phone numbers are saved with the record, not compared here
        a = describe(session, model, f.name, getattr(mine, f.name))
        b = describe(session, model, f.name, theirs[f.name])
        if a != b:
            found.append(Difference(f.name, a, b))
    return found
