"""Bring a database to the current schema; run at every start, before anything else touches it.

SQLite traps handled here (docs/architecture.md, "Migrations"): batch mode rebuilds a table by
copy-and-drop, and with foreign keys ON that DROP fires ON DELETE CASCADE and silently deletes
child rows. So migrations run on a connection opened with foreign keys OFF (the PRAGMA is a
no-op inside a transaction, so it is set at connect), and ``PRAGMA foreign_key_check`` must come
back empty before the transaction commits.
"""

import ast
import errno
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, inspect
from sqlalchemy.exc import ArgumentError, DBAPIError

from delegation_app.domain.errors import DomainError
from delegation_app.i18n import _, ngettext
from delegation_app.storage.backups import BackupError, copy_database, timestamped_name
from delegation_app.storage.engine import BUSY_TIMEOUT_MS, LONG, make_engine, read_only_uri, write_engine
from delegation_app.storage.failures import SQLITE_MAGIC, Problem, classify
from delegation_app.storage.paths import backup_dir, sqlite_path
from delegation_app.storage.team import connection_problem

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


class DatabaseOpenError(DomainError):
    """The database cannot be used as it is; the message says why and what to do."""

    def __init__(self, message: str, problem: Problem = Problem.OTHER, detail: object = "") -> None:
        super().__init__(message)
        self.problem = problem
        self.detail = " ".join(str(detail).split())


@dataclass(frozen=True)
class MigrationReport:
    from_revision: str | None
    to_revision: str | None
    backup: Path | None


def alembic_config(script_location: Path | None = None):
    from alembic.config import Config  # alembic costs ~0.2 s to import: only when migrating

    cfg = Config()
    cfg.set_main_option("script_location", str(script_location or MIGRATIONS_DIR))
    return cfg


def head_revision(script_location: Path | None = None) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(script_location)).get_current_head()


_ASSIGNMENT = re.compile(r"^(revision|down_revision)\b[^=\n]*=\s*(.+?)\s*$", re.MULTILINE)


def declared_head(script_location: Path | None = None) -> str | None:
    """The head revision as the scripts declare it, read without importing alembic (a cold
    ``delegation-app visits`` must not pay for it). None when anything is unusual (a merge, a
    file it cannot read): the caller then asks alembic."""
    revisions, parents = set(), set()
    for script in sorted(((script_location or MIGRATIONS_DIR) / "versions").glob("[!_]*.py")):
        found = dict(_ASSIGNMENT.findall(script.read_text(encoding="utf-8")))
        try:
            revision, parent = ast.literal_eval(found["revision"]), ast.literal_eval(found["down_revision"])
        except (KeyError, ValueError, SyntaxError):
            return None
        if not isinstance(revision, str) or not (parent is None or isinstance(parent, str)):
            return None
        revisions.add(revision)
        parents.add(parent)
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _inspect_sqlite(path: Path) -> tuple[str | None, set[str]]:
    """Revision and tables, read-only: a file we end up refusing must not be changed at all
    (the engine's connect-time PRAGMAs would switch it to WAL)."""
    if not path.exists() or path.stat().st_size == 0:
        return None, set()
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            current = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                current = row[0] if row else None
            return current, tables - {"alembic_version"}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        storage = classify(exc)
        if storage is not None and storage.problem in (Problem.READ_ONLY, Problem.DISK_FULL):
            raise _open_error(storage) from exc
        with open(path, "rb") as head:
            if head.read(16) == SQLITE_MAGIC:
                message = _("The database file is damaged and cannot be read.")
                raise DatabaseOpenError(message, Problem.DAMAGED, exc) from exc
        raise DatabaseOpenError(
            _("The file is not a database of this program, or it is damaged."), Problem.NOT_A_DATABASE, exc
        ) from exc


def check_sqlite_file(path: Path, script_location: Path | None = None) -> str | None:
    """Refuse, without writing, a file this program cannot use as it is; returns its revision."""
    current, tables = _inspect_sqlite(path)
    if current is not None and current == declared_head(script_location):
        return current  # the usual case, known without importing alembic
    from alembic.script import ScriptDirectory

    _refuse_unusable(current, tables, ScriptDirectory.from_config(alembic_config(script_location)))
    return current


def needs_update(path: Path) -> bool:
    """Whether opening this file updates its schema first (a backup, then a moment): the window
    says so meanwhile. False where opening will refuse the file (it says why then)."""
    try:
        current, tables = _inspect_sqlite(path)
    except DatabaseOpenError:
        return False
    return bool(tables) and current != declared_head()


def has_tables(path: Path) -> bool:
    return bool(_inspect_sqlite(path)[1])


