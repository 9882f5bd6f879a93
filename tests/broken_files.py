"""Broken database files for the start-up tests, and a fingerprint to prove they stay untouched."""

import hashlib
import sqlite3
from pathlib import Path

from delegation_app.services.demo import load_demo
from delegation_app.services.registry import Services
from delegation_app.startup import Startup
from delegation_app.storage.opening import open_database
from delegation_app.storage.paths import database_url


def good_database(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    db, _report = open_database(database_url(path))
    load_demo(Services.over(db))
    db.dispose()  # the last connection checkpoints and removes -wal/-shm
    return path


def fingerprint(path: Path) -> dict[str, str]:
    """Every file of the database (with -wal/-shm, if any) and a hash of its bytes."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in path.parent.iterdir()
        if p.name.startswith(path.name)
    }


def start_for(path: Path, **changes) -> Startup:
    return Startup(url=database_url(path), language="de", **changes)


def overwrite(path: Path, offset: int, data: bytes) -> None:
    with open(path, "r+b") as f:
        f.seek(offset)
        f.write(data)


def damage_schema(path: Path) -> None:
    """Garbage over the schema page behind the file header: SQLite says "malformed"."""
    overwrite(path, 100, b"\xa5" * 3996)


def damage_an_index(path: Path, index: str = "ix_quote_agenda_item_id") -> None:
    """Garbage over one index's b-tree page: the file opens, the window works, quick_check fails."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (index,)).fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    overwrite(path, (root - 1) * page_size + 1, b"\xff" * (page_size - 1))  # keeps the page type byte


def mark_as_newer(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    finally:
        conn.close()
