"""``delegation-app search WORDS [--json]``: everything the words find, as a list or JSON."""

import json
import sys

from delegation_app.i18n import N_, _

SEARCH_KINDS = {
    "person": N_("Person"),
    "organisation": N_("Organisation"),
    "visit": N_("Visit"),
    "quote": N_("Quote"),
    "contact": N_("Contact entry"),
    "followup": N_("Follow-up"),
}


def cmd_search(services, args) -> int:
    from delegation_app.services.global_search import search_everything

    hits = search_everything(services, " ".join(args.text))
    if args.json:
        json.dump(
            [
                {
                    "kind": h.kind,
                    "id": h.record_id,
                    "title": h.title,
                    "detail": h.detail,
                    "visit_id": h.visit_id,
                }
                for h in hits
            ],
            sys.stdout,
            ensure_ascii=False,
            indent=1,
        )
        print()
        return 0
    for h in hits:
        detail = f" — {h.detail}" if h.detail else ""
        print(f"{_(SEARCH_KINDS[h.kind])} {h.record_id}: {h.title}{detail}")
    if not hits:
        print(_("Nothing found."))
    return 0
