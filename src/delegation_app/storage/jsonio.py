"""The complete JSON dump: every table, every row with id, version and timestamps.

Shape: ``{"format": "delegation-app", "version": 1, "meta": {...}, "data": {TABLE: [rows in id
order]}}``. Import writes the rows as they are, so export → import into an empty database →
export gives an identical ``data``. Documented in docs/json-format.md.
"""

from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Integer, func, select, text
from sqlmodel import Session

from delegation_app.domain.errors import InvalidFileError
from delegation_app.domain.models import TABLES_IN_ORDER, AuditEntry, RecycledRecord, utcnow
from delegation_app.i18n import _
from delegation_app.storage import writer

FORMAT = "delegation-app"
FORMAT_VERSION = 1


def _to_json(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def export_data(session: Session) -> dict[str, list[dict[str, Any]]]:
    data = {}
    for model in TABLES_IN_ORDER:
        table = model.__table__
        rows = session.execute(select(table).order_by(*table.primary_key.columns)).mappings()
        data[table.name] = [{k: _to_json(v) for k, v in row.items()} for row in rows]
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


def _count(session: Session, model) -> int:
    return session.scalar(select(func.count()).select_from(model.__table__))


def is_empty(session: Session) -> bool:
    return all(_count(session, m) == 0 for m in TABLES_IN_ORDER if m.__tablename__ not in TRAIL_TABLES)


def _from_json(table_name: str, index: int, column, value: Any) -> Any:
    if value is None:
        return None
    try:
        if isinstance(column.type, DateTime):
            parsed = datetime.fromisoformat(value)
            if parsed.tzinfo is None:  # an offset would be dropped silently: refuse it instead
                return parsed
        if isinstance(column.type, Date):
            return date.fromisoformat(value)
        if isinstance(column.type, Boolean) and isinstance(value, bool):
            return value
        if isinstance(column.type, Integer) and isinstance(value, int) and not isinstance(value, bool):
            return value
        enums = getattr(column.type, "enums", None)
        if enums is not None and value in enums:
            return value
        if not isinstance(column.type, Boolean | Integer) and enums is None and isinstance(value, str):
            return value
    except (TypeError, ValueError):
        pass
    raise InvalidFileError(
        _("Invalid value in table {table}, row {row}, field {field}: {value!r}").format(
            table=table_name, row=index + 1, field=column.name, value=value
        )
    )


def _check_document(document: Any) -> Mapping[str, list]:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InvalidFileError(_("This is not an export file of this program."))
    if document.get("version") != FORMAT_VERSION:
        raise InvalidFileError(
            _("The export file has format version {found}; this program reads version {supported}.").format(
                found=document.get("version"), supported=FORMAT_VERSION
            )
        )
    data = document.get("data")
    if not isinstance(data, dict):
        raise InvalidFileError(_("The export file has no data section."))
    known = {m.__tablename__ for m in TABLES_IN_ORDER}
    unknown = sorted(set(data) - known)
    if unknown:
        raise InvalidFileError(
            _("The export file contains unknown tables: {names}").format(names=", ".join(unknown))
        )
    for name, rows in data.items():
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise InvalidFileError(
                _("Table {table} in the export file is not a list of records.").format(table=name)
            )
    return data


def _convert_rows(model, rows: list[dict]) -> list[dict[str, Any]]:
    table = model.__table__
    converted = []
    for index, row in enumerate(rows):
        extra = sorted(set(row) - set(table.c.keys()))
        if extra:
            raise InvalidFileError(
                _("Table {table}, row {row}: unknown fields {names}").format(
                    table=table.name, row=index + 1, names=", ".join(extra)
                )
            )
        converted.append({k: _from_json(table.name, index, table.c[k], v) for k, v in row.items()})
    return converted


def import_document(session: Session, document: Any, *, merge: bool = False) -> dict[str, int]:
    """Write every row of the document; with ``merge``, rows get new ids and references follow."""
    data = _check_document(document)
    counts: dict[str, int] = {}
    id_maps: dict[str, dict[Any, Any]] = {}
    for model in TABLES_IN_ORDER:
        table = model.__table__
        rows = _convert_rows(model, data.get(table.name, []))
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
            if "id" in model.__table__.c and model.__table__.c.id.autoincrement:
                name = model.__tablename__
                session.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                        f"COALESCE(MAX(id), 0) + 1, false) FROM {name}"
                    )
                )
    return counts


def _remap(session: Session, model, rows: list[dict[str, Any]], id_maps: dict[str, dict]) -> list[dict]:
    table = model.__table__
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
        new = writer.insert(session, model(**row))
        if old_id is not None:
            own_map[old_id] = new.id
        written.append(row)
    return written
