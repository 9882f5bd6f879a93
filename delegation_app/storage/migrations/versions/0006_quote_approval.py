"""quote approval: the approved wording, the approval request and its follow-up

Revision ID: 0006_quote_approval
Revises: 0005_briefing_fields

Hand-written. A quote keeps what was captured (``text``) and, once approved, the wording the
speaker approved (``approved_text``); the request (to whom, how, when) and the follow-up that
carries its due date. Quotes approved before this revision were approved as captured, so their
approved wording is the captured text. The new state ``rejected`` needs no schema change (the
state column is a plain string without a check constraint).

SQLite cannot add a foreign key to a table: batch mode rebuilds ``quote``, which drops the search
index's triggers on it, so they are made again (0003_search_index.create_sqlite_triggers).
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision: str = "0006_quote_approval"
down_revision: str | None = "0005_briefing_fields"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FK = "fk_quote_approval_follow_up_id_follow_up"
INDEX = "ix_quote_approval_follow_up_id"
COLUMNS = (
    "approved_text",
    "approval_sent_to",
    "approval_channel",
    "approval_sent_on",
    "approval_follow_up_id",
)


def _search_triggers_again() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # Alembic loads revisions by path, not as modules of a package.
        spec = importlib.util.spec_from_file_location(
            "search_index_0003", Path(__file__).with_name("0003_search_index.py")
        )
        assert spec is not None
        assert spec.loader is not None
        search = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(search)
        for suffix in ("ai", "au", "ad"):
            op.execute(f"DROP TRIGGER IF EXISTS fts_quote_{suffix}")
        search.create_sqlite_triggers("fts_quote")


def upgrade() -> None:
    with op.batch_alter_table("quote", schema=None) as batch_op:
        batch_op.add_column(sa.Column("approved_text", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("approval_sent_to", sa.String(length=300), nullable=True))
        batch_op.add_column(
            sa.Column(
                "approval_channel",
                sa.Enum(
                    "email",
                    "letter",
                    "phone",
                    "in_person",
                    name="approvalchannel",
                    native_enum=False,
                    length=32,
                ),
                nullable=True,
            )
        )
        batch_op.add_column(sa.Column("approval_sent_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("approval_follow_up_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(FK, "follow_up", ["approval_follow_up_id"], ["id"], ondelete="SET NULL")
        batch_op.create_index(INDEX, ["approval_follow_up_id"], unique=False)
    _search_triggers_again()
    op.execute(
        "UPDATE quote SET approved_text = text WHERE approval_state = 'approved' AND approved_text IS NULL"
    )


def downgrade() -> None:
    with op.batch_alter_table("quote", schema=None) as batch_op:
        batch_op.drop_index(INDEX)
        batch_op.drop_constraint(FK, type_="foreignkey")
        for name in reversed(COLUMNS):
            batch_op.drop_column(name)
    _search_triggers_again()
