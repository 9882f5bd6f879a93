"""What a briefing includes; kept apart from reportlab so the CLI can parse flags without it."""

from dataclasses import dataclass, field
from enum import StrEnum


class Section(StrEnum):
    OVERVIEW = "overview"
    AGENDA = "agenda"
    DELEGATION = "delegation"
    HOSTS = "hosts"
    QUOTES = "quotes"
    NOTES = "notes"
    FOLLOWUPS = "followups"
    PRESS = "press"
    SOURCES = "sources"


@dataclass(frozen=True)
class BriefingOptions:
    language: str = "de"
    sections: frozenset[Section] = field(default_factory=lambda: frozenset(Section))
    private_details: bool = True  # phones and emails; off for copies that leave the office
    deterministic: bool = False  # reportlab's invariant mode: same input, same bytes (tests)
