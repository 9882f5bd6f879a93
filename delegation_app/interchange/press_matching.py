"""Which stored people a person named in a press release may be. One function, so the duplicate
finder of the interchange work (services/duplicates.py) can take its place in one line: until
then, the same last name (case and accents folded) and a first name that agrees or is missing."""

import unicodedata

from delegation_app.services.registry import Services
from delegation_app.services.views import PersonView


def _fold(text: str | None) -> str:
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().replace("ł", "l").strip()


def person_candidates(services: Services, first_name: str | None, last_name: str) -> list[PersonView]:
    """Existing people who may be this one, the likeliest first (same first name before none)."""
    found = [
        person
        for person in services.people.list(last_name)
        if _fold(person.last_name) == _fold(last_name)
        and (not first_name or not person.first_name or _fold(person.first_name) == _fold(first_name))
    ]
    return sorted(found, key=lambda p: (_fold(p.first_name) != _fold(first_name), p.id))
