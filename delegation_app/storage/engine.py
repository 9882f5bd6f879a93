"""Engine factory with the PRAGMAs and transaction mode every connection needs.

SQLite in WAL mode: a deferred transaction that reads and then writes gets SQLITE_BUSY at once
and ignores the busy timeout, so write transactions begin with ``BEGIN IMMEDIATE``. pysqlite's
own implicit BEGIN is switched off so that these statements are ours, and so that PRAGMAs run
outside any transaction (``PRAGMA foreign_keys`` is a no-op inside one).
"""

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session

from delegation_app.domain.sortkey import fold

# How long a statement waits for another program's lock before the user is told to try again.
# A save holds the lock for milliseconds (measured: median 16 ms, the demo data 0.6 s); a wait of
# more than a few seconds is another program's long import or a stuck process, and a clear
# message beats a window that does not answer.
BUSY_TIMEOUT_MS = 5_000
WRITE_OPTION = "delegation_app_write"
# How long connecting to a server may take before "cannot be reached" (a VPN that is down).
CONNECT_TIMEOUT_S = 10
# SQLite's page cache per connection, in KiB (a negative cache_size). The default, 2 MiB, holds
# the working set of a global search at 100,000 people but not at a million: its statement reads
# six tables' full-text and row pages in turns, and with 2 MiB the turns evict each other ("ka":
# 0.8 ms at 100,000 people, 1.5 ms at a million; with 8 MiB 0.8 and 0.9 ms; 16 MiB was no
# faster). Pages are only taken as they are read: a small database never fills it, and the
# window's connections hold some 15 MB more at a large one (benchmarks: memory).
CACHE_KIB = 8_192


@dataclass(frozen=True)
class Limits:
    """PostgreSQL's waits for one connection, in ms (0: no limit). SQLite has only its busy timeout."""

    lock_ms: int
    statement_ms: int


# Normal work: a lock as long as SQLite's busy timeout; no statement of a user action runs for
# 30 s (the scale database's slowest read takes under 2 s), so one that does is stuck behind
# something and the user is told to try again instead of watching a frozen window.
NORMAL = Limits(BUSY_TIMEOUT_MS, 30_000)
# Migrations (team upgrade/init) may wait for a colleague's transaction to end and rewrite big
# tables; exports and imports read or write everything at once.
LONG = Limits(60_000, 30 * 60_000)


def server_url(url: str | URL, password: str | None = None) -> URL:
    """The URL object with the password set: it never becomes a string (a URL's repr and str
    mask the password), so it cannot reach a log line or the settings."""
    parsed = make_url(url)
    return parsed.set(password=password) if password is not None else parsed


def allow_long(session: Session) -> None:
    """This transaction (an export, an import) gets the long statement limit on PostgreSQL."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text(f"SET LOCAL statement_timeout = {LONG.statement_ms}"))


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


def _server_default_isolation(dbapi_connection, _record) -> None:
    """After a snapshot the pool resets the isolation level by naming READ COMMITTED, which
    psycopg then sends as a SET on the next check-out's ping (a round trip); the server's
    default is that same level, and naming none sends nothing."""
    if dbapi_connection is not None and dbapi_connection.isolation_level is not None:
        dbapi_connection.isolation_level = None


def make_engine(
    url: str,
    *,
    foreign_keys: bool = True,
    echo: bool = False,
    password: str | None = None,
    limits: Limits = NORMAL,
    connect_timeout_s: int = CONNECT_TIMEOUT_S,
) -> Engine:
    """``password``: a server's, kept out of ``url`` (see server_url)."""
    if not url.startswith("sqlite"):
        args: dict[str, object] = {}
        if url.startswith("postgresql"):
            # PostgreSQL waits for a row or table lock forever by default: the same limit as
            # SQLite's, and a statement limit so that nothing waits without end.
            args["options"] = f"-c lock_timeout={limits.lock_ms} -c statement_timeout={limits.statement_ms}"
            args["connect_timeout"] = connect_timeout_s
        options: dict[str, object] = {}
        if make_url(url).get_driver_name() in ("psycopg2", "psycopg"):
            # The driver would ask the server about the hstore type on every first connection (three
            # round trips); no column uses it.
            options["use_native_hstore"] = False
        server = create_engine(
            server_url(url, password), echo=echo, pool_pre_ping=True, connect_args=args, hide_parameters=True,
            **options,
        )  # fmt: skip
        if options:
            event.listen(server, "checkin", _server_default_isolation)
        return server
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
            cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
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
