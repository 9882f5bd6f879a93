"""Which of a few rows match a search: the full-text index's own test, on those rows alone.

A one- or two-letter word matches a large part of a list ("m": 59 % of the people). Asking
``id IN (every match)`` makes SQLite collect every match before the first row is shown: 590,000
ids at a million people, most of a 95 ms keystroke, growing with the table. Walking the list's
order instead and testing a screenful of rows at a time costs the same at any size. The test is
a scratch FTS5 table with the search index's tokenizer, so a row matches here exactly when the
index would match it (no second implementation of its folding to drift apart).
"""

from collections.abc import Sequence

from sqlalchemy import column, table
from sqlalchemy.orm import Session

from delegation_app.storage.search import INDEX_TABLES, prefix_query, search_words

# A temp table: private to this connection, never in the database file, gone when it closes.
_PROBE = "temp.fts_probe"
_CREATE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {_PROBE} USING fts5(body,"
    " tokenize = 'unicode61 remove_diacritics 2')"
)


def indexed_text(kind: str):
    """The text the index holds for each record of ``kind`` (an FTS5 table's own copy, by id)."""
    content = table(f"{INDEX_TABLES[kind]}_content", column("id"), column("c0"))
    return content, content.c.id, content.c.c0


def matching(session: Session, rows: Sequence[tuple[int, str | None]], text: str) -> set[int]:
    """The ids among ``rows`` (id, indexed text) whose text holds every word of ``text`` as a
    word prefix; SQLite only."""
    words = search_words(text)
    if not words or not rows:
        return set()
    conn = session.connection()
    conn.exec_driver_sql(_CREATE)
    conn.exec_driver_sql(f"DELETE FROM {_PROBE}")
    conn.exec_driver_sql(f"INSERT INTO {_PROBE} (rowid, body) VALUES (?, ?)", [tuple(row) for row in rows])
    found = conn.exec_driver_sql(f"SELECT rowid FROM {_PROBE} WHERE body MATCH ?", (prefix_query(words),))
    return {row[0] for row in found}


def is_broad(dialect: str, text: str | None, shortest: int) -> bool:
    """Whether every word of ``text`` is shorter than ``shortest`` letters (on SQLite): such a
    search matches so much that walking the list beats collecting the matches."""
    words = search_words(text)
    return dialect == "sqlite" and bool(words) and all(len(word[0]) < shortest for word in words)
