"""``delegation-app merge-people KEEP_ID OTHER_ID --yes`` and ``merge-organisations …``: merge a
duplicate into the record that is kept (operations/merging.py). Without ``--yes`` they print what
would happen and change nothing (exit 1). Per field the kept record's value stays, or the other's
where the kept one has none (the window lets the user choose per field).
"""

import argparse
import sys
from typing import TYPE_CHECKING, Any

from delegation_app.domain.errors import DomainError, NotFoundError
from delegation_app.i18n import _

if TYPE_CHECKING:  # the services are imported when a merge runs: `visits` starts without them
    from delegation_app.context import AppContext
    from delegation_app.services.merging import MergePlan

PEOPLE, ORGANISATIONS = "merge-people", "merge-organisations"


def add_commands(commands: argparse._SubParsersAction) -> None:
    for name, help_text in (
        (
            PEOPLE,
            _("merge a duplicate person into the one that is kept (undo: restore it from the recycle bin)"),
        ),
        (ORGANISATIONS, _("merge a duplicate organisation into the one that is kept")),
    ):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("keep_id", type=int, metavar="KEEP_ID")
        command.add_argument("other_id", type=int, metavar="OTHER_ID")
        command.add_argument(
            "--yes", action="store_true", help=_("do it; without it, only show what would happen")
        )


def _name(view: Any) -> str:
    return str(getattr(view, "display_name", None) or view.name)


def _print_plan(plan: "MergePlan[Any]") -> None:
    keep, other = _name(plan.keep), _name(plan.other)
    print(
        _("“{other}” (ID {other_id}) would be merged into “{keep}” (ID {keep_id}).").format(
            other=other, other_id=plan.other.id, keep=keep, keep_id=plan.keep.id
        )
    )
    for choice in plan.fields:
        taken = choice.keep_text if choice.default == "keep" else choice.other_text
        keep_text, other_text, taken = (
            " ".join(text.split()) for text in (choice.keep_text, choice.other_text, taken)
        )
        print(f"  {choice.label}: {keep_text} | {other_text} → {taken}")
    print(plan.summary())
    for note in plan.notes:
        print(note)


def _run(context: "AppContext", args: argparse.Namespace, people: bool) -> int:
    from delegation_app.operations.merging import merge_organisations, merge_people
    from delegation_app.services.organisation_merge import plan_organisation_merge
    from delegation_app.services.person_merge import plan_person_merge

    services = context.services
    try:
        plan: MergePlan[Any] = (plan_person_merge if people else plan_organisation_merge)(
            services, args.keep_id, args.other_id
        )
    except NotFoundError as exc:  # the number is what the user typed: name it
        missing = exc.record_id
        text = (
            _("There is no person with the ID {id}.")
            if people
            else _("There is no organisation with the ID {id}.")
        )
        raise DomainError(text.format(id=missing)) from exc
    if not args.yes:
        _print_plan(plan)
        print(_("Nothing was changed: add --yes to do it."), file=sys.stderr)
        return 1
    versions = (plan.keep.version, plan.other.version)
    merge = merge_people if people else merge_organisations
    kept = merge(services, args.keep_id, args.other_id, versions=versions)
    done = _(
        "“{other}” is merged into “{keep}” (ID {keep_id}). To undo: restore “{other}” from the recycle bin."
    )
    print(done.format(other=_name(plan.other), keep=_name(kept), keep_id=kept.id))
    return 0


def cmd_merge_people(context: "AppContext", args: argparse.Namespace) -> int:
    return _run(context, args, people=True)


def cmd_merge_organisations(context: "AppContext", args: argparse.Namespace) -> int:
    return _run(context, args, people=False)


CONTEXT_COMMANDS = {PEOPLE: cmd_merge_people, ORGANISATIONS: cmd_merge_organisations}
