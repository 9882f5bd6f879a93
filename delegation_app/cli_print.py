"""``print PRODUCT VISIT_ID -o FILE.pdf [--language de|en]``: any print product of a visit
(operations/print_products.py). ``briefing VISIT_ID -o …`` is its short form for the briefing and
goes through ``write`` as well. Characters no font has are listed on stderr, one line per field;
the file is written all the same (exit 0)."""

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from delegation_app.domain.errors import DomainError, NotFoundError
from delegation_app.i18n import SUPPORTED, _, current_language

if TYPE_CHECKING:
    from delegation_app.context import AppContext
    from delegation_app.operations.print_products import PrintRequest, Written
    from delegation_app.reports.options import BriefingOptions
    from delegation_app.services.registry import Services

# The products' names, kept here so that --help does not load the operations (and reportlab).
PRODUCT_NAMES = (
    "briefing",
    "briefing-external",
    "programme",
    "participants",
    "sign-in",
    "badges",
    "place-cards",
    "press-pack",
    "press-draft",
)


def add_commands(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "print", help=_("write a print product of a visit: {names}").format(names=", ".join(PRODUCT_NAMES))
    )
    command.add_argument("product", choices=PRODUCT_NAMES, metavar="PRODUCT")
    command.add_argument("visit_id", type=int, metavar="VISIT_ID")
    command.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    command.add_argument(
        "--language", choices=SUPPORTED, help=_("language of the document (default: German)")
    )
    command.add_argument(
        "--created-by", dest="issued_by", metavar="NAME",
        help=_("who creates it (default: the name in the preferences' profile)"),
    )  # fmt: skip


def request_of(args: argparse.Namespace, briefing: "BriefingOptions | None" = None) -> "PrintRequest":
    """The request from the command line; the creator is the profile's name unless one is given."""
    from delegation_app.operations.print_products import PrintRequest

    name, job = (args.issued_by, "") if args.issued_by else (args.profile.name, args.profile.function)
    language = args.language or current_language()
    return PrintRequest(language=language, issued_by=name, issuer_function=job, briefing=briefing)


def write(services: "Services", args: argparse.Namespace, product: str, request: "PrintRequest") -> "Written":
    """The product at ``args.output`` through the context's writer; the missing characters on stderr."""
    from delegation_app.operations.print_products import write_product

    try:
        written = write_product(services, product, args.visit_id, args.output, request, args.writer)
    except NotFoundError as exc:  # the visit: here its number is what the user typed, so name it
        raise DomainError(_("There is no visit with the ID {id}.").format(id=args.visit_id)) from exc
    from delegation_app.reports.coverage import describe

    for gap in written.missing:  # the file is written all the same: exit 0
        print(f"delegation-app: {describe(gap)}", file=sys.stderr)
    for line in written.left_out:  # e.g. quotes not approved for the press pack
        print(f"delegation-app: {line}", file=sys.stderr)
    return written


def cmd_print(context: "AppContext", args: argparse.Namespace) -> int:
    from delegation_app.operations.print_products import PRODUCTS

    written = write(context.services, args, args.product, request_of(args))
    title = _(PRODUCTS[args.product].title)
    print(_("{product} written to {path}.").format(product=title, path=written.path))
    return 0


CONTEXT_COMMANDS = {"print": cmd_print}
READING = {"print"}
