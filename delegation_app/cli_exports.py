"""The export commands of the CLI: ``export-vcard``, ``export-ics``, ``export-xlsx`` — files for
Outlook, Thunderbird, calendars and Excel, written through the context's output writer."""

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from delegation_app.domain.errors import DomainError, NotFoundError
from delegation_app.i18n import _, current_language, ngettext
from delegation_app.i18n.formatting import format_count
from delegation_app.interchange.list_sheets import ListKind

if TYPE_CHECKING:
    from delegation_app.context import AppContext


def add_commands(commands: argparse._SubParsersAction) -> None:
    vcard = commands.add_parser(
        "export-vcard", help=_("write people as vCards (for Outlook, Thunderbird, phones)")
    )
    vcard.add_argument(
        "file", type=Path, metavar="FILE", help=_("the .vcf file (a folder with --one-per-contact)")
    )
    chosen = vcard.add_mutually_exclusive_group(required=True)
    chosen.add_argument("--visit", type=int, metavar="ID", help=_("the participants of this visit"))
    chosen.add_argument(
        "--person", type=int, action="append", metavar="ID", help=_("this person (repeat for more)")
    )
    vcard.add_argument(
        "--one-per-contact",
        action="store_true",
        help=_("one file per person in the folder FILE (Outlook reads only the first card of a file)"),
    )
    ics = commands.add_parser(
        "export-ics", help=_("write a visit and its programme as a calendar file (.ics)")
    )
    ics.add_argument("visit_id", type=int, metavar="VISIT_ID")
    ics.add_argument("file", type=Path, metavar="FILE")
    xlsx = commands.add_parser("export-xlsx", help=_("write a list as an Excel workbook (.xlsx)"))
    kinds = ", ".join(k.value for k in ListKind)
    xlsx.add_argument("kind", choices=[k.value for k in ListKind], metavar="KIND",
                      help=_("one of: {kinds}").format(kinds=kinds))  # fmt: skip
    xlsx.add_argument("file", type=Path, metavar="FILE")
    xlsx.add_argument(
        "--visit", type=int, metavar="ID", help=_("the visit (for participants; follow-ups of one visit)")
    )


def _no_visit(visit_id: int) -> DomainError:
    return DomainError(_("There is no visit with the ID {id}.").format(id=visit_id))


def cmd_export_vcard(context: "AppContext", args: argparse.Namespace) -> int:
    from delegation_app.operations.exports import write_vcards

    try:
        files = write_vcards(
            context.services, context.output, args.file, person_ids=args.person or (),
            visit_id=args.visit, one_per_contact=args.one_per_contact,
        )  # fmt: skip
    except NotFoundError as exc:
        raise _no_visit(args.visit) from exc
    if args.one_per_contact:
        message = ngettext(
            "Wrote {count} contact file to {path}.", "Wrote {count} contact files to {path}.", len(files)
        )
        print(message.format(count=format_count(len(files)), path=args.file))
    else:
        print(_("vCards written to {path}.").format(path=files[0]))
    return 0


def cmd_export_ics(context: "AppContext", args: argparse.Namespace) -> int:
    from delegation_app.operations.exports import write_calendar

    try:
        path = write_calendar(context.services, context.output, args.visit_id, args.file,
                              language=current_language())  # fmt: skip
    except NotFoundError as exc:
        raise _no_visit(args.visit_id) from exc
    print(_("Calendar file written to {path}.").format(path=path))
    return 0


def cmd_export_xlsx(context: "AppContext", args: argparse.Namespace) -> int:
    from delegation_app.operations.exports import write_list

    try:
        path = write_list(context.services, context.output, ListKind(args.kind), args.file,
                          visit_id=args.visit, language=current_language())  # fmt: skip
    except NotFoundError as exc:
        raise _no_visit(args.visit) from exc
    print(_("Excel list written to {path}.").format(path=path))
    return 0


# Commands handed the whole context (cli.run_command dispatches them); all of them only read.
CONTEXT_COMMANDS = {
    "export-vcard": cmd_export_vcard,
    "export-ics": cmd_export_ics,
    "export-xlsx": cmd_export_xlsx,
}
READING = set(CONTEXT_COMMANDS)
