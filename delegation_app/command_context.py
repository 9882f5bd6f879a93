"""The database a command works on: opened (read-only where a reading command allows it),
checked for damage, or — for ``restore`` — replaced by the backup when it cannot be used. No Qt."""

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from delegation_app import cli_data_protection as data_protection
from delegation_app import cli_exports, cli_print
from delegation_app.domain.errors import DomainError
from delegation_app.i18n import _
from delegation_app.services.backups import describe_backup, refuse_damage_at_open
from delegation_app.storage.failures import Problem
from delegation_app.storage.paths import backup_dir, sqlite_path

if TYPE_CHECKING:
    from delegation_app.context import AppContext
    from delegation_app.startup import ContextOpener, Startup

# Commands that only read: on a read-only file or folder they still work, opened read-only.
READING = {
    "visits", "followups", "search", "export-json", "briefing", *data_protection.READING,
    *cli_print.READING, *cli_exports.READING,
}  # fmt: skip


def _unopenable(exc: DomainError) -> bool:
    return getattr(exc, "problem", None) in (Problem.DAMAGED, Problem.NOT_A_DATABASE)


def restore_advice(start: "Startup") -> str:
    """The way out of a damaged file, as a command line (the window offers it as a button)."""
    path = sqlite_path(start.url)
    if path is None:
        return ""
    return _(
        "To restore a backup: delegation-app --db {path} restore BACKUP (the backups are in {folder})."
    ).format(path=path, folder=backup_dir())


def open_for_command(
    opener: "ContextOpener", start: "Startup", command: str, backup: Path | None = None
) -> "AppContext | None":
    """The context of the database ``start`` names, checked for damage; None when the command
    was ``restore`` and the ``backup`` was put in place of a file that could not be used."""
    try:
        context = opener.open(start)
    except DomainError as exc:
        file = opener.file_of(start)
        if command == "restore" and _unopenable(exc) and file is not None and backup is not None:
            _restore_unopenable(opener, file, backup)
            return None
        if getattr(exc, "problem", None) is not Problem.READ_ONLY or command not in READING:
            raise
        context = opener.open(replace(start, read_only=True))
    try:
        refuse_damage_at_open(context.services.db)
    except DomainError:
        context.database.dispose()
        file = opener.file_of(start)
        if command == "restore" and file is not None and backup is not None:  # the way out
            _restore_unopenable(opener, file, backup)
            return None
        raise
    return context


def _restore_unopenable(opener: "ContextOpener", file: Path, backup: Path) -> None:
    """The backup in place of a file that cannot be opened; that file is kept aside unchanged.
    Copying pages into a damaged file would keep it damaged where the backup is shorter."""
    describe_backup(backup)  # refuses a file that is no usable backup before anything moves
    aside = opener.restore_in_place(file, backup)
    print(_("Restored {backup}. The damaged file is kept as {path}.").format(backup=backup, path=aside))
