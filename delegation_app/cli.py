"""The commands of ``delegation-app [--db PATH | --demo] [COMMAND]``; app.py parses with this
module's parser and opens the window when no command is given.

Exit codes: 0 ok, 2 usage, 1 any other error with one line on stderr. No Qt import on these
paths, so the commands start fast and run headless.
"""

import argparse
import logging
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from delegation_app import cli_data_protection as data_protection
from delegation_app import (
    cli_exports,
    cli_merge,
    cli_people_import,
    cli_person_erase,
    cli_press,
    cli_print,
    cli_team,
    cli_visits,
)
from delegation_app.cli_options import add_window_command, new_parser
from delegation_app.cli_search import cmd_search
from delegation_app.cli_visits import print_json_rows
from delegation_app.domain.errors import DomainError
from delegation_app.i18n import SUPPORTED, _, ngettext
from delegation_app.i18n.formatting import format_count, format_date, format_datetime
from delegation_app.reports.options import BriefingOptions, Section

if TYPE_CHECKING:
    from delegation_app.startup import ContextOpener, Startup

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = new_parser()  # the options every start takes (cli_options.py)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_window_command(commands)
    commands.add_parser("demo", help=_("load the demo visit into the database (once)"))
    cli_visits.add_commands(commands)
    followups = commands.add_parser("followups", help=_("list the open follow-ups, the next due first"))
    followups.add_argument("--overdue", action="store_true", help=_("only the overdue ones"))
    followups.add_argument("--all", action="store_true", help=_("the done ones too"))
    followups.add_argument("--json", action="store_true", help=_("print a JSON array instead of a table"))
    # Testing aid, hidden from --help: the day taken as today (YYYY-MM-DD) for "overdue".
    followups.add_argument("--today", type=_iso_date, default=None, help=argparse.SUPPRESS)
    export = commands.add_parser("export-json", help=_("write the whole database to a JSON file"))
    export.add_argument("file", type=Path)
    briefing = commands.add_parser("briefing", help=_("write the briefing of a visit (PDF or Word)"))
    briefing.add_argument("visit_id", type=int, metavar="VISIT_ID")
    briefing.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf|FILE.docx")
    briefing.add_argument(
        "--language", choices=SUPPORTED, help=_("language of the briefing (default: German)")
    )
    briefing.add_argument(
        "--sections",
        type=_sections,
        metavar="LIST",
        help=_("comma-separated sections to include (default: all): {names}").format(
            names=",".join(s.value for s in Section)
        ),
    )
    briefing.add_argument(
        "--no-private", action="store_true", help=_("leave out phone numbers and emails (outside copy)")
    )
    briefing.add_argument(
        "--external",
        action="store_true",
        help=_("the outside copy: approved quotes only, no internal sections, numbers in text masked"),
    )
    # --issued-by is the old spelling, kept so scripts that use it still work.
    briefing.add_argument(
        "--created-by",
        "--issued-by",
        dest="issued_by",
        metavar="NAME",
        help=_("who creates it (default: the name in the preferences' profile)"),
    )
    search = commands.add_parser(
        "search", help=_("find people, organisations, visits, quotes, contact entries, follow-ups")
    )
    search.add_argument("text", nargs="+", metavar="TEXT")
    search.add_argument("--json", action="store_true", help=_("print a JSON array instead of a table"))
    backup = commands.add_parser("backup", help=_("copy the database now (to DEST, else the backups folder)"))
    backup.add_argument("dest", type=Path, nargs="?", metavar="DEST")
    restore = commands.add_parser("restore", help=_("restore the data of a backup file"))
    restore.add_argument("file", type=Path, metavar="FILE")
    imp = commands.add_parser("import-json", help=_("read a JSON export into an empty database"))
    imp.add_argument("file", type=Path)
    imp.add_argument("--merge", action="store_true", help=_("add to a database that already holds records"))
    cli_person_erase.add_parser(commands)
    data_protection.add_commands(commands)
    cli_print.add_commands(commands)
    cli_exports.add_commands(commands)
    cli_merge.add_commands(commands)
    cli_people_import.add_commands(commands)
    cli_press.add_commands(commands)
    cli_team.add_commands(commands)
    return parser


def _sections(value: str) -> frozenset:
    try:
        return frozenset(Section(part.strip()) for part in value.split(",") if part.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            _("unknown section; choose from {names}").format(names=", ".join(s.value for s in Section))
        ) from exc


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(_("not a date (YYYY-MM-DD): {value}").format(value=value)) from exc


def run_command(args: argparse.Namespace, start: "Startup", opener: "ContextOpener") -> int:
    """One command over the database ``start`` names; the exit code."""
    if args.command == "team":  # IT's commands name their database themselves
        return cli_team.run(args)
    from delegation_app.command_context import open_for_command, restore_advice
    from delegation_app.logs import tell_failure
    from delegation_app.services.backups import network_warning

    try:
        context = open_for_command(opener, start, args.command, getattr(args, "file", None))
        if context is None:  # restored in place of a file that could not be opened
            return 0
        services = context.services
        # Every file a command writes goes through the context's writer, which refuses the
        # database opened with --db (and its -wal/-shm, the backups) as the output.
        args.writer = context.output
        warning = network_warning(services.db)
        if warning:
            print(f"delegation-app: {warning}", file=sys.stderr)
        args.profile = context.settings.get().profile  # the briefing's issuer (never the OS login)
        try:
            command = CONTEXT_COMMANDS.get(args.command)  # these need the context
            return command(context, args) if command else COMMANDS[args.command](services, args)
        finally:
            context.database.dispose()
    except DomainError as exc:
        message = exc.message
        if getattr(exc, "problem", None) == "damaged":  # the window's wording names its menu
            damaged = _("The database file is damaged and cannot be read.")
            message = f"{damaged} {restore_advice(start)}"
        tell_failure(message, exc.detail, verbose=args.verbose, command=args.command)
        return 1
    except BrokenPipeError:  # `delegation-app visits | head`: the reader has had enough
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - stop Python's flush at exit from failing
        return 0
    except Exception as exc:  # a bug: one line here, the traceback in the log
        log.exception("command %s failed", args.command)
        unexpected = _("An unexpected error occurred. Your saved data is safe.")
        tell_failure(unexpected, repr(exc), verbose=args.verbose, command=args.command)
        return 1


