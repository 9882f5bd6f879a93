"""A record's history from the audit trail, and bringing a record back to an earlier state."""

from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from sqlalchemy import select
from sqlmodel import Session, SQLModel, col

from delegation_app.domain.errors import DomainError, NotFoundError
from delegation_app.domain.models import (
    DERIVED_FROM_OTHER_TABLES,
    TABLES_IN_ORDER,
    AuditEntry,
    stored_id,
    table_of,
)
from delegation_app.domain.record_names import RecordName
from delegation_app.i18n import _
from delegation_app.services import merging
from delegation_app.services.field_values import describe
from delegation_app.storage import audit, writer
from delegation_app.storage.database import Database
from delegation_app.storage.values import from_json_value

MODELS: dict[str, type[SQLModel]] = {table_of(m).name: m for m in TABLES_IN_ORDER}
# Bookkeeping columns: shown nowhere, restored never (the version only ever goes up).
_HIDDEN = {"id", "version", "created_at", "updated_at", "sort_key", "function_sort_key", "email_sort_key",
           "phone_sort_key"}  # fmt: skip


@dataclass(frozen=True)
class FieldChange:
    field: str  # the column name
    old: Any  # JSON values as the export writes them (None: empty)
    new: Any
    old_text: str = ""  # as a user reads them: names, labels, 24.02.2026
    new_text: str = ""


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    at: datetime  # UTC
    user_name: str
    action: str  # "create" | "update" | "delete" | "merge" (also "erase", "anonymise")
    fields: tuple[FieldChange, ...]
    note: str = ""  # what the entry says besides fields: "Merged with “Jürgen Müller”"


def _fields(session: Session, model: type[SQLModel], entry: AuditEntry) -> tuple[FieldChange, ...]:
    old, new = audit.decode(entry.old_values), audit.decode(entry.new_values)
    names = [c.name for c in table_of(model).c if c.name in (set(old) | set(new)) - _HIDDEN]  # form order
    text = partial(describe, session, model)
    return tuple(
        FieldChange(n, old.get(n), new.get(n), text(n, old.get(n)), text(n, new.get(n)))
        for n in names
        if old.get(n) != new.get(n)
    )


def _note(session: Session, entry: AuditEntry) -> str:
    if entry.action != "merge":
        return ""
    return _("Merged with “{name}”").format(name=merging.merged_name(session, entry))


class AuditTrail:
    def __init__(self, db: Database) -> None:
        self.db = db

    def history(self, table: str, record_id: int) -> list[HistoryEntry]:
        """Oldest first."""
        model = MODELS[table]
        with self.db.read() as session:
            rows = session.scalars(
                select(AuditEntry)
                .where(col(AuditEntry.table_name) == table, col(AuditEntry.record_id) == record_id)
                .order_by(col(AuditEntry.id))
            ).all()
            return [
                HistoryEntry(
                    stored_id(r), r.at, r.user_name, r.action, _fields(session, model, r), _note(session, r)
                )
                for r in rows
            ]

    def current_version(self, table: str, record_id: int) -> int | None:
        """The version a restore must name; None when the record is gone."""
        with self.db.read() as session:
            row = writer.row_dict(session, MODELS[table], record_id)
            return row["version"] if row else None

    def restore(self, table: str, record_id: int, entry_id: int, version: int) -> dict[str, Any]:
        """Give the record the values it had right after entry ``entry_id``.

        Walks back from now: each later change's old values are what the fields held before it.
        ``version`` is the version the user saw; a record changed since raises ConflictError.
        """
        model = MODELS.get(table)
        if model is None or "version" not in table_of(model).c:
            raise DomainError(_("This record has no change history that can be restored."))
        with self.db.write() as session:
            later = session.scalars(
                select(AuditEntry)
                .where(col(AuditEntry.table_name) == table, col(AuditEntry.record_id) == record_id,
                       col(AuditEntry.id) > entry_id)
                .order_by(col(AuditEntry.id).desc())
            ).all()  # fmt: skip
            if session.get(AuditEntry, entry_id) is None:
                raise NotFoundError(RecordName("audit_entry"), entry_id)
            if any(e.action in ("anonymise", "erase") for e in later):  # the old values are redacted
                raise DomainError(_("The record was anonymised; its earlier states are gone."))
            if any(e.action == "delete" for e in later) or writer.row_dict(session, model, record_id) is None:
                raise DomainError(_("The record was deleted; restore it from the recycle bin first."))
            values: dict[str, Any] = {}
            for entry in later:  # newest first, so the oldest "old" value wins
                values.update(audit.decode(entry.old_values))
            columns = table_of(model).c
            kept = {"id", "version", "created_at", "updated_at"} | DERIVED_FROM_OTHER_TABLES.get(table, set())
            values = {k: from_json_value(columns[k], v) for k, v in values.items()
                      if k in columns and k not in kept}  # fmt: skip
            return writer.update(session, model, record_id, version, values, RecordName(table))
