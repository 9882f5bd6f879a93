"""Create the scale database of issue 7: ``python benchmarks/make_scale_db.py PATH [--scale F]``.

The schema comes from the program's own opening path (every migration, triggers included); the
rows are bulk-inserted with SQLAlchemy Core executemany in large batches, a few transactions in
all. A seeded RNG makes the same file every time. Counts: see scale_spec.COUNTS (``--scale``
multiplies them; ``--small`` is the tiny database the smoke test uses). A complete build leaves
``PATH.json`` beside it (scale, seed, counts): ``run.py --scales`` reuses only such a file.
"""

import argparse
import random
import sys
import time
from collections.abc import Iterable, Iterator
from datetime import datetime
from itertools import islice
from pathlib import Path

from scale_data import Generator
from scale_files import write_record
from scale_spec import SEED, SMALL_SCALE, scaled_counts
from sqlalchemy import Connection, Table

from delegation_app.domain import models as m
from delegation_app.storage.opening import open_database
from delegation_app.storage.paths import database_url

BATCH = 20_000


def insert(conn: Connection, table: Table, rows: Iterable[dict]) -> int:
    """Executemany in batches; returns the number of rows."""
    total = 0
    iterator: Iterator[dict] = iter(rows)
    while batch := list(islice(iterator, BATCH)):
        conn.execute(table.insert(), batch)
        total += len(batch)
    return total


def build(path: Path, scale: float, seed: int = SEED) -> dict[str, int]:
    if path.exists():
        raise SystemExit(f"{path} exists; remove it first (the generator never overwrites)")
    url = database_url(path)
    db, _report = open_database(url, backups=path.parent)
    gen = Generator(random.Random(seed), scaled_counts(scale), now=datetime(2026, 11, 1, 12, 0))
    written: dict[str, int] = {}
    try:
        # One transaction per group of tables: a failure leaves a file that is obviously incomplete.
        with db.engine.begin() as conn:
            written["organisation"] = insert(conn, m.Organisation.__table__, gen.organisations())
            written["person"] = insert(conn, m.Person.__table__, gen.people())
            written["phone_number"] = insert(conn, m.PhoneNumber.__table__, gen.phones())
            # What PersonService stores: the first number (by position) as stored, E.164.
            conn.exec_driver_sql(
                "UPDATE person SET phone_sort_key = (SELECT n.e164 FROM phone_number AS n"
                " WHERE n.person_id = person.id ORDER BY n.position, n.id LIMIT 1)"
            )
        with db.engine.begin() as conn:
            written["visit"] = insert(conn, m.Visit.__table__, gen.visits())
            written["participation"] = insert(conn, m.Participation.__table__, gen.participations())
            written["agenda_item"] = insert(conn, m.AgendaItem.__table__, gen.agenda_items())
            written["quote"] = insert(conn, m.Quote.__table__, gen.quotes())
        with db.engine.begin() as conn:
            written["contact_entry"] = insert(conn, m.ContactEntry.__table__, gen.contact_entries())
            written["contact_entry_person"] = insert(
                conn, m.ContactEntryPerson.__table__, gen.contact_entry_people()
            )
            written["follow_up"] = insert(conn, m.FollowUp.__table__, gen.followups())
        with db.engine.connect() as conn:  # fold the WAL into the file: the benchmark starts clean
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.dispose()
    write_record(path, scale, seed)  # last: only a complete file has one (run.py --scales reuses it)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--scale", type=float, default=1.0, help="multiply the issue's counts (default 1)")
    size.add_argument("--small", action="store_true", help=f"the same as --scale {SMALL_SCALE}")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    scale = SMALL_SCALE if args.small else args.scale
    started = time.perf_counter()
    written = build(args.path, scale, args.seed)
    for table, count in written.items():
        print(f"{table:22} {count:>9,}")
    print(f"{args.path} written in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

