"""search index: people in name order (the people list's search at any size)

Revision ID: 0010_people_in_name_order
Revises: 0009_search_long_prefixes

Hand-written; SQLite only (PostgreSQL answers the list's search from its GIN index as before).

The people list is sorted by name, and a search in it wants the first page of the matches in that
order. With the index keyed by person id, that page meant collecting every match and walking the
name order against them: "an" at a million people matches 40,000 and its 100th in name order is
the 33,554th person, 13 ms a keystroke against 3 ms at 100,000. FTS5 returns matches in the order
of its rowids, and stops after a page. So a second index of the same text is keyed by the
person's place in name order (``fts_person_by_name``, rowid = rank), with ``fts_person_order``
(rank ↔ person id) beside it; a page is then a short read of the index at any size.

Ranks are spread over the 64-bit range with wide gaps (2^62 / people, 2^42 at a million), and a
new or renamed person takes a place in the gap between their neighbours in (sort_key, id) order:
STEP after the one before, or the middle of a narrower gap. A gap is used up after about a
thousand people saved in a row after each other (a sorted list; people of one name, whose ids
decide) and some forty saved before each other. Then the triggers number every person again
and rebuild this index: one save takes that long (a second per 25,000 people, measured below).
The index stores no positions (``detail=none``): a list search asks for words, never phrases.

Triggers (as 0003's: ``batch_alter_table`` on ``person`` drops them; re-create them with
``create_name_order_triggers``).
"""

from collections.abc import Sequence

from alembic import op

from delegation_app.storage.search_text import INDEXED, sqlite_rows

revision: str = "0010_people_in_name_order"
down_revision: str | None = "0009_search_long_prefixes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "fts_person_by_name"
ORDER = "fts_person_order"
COLUMNS = INDEXED["fts_person"][1]
# Ranks stay strictly inside ±BOUND: a difference of two never leaves 64 bits.
BOUND = (1 << 62) - 1
# A new person goes at most this far after the one before them: a sorted list or people of one
# name saved in a row (each after the last) take 1,024 steps of a million people's gap, not half
# of what is left each time. Before the first person, they go that far before the next.
STEP = 1 << 32
# What a rank change or a new text of a person touches (0003's watched columns, and the key).
WATCHED = ("id", "sort_key", "title", "first_name", "last_name", "function", "department", "email",
           "organisation_id")  # fmt: skip
UNPLACED = "fts_person_unplaced"  # a person without a place for a moment (_make_room)
TRIGGERS = (f"{INDEX}_ai", f"{INDEX}_au", f"{INDEX}_ad", f"{INDEX}_org_au", f"{UNPLACED}_ai")
# People on each side of one who finds no room whose places are spread again (_make_room).
WINDOW = 512

# Every person numbered in (sort_key, id) order, evenly spread around 0.
RENUMBER = f"""
    INSERT INTO {ORDER} (rank, person_id)
    SELECT (2 * row_number() OVER (ORDER BY p.sort_key, p.id) - c.n - 1) * ((1 << 61) / (c.n + 1)), p.id
    FROM person AS p, (SELECT count(*) AS n FROM person) AS c"""
# The index from the first index's own copy of the text, in rank order (FTS5 appends fastest).
REFILL = f"""
    INSERT INTO {INDEX} (rowid, body)
    SELECT o.rank, f.body FROM {ORDER} AS o JOIN fts_person AS f ON f.rowid = o.person_id"""


def _neighbour(before: bool) -> str:
    """The rank of the person next to NEW in name order (CROSS JOIN: walk the name index)."""
    op_, way = ("<", "DESC") if before else (">", "ASC")
    return (
        f"(SELECT o.rank FROM person AS p CROSS JOIN {ORDER} AS o ON o.person_id = p.id "
        f"WHERE (p.sort_key, p.id) {op_} (NEW.sort_key, NEW.id) "
        f"ORDER BY p.sort_key {way}, p.id {way} LIMIT 1)"
    )


def _forget(who: str) -> str:
    return f"""
        DELETE FROM {INDEX} WHERE rowid = (SELECT rank FROM {ORDER} WHERE person_id = {who}.id);
        DELETE FROM {ORDER} WHERE person_id = {who}.id;"""


def _place_new() -> str:
    """NEW into its gap (STEP after the last person, halfway before the first, else the middle);
    where there is none, into UNPLACED, whose trigger makes room."""
    return f"""
        INSERT INTO {ORDER} (rank, person_id)
        SELECT CASE WHEN lo = -{BOUND} THEN hi - (hi - lo) / 2
                    WHEN hi = {BOUND} THEN lo + min((hi - lo) / 2, {STEP})
                    ELSE lo + (hi - lo) / 2 END, NEW.id
        FROM (SELECT coalesce({_neighbour(True)}, -{BOUND}) AS lo,
                     coalesce({_neighbour(False)}, {BOUND}) AS hi)
        WHERE hi - lo >= 2;
        INSERT INTO {UNPLACED} (person_id)
        SELECT NEW.id WHERE NOT EXISTS (SELECT 1 FROM {ORDER} WHERE person_id = NEW.id);
        INSERT INTO {INDEX} (rowid, body)
        SELECT o.rank, r.body FROM ({sqlite_rows(COLUMNS, "NEW")}) AS r
        JOIN {ORDER} AS o ON o.person_id = r.id;"""


