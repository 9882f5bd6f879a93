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

BUSY_TIMEOUT_MS = 10_000
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
        return create_engine(url, echo=echo, pool_pre_ping=True)
    engine = create_engine(
        url,
        echo=echo,
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
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
