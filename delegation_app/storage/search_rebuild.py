"""Making the search index's FTS5 tables again with other prefix entries (migrations 0008, 0009).

FTS5 cannot change a table's prefixes, so each table is made again under its name and filled
from the old one's own copy of the text (the triggers of 0003 name the table, not its options,
so they stay; migrations run with ``legacy_alter_table`` on, see env.py), then merged into one
b-tree ('optimize'). PostgreSQL's tsvector prefix search needs nothing: nothing happens there.
"""

from alembic import op

TABLES = ("fts_person", "fts_organisation", "fts_visit", "fts_quote", "fts_contact_entry", "fts_follow_up")
TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2'"


def rebuild_with_prefixes(longest: int, shortest: int = 1) -> None:
    """Every table with prefix entries of ``shortest`` … ``longest`` letters."""
    if op.get_bind().dialect.name != "sqlite":
        return
    prefixes = " ".join(str(length) for length in range(shortest, longest + 1))
    for fts in TABLES:
        op.execute(f"CREATE VIRTUAL TABLE {fts}_new USING fts5(body, {TOKENIZE}, prefix = '{prefixes}')")
        op.execute(f"INSERT INTO {fts}_new (rowid, body) SELECT rowid, body FROM {fts}")
        op.execute(f"DROP TABLE {fts}")
        op.execute(f"ALTER TABLE {fts}_new RENAME TO {fts}")
        op.execute(f"INSERT INTO {fts} ({fts}) VALUES ('optimize')")