def _refuse_unusable(current: str | None, tables: set[str], script) -> None:
    if current is None and tables:
        raise DatabaseOpenError(_("The file is a database, but not one of this program."))
    if current is not None and current not in {r.revision for r in script.walk_revisions()}:
        raise DatabaseOpenError(
            _("The database was written by a newer version of this program. Please update the program."),
            Problem.NEWER,
        )


def _inspect_server(engine, *, tables: bool = True) -> tuple[str | None, set[str]]:
    """The schema's revision and (``tables``) the program's tables found."""
    from alembic.runtime.migration import MigrationContext

    try:
        with engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
            return current, set(inspect(conn).get_table_names()) - {"alembic_version"} if tables else set()
    except DBAPIError as exc:
        message, problem = connection_problem(exc)
        raise DatabaseOpenError(message, problem, exc.orig) from exc


def _server_revision(engine) -> str | None:
    return _inspect_server(engine, tables=False)[0]


def upgrade_database(
    url: str,
    *,
    target: str = "head",
    script_location: Path | None = None,
    backups: Path | None = None,
    password: str | None = None,
    looking: Engine | None = None,
) -> MigrationReport:
    """``password``: a server's, never part of ``url``. ``looking``: the engine the program will
    use (a server's): the usual start only looks, and over a network a connection of its own
    for that costs a dozen round trips (log-in, the driver's questions)."""
    path = sqlite_path(url)
    if path is None and url.startswith("sqlite"):
        raise DatabaseOpenError(_("An in-memory database would lose everything on exit; please name a file."))
    if path is not None:
        current, tables = _inspect_sqlite(path)
        if target == "head" and current is not None and current == declared_head(script_location):
            return MigrationReport(current, current, None)  # up to date: the usual start
    elif looking is not None and target == "head":
        current = _server_revision(looking)
        if current is not None and current == declared_head(script_location):
            return MigrationReport(current, current, None)
    from alembic.script import ScriptDirectory

    cfg = alembic_config(script_location)
    script = ScriptDirectory.from_config(cfg)
    try:
        # A migration may wait for colleagues' transactions and rewrite whole tables.
        engine = make_engine(url, foreign_keys=False, password=password, limits=LONG)
    except ArgumentError as exc:
        raise DatabaseOpenError(
            _("This database address is not understood: {url}").format(url=url), Problem.OTHER, exc
        ) from exc
    try:
        if path is None:
            current, tables = _inspect_server(engine)
        _refuse_unusable(current, tables, script)
        target_rev = script.get_current_head() if target == "head" else target
        if current == target_rev:
            return MigrationReport(current, current, None)
        try:
            backup = None
            if current is not None and path is not None:
                backup = _backup_before_update(path, backups or backup_dir(), target_rev)
            _upgrade(cfg, engine, target)
        except (sqlite3.Error, DBAPIError) as exc:  # a full disk or a read-only file: in words
            storage = classify(exc)
            if storage is None:
                raise
            raise _open_error(storage) from exc
        except OSError as exc:  # the backup before the update: its folder cannot be written
            problem = Problem.DISK_FULL if exc.errno == errno.ENOSPC else Problem.OTHER
            fallback = _("The backup before the update could not be made; nothing was changed.")
            raise DatabaseOpenError(_start_message(problem, fallback), problem, exc) from exc
        return MigrationReport(current, target_rev, backup)
    finally:
        engine.dispose()


def _backup_before_update(path: Path, folder: Path, target_rev: str | None) -> Path:
    """The copy before an update; a failure comes back as the file system's or the driver's
    error, which the caller puts in words like a failure of the update itself."""
    dest = folder / timestamped_name(path, f"before-{target_rev}")
    try:
        return copy_database(path, dest, deadline_s=BUSY_TIMEOUT_MS / 1000)
    except BackupError as exc:
        if isinstance(exc.__cause__, OSError | sqlite3.Error):
            raise exc.__cause__ from None
        raise


def _upgrade(cfg, engine, target: str) -> None:
    from alembic import command

    # IMMEDIATE: a second instance starting at the same moment waits instead of failing.
    with write_engine(engine).begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
        if engine.dialect.name == "sqlite":
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                message = ngettext(
                    "The update of the database failed ({count} broken reference); nothing was changed.",
                    "The update of the database failed ({count} broken references); nothing was changed.",
                    len(broken),
                )
                raise DatabaseOpenError(message.format(count=len(broken)))


def _open_error(storage) -> DatabaseOpenError:
    message = _start_message(storage.problem, storage.message)
    return DatabaseOpenError(message, storage.problem, storage.detail)


def _start_message(problem: Problem, fallback: str) -> str:
    if problem is Problem.DISK_FULL:
        return _(
            "The disk is full: the database could not be prepared for this version of the program. "
            "Nothing was changed. Please free some space (or ask IT) and start the program again."
        )
    if problem is Problem.READ_ONLY:
        return _("The database file or its folder is read-only: it cannot be prepared for this program.")
    return fallback
