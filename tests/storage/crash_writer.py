"""Writer process for the crash-safety test: writes through the app's own services and reports
each operation only after its commit returned. The test kills it with SIGKILL at random moments."""

import sys

from delegation_app.interchange.json_file import import_json
from delegation_app.services.participations import ParticipationInput
from delegation_app.services.people import PersonInput
from delegation_app.services.registry import Services
from delegation_app.services.visits import VisitInput
from delegation_app.storage.opening import open_database

PARTICIPANTS = 3


def main(url: str, import_file: str, token: str) -> None:
    db, _ = open_database(url)
    services = Services.over(db)
    people = [p.id for p in services.people.list()[:PARTICIPANTS]]
    if len(people) < PARTICIPANTS:
        with db.write():
            people = [
                services.people.create(PersonInput(last_name=f"Mitglied {i}")).id for i in range(PARTICIPANTS)
            ]
    print("ready", flush=True)
    for i in range(10_000):
        with db.write():  # a visit and its participants: all or nothing
            visit = services.visits.create(VisitInput(title=f"Kill {token} {i}"))
            for person_id in people:
                services.participations.create(ParticipationInput(visit_id=visit.id, person_id=person_id))
        print(f"visit {visit.id}", flush=True)
        if i % 4 == 0:
            counts = import_json(db, import_file, merge=True)
            print(f"import {sum(counts.values())}", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
