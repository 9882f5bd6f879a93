"""people sort keys: stored, indexed keys for sorting the people list by function, email, phone

Revision ID: 0004_people_sort_keys
Revises: 0003_search_index

Hand-written. Sorting 100,000 people by ``app_fold(function)`` called Python once per row, and
by phone ran one subquery per person: 0.3-0.5 s per page. The keys are now columns the service
fills on every write (``domain.sortkey.person_list_keys``), each indexed together with the name
key, so a page of any order is a range of an index. Existing rows get their keys here, folded
by the same function as the service folds them (so this revision uses the app's code, not SQL),
and so do people in the recycle bin.

Plain ``add_column`` / ``create_index``: no batch rebuild, so the search triggers of 0003 on
``person`` stay as they are. The key columns are not among the columns those triggers watch.
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from delegation_app.domain.sortkey import person_list_keys

revision: str = "0004_people_sort_keys"
down_revision: str | None = "0003_search_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEYS = ("function_sort_key", "email_sort_key", "phone_sort_key")
INDEXES = {
    "ix_person_organisation_id_sort_key": ["organisation_id", "sort_key"],
    "ix_person_function_sort_key": ["function_sort_key", "sort_key"],
    "ix_person_email_sort_key": ["email_sort_key", "sort_key"],
    "ix_person_phone_sort_key": ["phone_sort_key", "sort_key"],
    "ix_person_is_own_staff_sort_key": ["is_own_staff", "sort_key"],
}
BATCH = 5000


def _key_type() -> sa.types.TypeEngine:
    return sa.String(400).with_variant(sa.String(400, collation="C"), "postgresql")


def _fill(connection) -> None:
    rows = connection.execute(
        sa.text(
            "SELECT p.id, p.function, p.email, (SELECT n.e164 FROM phone_number AS n "
            "WHERE n.person_id = p.id ORDER BY n.position, n.id LIMIT 1) FROM person AS p"
        )
    ).all()
    update = sa.text(
        "UPDATE person SET function_sort_key = :function_sort_key, email_sort_key = :email_sort_key, "
        "phone_sort_key = :phone_sort_key WHERE id = :id"
    )
    values = [{"id": pid, **person_list_keys(function, email, phone)} for pid, function, email, phone in rows]
    values = [v for v in values if any(v[k] is not None for k in KEYS)]
    for start in range(0, len(values), BATCH):
        connection.execute(update, values[start : start + BATCH])


def _with_keys(rows: list) -> list:
    """A recycle bin entry's rows ([table, values], children first): person rows get their keys,
    so that a person deleted before this revision comes back sortable."""
    phones: dict = {}
    for table, values in rows:
        if table == "phone_number":
            place = (values.get("position", 0), values.get("id") or 0)
            known = phones.get(values.get("person_id"))
            if known is None or place < known[0]:
                phones[values.get("person_id")] = (place, values.get("e164"))
    for table, values in rows:
        if table == "person" and not set(KEYS) <= values.keys():
            phone = phones.get(values.get("id"))
            keys = person_list_keys(values.get("function"), values.get("email"), phone and phone[1])
            values.update({k: v for k, v in keys.items() if k not in values})
    return rows


def _fill_recycled(connection) -> None:
    entries = connection.execute(sa.text("SELECT id, rows FROM recycled_record")).all()
    for entry_id, rows in entries:
        if '"person"' in rows:
            updated = json.dumps(_with_keys(json.loads(rows)), ensure_ascii=False)
            connection.execute(
                sa.text("UPDATE recycled_record SET rows = :rows WHERE id = :id"),
                {"rows": updated, "id": entry_id},
            )


def upgrade() -> None:
    for name in KEYS:
        op.add_column("person", sa.Column(name, _key_type(), nullable=True))
    _fill(op.get_bind())
    _fill_recycled(op.get_bind())
    # (organisation_id, sort_key) serves the foreign key's lookups as well.
    op.drop_index("ix_person_organisation_id", table_name="person")
    for name, columns in INDEXES.items():
        op.create_index(name, "person", columns, unique=False)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="person")
    op.create_index("ix_person_organisation_id", "person", ["organisation_id"], unique=False)
    # Not batch mode: a rebuild would drop the search triggers (SQLite 3.35+ drops columns itself).
    for name in KEYS:
        op.execute(f"ALTER TABLE person DROP COLUMN {name}")
