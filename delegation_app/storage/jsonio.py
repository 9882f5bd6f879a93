"""The complete JSON dump: every table, every row with id, version and timestamps.

Shape: ``{"format": "delegation-app", "version": 1, "meta": {...}, "data": {TABLE: [rows in id
order]}}``. Import writes the rows as they are, so export → import into an empty database →
export gives an identical ``data``. Documented in docs/json-format.md.

It stays in storage while the file handling moved to ``interchange/json_file.py``: the dump reads
and writes every table row by row inside the caller's session and goes through the write path
(``storage/writer.py``) and the audit tables, which no layer above storage may touch; the file
(size limit, decoding, the output writer, the messages) is interchange's.
"""

import reprlib
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Integer, func, select, text
from sqlmodel import Session, SQLModel

from delegation_app.domain.enums import DataSource
from delegation_app.domain.errors import InvalidFileError
from delegation_app.domain.models import (
    TABLES_IN_ORDER,
    AuditEntry,
    Identified,
    PhoneNumber,
    RecycledRecord,
    table_of,
    utcnow,
)
from delegation_app.domain.phones import is_e164
from delegation_app.domain.sortkey import person_list_keys
from delegation_app.domain.textrules import MAX_LONG_TEXT, has_forbidden_control, has_lone_surrogate
from delegation_app.i18n import _
from delegation_app.storage import trail_shapes, writer
from delegation_app.storage.values import to_json_value

FORMAT = "delegation-app"
FORMAT_VERSION = 1
LIST_KEYS = frozenset(person_list_keys(None, None, None))


def export_data(session: Session) -> dict[str, list[dict[str, Any]]]:
    data = {}
    for model in TABLES_IN_ORDER:
        table = table_of(model)
        rows = session.execute(select(table).order_by(*table.primary_key.columns)).mappings()
        data[table.name] = [{k: to_json_value(v) for k, v in row.items()} for row in rows]
    return data


def export_document(session: Session, app_version: str, schema_revision: str | None) -> dict[str, Any]:
    data = export_data(session)
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "meta": {
            "exported_at": utcnow().isoformat() + "Z",
            "app_version": app_version,
            "schema_revision": schema_revision,
            "counts": {name: len(rows) for name, rows in data.items()},
        },
        "data": data,
    }


# The trail of a database, not records of its own: a database that only has a trail (everything was
# deleted) may take an import, and a merge leaves the file's trail out (its record ids would point
# at other records here; the merged rows get entries of their own).
TRAIL_TABLES = {AuditEntry.__tablename__, RecycledRecord.__tablename__}


def _count(session: Session, model: type[SQLModel]) -> int:
    return session.execute(select(func.count()).select_from(table_of(model))).scalar_one()


def is_empty(session: Session) -> bool:
    return all(_count(session, m) == 0 for m in TABLES_IN_ORDER if m.__tablename__ not in TRAIL_TABLES)


# PostgreSQL's INTEGER; SQLite would take more, but a file must import into either database.
MAX_INTEGER = 2**31 - 1
_REFUSED = object()
# Values the read models interpret, beyond their column's kind: what would fail there is refused here.
_VALUE_RULES = {
    ("phone_number", "e164"): is_e164,
    ("audit_entry", "old_values"): trail_shapes.is_values_object,
    ("audit_entry", "new_values"): trail_shapes.is_values_object,
    ("recycled_record", "rows"): trail_shapes.is_row_list,
    ("recycled_record", "detached"): trail_shapes.is_detached_list,
}


def shown(value: Any) -> str:
    """A value from the file as one short line for a message: repr escapes line breaks."""
    short = reprlib.Repr()  # keyword arguments need Python 3.12
    short.maxstring = short.maxother = 60
    short.maxlist = short.maxdict = 4
    short.maxlevel = 2
    try:
        return short.repr(value)
    except ValueError:  # an integer too long to print (Python's limit on digits)
        return "…"