# Commands of other modules that take the whole context (settings, profile, writer); each module
# adds its commands in build_parser and its handlers here, one line each.
CONTEXT_COMMANDS = {
    **data_protection.CONTEXT_COMMANDS,
    **cli_exports.CONTEXT_COMMANDS,
    **cli_merge.CONTEXT_COMMANDS,
    **cli_people_import.CONTEXT_COMMANDS,
    **cli_print.CONTEXT_COMMANDS,
}


def cmd_demo(services, args) -> int:
    from delegation_app.operations.interchange import load_demo

    visit_id = load_demo(services)
    if visit_id is None:
        print(_("The demo visit is already in the database."))
    else:
        print(_("Demo visit added (id {id}).").format(id=visit_id))
    return 0


def cmd_followups(services, args) -> int:
    today = args.today or date.today()
    if args.overdue:
        items = services.followups.list_filtered(due_before=today)
    else:
        items = services.followups.list_filtered(include_done=args.all)
    if args.json:
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        records = [
            {
                "id": f.id,
                "title": f.title,
                "due_on": iso(f.due_on),
                "done_on": iso(f.done_on),
                "owner": f.owner_name,
                "owner_person_id": f.owner_person_id,
                "person_id": f.person_id,
                "visit_id": f.visit_id,
                "contact_entry_id": f.contact_entry_id,
                "overdue": f.is_overdue(today),
                "notes": f.notes,
            }
            for f in items
        ]
        print_json_rows(records)
        return 0

    def state(f) -> str:
        if f.done_on is not None:
            return _("done on {date}").format(date=format_date(f.done_on))
        return _("overdue") if f.is_overdue(today) else _("open")

    header = ("ID", _("Due"), _("State"), _("Owner"), _("Title"))
    rows = [(str(f.id), format_date(f.due_on), state(f), f.owner_name or "", f.title) for f in items]
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(4)]
    for row in (header, *rows):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)) + "  " + row[4])
    if not rows:
        print(_("No overdue follow-ups.") if args.overdue else _("No follow-ups."))
    return 0


def cmd_export(services, args) -> int:
    from delegation_app.operations.interchange import export_json

    counts = export_json(services, args.file, args.writer)
    total = sum(counts.values())
    print(
        ngettext("Exported {count} record to {path}.", "Exported {count} records to {path}.", total).format(
            count=format_count(total), path=args.file
        )
    )
    return 0


def cmd_import(services, args) -> int:
    from delegation_app.operations.interchange import import_json

    counts = import_json(services, args.file, merge=args.merge)
    total = sum(counts.values())
    print(
        ngettext(
            "Imported {count} record from {path}.", "Imported {count} records from {path}.", total
        ).format(count=format_count(total), path=args.file)
    )
    return 0


def cmd_briefing(services, args) -> int:
    """The short form of ``print briefing`` (the same path), with the briefing's own options."""
    from delegation_app.i18n import current_language

    options = BriefingOptions(
        language=args.language or current_language(),
        sections=args.sections if args.sections is not None else frozenset(Section),
        private_details=not args.no_private,
        external=args.external,
    )
    written = cli_print.write(services, args, "briefing", cli_print.request_of(args, briefing=options))
    print(_("Briefing written to {path}.").format(path=written.path))
    return 0


def cmd_backup(services, args) -> int:
    from delegation_app.services.backups import backup_now

    print(_("Backup written to {path}.").format(path=backup_now(services.db, args.dest)))
    return 0


def cmd_restore(services, args) -> int:
    from delegation_app.services.backups import describe_backup, restore_backup

    info = describe_backup(args.file)
    kept = restore_backup(services.db, args.file)
    total = sum(info.counts.values())
    print(
        ngettext(
            "Restored the backup of {date} ({count} record). The state before is kept in {path}.",
            "Restored the backup of {date} ({count} records). The state before is kept in {path}.",
            total,
        ).format(date=format_datetime(info.created), count=format_count(total), path=kept)
    )
    return 0


COMMANDS = {
    "search": cmd_search,  # cli_search.py
    "backup": cmd_backup,
    "restore": cmd_restore,
    "briefing": cmd_briefing,
    "demo": cmd_demo,
    "visits": cli_visits.cmd_visits,
    "followups": cmd_followups,
    "export-json": cmd_export,
    "import-json": cmd_import,
    cli_person_erase.COMMAND: cli_person_erase.run,
}


if __name__ == "__main__":
    # The commands need the settings, logging and database the entry sets up; ``python -m
    # delegation_app.cli`` used to be an entry of its own, so say where the entry went instead of
    # doing nothing.
    sys.exit("delegation_app.cli is not an entry point: use python -m delegation_app (or delegation-app)")
