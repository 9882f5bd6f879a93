"""What to show when a save meets a newer version: both versions side by side, and who changed it."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlmodel import col

from delegation_app.domain.errors import ConflictError
from delegation_app.domain.models import TABLES_IN_ORDER, AuditEntry
from delegation_app.services.field_values import Difference, differences
from delegation_app.storage.database import Database


@dataclass(frozen=True)
class ConflictDetails:
    record_id: int
    deleted: bool  # the other side deleted it: there is nothing to overwrite
    current_version: int | None  # what an overwrite must name
    differences: tuple[Difference, ...]
    changed_by: str | None  # from the audit trail: the last change
    changed_at: datetime | None  # UTC


MODELS = {model.__tablename__: model for model in TABLES_IN_ORDER}


def explain(db: Database, table: str, error: ConflictError, mine: Any) -> ConflictDetails:
    """``table`` names the record's kind ("visit", "person", …), so callers need no ORM class."""
    model = MODELS[table]
    with db.read() as session:
        last = session.scalars(
            select(AuditEntry)
            .where(col(AuditEntry.table_name) == table, col(AuditEntry.record_id) == error.record_id)
            .order_by(col(AuditEntry.id).desc())
            .limit(1)
        ).first()
        current = error.current
        found = differences(session, model, mine, current) if current is not None else []
    return ConflictDetails(
        record_id=error.record_id,
        deleted=current is None,
        current_version=_version(current),
        differences=tuple(found),
        changed_by=last.user_name if last else None,
        changed_at=last.at if last else None,
    )


def _version(current: dict[str, object] | None) -> int | None:
    version = current["version"] if current is not None else None
    return version if isinstance(version, int) else None
