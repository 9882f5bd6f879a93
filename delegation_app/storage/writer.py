"""The one path every create, update and delete takes.

Optimistic locking is ``UPDATE … WHERE id = ? AND version = ?`` with a row-count check: copying a
stale version onto an ORM object makes SQLAlchemy accept the stale save and move the version
backwards, so updates never go through the ORM. Each write is recorded as a ``Change`` in the
session; ``Database.write`` hands them to listeners after the commit (the audit trail and the
GUI's refresh signal hook in there).
"""

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import delete as sql_delete
from sqlalchemy import insert as sql_insert
from sqlalchemy import select
from sqlalchemy import update as sql_update
from sqlalchemy.engine import CursorResult, Result
from sqlmodel import Session, SQLModel

from delegation_app.domain.changes import Change
from delegation_app.domain.errors import ConflictError, NotFoundError
from delegation_app.domain.models import table_of, utcnow
from delegation_app.domain.record_names import RecordName


def _pending(session: Session) -> list[Change]:
    changes: list[Change] = session.info.setdefault("changes", [])
    return changes


T = TypeVar("T", bound=SQLModel)
INSERT_CHUNK = 500  # rows per executemany: SQLite takes at most 32,766 parameters a statement


def rowcount(result: Result[Any]) -> int:
    # Session.execute is declared to return a Result; for UPDATE and DELETE it is a CursorResult.
    if not isinstance(result, CursorResult):
        raise TypeError(f"{type(result).__name__} carries no row count")
    return result.rowcount


def recorded(session: Session) -> list[Change]:
    """The changes this transaction has made so far (read-only use: slice it, never modify it)."""
    return _pending(session)


def row_dict(session: Session, model: type[SQLModel], record_id: Any) -> dict[str, Any] | None:
    table = table_of(model)
    row = session.execute(select(table).where(table.c.id == record_id)).mappings().one_or_none()
    return dict(row) if row is not None else None


def insert(session: Session, obj: T) -> T:
    session.add(obj)
    session.flush()
    table = table_of(type(obj))
    new = {c.name: getattr(obj, c.name) for c in table.columns}
    _pending(session).append(Change("create", table.name, new.get("id"), None, new))
    return obj


def insert_many(
    session: Session, model: type[SQLModel], rows: Sequence[Mapping[str, Any]], chunk: int = INSERT_CHUNK
) -> list[int]:
    """New records from validated column values, recorded one by one as ``insert`` records them
    (audit trail, history, recycle bin), but sent as one executemany per ``chunk`` rows instead of
    a flush each: an import of 10,000 people through ``insert`` took ~50 s, this way a few.

    Columns left out get the model's defaults (version 1, created/updated now); the new ids come
    back in the order of ``rows``.
    """
    table = table_of(model)
    fields = model.model_fields
    names = [c.name for c in table.columns if c.name != "id"]
    defaults = {
        name: fields[name].get_default(call_default_factory=True)
        for name in names
        if name in fields and not fields[name].is_required()
    }
    full = [{**defaults, **row} for row in rows]
    for row in full:
        missing = [name for name in names if name not in row]
        if missing:
            raise ValueError(f"{table.name}: no value for {missing}")
    statement = sql_insert(table).returning(table.c.id, sort_by_parameter_order=True)
    ids: list[int] = []
    for start in range(0, len(full), chunk):
        ids += session.execute(statement, full[start : start + chunk]).scalars().all()
    _pending(session).extend(
        Change("create", table.name, record_id, None, {"id": record_id, **row})
        for record_id, row in zip(ids, full, strict=True)
    )
    return ids


def insert_rows(session: Session, model: type[SQLModel], rows: Iterable[Mapping[str, Any]]) -> int:
    """Raw rows as they are (JSON import): ids, versions and timestamps kept.

    Rows are sent in batches of equal key sets: one executemany takes its columns from the
    first row and would silently drop, or demand, the others' fields.
    """
    batches: dict[frozenset[str], list[Mapping[str, Any]]] = {}
    count = 0
    for row in rows:
        batches.setdefault(frozenset(row), []).append(row)
        count += 1
    table = table_of(model)
    for batch in batches.values():
        session.execute(table.insert(), batch)
    if count:
        _pending(session).append(Change("create", table.name, None, extra={"rows": count, "bulk": True}))
    return count


