"""search index: people in name order (the people list's search at any size)

Revision ID: 0010_people_in_name_order
Revises: 0009_search_long_prefixes

Hand-written; SQLite only (PostgreSQL answers the list's search from its GIN index as before).

The people list is sorted by name, and a search in it wants the first page of the matches in that
order. With the index keyed by person id, that page meant collecting every match and walking the
name order against them: "an" at a million people matches 40,000 and its 100th in name order is
the 33,554th person, 13 ms a keystroke against 3 ms at 100,000. FTS5 returns matches in the order
of its rowids, and stops after a page. So a second index of the same text, with the same options
(a query means the same in both), is keyed by the person's place in name order
(``fts_person_by_name``, rowid = rank), with ``fts_person_order`` (rank ↔ person id) beside it;
a page is then a short read of the index at any size.

Ranks are spread over the 64-bit range with wide gaps (2^62 / people, 2^42 at a million). A new or
renamed person takes the middle of the gap between their neighbours in (sort_key, id) order (STEP
after the last person: adding at the end does not halve). Some forty people saved into one gap
use it up (a sorted list saved into the middle of the order; people of one name, whose ids put
each after the last); then the places of the WINDOW people on each side are spread evenly
between their outer neighbours (``fts_person_unplaced`` and its trigger: tens of milliseconds
at any size). Only if even that leaves no room is everybody numbered again
(``fts_person_crowded``: as long as this migration takes).

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
UNPLACED = "fts_person_unplaced"  # a person who found no room in their gap, for a moment
CROWDED = "fts_person_crowded"  # one who found none near it either, for a moment
COLUMNS = INDEXED["fts_person"][1]
# Ranks stay strictly inside ±BOUND: a difference of two never leaves 64 bits.
BOUND = (1 << 62) - 1
# How far after the last person a new last person goes (2^30 of them fit).
STEP = 1 << 32
# People on each side of one who finds no room whose places are spread again.
WINDOW = 512
# What a rank change or a new text of a person touches (0003's watched columns, and the key).
WATCHED = ("id", "sort_key", "title", "first_name", "last_name", "function", "department", "email",
           "organisation_id")  # fmt: skip
TRIGGERS = (f"{INDEX}_ai", f"{INDEX}_au", f"{INDEX}_ad", f"{INDEX}_org_au", f"{UNPLACED}_ai", f"{CROWDED}_ai")

# Every person numbered in (sort_key, id) order, evenly spread around 0.
RENUMBER = f"""
    INSERT INTO {ORDER} (rank, person_id)
    SELECT (2 * row_number() OVER (ORDER BY p.sort_key, p.id) - c.n - 1) * ((1 << 61) / (c.n + 1)), p.id
    FROM person AS p, (SELECT count(*) AS n FROM person) AS c"""
# The index from the first index's own copy of the text (which the other triggers keep).
REFILL = f"""
    INSERT INTO {INDEX} (rowid, body)
    SELECT o.rank, f.body FROM {ORDER} AS o JOIN fts_person AS f ON f.rowid = o.person_id"""


def _nth_by_name(before: bool, what: str, key: str, *, join: str = "", nth: int = 1) -> str:
    """``what`` of the nth person before (after) ``key`` in (sort_key, id) order: a walk of the
    name index from ``key``."""
    op_, way = ("<", "DESC") if before else (">", "ASC")
    return (
        f"(SELECT {what} FROM person AS p {join} WHERE (p.sort_key, p.id) {op_} {key} "
        f"ORDER BY p.sort_key {way}, p.id {way} LIMIT 1 OFFSET {nth - 1})"
    )


def _neighbour(before: bool) -> str:
    """The rank of the person next to NEW (CROSS JOIN: the name index drives)."""
    placed = f"CROSS JOIN {ORDER} AS o ON o.person_id = p.id"
    return _nth_by_name(before, "o.rank", "(NEW.sort_key, NEW.id)", join=placed)


def _forget(who: str) -> str:
    return f"""
        DELETE FROM {INDEX} WHERE rowid = (SELECT rank FROM {ORDER} WHERE person_id = {who}.id);
        DELETE FROM {ORDER} WHERE person_id = {who}.id;"""


def _place_new() -> str:
    """NEW into the middle of its gap (STEP after the last person, halfway to the bound before
    the first); without room there, into UNPLACED, whose trigger makes room."""
    return f"""
        INSERT INTO {ORDER} (rank, person_id)
        SELECT CASE WHEN hi = {BOUND} AND lo > -{BOUND} THEN lo + min((hi - lo) / 2, {STEP})
                    ELSE lo + (hi - lo) / 2 END, NEW.id
        FROM (SELECT coalesce({_neighbour(True)}, -{BOUND}) AS lo,
                     coalesce({_neighbour(False)}, {BOUND}) AS hi)
        WHERE hi - lo >= 2;
        INSERT INTO {UNPLACED} (person_id)
        SELECT NEW.id WHERE NOT EXISTS (SELECT 1 FROM {ORDER} WHERE person_id = NEW.id);
        INSERT INTO {INDEX} (rowid, body)
        SELECT o.rank, r.body FROM ({sqlite_rows(COLUMNS, "NEW")}) AS r
        JOIN {ORDER} AS o ON o.person_id = r.id;"""


def _wall(before: bool) -> str:
    """The id of the WINDOW-th person before (after) the unplaced one, if there is one."""
    unplaced = "(SELECT sort_key, id FROM person WHERE id = NEW.person_id)"
    return _nth_by_name(before, "p.id", unplaced, nth=WINDOW)


def _spread_window() -> str:
    """Trigger body on UNPLACED: the people between the walls (the unplaced one among them)
    spread evenly between the walls' ranks, their index rows moved with them; where that
    leaves no room either, the person goes on to CROWDED. Without a wall on one side, the
    window reaches the end of the order: '' and x'' (a blob sorts after all text) bound it."""
    low, high = _wall(True), _wall(False)
    low_key = f"(coalesce((SELECT sort_key FROM person WHERE id = {low}), ''), coalesce({low}, 0))"
    high_key = f"(coalesce((SELECT sort_key FROM person WHERE id = {high}), x''), coalesce({high}, 0))"
    inside = f"(p.sort_key, p.id) > {low_key} AND (p.sort_key, p.id) < {high_key}"
    low_rank = f"coalesce((SELECT rank FROM {ORDER} WHERE person_id = {low}), -{BOUND})"
    high_rank = f"coalesce((SELECT rank FROM {ORDER} WHERE person_id = {high}), {BOUND})"
    count = f"(SELECT count(*) FROM person AS p WHERE {inside})"
    spacing = f"(({high_rank} - {low_rank}) / ({count} + 1))"
    room = f"{spacing} >= 2"
    return f"""
        DELETE FROM {INDEX} WHERE rowid > {low_rank} AND rowid < {high_rank} AND {room};
        DELETE FROM {ORDER} WHERE rank > {low_rank} AND rank < {high_rank} AND {room};
        INSERT INTO {ORDER} (rank, person_id)
        SELECT {low_rank} + row_number() OVER (ORDER BY p.sort_key, p.id) * {spacing}, p.id
        FROM person AS p WHERE {inside} AND {room};
        {REFILL} WHERE o.rank > {low_rank} AND o.rank < {high_rank} AND o.person_id <> NEW.person_id
            AND {room};
        INSERT INTO {CROWDED} (person_id) SELECT NEW.person_id WHERE NOT ({room});
        DELETE FROM {UNPLACED};"""


def _number_everyone() -> str:
    """Trigger body on CROWDED: everyone numbered and indexed again (the new person's index row
    follows from _place_new)."""
    return f"""
        DELETE FROM {INDEX};
        DELETE FROM {ORDER};
        {RENUMBER};
        {REFILL} WHERE o.person_id <> NEW.person_id;
        DELETE FROM {CROWDED};"""


def create_name_order_triggers() -> None:
    for trigger in TRIGGERS:  # a batch rebuild of person drops only the ones on person
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    # _forget(NEW) first: an INSERT OR REPLACE of another program removes a row without its
    # delete trigger.
    op.execute(f"CREATE TRIGGER {INDEX}_ai AFTER INSERT ON person BEGIN {_forget('NEW')} {_place_new()} END")
    op.execute(
        f"CREATE TRIGGER {INDEX}_au AFTER UPDATE OF {', '.join(WATCHED)} ON person "
        f"BEGIN {_forget('OLD')} {_place_new()} END"
    )
    op.execute(f"CREATE TRIGGER {INDEX}_ad AFTER DELETE ON person BEGIN {_forget('OLD')} END")
    op.execute(f"CREATE TRIGGER {UNPLACED}_ai AFTER INSERT ON {UNPLACED} BEGIN {_spread_window()} END")
    op.execute(f"CREATE TRIGGER {CROWDED}_ai AFTER INSERT ON {CROWDED} BEGIN {_number_everyone()} END")
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
    op.execute(f"CREATE TABLE {CROWDED} (person_id INTEGER NOT NULL)")
    # columnsize = 0: nothing here ranks by length. Positions are kept (not detail = none): a
    # word the tokenizer splits in two is a phrase, which an index without them refuses.
    op.execute(
        f"CREATE VIRTUAL TABLE {INDEX} USING fts5(body, tokenize = 'unicode61 remove_diacritics 2', "
        f"prefix = '{prefixes}', columnsize = 0)"
    )
    op.execute(RENUMBER)
    op.execute(f"{REFILL} ORDER BY o.rank")  # FTS5 appends fastest in rowid order
    op.execute(f"INSERT INTO {INDEX} ({INDEX}) VALUES ('optimize')")
    create_name_order_triggers()


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for trigger in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    for table in (INDEX, ORDER, UNPLACED, CROWDED):
        op.execute(f"DROP TABLE IF EXISTS {table}")
