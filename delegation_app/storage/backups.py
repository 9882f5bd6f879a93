"""Copies of the SQLite file (the one copy routine: backups, the copy before a schema update,
putting a backup in place), their rotation and listing, and restoring one while the program has
the file open.

Copies are made with ``VACUUM INTO`` on a read-only connection of their own: consistent while other
connections read and write, and bounded by the busy timeout (``Connection.backup()`` from a
connection that holds an uncommitted write hangs forever). Daily copies on start: the last 7
daily and 4 weekly ones are kept in the data folder's ``backups/``.

Restoring copies the backup's pages *into* the open database with SQLite's backup API instead of
replacing the file, which Windows does not allow while the file is open; the current state is
kept as a backup first.
"""

import contextlib
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from delegation_app.domain.errors import DomainError
from delegation_app.domain.models import TABLES_IN_ORDER
from delegation_app.i18n import _
from delegation_app.storage.engine import read_only_uri
from delegation_app.storage.failures import busy_message
from delegation_app.storage.paths import private_folder

DEADLINE_S = 30.0
KEEP_DAILY, KEEP_WEEKLY = 7, 4
# The copies of the state before each restore: the newest few are the way back from a wrong
# restore; 50 restores of a 60 MB file kept 3.1 GB when none were deleted.
KEEP_BEFORE_RESTORE = 3
_DAILY = re.compile(r"-daily-(\d{8})\.sqlite$")
_WEEKLY = re.compile(r"-weekly-(\d{4}-W\d{2})\.sqlite$")


class BackupError(DomainError):
    pass


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    revision: str | None
    counts: dict[str, int]


def private(path: Path) -> None:
    """Readable by the user only (POSIX); Windows profiles are per-user already."""
    if os.name == "posix":
        os.chmod(path, 0o600)


def copy_database(source: Path, dest: Path, *, deadline_s: float = DEADLINE_S) -> Path:
    tmp = dest.with_name(dest.name + ".part")
    try:
        private_folder(dest.parent)
        tmp.unlink(missing_ok=True)
        conn = sqlite3.connect(read_only_uri(source), uri=True, timeout=deadline_s)
        try:
            conn.execute("VACUUM INTO ?", (str(tmp),))
        finally:
            conn.close()
        private(tmp)
        os.replace(tmp, dest)  # a half-written copy never carries a backup's name
    except (OSError, sqlite3.Error) as exc:  # a full disk, a missing drive, a locked database
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        # The system's words (English, technical) go to the log and "Copy details", not the sentence.
        raise BackupError(
            _("The backup could not be made. Please check that the folder can be reached and has room.")
        ).because(exc) from exc
    return dest


def timestamped_name(source: Path, reason: str) -> str:
    """``delegation-before-0004-20260224-093000-123456.sqlite``: to the microsecond, so two copies
    never get one name."""
    return f"{source.stem}-{reason}-{datetime.now():%Y%m%d-%H%M%S-%f}.sqlite"


def daily_backup(source: Path, folder: Path, today: date | None = None) -> list[Path]:
    """Today's copy (and this week's) if missing; then old ones pruned. Returns the new files."""
    today = today or date.today()
    made = []
    daily = folder / f"{source.stem}-daily-{today:%Y%m%d}.sqlite"
    if not daily.exists():
        made.append(copy_database(source, daily))
    year, week, _day = today.isocalendar()
    weekly = folder / f"{source.stem}-weekly-{year}-W{week:02d}.sqlite"
    if not weekly.exists():
        made.append(copy_database(source, weekly))
    prune(source, folder)
    return made


def prune(source: Path, folder: Path) -> None:
    for pattern, keep in ((_DAILY, KEEP_DAILY), (_WEEKLY, KEEP_WEEKLY)):
        mine = folder.glob(f"{source.stem}-*.sqlite")
        dated = [(found.group(1), p) for p in mine if (found := pattern.search(p.name))]
        for _stamp, old in sorted(dated, reverse=True)[keep:]:
            old.unlink(missing_ok=True)