def _text_fits(column, value: str) -> bool:
    # The trail's JSON texts hold whole records (a visit with all its parts): no cap of their own.
    cap = None if column.table.name in TRAIL_TABLES else MAX_LONG_TEXT
    limit = getattr(column.type, "length", None) or cap
    fits = limit is None or len(value) <= limit
    return fits and not has_lone_surrogate(value) and not has_forbidden_control(value)


def _integer_fits(column, value: int) -> bool:
    # Ids, references and versions start at 1 (services never find record 0); positions at 0.
    return (0 if column.name == "position" else 1) <= value <= MAX_INTEGER


def _parsed(column, value: Any) -> Any:
    """The value as the column stores it, or _REFUSED: every kind is checked on its own, so a
    string never slips into a date or number column."""
    kind = column.type
    if isinstance(kind, DateTime):
        parsed = datetime.fromisoformat(value) if isinstance(value, str) else None
        # An offset would be dropped silently on SQLite: refuse it instead.
        return parsed if parsed is not None and parsed.tzinfo is None else _REFUSED
    if isinstance(kind, Date):
        return date.fromisoformat(value) if isinstance(value, str) else _REFUSED
    if isinstance(kind, Boolean):
        return value if isinstance(value, bool) else _REFUSED
    if isinstance(kind, Integer):
        ok = isinstance(value, int) and not isinstance(value, bool) and _integer_fits(column, value)
        return value if ok else _REFUSED
    enums = getattr(kind, "enums", None)
    if enums is not None:
        return value if isinstance(value, str) and value in enums else _REFUSED
    return value if isinstance(value, str) and _text_fits(column, value) else _REFUSED


def _from_json(table_name: str, index: int, column, value: Any) -> Any:
    if value is None and (column.nullable or column is column.table.autoincrement_column):
        return None
    try:
        parsed = _parsed(column, value)
    except (TypeError, ValueError):
        parsed = _REFUSED
    rule = _VALUE_RULES.get((table_name, column.name))
    if parsed is _REFUSED or (rule is not None and parsed is not None and not rule(parsed)):
        raise InvalidFileError(
            _("Invalid value in table {table}, row {row}, field {field}: {value}").format(
                table=table_name, row=index + 1, field=column.name, value=shown(value)
            )
        )
    return parsed


def _required(table) -> set[str]:
    """Columns a row must give: NOT NULL, no default in the database, not a generated id."""
    return {
        c.name
        for c in table.c
        if not c.nullable and c.server_default is None and c is not table.autoincrement_column
    }


def _check_document(document: Any) -> Mapping[str, list]:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InvalidFileError(_("This is not an export file of this program."))
    if document.get("version") != FORMAT_VERSION:
        raise InvalidFileError(
            _("The export file has format version {found}; this program reads version {supported}.").format(
                found=shown(document.get("version")), supported=FORMAT_VERSION
            )
        )
    data = document.get("data")
    if not isinstance(data, dict):
        raise InvalidFileError(_("The export file has no data section."))
    known = {m.__tablename__ for m in TABLES_IN_ORDER}
    unknown = sorted(set(data) - known)
    if unknown:
        raise InvalidFileError(
            _("The export file contains unknown tables: {names}").format(names=shown(unknown))
        )
    for name, rows in data.items():
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise InvalidFileError(
                _("Table {table} in the export file is not a list of records.").format(table=name)
            )
    return data


