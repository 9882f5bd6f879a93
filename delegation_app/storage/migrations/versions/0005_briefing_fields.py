"""briefing fields: a person's short profile and name order; a visit's talking points, protocol
notes and logistics

Revision ID: 0005_briefing_fields
Revises: 0004_people_sort_keys

Plain ``add_column``: no batch rebuild, so the search triggers of 0003 on ``person`` and
``visit`` stay as they are. None of these columns is searched (like a person's and a visit's
notes, they are read in the record and the briefing, not looked for).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_briefing_fields"
down_revision: str | None = "0004_people_sort_keys"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VISIT_TEXTS = ("talking_points", "protocol_notes", "logistics")


def upgrade() -> None:
    op.add_column("person", sa.Column("profile", sa.Text(), nullable=True))
    op.add_column("person", sa.Column("family_name_first", sa.Boolean(), server_default="0", nullable=False))
    for name in VISIT_TEXTS:
        op.add_column("visit", sa.Column(name, sa.Text(), nullable=True))


def downgrade() -> None:
    # Not batch mode: a rebuild would drop the search triggers (SQLite 3.35+ drops columns itself).
    for name in VISIT_TEXTS:
        op.execute(f"ALTER TABLE visit DROP COLUMN {name}")
    op.execute("ALTER TABLE person DROP COLUMN family_name_first")
    op.execute("ALTER TABLE person DROP COLUMN profile")
