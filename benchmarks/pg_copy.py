"""The scale database copied into a PostgreSQL database for the team scenarios (``run.py --pg``).

The schema comes from the program's migrations (search index and its triggers included); the
rows go in with ``COPY … FROM STDIN`` table by table. A fingerprint of the SQLite file is kept in
``bench_source``: when it matches, the copy from the last run is used again (copying 100,000
people takes minutes). The database is emptied first, so give it one of its own.
"""

import hashlib
import io
import sqlite3
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlmodel import SQLModel

import delegation_app.domain.models  # noqa: F401  (the tables)
from delegation_app.storage.migrate import upgrade_database

BATCH = 20_000


def fingerprint(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as source:
        while chunk := source.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _stored_fingerprint(url: str) -> str | None:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            exists = conn.execute(text("SELECT to_regclass('public.bench_source')")).scalar()
            return conn.execute(text("SELECT fingerprint FROM bench_source")).scalar() if exists else None
    finally:
        engine.dispose()


def _field(value: object) -> str:
    """One value in COPY's text format."""
    if value is None:
        return "\\N"
    if isinstance(value, bytes):
        return "\\\\x" + value.hex()
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def ensure_copied(sqlite_path: Path, url: str, log=print) -> bool:
    """Copy unless the same file was copied before; True when it copied."""
    mark = fingerprint(sqlite_path)
    if _stored_fingerprint(url) == mark:
        log(f"PostgreSQL holds the copy of {sqlite_path.name} from an earlier run: used again")
        return False
    started = time.perf_counter()
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    upgrade_database(url, backups=None)
    source = sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True)
    engine = create_engine(url)
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        for table in SQLModel.metadata.sorted_tables:
            columns = [c.name for c in table.columns]
            names = ", ".join(f'"{c}"' for c in columns)
            rows = source.execute(f'SELECT {names} FROM "{table.name}"')
            count = 0
            while batch := rows.fetchmany(BATCH):
                buffer = io.StringIO("".join("\t".join(map(_field, row)) + "\n" for row in batch))
                cursor.copy_expert(f'COPY "{table.name}" ({names}) FROM STDIN', buffer)
                count += len(batch)
            if table.c.get("id") is not None and count:
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "
                    f'(SELECT max(id) FROM "{table.name}"))'
                )
            log(f"  {table.name}: {count} rows", file=sys.stderr)
        cursor.execute("CREATE TABLE bench_source (fingerprint text NOT NULL)")
        cursor.execute("INSERT INTO bench_source VALUES (%s)", (mark,))
        raw.commit()
        # Statistics, or the planner guesses 1,500 participants per visit and reads every person.
        # In a transaction of its own that is committed: ``autocommit`` set on the pool's proxy
        # never reached the driver, and closing rolled the ANALYZE back.
        cursor.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()
        engine.dispose()
        source.close()
    log(f"copied {sqlite_path} into PostgreSQL in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return True
