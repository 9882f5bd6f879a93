"""The recycle bin: deleted visits, people, organisations, contact entries and follow-ups,
restorable for 30 days.

A delete already records every row it removes and every reference it clears (``Change``); the bin
keeps exactly those, so a restore puts back what the delete took and nothing else. Rows whose id was
taken meanwhile come back under a new id (references follow); a reference to a record that is gone
by now is cleared, or the row stays out when it cannot exist without it — the report says so.
"""

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlmodel import Session, SQLModel, col

from delegation_app.domain.changes import Change
from delegation_app.domain.errors import DomainError, NotFoundError
from delegation_app.domain.models import (
    TABLES_IN_ORDER,
    Identified,
    RecycledRecord,
    stored_id,
    table_of,
    utcnow,
)
from delegation_app.domain.record_names import RecordName
from delegation_app.i18n import N_, _
from delegation_app.storage import trail_shapes, writer
from delegation_app.storage.database import Database
from delegation_app.storage.values import from_json_value, to_json_value

KEEP_DAYS = 30
MODELS: dict[str, type[SQLModel]] = {table_of(m).name: m for m in TABLES_IN_ORDER}
KIND_LABELS = {
    "visit": N_("Visit"), "person": N_("Person"), "organisation": N_("Organisation"),
    "contact_entry": N_("Contact entry"), "follow_up": N_("Follow-up"),
}  # fmt: skip


@dataclass(frozen=True)
class RecycledView:
    id: int
    deleted_at: datetime
    user_name: str
    kind: str  # the table name: "visit", "person", "organisation", "contact_entry", "follow_up"
    record_id: int
    title: str
    parts: int  # rows deleted along with it
    expires_at: datetime


@dataclass(frozen=True)
class RestoreReport:
    table: str
    record_id: int  # the id it has now (a new one if its old id was taken)
    restored_rows: int
    left_out: int  # rows that referred to records deleted since
    references_not_restored: int  # cleared references that were set to something else since


def _json_row(values: Mapping[str, Any] | None) -> dict[str, Any]:
    return {k: to_json_value(v) for k, v in (values or {}).items()}


def put(
    session: Session, table: str, record_id: int, title: str, changes: Sequence[Change], user: str
) -> None:
    """Keep what one delete took (``changes`` are that delete's records), in its transaction."""
    rows = [[c.table, _json_row(c.old)] for c in changes if c.action == "delete"]
    detached = [
        [c.table, c.record_id, _json_row(c.old), _json_row(c.new)] for c in changes if c.action == "update"
    ]
    session.add(
        RecycledRecord(
            user_name=user[:200], table_name=table, record_id=record_id, title=title[:400],
            rows=json.dumps(rows, ensure_ascii=False), detached=json.dumps(detached, ensure_ascii=False),
        )
    )  # fmt: skip


def _view(row: RecycledRecord) -> RecycledView:
    return RecycledView(
        id=stored_id(row), deleted_at=row.deleted_at, user_name=row.user_name, kind=row.table_name,
        record_id=row.record_id, title=row.title, parts=max(len(json.loads(row.rows)) - 1, 0),
        expires_at=row.deleted_at + timedelta(days=KEEP_DAYS),
    )  # fmt: skip


class RecycleBin:
    def __init__(self, db: Database) -> None:
        self.db = db

    def list(self) -> list[RecycledView]:
        with self.db.read() as session:
            newest_first = (col(RecycledRecord.deleted_at).desc(), col(RecycledRecord.id).desc())
            rows = session.scalars(select(RecycledRecord).order_by(*newest_first))
            return [_view(row) for row in rows]

    def delete_for_good(self, entry_id: int) -> None:
        with self.db.write() as session:
            self._entry(session, entry_id)
            session.execute(delete(RecycledRecord).where(col(RecycledRecord.id) == entry_id))

    def empty(self) -> int:
        with self.db.write() as session:
            return writer.rowcount(session.execute(delete(RecycledRecord)))

    def expire(self, now: datetime | None = None) -> int:
        """Deletes for good what has been in the bin longer than KEEP_DAYS."""
        limit = (now or utcnow()) - timedelta(days=KEEP_DAYS)
        with self.db.write() as session:
            expired = delete(RecycledRecord).where(col(RecycledRecord.deleted_at) < limit)
            return writer.rowcount(session.execute(expired))

    def _entry(self, session: Session, entry_id: int) -> RecycledRecord:
        row = session.get(RecycledRecord, entry_id) if isinstance(entry_id, int) else None
        if row is None:
            raise NotFoundError(RecordName("recycled_record"), entry_id)
        return row

    def restore(self, entry_id: int) -> RestoreReport:
        with self.db.write() as session:
            entry = self._entry(session, entry_id)
            kind, record_id, rows, detached = entry.table_name, entry.record_id, entry.rows, entry.detached
            session.execute(delete(RecycledRecord).where(col(RecycledRecord.id) == entry_id))
            restorer = _Restorer(session)
            if not (trail_shapes.is_row_list(rows) and trail_shapes.is_detached_list(detached)):
                raise DomainError(_("This recycle bin entry is damaged and cannot be restored."))
            for table, values in reversed(json.loads(rows)):  # parents were deleted last
                restorer.put_back(MODELS[table], values)
            not_restored = 0
            for table, linked_id, old, new in json.loads(detached):
                not_restored += not restorer.attach_again(MODELS[table], linked_id, old, new)
            new_id = restorer.id_maps.get(kind, {}).get(record_id, record_id)
            return RestoreReport(kind, new_id, restorer.restored, restorer.left_out, not_restored)


