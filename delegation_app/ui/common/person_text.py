"""How a person found by typing is listed, and how long typing pauses before the search runs.

Every chooser of a person uses these (ui/common/record_chooser.py, person_choice.py).
"""

from delegation_app.services.views import PersonView

DEBOUNCE_MS = 150


def describe(person: PersonView) -> str:
    """ "Denes Kücük — Fachbereichsleiter, Stadt Hanau": enough to tell namesakes apart."""
    details = ", ".join(part for part in (person.function, person.organisation_name) if part)
    return f"{person.display_name} — {details}" if details else person.display_name
