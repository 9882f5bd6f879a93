"""Consistent copies of a live SQLite database.

``VACUUM INTO`` on a dedicated connection: ``Connection.backup()`` hangs while another connection
holds an uncommitted write, VACUUM INTO waits on the busy timeout and then fails cleanly.
"""

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from delegation_app.storage.engine import BUSY_TIMEOUT_MS


def backup_sqlite(source: Path, dest: Path) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    if dest.exists():
        raise FileExistsError(dest)
    conn = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute("VACUUM INTO ?", (str(dest),))
    finally:
        conn.close()
    if os.name == "posix":
        os.chmod(dest, 0o600)  # a copy of the records is as private as the records
    return dest


def timestamped_name(source: Path, reason: str) -> str:
    return f"{source.stem}-{reason}-{datetime.now():%Y%m%d-%H%M%S-%f}.sqlite"
