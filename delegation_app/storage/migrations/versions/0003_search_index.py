"""search index: full-text search over people, organisations, visits, quotes, contacts, follow-ups

Revision ID: 0003_search_index
Revises: 0002

Hand-written (autogenerate knows nothing of these objects, and env.py hides them from it).

SQLite: one FTS5 table per kind, rowid = the record's id, one column ``body``. The tables keep
their own copy of the text (neither contentless nor external content): SQLite 3.40, as shipped
with Python 3.11, has no ``contentless_delete``, and a contentless or external-content table can
only forget a row when given exactly the text it indexed - for a person that includes their
organisation's name, which may have changed since. Storing the text is the price of triggers
that simply say ``DELETE … WHERE rowid = OLD.id``.

Folding: the tokenizer ``unicode61 remove_diacritics 2`` folds case and accents (Kücük → kucuk)
but keeps ß, ł, ø, æ … as letters, and "mueller" must find Müller. So ``body`` is the text with
those letters replaced (ß → ss), followed by a copy with ä/ö/ü spelled ae/oe/ue when that differs.
Only built-in SQL functions are used (replace, coalesce, nullif), so the triggers work on every
connection, including alembic's and the sqlite3 shell's, which lack the app's ``app_fold``.
The query side folds the user's words with ``domain.sortkey.fold``, which maps these letters the
same way.

PostgreSQL: a table ``fts_KIND(id, doc tsvector)`` with a GIN index, kept by trigger functions.
Folding is plain SQL (translate/replace generated below, a ``fts_fold`` function), so neither
the unaccent nor the pg_trgm extension is needed: a database owner without superuser rights can
run this migration on any PostgreSQL version.

``batch_alter_table`` on a searched table drops its triggers: re-create them in that revision
(``create_sqlite_triggers`` here).
"""

import unicodedata
from collections.abc import Sequence

from alembic import op

from delegation_app.storage.search_text import INDEXED, SPECIAL, UMLAUTS, column_ref, joined, replaced
from delegation_app.storage.search_text import sqlite_rows as _sqlite_rows

revision: str = "0003_search_index"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def create_sqlite_triggers(fts: str) -> None:
    base, columns = INDEXED[fts]
    watched = [c for c in columns if c != "org.name"] + (["organisation_id"] if base == "person" else [])
    op.execute(f"""
        CREATE TRIGGER {fts}_ai AFTER INSERT ON {base} BEGIN
            INSERT INTO {fts} (rowid, body) {_sqlite_rows(columns, "NEW")};
        END""")
    op.execute(f"""
        CREATE TRIGGER {fts}_au AFTER UPDATE OF id, {", ".join(watched)} ON {base} BEGIN
            DELETE FROM {fts} WHERE rowid = OLD.id;
            INSERT INTO {fts} (rowid, body) {_sqlite_rows(columns, "NEW")};
        END""")
    op.execute(f"""
        CREATE TRIGGER {fts}_ad AFTER DELETE ON {base} BEGIN
            DELETE FROM {fts} WHERE rowid = OLD.id;
        END""")


def _sqlite_upgrade() -> None:
    for fts, (base, columns) in INDEXED.items():
        # prefix: extra index entries for 2- to 6-letter prefixes. Without them FTS5 merges the
        # posting lists of every word starting so ("stra": straße, strategie, …) on each keystroke,
        # 8-25 ms over 300k contact entries; with them 0.1 ms, for a third more index.
        op.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5(body, tokenize = 'unicode61 remove_diacritics 2', "
            "prefix = '2 3 4 5 6')"
        )
        op.execute(f"INSERT INTO {fts} (rowid, body) {_sqlite_rows(columns, base, f'FROM {base}')}")
        op.execute(f"INSERT INTO {fts} ({fts}) VALUES ('optimize')")
        create_sqlite_triggers(fts)
    # A person's index text holds their organisation's name.
    people = _sqlite_rows(INDEXED["fts_person"][1], "person", "FROM person WHERE organisation_id = NEW.id")
    op.execute(f"""
        CREATE TRIGGER fts_person_org_au AFTER UPDATE OF name ON organisation BEGIN
            DELETE FROM fts_person WHERE rowid IN (SELECT id FROM person WHERE organisation_id = NEW.id);
            INSERT INTO fts_person (rowid, body) {people};
        END""")


def _sqlite_downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS fts_person_org_au")
    for fts in INDEXED:
        for suffix in ("ai", "au", "ad"):
            op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
        op.execute(f"DROP TABLE IF EXISTS {fts}")