def update(
    session: Session,
    model: type[SQLModel],
    record_id: int,
    expected_version: int,
    values: Mapping[str, Any],
    entity: RecordName,
) -> dict[str, Any]:
    table = table_of(model)
    old = row_dict(session, model, record_id)
    if old is None:
        raise NotFoundError(entity, record_id)
    if old["version"] != expected_version:
        raise ConflictError(entity, record_id, old)
    stmt = (
        sql_update(table)
        .where(table.c.id == record_id, table.c.version == expected_version)
        .values(**values, version=table.c.version + 1, updated_at=utcnow())
    )
    if rowcount(session.execute(stmt)) != 1:
        raise ConflictError(entity, record_id, row_dict(session, model, record_id))
    new = row_dict(session, model, record_id)
    assert new is not None  # updated a moment ago in this transaction
    changed = {k for k in new if new[k] != old[k]} - {"version", "updated_at"}
    _pending(session).append(
        Change(
            "update",
            table.name,
            record_id,
            {k: old[k] for k in changed},
            {k: new[k] for k in changed},
        )
    )
    session.expire_all()
    return new


def update_link(
    session: Session, model: type[SQLModel], key: Mapping[str, Any], values: Mapping[str, Any]
) -> bool:
    """Change one link row (no id, no version: contact_entry_person), found by its whole key.

    Recorded with the value of the row's first key column as record id and the whole row before
    and after, so that the recycle bin can find it again by its key (services/recycle_bin.py).
    False when there is no such row."""
    table = table_of(model)
    criteria = [table.c[name] == value for name, value in key.items()]
    old = session.execute(select(table).where(*criteria)).mappings().one_or_none()
    if old is None:
        return False
    session.execute(sql_update(table).where(*criteria).values(**values))
    new = {**old, **values}
    first_key = next(iter(table.primary_key.columns)).name
    _pending(session).append(Change("update", table.name, old[first_key], dict(old), new))
    session.expire_all()
    return True


def delete(
    session: Session, model: type[SQLModel], record_id: int, expected_version: int, entity: RecordName
) -> None:
    table = table_of(model)
    old = row_dict(session, model, record_id)
    if old is None:
        raise NotFoundError(entity, record_id)
    stmt = sql_delete(table).where(table.c.id == record_id, table.c.version == expected_version)
    if rowcount(session.execute(stmt)) != 1:
        raise ConflictError(entity, record_id, row_dict(session, model, record_id))
    _pending(session).append(Change("delete", table.name, record_id, old, None))
    session.expire_all()


def update_where(session: Session, model: type[SQLModel], criteria: Any, values: Mapping[str, Any]) -> int:
    """Change every matching record (detaching references the user agreed to), versions bumped."""
    table = table_of(model)
    rows = [dict(r) for r in session.execute(select(table).where(criteria)).mappings()]
    if not rows:
        return 0
    stmt = (
        sql_update(table)
        .where(table.c.id.in_([r["id"] for r in rows]))
        .values(
            **values,
            **({"version": table.c.version + 1, "updated_at": utcnow()} if "version" in table.c else {}),
        )
    )
    session.execute(stmt)
    for row in rows:
        old = {k: row[k] for k in values}
        _pending(session).append(Change("update", table.name, row["id"], old, dict(values)))
    session.expire_all()
    return len(rows)


def delete_where(session: Session, model: type[SQLModel], *criteria: Any) -> int:
    """Delete part rows (phones, link rows) that carry no version of their own."""
    table = table_of(model)
    rows = [dict(r) for r in session.execute(select(table).where(*criteria)).mappings()]
    if not rows:
        return 0
    session.execute(sql_delete(table).where(*criteria))
    for row in rows:
        _pending(session).append(Change("delete", table.name, row.get("id"), row, None))
    session.expire_all()
    return len(rows)


def replace_recorded(session: Session, first: int, changes: list[Change]) -> None:
    """Put ``changes`` in place of those recorded since ``first``: an erasure (services/erasure.py)
    leaves the trail its own changes without the personal data they carried."""
    _pending(session)[first:] = changes


def take_changes(session: Session) -> list[Change]:
    changes: list[Change] = session.info.pop("changes", [])
    return changes
