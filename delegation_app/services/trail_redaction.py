"""The person's data in the copies the program keeps of earlier states: the change history's old
and new values and the recycle bin's rows.

A copy of a row that belongs to the person (their person row, their phone numbers, the function
they held at a visit) loses those values; every other copied text loses its mentions of them. The
history shows "[entfernt]" where a value was; a recycle-bin row gets an empty value instead, so a
restore brings back nothing of the person.
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, func, or_, select, update
from sqlmodel import Session, col

from delegation_app.domain.changes import Change
from delegation_app.domain.models import TABLES_IN_ORDER, AuditEntry, RecycledRecord, table_of
from delegation_app.services.mentions import NamePattern, redacted, spellings
from delegation_app.services.personal_columns import RULES, Treatment, owner_column
from delegation_app.storage import audit, writer

TABLES = {table_of(m).name: table_of(m) for m in TABLES_IN_ORDER}
AUDIT, BIN = TABLES["audit_entry"], TABLES["recycled_record"]
_REPLACED = (Treatment.OWN, Treatment.OWN_AND_MENTIONS, Treatment.BELONGS, Treatment.DERIVED)
_SEARCHED = (Treatment.OWN_AND_MENTIONS, Treatment.BELONGS, Treatment.MENTIONS)


@dataclass
class Owned:
    """The rows that are the person's: their person row and the part rows naming them."""

    person_id: int
    pattern: NamePattern
    ids: dict[str, set[int]] = field(default_factory=dict)  # table → ids of part rows

    def owns(self, table: str, record_id: Any, values: Mapping[str, Any]) -> bool:
        if table == "person":
            return record_id == self.person_id or values.get("id") == self.person_id
        owner = owner_column(table)
        if owner is None:
            return False
        return values.get(owner) == self.person_id or record_id in self.ids.get(table, set())


def redact_values(owned: Owned, table: str, record_id: Any, values: Mapping[str, Any] | None, *,
                  emptied: Any) -> dict[str, Any] | None:  # fmt: skip
    """The values with the person's data taken out: their own values become ``emptied``,
    mentions in other text become "[entfernt]"."""
    if values is None:
        return None
    rules = RULES.get(table, {})
    mine = owned.owns(table, record_id, values)
    result = dict(values)
    for name, value in values.items():
        rule = rules.get(name)
        if rule is None or not isinstance(value, str):
            continue
        own_value = mine and rule.treatment in _REPLACED
        if own_value or (rule.treatment is Treatment.DERIVED and owned.pattern.in_key(value)):
            result[name] = emptied
        elif rule.treatment in _SEARCHED:
            result[name] = owned.pattern.redact(value)
    return result


def redact_change(owned: Owned, change: Change) -> Change:
    """A change the erasure itself made, as the trail may keep it."""
    redact = lambda values: redact_values(owned, change.table, change.record_id, values, emptied=redacted())  # noqa: E731
    return Change(change.action, change.table, change.record_id, redact(change.old), redact(change.new),
                  change.extra)  # fmt: skip


def collect_owned_ids(session: Session, owned: Owned) -> None:
    """Part rows of the person, now or in the trail (an update there names only what changed)."""
    for table_name in {t for t in RULES if owner_column(t)}:
        owner = owner_column(table_name)
        assert owner is not None
        table = TABLES[table_name]
        ids = set(session.scalars(select(table.c.id).where(table.c[owner] == owned.person_id)))
        marker = f'"{owner}": {owned.person_id}'
        created = select(AUDIT.c.record_id, AUDIT.c.old_values, AUDIT.c.new_values).where(
            AUDIT.c.table_name == table_name,
            or_(AUDIT.c.old_values.contains(marker), AUDIT.c.new_values.contains(marker)),
        )
        for record_id, old, new in session.execute(created):
            if owned.person_id in (audit.decode(old).get(owner), audit.decode(new).get(owner)):
                ids.add(record_id)
        owned.ids[table_name] = ids


def names_them(owned: Owned, column) -> Any:
    return or_(*(column.icontains(s, autoescape=True) for s in spellings(owned.pattern.last_name)))


def _entry_filter(owned: Owned):
    conditions = [
        (col(AuditEntry.table_name) == "person") & (col(AuditEntry.record_id) == owned.person_id),
        names_them(owned, col(AuditEntry.old_values)),
        names_them(owned, col(AuditEntry.new_values)),
    ]
    for table, ids in owned.ids.items():
        for chunk in _chunks(sorted(ids)):
            conditions.append((col(AuditEntry.table_name) == table) & col(AuditEntry.record_id).in_(chunk))
    return or_(*conditions)


def _chunks(ids: list[int], size: int = 5000) -> list[list[int]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def redact_history(session: Session, owned: Owned, *, dry_run: bool = False) -> int:
    """The change history's entries that hold the person's data, redacted; how many."""
    count = 0
    rows = session.execute(
        select(col(AuditEntry.id), col(AuditEntry.table_name), col(AuditEntry.record_id),
               col(AuditEntry.old_values), col(AuditEntry.new_values)).where(_entry_filter(owned))
    ).all()  # fmt: skip
    for entry_id, table, record_id, old, new in rows:

        def redact(text: str | None, table: str = table, record_id: Any = record_id) -> str | None:
            values = audit.decode(text)
            return (
                audit.encode(redact_values(owned, table, record_id, values, emptied=redacted()))
                if text
                else text
            )

        values = {"old_values": redact(old), "new_values": redact(new)}
        if values != {"old_values": old, "new_values": new}:
            if not dry_run:
                session.execute(update(AUDIT).where(AUDIT.c.id == entry_id).values(**values))
            count += 1
    return count


def redact_recycle_bin(session: Session, owned: Owned, *, dry_run: bool = False) -> int:
    """The person's own bin entry deleted, their data taken out of the others; how many entries."""
    own = (col(RecycledRecord.table_name) == "person") & (col(RecycledRecord.record_id) == owned.person_id)
    if dry_run:
        count = session.scalar(select(func.count()).select_from(RecycledRecord).where(own)) or 0
    else:
        count = writer.rowcount(session.execute(delete(RecycledRecord).where(own)))
    markers = [f'"{owner_column(t)}": {owned.person_id}' for t in owned.ids]
    candidates = session.scalars(select(RecycledRecord).where(or_(
        names_them(owned, col(RecycledRecord.rows)), names_them(owned, col(RecycledRecord.detached)),
        names_them(owned, col(RecycledRecord.title)),
        *(col(RecycledRecord.rows).contains(m) for m in markers),
        *(col(RecycledRecord.detached).contains(m) for m in markers),
    ))).all()  # fmt: skip
    for entry in candidates:
        rows = [[t, redact_values(owned, t, v.get("id"), v, emptied=None)] for t, v in json.loads(entry.rows)]
        detached = [
            [t, i, *(redact_values(owned, t, i, values, emptied=None) for values in (old, new))]
            for t, i, old, new in json.loads(entry.detached)
        ]
        values = {
            "rows": json.dumps(rows, ensure_ascii=False),
            "detached": json.dumps(detached, ensure_ascii=False),
            "title": owned.pattern.redact(entry.title),
        }
        if values != {"rows": entry.rows, "detached": entry.detached, "title": entry.title}:
            if not dry_run:
                session.execute(update(BIN).where(BIN.c.id == entry.id).values(**values))
            count += 1
    return count
