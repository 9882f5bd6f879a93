"""The audit trail: every change written in the transaction that makes it.

Entries are written inside ``Database.write`` just before the commit, so a change and its entry are
all or nothing. Bulk imports into an empty database are not listed row by row: the file brings its
own audit trail (the ``audit_entry`` table is part of the export), and an import there must give
back exactly the exported data.
"""

import getpass
import json
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session

from delegation_app.domain.changes import Change
from delegation_app.domain.models import AuditEntry, RecycledRecord, table_of, utcnow
from delegation_app.storage.values import to_json_value

# The trail's own tables: recording their rows would only repeat what is already there.
_NOT_AUDITED = {AuditEntry.__tablename__, RecycledRecord.__tablename__}


def current_user() -> str:
    """The operating-system account (``os.getlogin()`` fails without a terminal)."""
    try:
        return getpass.getuser() or "?"
    except (OSError, KeyError, ImportError):  # no USER/LOGNAME and no passwd entry (containers)
        return "?"


def encode(values: Mapping[str, Any] | None) -> str | None:
    if values is None:
        return None
    return json.dumps({k: to_json_value(v) for k, v in values.items()}, ensure_ascii=False, sort_keys=True)


def decode(text: str | None) -> dict[str, Any]:
    return json.loads(text) if text else {}


def entries_for(changes: Iterable[Change], user: str) -> list[dict[str, Any]]:
    operation = uuid.uuid4().hex
    at = utcnow()
    return [
        {
            "at": at,
            "user_name": user[:200],
            "operation": operation,
            "action": change.action,
            "table_name": change.table,
            "record_id": change.record_id if isinstance(change.record_id, int) else None,
            "old_values": encode(change.old),
            "new_values": encode(change.new),
        }
        for change in changes
        if change.table not in _NOT_AUDITED and not change.extra.get("bulk")
    ]


def record(session: Session, changes: Iterable[Change], user: str) -> None:
    rows = entries_for(changes, user)
    if rows:
        session.execute(insert(table_of(AuditEntry)), rows)