def _convert_rows(model: type[SQLModel], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    table = table_of(model)
    converted = []
    for index, row in enumerate(rows):
        extra = sorted(set(row) - set(table.c.keys()))
        if extra:
            raise InvalidFileError(
                _("Table {table}, row {row}: unknown fields {names}").format(
                    table=table.name, row=index + 1, names=shown(extra)
                )
            )
        converted.append({k: _from_json(table.name, index, table.c[k], v) for k, v in row.items()})
        missing = sorted(_required(table) - set(row))
        if missing:
            raise InvalidFileError(
                _("Table {table}, row {row}: missing fields {names}").format(
                    table=table.name, row=index + 1, names=", ".join(missing)
                )
            )
    return converted


def _with_list_keys(people: list[dict[str, Any]], data: Mapping[str, list]) -> list[dict[str, Any]]:
    """A file written before the people list had stored sort keys (schema 0004) lacks them:
    compute them as the service would. Keys the file gives are kept as they are."""
    absent = [row for row in people if not row.keys() >= LIST_KEYS]
    if not absent:
        return people
    first_phones: dict[Any, tuple[tuple[Any, Any], Any]] = {}
    for phone in _convert_rows(PhoneNumber, data.get("phone_number", [])):
        place = (phone.get("position", 0), phone.get("id") or 0)
        known = first_phones.get(phone["person_id"])
        if known is None or place < known[0]:
            first_phones[phone["person_id"]] = (place, phone["e164"])
    for row in absent:
        first = first_phones.get(row.get("id"))
        keys = person_list_keys(row.get("function"), row.get("email"), first[1] if first else None)
        row.update({k: v for k, v in keys.items() if k not in row})
    return people


def _with_import_source(people: list[dict[str, Any]], note: str, day: date) -> list[dict[str, Any]]:
    """People with nothing recorded about where their data came from: the import is their source
    (Art. 14 GDPR), naming the file and the day."""
    for row in people:
        if row.get("source") in (None, DataSource.UNKNOWN) and not row.get("source_note"):
            row.update(source=DataSource.IMPORT, source_note=note[:500], source_date=day)
    return people


def import_document(
    session: Session, document: Any, *, merge: bool = False, source: tuple[str, date] | None = None
) -> dict[str, int]:
    """Write every row of the document; with ``merge``, rows get new ids and references follow.
    ``source``: the note and day that people without a source get (the file they came from)."""
    data = _check_document(document)
    counts: dict[str, int] = {}
    id_maps: dict[str, dict[Any, Any]] = {}
    for model in TABLES_IN_ORDER:
        table = table_of(model)
        rows = _convert_rows(model, data.get(table.name, []))
        if table.name == "person":
            rows = _with_list_keys(rows, data)
            rows = _with_import_source(rows, *source) if source else rows
        if table.name in TRAIL_TABLES:
            if merge:
                rows = []
            elif _count(session, model):  # keep the trail there is; the file's entries follow it
                rows = [{k: v for k, v in row.items() if k != "id"} for row in rows]
        if merge:
            rows = _remap(session, model, rows, id_maps)
        else:
            writer.insert_rows(session, model, rows)
        counts[table.name] = len(rows)
    if session.get_bind().dialect.name == "postgresql" and not merge:
        for model in TABLES_IN_ORDER:
            table = table_of(model)
            if "id" in table.c and table.c.id.autoincrement:
                name = table.name
                session.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                        f"COALESCE(MAX(id), 0) + 1, false) FROM {name}"
                    )
                )
    return counts


def _remap(
    session: Session, model: type[SQLModel], rows: list[dict[str, Any]], id_maps: dict[str, dict[Any, Any]]
) -> list[dict[str, Any]]:
    table = table_of(model)
    own_map = id_maps.setdefault(table.name, {})
    fks = {fk.parent.name: fk.column.table.name for fk in table.foreign_keys}
    written = []
    for row in rows:
        row = dict(row)
        for column, target in fks.items():
            if row.get(column) is not None:
                if row[column] not in id_maps.get(target, {}):
                    # Never fall back to the raw id: in this database it may be a different record.
                    raise InvalidFileError(
                        _(
                            "Table {table}: {field} = {value} refers to a record that is not in the file."
                        ).format(table=table.name, field=column, value=row[column])
                    )
                row[column] = id_maps[target][row[column]]
        old_id = row.pop("id", None) if "id" in table.c else None
        if old_id is not None and old_id in own_map:
            # Two records with one id: the references to it would silently all follow the last.
            raise InvalidFileError(
                _("Table {table}: the id {value} appears twice in the file. Nothing was imported.").format(
                    table=table.name, value=old_id
                )
            )
        new = writer.insert(session, model(**row))
        if old_id is not None and isinstance(new, Identified):
            own_map[old_id] = new.id
        written.append(row)
    return written