class _Restorer:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.id_maps: dict[str, dict[int, int]] = {}
        self.restored = 0
        self.left_out = 0

    def _exists(self, model: type[SQLModel], record_id: Any) -> bool:
        return record_id is not None and self.session.get(model, record_id) is not None

    def _target(self, table: str, record_id: Any) -> Any:
        return self.id_maps.get(table, {}).get(record_id, record_id)

    def put_back(self, model: type[SQLModel], values: dict[str, Any]) -> None:
        table = table_of(model)
        row = {k: from_json_value(table.c[k], v) for k, v in values.items() if k in table.c}
        for fk in table.foreign_keys:
            column, target = fk.parent.name, fk.column.table.name
            if row.get(column) is None:
                continue
            row[column] = self._target(target, row[column])
            if not self._exists(MODELS[target], row[column]):
                if not fk.parent.nullable or fk.parent.primary_key:
                    self.left_out += 1
                    return
                row[column] = None
        old_id = row.get("id")
        if "id" in table.c and self._exists(model, old_id):
            del row["id"]
        elif "id" not in table.c and self._exists(model, tuple(row[c.name] for c in table.primary_key)):
            return  # a link row that is there again already
        new = writer.insert(self.session, model(**row))
        if old_id is not None and isinstance(new, Identified) and new.id != old_id:
            self.id_maps.setdefault(table.name, {})[old_id] = stored_id(new)
        self.restored += 1

    def attach_again(
        self, model: type[SQLModel], record_id: int, old: dict[str, Any], new: dict[str, Any]
    ) -> bool:
        """Set a cleared (or moved: a merge) reference again, unless someone set it to something
        else since."""
        table = table_of(model)
        if "id" not in table.c:
            return self._link_again(model, old, new)
        current = writer.row_dict(self.session, model, record_id)
        if current is None:
            return False
        if any(to_json_value(current[k]) != v for k, v in new.items()):
            return False
        values = self._references_back(table, old)
        if values is None:
            return False
        if "version" in table.c:
            writer.update(self.session, model, record_id, current["version"], values, RecordName(table.name))
        else:  # a part row without a version of its own (a phone number a merge moved)
            writer.update_where(self.session, model, table.c.id == record_id, values)
        return True

    def _references_back(self, table: Any, old: dict[str, Any]) -> dict[str, Any] | None:
        """The old values, references pointing at the records' ids now; None when one is gone."""
        values = {k: from_json_value(table.c[k], v) for k, v in old.items()}
        for fk in table.foreign_keys:
            if values.get(fk.parent.name) is not None:
                values[fk.parent.name] = self._target(fk.column.table.name, values[fk.parent.name])
                if not self._exists(MODELS[fk.column.table.name], values[fk.parent.name]):
                    return None
        return values

    def _link_again(self, model: type[SQLModel], old: dict[str, Any], new: dict[str, Any]) -> bool:
        """A link row a merge moved to the kept record (old and new are the whole row): moved
        back, unless it is gone or the record it links to is linked to the old one again."""
        table = table_of(model)
        key = {k: from_json_value(table.c[k], v) for k, v in new.items()}
        back = self._references_back(table, old)
        if back is None or self._exists(model, tuple(back[c.name] for c in table.primary_key)):
            return False
        return writer.update_link(self.session, model, key, back)
