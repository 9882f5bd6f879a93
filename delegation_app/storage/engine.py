"""Engine factory with the PRAGMAs and transaction mode every connection needs.

SQLite in WAL mode: a deferred transaction that reads and then writes gets SQLITE_BUSY at once
and ignores the busy timeout, so write transactions begin with ``BEGIN IMMEDIATE``. pysqlite's
own implicit BEGIN is switched off so that these statements are ours, and so that PRAGMAs run
outside any transaction (``PRAGMA foreign_keys`` is a no-op inside one).
"""

from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event

from delegation_app.domain.sortkey import fold

# How long a statement waits for another program's lock before the user is told to try again.
# A save holds the lock for milliseconds (measured: median 16 ms, the demo data 0.6 s); a wait of
# more than a few seconds is another program's long import or a stuck process, and a clear
# message beats a window that does not answer.
BUSY_TIMEOUT_MS = 5_000
WRITE_OPTION = "delegation_app_write"


def read_only_uri(path: Path) -> str:
    """A SQLite URI that reads the file without writing anything beside it.

    Plain ``mode=ro`` on a WAL database creates -wal/-shm files next to it (seen here), which a
    refused or read-only file must not get; ``immutable`` skips them. A -wal that exists already
    may hold the latest commits, so then it is read the ordinary way.
    """
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    return uri if path.with_name(path.name + "-wal").exists() else uri + "&immutable=1"


def read_only_url(path: Path) -> str:
    return f"sqlite:///{read_only_uri(path)}&uri=true"


def make_engine(url: str, *, foreign_keys: bool = True, echo: bool = False) -> Engine:
    if not url.startswith("sqlite"):
        # PostgreSQL waits for a row or table lock forever by default: the same limit as SQLite's.
        args = {"options": f"-c lock_timeout={BUSY_TIMEOUT_MS}"} if url.startswith("postgresql") else {}
        return create_engine(url, echo=echo, pool_pre_ping=True, connect_args=args, hide_parameters=True)
    engine = create_engine(
        url,
        echo=echo,
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        # A failed statement's message carries its parameters (search words, names): they would
        # end up in the log file and behind "Copy details". The statement itself is enough.
        hide_parameters=True,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.create_function("app_fold", 1, fold, deterministic=True)
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
            if url not in ("sqlite://", "sqlite:///:memory:") and "mode=ro" not in url:
                cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        immediate = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def write_engine(engine: Engine) -> Engine:
    """The same pool, marked so that transactions on it take the write lock at BEGIN."""
    return engine.execution_options(**{WRITE_OPTION: True})
