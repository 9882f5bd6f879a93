"""A colleague at another workplace, as a process of its own: ``python team_colleague.py URL
create TITLE``, ``… URL retitle VISIT_ID TITLE`` or
``… URL rename-person PERSON_ID LAST_NAME``. The audit trail names the account in USER."""

import sys
import tempfile
from pathlib import Path

from delegation_app.services.people import PersonInput
from delegation_app.services.registry import Services
from delegation_app.services.visits import VisitInput
from delegation_app.storage.opening import open_database


def main(url: str, action: str, *args: str) -> None:
    db, _ = open_database(url, backups=Path(tempfile.mkdtemp()))
    services = Services.over(db)
    if action == "create":
        services.visits.create(VisitInput(title=args[0]))
    elif action == "retitle":
        visit = services.visits.get(int(args[0]))
        services.visits.update(visit.id, visit.version, VisitInput(title=args[1]))
    elif action == "rename-person":
        person = services.people.get(int(args[0]))
        services.people.update(person.id, person.version, PersonInput(last_name=args[1]))
    db.dispose()


if __name__ == "__main__":
    main(*sys.argv[1:])
