"""A database that cannot be opened at start: say what happened and offer the ways out that make
sense for it (restore from a backup, open another file, open read-only, quit).

Nothing here writes to the file the user could not open: a restore renames it aside, unchanged,
and only after the user said yes to the named backup.
"""

import logging
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from delegation_app.context import AppContext, Problem
from delegation_app.domain.errors import DomainError
from delegation_app.i18n import N_, _, ngettext
from delegation_app.i18n.formatting import format_count, format_datetime
from delegation_app.services.backups import BackupInfo
from delegation_app.ui.common.prompts import Action
from delegation_app.ui.shell.start_prompts import StartChoice, StartPrompts

log = logging.getLogger(__name__)

ADVICE = {
    Problem.DAMAGED: N_(
        "Restore it from a backup: the damaged file is kept aside, unchanged. Or open another file."
    ),
    Problem.NOT_A_DATABASE: N_(
        "Perhaps another file was chosen, or the file was overwritten. Open another file, or restore "
        "the database from a backup. The file was not changed."
    ),
    Problem.NEWER: N_(
        "Please install the current version of the program (ask IT), or open another file. The file was "
        "not changed."
    ),
    Problem.READ_ONLY: N_(
        "Open it read-only to look things up, ask IT for write access, or open another file (for example "
        "a copy in a folder of your own)."
    ),
    Problem.DISK_FULL: N_(
        "Free some space on the disk (or ask IT) and start the program again. Until then the database "
        "can be opened read-only."
    ),
    Problem.PASSWORD: N_("Type the password of the team database, or quit and ask IT for help."),
    Problem.OTHER: N_("Open another file, or quit and ask IT for help."),
}


def choices_for(problem: Problem, *, has_backups: bool, can_read: bool) -> list[StartChoice]:
    choices = []
    if has_backups and problem in (Problem.DAMAGED, Problem.NOT_A_DATABASE):
        choices.append(StartChoice.RESTORE)
    if can_read and problem in (Problem.READ_ONLY, Problem.DISK_FULL):
        choices.append(StartChoice.READ_ONLY)
    return [*choices, StartChoice.OTHER_FILE, StartChoice.QUIT]


def open_or_explain(start, opener, prompts: StartPrompts, parent=None) -> AppContext | None:
    """The context once a database is open, else None (quit). ``opener``: a
    ``startup.ContextOpener`` (opens ``start``; the file, its backups, another file)."""
    while True:
        try:
            return opener.open(start)
        except DomainError as exc:
            problem = getattr(exc, "problem", Problem.OTHER)
            path = opener.file_of(start)
            found = opener.backups_of(path) if path is not None else []
            can_read = not start.read_only and path is not None and path.is_file() and path.stat().st_size > 0
            choices = choices_for(problem, has_backups=bool(found), can_read=can_read)
            if exc.detail:
                log.info("cannot open the database: %s", exc.for_log())
            if problem is Problem.PASSWORD and start.team:  # asked once per session, remembered
                typed = prompts.team_password(parent, exc.message if start.password or _tried(exc) else "")
                if typed is None:
                    return None
                start = opener.with_password(start, typed)
                continue
            answer = prompts.start_failure(parent, exc.message, _(ADVICE[problem]), choices, exc.detail)
        if answer is StartChoice.QUIT:
            return None
        if answer is StartChoice.READ_ONLY:
            start = replace(start, read_only=True)
        elif answer is StartChoice.OTHER_FILE:
            folder = str(path.parent) if path is not None else ""
            chosen = prompts.choose_database(parent, folder)
            if chosen:
                start = opener.with_file(start, chosen)
        elif answer is StartChoice.RESTORE:
            _restore(opener, path, found, prompts, parent)


def _tried(exc: DomainError) -> bool:
    """Whether a password was given and refused (else none was known yet: just ask)."""
    return "no password supplied" not in exc.detail


def _restore(opener, path: Path, found: list[Path], prompts: StartPrompts, parent) -> None:
    """Ask which backup, show what it holds, and put it in place only after a yes."""
    chosen = prompts.choose_backup(parent, [(_label(p), p) for p in found])
    if chosen is None:
        return
    try:
        info = opener.describe(chosen)
    except DomainError as exc:
        prompts.error(parent, exc.message)
        return
    question = restore_question(info, path)
    if not prompts.confirm_action(parent, question, Action.RESTORE):
        return
    try:
        aside = opener.restore_in_place(path, chosen)
    except DomainError as exc:
        prompts.error(parent, exc.message)
        return
    note = _("The backup has been restored. The file that could not be opened is kept as {aside}.")
    prompts.inform(parent, note.format(aside=aside))


def _label(path: Path) -> str:
    # The whole path: the backups folder and the second folder hold files of the same name.
    return f"{format_datetime(datetime.fromtimestamp(path.stat().st_mtime))} — {path}"


def restore_question(info: BackupInfo, path: Path) -> str:
    people, visits = info.counts.get("person", 0), info.counts.get("visit", 0)
    return _(
        "Restore the backup of {date} ({people_text}, {visits_text}) as {path}? The file that cannot "
        "be opened is renamed and kept, unchanged."
    ).format(
        date=format_datetime(info.created),
        people_text=ngettext("{count} person", "{count} people", people).format(count=format_count(people)),
        visits_text=ngettext("{count} visit", "{count} visits", visits).format(count=format_count(visits)),
        path=path,
    )
