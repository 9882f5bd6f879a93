"""The text the SQLite search index holds for a record, as SQL (migrations 0003 and 0010).

Only built-in SQL functions (replace, coalesce, nullif), so the triggers that use it work on
every connection, including alembic's and the sqlite3 shell's. Why the text is folded this way:
migration 0003_search_index.
"""

from collections.abc import Sequence

# kind table -> (base table, searched columns); "org.name" is the person's organisation's name.
INDEXED = {
    "fts_person": ("person", ("title", "first_name", "last_name", "function", "department", "email",
                              "org.name")),
    "fts_organisation": ("organisation", ("name", "city", "website")),
    "fts_visit": ("visit", ("title", "place", "topics", "purpose", "summary")),
    "fts_quote": ("quote", ("text",)),
    "fts_contact_entry": ("contact_entry", ("summary",)),
    "fts_follow_up": ("follow_up", ("title",)),
}  # fmt: skip
# Letters that unicode61's remove_diacritics keeps (checked against SQLite 3.40), both cases.
SPECIAL = {"ß": "ss", "ẞ": "ss", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "æ": "ae",
           "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d"}  # fmt: skip
UMLAUTS = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "ae", "Ö": "oe", "Ü": "ue"}


def replaced(expr: str, mapping: dict[str, str]) -> str:
    for old, new in mapping.items():
        expr = f"replace({expr}, '{old}', '{new}')"
    return expr


def joined(columns: Sequence[str], ref) -> str:
    return " || ' ' || ".join(f"coalesce({ref(c)}, '')" for c in columns)


def column_ref(alias: str):
    def ref(column: str) -> str:
        if column == "org.name":
            return f"(SELECT o.name FROM organisation AS o WHERE o.id = {alias}.organisation_id)"
        return f"{alias}.{column}"

    return ref


def sqlite_rows(columns: Sequence[str], alias: str, source: str = "") -> str:
    """SELECT id, body for the index. Layered subqueries: SQLite's parser overflows on the
    whole expression nested in one piece (its stack holds about 100 levels)."""
    text = replaced(joined(columns, column_ref(alias)), SPECIAL)
    return (
        "SELECT id, body || coalesce(' ' || nullif(variant, body), '') AS body FROM "
        f"(SELECT id, body, {replaced('body', UMLAUTS)} AS variant FROM "
        f"(SELECT {alias}.id AS id, {text} AS body {source}))"
    )