def describe(path: Path) -> BackupInfo:
    """Date, schema revision and record counts of a backup, read without changing it."""
    if not path.is_file():  # a named pipe would block the reading forever, a device read garbage
        raise BackupError(
            _("{path} is not a backup of this program: it is no ordinary file.").format(path=path)
            if path.exists()
            else _("The file {path} does not exist.").format(path=path)
        )
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)  # nothing appears beside a backup
        try:
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("quick_check failed")
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            # A backup from before a schema update lacks the later tables: it is counted as it is.
            present = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            names = [str(m.__tablename__) for m in TABLES_IN_ORDER]
            counts = {
                n: conn.execute(f"SELECT count(*) FROM {n}").fetchone()[0] for n in names if n in present
            }
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise BackupError(
            _("{path} is not a usable backup of this program ({reason}).").format(path=path, reason=exc)
        ) from exc
    return BackupInfo(
        path, datetime.fromtimestamp(path.stat().st_mtime), revision[0] if revision else None, counts
    )


def restore(backup: Path, live: Path, folder: Path, *, deadline_s: float = DEADLINE_S) -> Path:
    """Replace the live database's content with the backup's; returns the copy of what was there.
    Gives up after ``deadline_s`` when another program keeps the database busy, changing nothing
    (SQLite's backup API alone retries a busy target forever)."""
    ends = time.monotonic() + deadline_s
    describe(backup)  # refuses a damaged or foreign file before anything is touched
    kept = copy_database(live, folder / timestamped_name(live, "before-restore"), deadline_s=deadline_s)
    prune_before_restore(live, folder)
    source = sqlite3.connect(read_only_uri(backup), uri=True)
    # Each step waits at most a second for the lock, so the deadline is looked at between them.
    target = sqlite3.connect(live, timeout=max(0.1, min(1.0, ends - time.monotonic())))

    def in_time(_status: int, _remaining: int, _total: int) -> None:
        if time.monotonic() > ends:
            raise TimeoutError

    try:
        source.backup(target, progress=in_time)
    except TimeoutError as exc:
        raise BackupError(busy_message()).because(f"busy after {deadline_s:.0f} s") from exc
    except sqlite3.Error as exc:
        raise BackupError(_("The backup could not be restored: {reason}").format(reason=exc)) from exc
    finally:
        source.close()
        target.close()
    return kept


def prune_before_restore(live: Path, folder: Path) -> None:
    mine = sorted(folder.glob(f"{live.stem}-before-restore-*.sqlite"), reverse=True)  # newest first
    for old in mine[KEEP_BEFORE_RESTORE:]:
        old.unlink(missing_ok=True)


def backups_of(source: Path, folder: Path) -> list[Path]:
    """The copies of this database in ``folder``, newest first (by the time they were written)."""
    if not folder.is_dir():
        return []
    mine = [p for p in folder.glob(f"{source.stem}-*.sqlite") if p.is_file()]
    return sorted(mine, key=lambda p: p.stat().st_mtime, reverse=True)


def set_aside_and_restore(backup: Path, live: Path) -> Path:
    """Put a backup in place of a file that cannot be opened. The file is renamed, never
    changed, so whatever is left in it can still be rescued; returns its new name."""
    describe(backup)  # a damaged backup must not replace anything
    aside = live.with_name(f"{live.stem}-set-aside-{datetime.now():%Y%m%d-%H%M%S}{live.suffix}")
    moved = []
    try:
        for suffix in ("", "-wal", "-shm"):  # the journal belongs to the file it was written for
            part = live.with_name(live.name + suffix)
            if part.exists():
                os.replace(part, aside.with_name(aside.name + suffix))
                moved.append(suffix)
        copy_database(backup, live)
    except (OSError, BackupError) as exc:
        for suffix in moved:  # put the file back where the user knows it
            with contextlib.suppress(OSError):
                os.replace(aside.with_name(aside.name + suffix), live.with_name(live.name + suffix))
        reason = exc.message if isinstance(exc, BackupError) else exc.strerror or str(exc)
        raise BackupError(_("The backup could not be restored: {reason}").format(reason=reason)) from exc
    return aside
