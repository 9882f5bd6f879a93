"""The data-protection commands of the CLI: ``person-report`` (access, Art. 15 GDPR) and
``retention`` (records past their retention period). They need the context (the preferences'
profile and retention periods, the output writer), not only the services."""

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from delegation_app.domain.errors import DomainError, NotFoundError
from delegation_app.i18n import N_, _
from delegation_app.i18n.formatting import format_date
from delegation_app.storage.settings import MAX_RETENTION_DAYS

if TYPE_CHECKING:
    from delegation_app.context import AppContext

KIND_LABELS = {"people": N_("Person"), "contacts": N_("Contact entry"), "visits": N_("Visit")}


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(_("not a date (YYYY-MM-DD): {value}").format(value=value)) from exc


def _period(value: str) -> tuple[str, int]:
    """``people=365`` → ("people", 365)."""
    kind, _sep, days = value.partition("=")
    kind = kind.strip()
    # A period past the calendar's end ("people=99999999") would overflow the date arithmetic.
    if not (kind in KIND_LABELS and days.strip().isdigit() and 1 <= int(days) <= MAX_RETENTION_DAYS):
        raise argparse.ArgumentTypeError(
            _(
                "expected KIND=DAYS with KIND one of {kinds} and DAYS a whole number from 1 to {most}: "
                "{value}"
            ).format(kinds=", ".join(KIND_LABELS), most=MAX_RETENTION_DAYS, value=value)
        )
    return kind, int(days)


def add_commands(commands: argparse._SubParsersAction) -> None:
    report = commands.add_parser(
        "person-report", help=_("write everything stored about a person (access, Art. 15 GDPR)")
    )
    report.add_argument("person_id", type=int, metavar="PERSON_ID")
    report.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf|FILE.json")
    retention = commands.add_parser(
        "retention", help=_("list the records past their retention period (set in the preferences)")
    )
    retention.add_argument("--json", action="store_true", help=_("print a JSON array instead of a table"))
    retention.add_argument(
        "--older-than",
        type=_period,
        action="append",
        default=[],
        metavar="KIND=DAYS",
        help=_("a retention period instead of the preferences' (KIND: people, contacts, visits)"),
    )
    retention.add_argument(
        "--as-of", type=_iso_date, metavar="DATE", help=_("the day to check for (default: today)")
    )


def cmd_person_report(context: "AppContext", args: argparse.Namespace) -> int:
    from delegation_app.i18n import current_language
    from delegation_app.operations.person_report import write_person_report
    from delegation_app.services.person_report import Letterhead

    letterhead = Letterhead.of(context.settings.get().profile)
    try:
        path = write_person_report(
            context.services, context.output, args.person_id, args.output, letterhead,
            language=current_language(),
        )  # fmt: skip
    except NotFoundError as exc:  # here the number is what the user typed, so name it
        raise DomainError(_("There is no person with the ID {id}.").format(id=args.person_id)) from exc
    print(_("Access report written to {path}.").format(path=path))
    return 0


def cmd_retention(context: "AppContext", args: argparse.Namespace) -> int:
    from delegation_app.services.retention import due_records

    periods = dict(context.settings.get().retention_days)
    periods.update(dict(args.older_than))
    due = due_records(context.services, periods, args.as_of or date.today())
    if args.json:
        rows = [
            {"kind": d.kind, "id": d.id, "label": d.label, "last_activity": d.last_activity.isoformat(),
             "due_since": d.due_since.isoformat()}
            for d in due
        ]  # fmt: skip
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    if not any(periods.values()):
        print(_("No retention period is set (Preferences → Retention, or --older-than)."))
        return 0
    header = (_("Kind"), "ID", _("Last activity"), _("Due since"), _("Record"))
    rows_text = [
        (_(KIND_LABELS[d.kind]), str(d.id), format_date(d.last_activity), format_date(d.due_since), d.label)
        for d in due
    ]
    widths = [max(len(r[i]) for r in (header, *rows_text)) for i in range(4)]
    for row in (header, *rows_text):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)) + "  " + row[4])
    if not due:
        print(_("No record is past its retention period."))
    return 0


# Commands handed the whole context (cli.run_command dispatches them).
CONTEXT_COMMANDS = {"person-report": cmd_person_report, "retention": cmd_retention}
READING = {"person-report", "retention"}
