"""A database handle: short read sessions, serialized write transactions, change listeners."""

import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import Engine, event
from sqlmodel import Session

from delegation_app.domain.changes import Change
from delegation_app.storage import audit, live
from delegation_app.storage.engine import make_engine, write_engine
from delegation_app.storage.failures import Problem, StorageError, read_only_message, translated
from delegation_app.storage.paths import sqlite_path
from delegation_app.storage.writer import take_changes

log = logging.getLogger(__name__)
ChangeListener = Callable[[Sequence[Change]], None]


class Database:
    def __init__(
        self, url: str, engine: Engine | None = None, *, read_only: bool = False, password: str | None = None
    ) -> None:
        self.url = url  # never with a password: it is named in the log and the status bar
        self.read_only = read_only  # opened with mode=ro: every write is refused in words
        self.engine = engine or make_engine(url, password=password)
        self._write_engine = write_engine(self.engine)
        # DB writes one at a time within this process; other processes wait on the busy timeout.
        self._write_lock = threading.RLock()
        self._listeners: list[ChangeListener] = []
        self._local = threading.local()
        self.user_name = audit.current_user()  # who the audit trail names; tests set their own
        self._own_pids: set[int] = set()  # server processes that sent our notifications (team mode)
        # Statements sent on each thread: over a network each one is a round trip, and round
        # trips, not SQL, decide how fast an action feels (the debug log names them per action).
        self._statements = threading.local()
        event.listen(self.engine, "before_cursor_execute", self._count_statement)

    @property
    def path(self):
        return sqlite_path(self.url)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def _count_statement(self, *_args: object) -> None:
        self._statements.count = getattr(self._statements, "count", 0) + 1

    def statement_count(self) -> int:
        """Statements this thread has sent so far (compare before and after an action)."""
        count: int = getattr(self._statements, "count", 0)
        return count

    def add_listener(self, listener: ChangeListener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: ChangeListener) -> None:
        self._listeners.remove(listener)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A short read session; inside a write transaction, that transaction (it sees its own rows);
        inside a snapshot, the snapshot's session."""
        outer = getattr(self._local, "session", None) or getattr(self._local, "snapshot", None)
        if outer is not None:
            yield outer
            return
        # A damaged page or another program's lock met while reading is a message, not a crash.
        with translated(), Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def read_one(self) -> Iterator[Session]:
        """A read made of ONE statement (a search): on a server it runs without a transaction
        around it, as a single statement sees one state of the data by itself; that saves the
        BEGIN and the ROLLBACK, two of a search's four round trips. Inside a transaction or a
        snapshot, that one."""
        if getattr(self._local, "session", None) is not None or getattr(self._local, "snapshot", None):
            with self.read() as joined:
                yield joined
            return
        with self.read() as session:
            if not self.is_sqlite:
                session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
            yield session

    @contextmanager
    def snapshot(self) -> Iterator[Session]:
        """One read transaction that sees one state of the data, joined by every ``read()`` on this
        thread until it ends: a use case made of several service reads (a briefing) reads them all
        from the same moment. SQLite (WAL) keeps the first read's snapshot to the end; PostgreSQL's
        default READ COMMITTED takes a new one per statement, so there it asks for REPEATABLE READ."""
        if getattr(self._local, "session", None) is not None or getattr(self._local, "snapshot", None):
            with self.read() as joined:  # already inside one transaction: it is the snapshot
                yield joined
            return
        with translated(), Session(self.engine, expire_on_commit=False) as session:
            if not self.is_sqlite:
                session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            self._local.snapshot = session
            try:  # the session begins at its first statement and stays in that transaction
                yield session
            finally:
                self._local.snapshot = None

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One all-or-nothing transaction; listeners hear of its changes after the commit.

        Nested calls on the same thread join the outer transaction, so a use case made of
        several service calls (demo data, an import) commits once or not at all.
        """
        outer = getattr(self._local, "session", None)
        if outer is not None:
            yield outer
            return
        if self.read_only:
            raise StorageError(read_only_message(), Problem.READ_ONLY)
        with self._write_lock:
            with Session(self._write_engine, expire_on_commit=False) as session:
                self._local.session = session
                try:
                    with translated(), session.begin():  # a full disk is a message, not a crash
                        yield session
                        changes = take_changes(session)
                        audit.record(session, changes, self.user_name)
                        if changes and not self.is_sqlite:  # other workplaces hear of it at commit
                            self._own_pids.add(live.announce(session, changes, self.user_name))
                finally:
                    self._local.session = None
            for listener in list(self._listeners):
                try:
                    listener(changes)
                except Exception:  # the write is committed; a failing listener must not undo that claim
                    log.exception("change listener %r failed", listener)

    @contextmanager
    def writes_paused(self) -> Iterator[None]:
        """Hold this program's write lock without a transaction (a restore writes underneath)."""
        with self._write_lock:
            yield

    def notify_external_change(self) -> None:
        """The whole content changed outside the write path (a restore): every view reloads."""
        from delegation_app.domain.changes import Change
        from delegation_app.domain.models import TABLES_IN_ORDER, table_of

        every_table = [Change("update", table_of(model).name, None) for model in TABLES_IN_ORDER]
        for listener in list(self._listeners):
            try:
                listener(every_table)
            except Exception:
                log.exception("change listener %r failed", listener)

    def change_feed(self) -> live.ChangeFeed | None:
        """What other workplaces change, for a window to listen to; None on SQLite (one PC)."""
        return None if self.is_sqlite else live.ChangeFeed(self.engine, self._own_pids)

    def dispose(self) -> None:
        self.engine.dispose()
