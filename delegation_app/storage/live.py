"""Live refresh in team mode: each committed write tells the other workplaces what it changed
(PostgreSQL ``NOTIFY``), and each window listens on a connection of its own.

The notification is sent from the write path, inside the write's transaction, rather than by
triggers: PostgreSQL delivers it only when that transaction commits (never for one rolled back),
there is one per transaction however many rows it touched, it can name the user the audit trail
names, and no migration is needed. Writes made outside the program (psql, a restore) send none;
the windows reload everything after a reconnect anyway, as a notification is only a hint.

The payload is compact JSON, ``{"u": user, "t": {table: [id, …] | null}}``: ``null`` means "some
rows of this table" when the ids would not fit in PostgreSQL's 8000-byte payload limit.
"""

import contextlib
import json
import logging
import select
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Engine, text
from sqlmodel import Session

from delegation_app.domain.changes import Change
from delegation_app.storage.failures import ConnectionLostError

CHANNEL = "delegation_changes"
PAYLOAD_LIMIT = 7_900  # PostgreSQL refuses payloads of 8000 bytes and more
# A pulled cable sends nothing: TCP keepalives make the listening socket fail within ~15 s.
KEEPALIVES = {"keepalives": 1, "keepalives_idle": 5, "keepalives_interval": 3, "keepalives_count": 3}
CONNECT_TIMEOUT_S = 5
log = logging.getLogger(__name__)


def payload(changes: Sequence[Change], user: str) -> str:
    tables: dict[str, list[Any] | None] = {}
    for change in changes:
        ids = tables.setdefault(change.table, [])
        if ids is None:
            continue
        if isinstance(change.record_id, int | str) and not isinstance(change.record_id, bool):
            if change.record_id not in ids:
                ids.append(change.record_id)
        else:  # no single id (a whole-table change): the listener reloads the table
            tables[change.table] = None
    text_ = json.dumps({"u": user, "t": tables}, separators=(",", ":"), ensure_ascii=False)
    if len(text_.encode()) > PAYLOAD_LIMIT:
        text_ = json.dumps({"u": user[:200], "t": dict.fromkeys(tables)}, separators=(",", ":"))
    return text_


def announce(session: Session, changes: Sequence[Change], user: str) -> int:
    """Queue the notification in the write's transaction; the backend pid of the connection that
    sends it, so that this program's own listener can ignore what it already knows."""
    connection = session.connection()
    connection.execute(
        text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL, "payload": payload(changes, user)}
    )
    dbapi = connection.connection.dbapi_connection
    pid: int = dbapi.get_backend_pid() if dbapi is not None else 0
    return pid


def parse(raw: str) -> list[Change]:
    """The changes a notification names, each marked remote and with the user who made it."""
    try:
        message = json.loads(raw)
        user = str(message.get("u") or "")
        tables = dict(message["t"])
    except (ValueError, KeyError, TypeError, AttributeError):
        log.info("ignored a change notification that is not ours")
        return []
    extra = {"user": user, "remote": True}
    changes: list[Change] = []
    for table, ids in tables.items():
        if not isinstance(ids, list) or not ids:
            changes.append(Change("update", str(table), None, extra=extra))
        else:
            changes.extend(Change("update", str(table), record_id, extra=extra) for record_id in ids)
    return changes


class ChangeFeed:
    """``LISTEN`` on a dedicated autocommit connection. The window watches ``socket()`` in its
    event loop and calls ``receive()`` when it is readable. A lost connection raises
    ``ConnectionLostError`` from ``connect``/``receive``; ``connect`` again to go on."""

    def __init__(self, engine: Engine, own_pids: set[int]) -> None:
        self._engine = engine
        self._own_pids = own_pids
        self._connection: Any = None

    @property
    def connected(self) -> bool:
        return self._connection is not None and not self._connection.closed

    def connect(self) -> int:
        """Open the connection and listen; the socket's file descriptor."""
        import psycopg2  # type: ignore[import-untyped]  # only team mode needs the driver

        self.close()
        args, params = self._engine.dialect.create_connect_args(self._engine.url)
        try:
            conn = psycopg2.connect(*args, **{**params, **KEEPALIVES, "connect_timeout": CONNECT_TIMEOUT_S})
            conn.autocommit = True
            with conn.cursor() as cursor:
                cursor.execute(f"LISTEN {CHANNEL}")
        except psycopg2.Error as exc:
            raise ConnectionLostError(f"{type(exc).__name__}: {' '.join(str(exc).split())}") from exc
        self._connection = conn
        return int(conn.fileno())

    def socket(self) -> int:
        return int(self._connection.fileno())

    def receive(self) -> list[Change]:
        """What other workplaces changed since the last call (empty when nothing did)."""
        import psycopg2

        conn = self._connection
        if conn is None:
            raise ConnectionLostError("not connected")
        try:
            conn.poll()
        except psycopg2.Error as exc:
            self.close()
            raise ConnectionLostError(f"{type(exc).__name__}: {' '.join(str(exc).split())}") from exc
        changes: list[Change] = []
        while conn.notifies:
            notify = conn.notifies.pop(0)
            if notify.pid not in self._own_pids:
                changes.extend(parse(notify.payload))
        return changes

    @staticmethod
    def everything() -> list[Change]:
        """Every table changed: after a reconnect nobody knows what was missed."""
        from delegation_app.domain.models import TABLES_IN_ORDER, table_of

        return [
            Change("update", table_of(model).name, None, extra={"remote": True}) for model in TABLES_IN_ORDER
        ]

    def wait(self, seconds: float) -> list[Change]:
        """Block up to ``seconds`` for a notification (for programs without an event loop)."""
        readable, _w, _x = select.select([self.socket()], [], [], seconds)
        return self.receive() if readable else []

    def close(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(Exception):  # already gone with the server
                self._connection.close()
            self._connection = None
