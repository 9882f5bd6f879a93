"""``delegation-app visits [--json] [--limit N] [--since DATE]``: the visits, dated ones by start,
then the undated ones. The rows are printed as the database delivers them (issue 21): memory stays
flat however many visits there are, so the table's column widths come from what is known before
the first row, not from all rows.
"""

import argparse
import json
import sys
from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING

from delegation_app.i18n import _
from delegation_app.i18n.formatting import format_date, format_datetime
from delegation_app.i18n.labels import label

if TYPE_CHECKING:
    from delegation_app.services.visit_summaries import VisitSummary


def add_commands(commands: argparse._SubParsersAction) -> None:
    visits = commands.add_parser("visits", help=_("list the visits"))
    visits.add_argument("--json", action="store_true", help=_("print a JSON array instead of a table"))
    visits.add_argument(
        "--limit", action=_VisitLimit, metavar="N", help=_("at most N visits (the earliest first)")
    )
    visits.add_argument(
        "--since",
        action=_VisitsSince,
        metavar="DATE",
        help=_("only visits starting on or after DATE (24.02.2026, 2026-02-24, today …), no undated ones"),
    )


class _VisitLimit(argparse.Action):
    """``--limit N``: a wrong N is one line in the user's words (exit 2), not argparse's usage block."""

    def __call__(self, parser, namespace, values, option_string=None):
        text = str(values).strip()
        if not (text.isdigit() and int(text) >= 1):
            problem = _("--limit needs a whole number of 1 or more, not {value}.").format(value=values)
            parser.exit(2, f"delegation-app: {problem}\n")
        setattr(namespace, self.dest, int(text))


class _VisitsSince(argparse.Action):
    """``--since DATE`` in any form the window's date fields read (German, ISO, "heute", "-7")."""

    def __call__(self, parser, namespace, values, option_string=None):
        from delegation_app.i18n.date_input import DateInputError, parse_date

        try:
            day = parse_date(str(values), date.today())
        except DateInputError as exc:
            day, problem = None, str(exc)
        else:
            problem = _(  # the date fields' own words for an empty or wrong date
                "Please enter a date like 24 Feb 2026 or 24.02.2026 (also today, tomorrow, +7 for in a week)."
            )
        if day is None:
            parser.exit(2, f"delegation-app: --since: {problem}\n")
        setattr(namespace, self.dest, day)


def print_json_rows(rows: Iterable[dict]) -> None:
    """A JSON array, one object per line, each written as it comes (100,000 visits in constant
    memory): json's C encoder only works without ``indent``, and 10,000 visits took 0.3 s through
    the pure-Python one (``indent=1``)."""
    encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder: dumps() builds one per call
    write = sys.stdout.write
    separator = "[\n"
    for row in rows:
        write(separator + encode(row))
        separator = ",\n"
    write("[]\n" if separator == "[\n" else "\n]\n")


def _visit_record(v: "VisitSummary") -> dict:
    return {
        "id": v.id,
        "title": v.title,
        "starts_at": v.starts_at.isoformat() if v.starts_at else None,
        "ends_at": v.ends_at.isoformat() if v.ends_at else None,
        "timezone": v.timezone,
        "status": v.status.value,
        "direction": v.direction.value,
        "host": v.host,
        "guest": v.guest,
        "place": v.place,
    }


def _visit_widths(services, header: tuple[str, ...]) -> list[int]:
    """The table's column widths from what is known before the first row (the rows stream): the
    highest id, the longest date the format can give, the longest status label."""
    from delegation_app.domain.enums import VisitStatus
    from delegation_app.services.visit_summaries import highest_visit_id

    longest_date = max(len(format_datetime(datetime(2000, month, 28, 23, 59))) for month in range(1, 13))
    longest_status = max(len(label(status)) for status in VisitStatus)
    fixed = (len(str(highest_visit_id(services.db))), longest_date, longest_date, longest_status)
    return [max(len(title), width) for title, width in zip(header, fixed, strict=False)]


def cmd_visits(services, args) -> int:
    from delegation_app.services.visit_summaries import visit_summaries

    visits = visit_summaries(services.db, since=args.since, limit=args.limit)
    if args.json:
        print_json_rows(map(_visit_record, visits))
        return 0
    header = ("ID", _("Start"), _("End"), _("Status"), _("Title"))
    widths = _visit_widths(services, header)

    def line(row: tuple[str, ...]) -> str:
        return "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)) + "  " + row[4]

    print(line(header))
    shown = 0
    for v in visits:
        starts, ends = format_datetime(v.starts_at), format_datetime(v.ends_at)
        print(line((str(v.id), starts, ends, label(v.status), v.title)))
        shown += 1
    if not shown:
        if args.since is not None:
            print(_("No visits starting on or after {date}.").format(date=format_date(args.since)))
        else:
            print(_("No visits yet."))
    return 0
