"""``delegation-app import-people FILE [--dry-run] [--json]``: people from a contact list.

Known headers (Outlook, Thunderbird, Excel lists; interchange/columns.py) are mapped without
asking; a file in which no column names the last name is refused in one line (exit 1), as is a
file that cannot be read. Without ``--dry-run`` the new rows are imported in one transaction;
probable duplicates and rows with errors are skipped and reported (exit 0).

``--json`` prints ``{"rows": N, "new": N, "duplicates": [{"row": N, "name": "…", "matches":
[{"id": N, "name": "…", "score": 0-100}]}], "errors": [{"row": N, "field": "…", "message": "…"}],
"imported": N}``; "row" counts the data rows from 1 (the first row under the headers, the first
card of a vCard file), "field" is the field's key (last_name, email, phone, mobile …).
"""

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from delegation_app.domain.errors import DomainError
from delegation_app.i18n import N_, _, ngettext

if TYPE_CHECKING:  # the readers are imported when an import runs: `visits` starts without them
    from delegation_app.context import AppContext
    from delegation_app.interchange.people_plan import ImportPlan

COMMAND = "import-people"


def add_commands(commands: argparse._SubParsersAction) -> None:
    imp = commands.add_parser(
        COMMAND,
        help=_("import people from a CSV, Excel (.xlsx) or vCard (.vcf) file; duplicates are skipped"),
    )
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--dry-run", action="store_true", help=_("only check the file; import nothing"))
    imp.add_argument("--json", action="store_true", help=_("print the result as JSON"))


def unmappable(file_name: str) -> DomainError:
    return DomainError(
        N_("“{name}”: no column could be read as the last name (known headers: {known})."),
        name=file_name,
        known="Nachname, Last Name, Name, Anzeigename, Display Name",
    )


def summary(plan: "ImportPlan", imported: int) -> dict:
    return {
        "rows": len(plan.rows),
        "new": plan.new,
        "duplicates": [
            {"row": row.number, "name": row.name,
             "matches": [{"id": m.id, "name": m.name, "score": m.score} for m in row.matches]}
            for row in plan.rows if row.matches
        ],
        "errors": [
            {"row": row.number, "field": str(field), "message": message}
            for row in plan.rows for field, message in row.errors.items()
        ],
        "imported": imported,
    }  # fmt: skip


def _print_text(result: dict, dry_run: bool) -> None:
    from delegation_app.interchange.columns import FIELD_LABELS, Field

    for duplicate in result["duplicates"]:
        best = duplicate["matches"][0]
        print(
            _("Row {row}: {name} is probably {match} (ID {id}, {score} %): skipped.").format(
                row=duplicate["row"], name=duplicate["name"], match=best["name"], id=best["id"],
                score=best["score"],
            )
        )  # fmt: skip
    for error in result["errors"]:
        field = _(FIELD_LABELS[Field(error["field"])])
        print(
            _("Row {row}, {field}: {message}").format(row=error["row"], field=field, message=error["message"])
        )
    rows = ngettext("{count} row read", "{count} rows read", result["rows"]).format(count=result["rows"])
    if dry_run:
        done = ngettext("{count} would be imported", "{count} would be imported", result["new"])
        print(f"{rows}, {done.format(count=result['new'])}.")
    else:
        done = ngettext("{count} person imported", "{count} people imported", result["imported"])
        print(f"{rows}, {done.format(count=result['imported'])}.")


def cmd_import_people(context: "AppContext", args: argparse.Namespace) -> int:
    from delegation_app.interchange.columns import guess_mapping, names_someone
    from delegation_app.interchange.contact_files import read_table
    from delegation_app.interchange.people_plan import plan_import
    from delegation_app.operations.people_import import import_people

    table = read_table(args.file)
    mapping = guess_mapping(table.headers)
    if not names_someone(mapping):
        raise unmappable(args.file.name)
    services = context.services
    plan = plan_import(services, table, mapping, args.file.name, context.clock().date())
    imported = 0
    if not args.dry_run and plan.new:
        imported = len(import_people(services, plan.to_import(), args.file.name).created)
    result = summary(plan, imported)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        _print_text(result, args.dry_run)
    return 0


CONTEXT_COMMANDS = {COMMAND: cmd_import_people}
