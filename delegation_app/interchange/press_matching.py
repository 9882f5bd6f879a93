"""Which stored people a person named in a press release may be: the same last name (folded)
with a first name that agrees or is missing — a release often names someone by surname only
("Kopietz") — and, after those, what the import's duplicate check (services/duplicates.py:
folded names, Kölner Phonetik, the organisation) finds; read once for all people of a release."""

import unicodedata
from collections.abc import Sequence

from delegation_app.services.duplicates import PersonCandidate, find_person_duplicates
from delegation_app.services.registry import Services
from delegation_app.services.views import PersonView


def people_candidates(
    services: Services, named: Sequence[tuple[str | None, str, str | None]]
) -> list[list[PersonView]]:
    """For each (first name, last name, organisation) the existing people it may be, likeliest first."""
    exact = [_same_name(services, first, last) for first, last, _org in named]
    wanted = [
        PersonCandidate(last_name=last, first_name=first or None, organisation=org)
        for first, last, org in named
    ]
    matches = find_person_duplicates(services, wanted) if wanted else []
    ids = {m.id for found in matches for m in found}
    by_id = {person.id: person for person in services.people.get_many(ids)} if ids else {}
    fuzzy = [[by_id[m.id] for m in found if m.id in by_id] for found in matches]
    return [
        same + [person for person in alike if person.id not in {p.id for p in same}]
        for same, alike in zip(exact, fuzzy, strict=True)
    ]


def _fold(text: str | None) -> str:
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().replace("ł", "l").strip()


def _same_name(services: Services, first_name: str | None, last_name: str) -> list[PersonView]:
    found = [
        person
        for person in services.people.list(last_name)
        if _fold(person.last_name) == _fold(last_name)
        and (not first_name or not person.first_name or _fold(person.first_name) == _fold(first_name))
    ]
    return sorted(found, key=lambda p: (_fold(p.first_name) != _fold(first_name), p.id))


def person_candidates(
    services: Services, first_name: str | None, last_name: str, organisation: str | None = None
) -> list[PersonView]:
    """The existing people one named person may be, likeliest first."""
    return people_candidates(services, [(first_name, last_name, organisation)])[0]
