"""``delegation-app person-erase PERSON_ID [--anonymise] [--reason TEXT] --yes`` (Art. 17 DSGVO).

Without ``--yes`` it lists what would go and changes nothing (exit 1). With it, every mention of
the person found in free text is redacted and printed. Kept apart from cli.py, which holds the
parser and the other commands.
"""

import argparse
import sys
from typing import TYPE_CHECKING

from delegation_app.domain.errors import DomainError, NotFoundError
from delegation_app.i18n import _, ngettext

if TYPE_CHECKING:  # imported when an erasure runs: `visits` starts without them
    from delegation_app.services.erasure import ErasurePlan
    from delegation_app.services.mentions import Mention

COMMAND = "person-erase"


def add_parser(commands) -> None:
    erase = commands.add_parser(
        COMMAND, help=_("erase a person and their personal data for good, or anonymise them (Art. 17 GDPR)")
    )
    erase.add_argument("person_id", type=int, metavar="PERSON_ID")
    erase.add_argument(
        "--anonymise",
        action="store_true",
        help=_("keep the person as “Participant N” of their organisation, so visits keep their shape"),
    )
    erase.add_argument("--reason", default="", metavar="TEXT", help=_("why (kept in the change history)"))
    erase.add_argument("--yes", action="store_true", help=_("do it; without it, only list what would go"))


def _mention_line(mention: "Mention") -> str:
    return f"  {mention.where}: …{mention.before} »{mention.text}« {mention.after}…"


def _print_plan(plan: "ErasurePlan") -> None:
    for what, count in plan.counts:
        print(f"  {what}: {count}")
    for mention in plan.mentions:
        print(_mention_line(mention))


def run(services, args: argparse.Namespace) -> int:
    from delegation_app.operations.erasure import erase_person
    from delegation_app.services.erasure import plan_erasure

    try:
        plan = plan_erasure(services, args.person_id, anonymise=args.anonymise)
    except NotFoundError as exc:  # the number is what the user typed: name it
        raise DomainError(_("There is no person with the ID {id}.").format(id=args.person_id)) from exc
    if not args.yes:
        if args.anonymise:
            print(_("Anonymising “{name}” would take:").format(name=plan.name))
        else:
            print(_("Erasing “{name}” would take:").format(name=plan.name))
        _print_plan(plan)
        print(_("Nothing was changed: add --yes to do it."), file=sys.stderr)
        return 1
    outcome = erase_person(services, args.person_id, anonymise=args.anonymise, reason=args.reason)
    summary = outcome.summaries[0]
    for mention in summary.mentions:
        print(_mention_line(mention))
    count = len(summary.mentions)
    redacted = ngettext("{count} mention removed.", "{count} mentions removed.", count).format(count=count)
    if args.anonymise:
        print(_("The person is now “{label}”.").format(label=summary.label) + " " + redacted)
    else:
        print(_("The person and their personal data are erased.") + " " + redacted)
    print(_("Backups made before keep the data until the rotation deletes them."))
    if not outcome.file_rewritten:
        print(_("Another program has the database open: its journal is emptied when that program closes it."))
    return 0
