"""Rewriting the SQLite file after an erasure, so the erased text is in no byte of it.

Deleted and changed rows leave their old bytes in free pages and free space inside pages, and the
-wal keeps the pages as they were; ``secure_delete`` zeroes what the erasure itself frees, and
VACUUM rewrites the whole file, so text freed before (earlier edits) goes too. A checkpoint with
TRUNCATE then empties the -wal. Backups are copies of their own and age out with the rotation.
"""

import logging
import sqlite3

from delegation_app.storage.database import Database

log = logging.getLogger(__name__)


def scrub_file(db: Database) -> bool:
    """True when the file and its -wal hold nothing but the current data; False when another
    program kept the -wal in use (it is emptied at that program's next checkpoint)."""
    if not db.is_sqlite:
        return True
    with db.writes_paused():
        raw = db.engine.raw_connection()
        try:
            conn = raw.driver_connection
            assert isinstance(conn, sqlite3.Connection)
            conn.execute("PRAGMA secure_delete = ON")
            conn.execute("VACUUM")
            busy, _frames, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except sqlite3.OperationalError:  # another program reads or writes the file right now
            log.warning("could not rewrite the database file after an erasure", exc_info=True)
            return False
        finally:
            raw.close()
    return busy == 0
