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
    """Every field holding a character no bundled font covers (until font coverage lands: none)."""
    return []