# --- PostgreSQL -----------------------------------------------------------------------------------


def _latin_folding() -> tuple[dict[str, str], str, str]:
    """What ``domain.sortkey.fold`` does to Latin letters (U+00C0-U+024F), as SQL can say it:
    letters folding to one letter go into translate(), the others (ß → ss) into replace()."""
    longer, source, target = {}, [], []
    special: dict[str, str | int | None] = dict(SPECIAL)  # the type str.maketrans asks for
    for char in [chr(code) for code in range(0xC0, 0x250)] + [c for c in SPECIAL if ord(c) >= 0x250]:
        folded = char.casefold().translate(str.maketrans(special))
        folded = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
        if not folded or not folded.isascii():
            continue  # × and ÷ stay; so do letters outside the Latin alphabet
        if len(folded) == 1:
            source.append(char)
            target.append(folded)
        else:
            longer[char] = folded
    return longer, "".join(source), "".join(target)


_ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"


def _pg_fold_function() -> str:
    longer, source, target = _latin_folding()
    # ASCII punctuation becomes space, so the tsvector parser sees words only (it would keep an
    # e-mail address or a host name as one token, and "kuhn" would not find anna.kuhn@bochum.de).
    source += _ASCII_PUNCTUATION
    target += " " * len(_ASCII_PUNCTUATION)
    quoted_source = source.replace("'", "''")
    body = f"lower(translate({replaced('t', longer)}, '{quoted_source}', '{target}'))"
    return f"CREATE FUNCTION fts_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT {body} $$"


def _pg_doc(columns: Sequence[str], alias: str) -> str:
    text = joined(columns, column_ref(alias))
    # the lexemes of both spellings; a tsvector keeps each lexeme once
    return f"to_tsvector('simple', fts_fold({text}) || ' ' || fts_fold({replaced(text, UMLAUTS)}))"


def _pg_upgrade() -> None:
    op.execute(_pg_fold_function())
    for fts, (base, columns) in INDEXED.items():
        op.execute(f"CREATE TABLE {fts} (id integer PRIMARY KEY, doc tsvector NOT NULL)")
        op.execute(f"CREATE INDEX {fts}_doc ON {fts} USING gin (doc)")
        op.execute(f"INSERT INTO {fts} (id, doc) SELECT id, {_pg_doc(columns, base)} FROM {base}")
        op.execute(f"""
            CREATE FUNCTION {fts}_sync() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP <> 'INSERT' THEN
                    DELETE FROM {fts} WHERE id = OLD.id;
                END IF;
                IF TG_OP <> 'DELETE' THEN
                    INSERT INTO {fts} (id, doc) SELECT id, {_pg_doc(columns, base)} FROM {base}
                    WHERE id = NEW.id;
                END IF;
                RETURN NULL;
            END $$""")
        op.execute(
            f"CREATE TRIGGER {fts}_sync AFTER INSERT OR UPDATE OR DELETE ON {base} "
            f"FOR EACH ROW EXECUTE FUNCTION {fts}_sync()"
        )
    op.execute(f"""
        CREATE FUNCTION fts_person_org_sync() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.name IS DISTINCT FROM OLD.name THEN
                UPDATE fts_person SET doc = p.doc
                FROM (SELECT id, {_pg_doc(INDEXED["fts_person"][1], "person")} AS doc
                      FROM person WHERE organisation_id = NEW.id) AS p
                WHERE fts_person.id = p.id;
            END IF;
            RETURN NULL;
        END $$""")
    op.execute(
        "CREATE TRIGGER fts_person_org_sync AFTER UPDATE ON organisation "
        "FOR EACH ROW EXECUTE FUNCTION fts_person_org_sync()"
    )


def _pg_downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS fts_person_org_sync ON organisation")
    op.execute("DROP FUNCTION IF EXISTS fts_person_org_sync()")
    for fts, (base, _columns) in INDEXED.items():
        op.execute(f"DROP TRIGGER IF EXISTS {fts}_sync ON {base}")
        op.execute(f"DROP FUNCTION IF EXISTS {fts}_sync()")
        op.execute(f"DROP TABLE IF EXISTS {fts}")
    op.execute("DROP FUNCTION IF EXISTS fts_fold(text)")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_upgrade()
    else:
        _pg_upgrade()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_downgrade()
    else:
        _pg_downgrade()