def _edge(before: bool) -> str:
    """The id of the WINDOW-th person before (after) the unplaced one: the room's wall."""
    op_, way = ("<", "DESC") if before else (">", "ASC")
    return (
        f"(SELECT p.id FROM person AS p WHERE (p.sort_key, p.id) {op_} "
        f"(SELECT sort_key, id FROM person WHERE id = NEW.person_id) "
        f"ORDER BY p.sort_key {way}, p.id {way} LIMIT 1 OFFSET {WINDOW - 1})"
    )


def _make_room() -> str:
    """Trigger body on UNPLACED: the people between the walls (up to WINDOW on each side and the
    unplaced one) spread evenly between the walls' ranks, their index rows moved with them; if
    even that leaves no room, everyone numbered and indexed again."""
    low, high = _edge(True), _edge(False)
    low_rank = f"coalesce((SELECT rank FROM {ORDER} WHERE person_id = {low}), -{BOUND})"
    high_rank = f"coalesce((SELECT rank FROM {ORDER} WHERE person_id = {high}), {BOUND})"
    inside = (
        f"({low} IS NULL OR (p.sort_key, p.id) > (SELECT sort_key, id FROM person WHERE id = {low})) AND "
        f"({high} IS NULL OR (p.sort_key, p.id) < (SELECT sort_key, id FROM person WHERE id = {high}))"
    )
    missing = f"NOT EXISTS (SELECT 1 FROM {ORDER} WHERE person_id = NEW.person_id)"
    between = f"> {low_rank} AND {{}} < {high_rank}"
    spacing = f"(({high_rank} - {low_rank}) / (c.n + 1))"
    return f"""
        DELETE FROM {INDEX} WHERE rowid {between.format("rowid")};
        DELETE FROM {ORDER} WHERE rank {between.format("rank")};
        INSERT INTO {ORDER} (rank, person_id)
        SELECT {low_rank} + row_number() OVER (ORDER BY p.sort_key, p.id) * {spacing}, p.id
        FROM person AS p, (SELECT count(*) AS n FROM person AS p WHERE {inside}) AS c
        WHERE {inside} AND {spacing} >= 2;
        DELETE FROM {INDEX} WHERE {missing};
        DELETE FROM {ORDER} WHERE {missing};
        {RENUMBER} WHERE NOT EXISTS (SELECT 1 FROM {ORDER});
        {REFILL} WHERE o.person_id <> NEW.person_id
            AND o.rank > {low_rank} AND o.rank < {high_rank}
            AND NOT EXISTS (SELECT 1 FROM {INDEX} WHERE rowid > {low_rank} AND rowid < {high_rank})
            AND EXISTS (SELECT 1 FROM {INDEX});
        {REFILL} WHERE o.person_id <> NEW.person_id AND NOT EXISTS (SELECT 1 FROM {INDEX});
        DELETE FROM {UNPLACED};"""


def create_name_order_triggers() -> None:
    op.execute(f"CREATE TRIGGER {INDEX}_ai AFTER INSERT ON person BEGIN {_place_new()} END")
    op.execute(
        f"CREATE TRIGGER {INDEX}_au AFTER UPDATE OF {', '.join(WATCHED)} ON person "
        f"BEGIN {_forget('OLD')} {_place_new()} END"
    )
    op.execute(f"CREATE TRIGGER {INDEX}_ad AFTER DELETE ON person BEGIN {_forget('OLD')} END")
    op.execute(f"CREATE TRIGGER {UNPLACED}_ai AFTER INSERT ON {UNPLACED} BEGIN {_make_room()} END")
    # A person's text holds their organisation's name (as in 0003).
    members = f"SELECT o.rank FROM person AS p JOIN {ORDER} AS o ON o.person_id = p.id"
    members += " WHERE p.organisation_id = NEW.id"
    rows = sqlite_rows(COLUMNS, "person", "FROM person WHERE organisation_id = NEW.id")
    op.execute(f"""
        CREATE TRIGGER {INDEX}_org_au AFTER UPDATE OF name ON organisation BEGIN
            DELETE FROM {INDEX} WHERE rowid IN ({members});
            INSERT INTO {INDEX} (rowid, body)
            SELECT o.rank, r.body FROM ({rows}) AS r JOIN {ORDER} AS o ON o.person_id = r.id;
        END""")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    prefixes = " ".join(str(length) for length in range(1, 21))  # as 0009's
    op.execute(f"CREATE TABLE {ORDER} (rank INTEGER PRIMARY KEY, person_id INTEGER NOT NULL UNIQUE)")
    op.execute(f"CREATE TABLE {UNPLACED} (person_id INTEGER NOT NULL)")
    op.execute(
        f"CREATE VIRTUAL TABLE {INDEX} USING fts5(body, tokenize = 'unicode61 remove_diacritics 2', "
        f"prefix = '{prefixes}', detail = none, columnsize = 0)"
    )
    op.execute(RENUMBER)
    op.execute(f"{REFILL} ORDER BY o.rank")
    op.execute(f"INSERT INTO {INDEX} ({INDEX}) VALUES ('optimize')")
    create_name_order_triggers()


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for trigger in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute(f"DROP TABLE IF EXISTS {INDEX}")
    op.execute(f"DROP TABLE IF EXISTS {ORDER}")
    op.execute(f"DROP TABLE IF EXISTS {UNPLACED}")
