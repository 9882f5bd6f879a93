"""Characters no bundled font can print, found before a product is written, so the user is told
which record and field instead of seeing a blank."""

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class TextField:
    record: str  # what the user calls it: "Person Jürgen Müller", "Zitat 3"
    field: str  # the field's label: "Nachname"
    value: str


@dataclass(frozen=True)
class Missing:
    record: str
    field: str
    characters: str  # the characters no font has, each once, in order of appearance


def missing_characters(fields: Iterable[TextField]) -> list[Missing]:
    """Every field holding a character no bundled font has (whitespace, controls, joiners and
    variation selectors aside), in the order given."""
    from delegation_app.reports.script_runs import missing_in  # reads the fonts' tables

    found = []
    for field in fields:
        characters = missing_in(field.value) if field.value else ""
        if characters:
            found.append(Missing(field.record, field.field, characters))
    return found


def describe(missing: Missing) -> str:
    """One line for the user: where, and which characters (with their code, as a box shows none)."""
    from delegation_app.i18n import _

    characters = ", ".join(f"{c} (U+{ord(c):04X})" for c in missing.characters)
    return _("{record}, {field}: no font for {characters}; printed as empty boxes.").format(
        record=missing.record, field=missing.field, characters=characters
    )
