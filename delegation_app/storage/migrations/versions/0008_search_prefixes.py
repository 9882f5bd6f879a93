"""search index: prefix entries from 1 up to 10 letters, and each table merged into one b-tree

Revision ID: 0008_search_prefixes
Revises: 0007_open_follow_up_index

Hand-written. A searched word longer than the longest indexed prefix (6 letters until now) makes
FTS5 collect the postings of every word starting so before it can return the newest matches:
"Straße" (strasse…) took 2 ms over 200,000 quotes and ten times that at ten times the data,
while a six-letter word takes 0.1 ms at any size. With entries for 7- to 10-letter prefixes
most words a user types are a prefix the index holds.
One-letter entries let a list count a one-letter word's matches up to a bound (people list:
walk its order or sort the matches?) instead of collecting all of them ("m": 590,000 people).
Together 12 % more file at the benchmark's data; the upgrade takes 16 s at 100,000 people.

SQLite: FTS5 cannot change a table's prefixes, so each table is made again under its name and
filled from the old one's own copy of the text (the triggers of 0003 name the table, not its
options, so they stay; migrations run with ``legacy_alter_table`` on, see env.py), then merged
('optimize'). PostgreSQL's tsvector prefix search needs nothing: nothing happens there.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008_search_prefixes"
down_revision: str | None = "0007_open_follow_up_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("fts_person", "fts_organisation", "fts_visit", "fts_quote", "fts_contact_entry", "fts_follow_up")
TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2'"


def _rebuild(prefixes: str) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for fts in TABLES:
        op.execute(f"CREATE VIRTUAL TABLE {fts}_new USING fts5(body, {TOKENIZE}, prefix = '{prefixes}')")
        op.execute(f"INSERT INTO {fts}_new (rowid, body) SELECT rowid, body FROM {fts}")
        op.execute(f"DROP TABLE {fts}")
        op.execute(f"ALTER TABLE {fts}_new RENAME TO {fts}")
        op.execute(f"INSERT INTO {fts} ({fts}) VALUES ('optimize')")


def upgrade() -> None:
    _rebuild("1 2 3 4 5 6 7 8 9 10")


def downgrade() -> None:
    _rebuild("2 3 4 5 6")
