"""How a person found by typing is listed, and how long typing pauses before the search runs.

Both choosers of a person use these: PersonChooser here in ui/common and PersonPicker in
ui/people. They live at the bottom so that ui/common needs nothing from a feature package.
"""

from delegation_app.services.views import PersonView

DEBOUNCE_MS = 150


def describe(person: PersonView) -> str:
    """ "Denes Kücük — Fachbereichsleiter, Stadt Hanau": enough to tell namesakes apart."""
    details = ", ".join(part for part in (person.function, person.organisation_name) if part)
    return f"{person.display_name} — {details}" if details else person.display_name
