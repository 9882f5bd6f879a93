"""What a briefing includes; kept apart from reportlab so the CLI can parse flags without it."""

from dataclasses import dataclass, field
from enum import StrEnum


class Section(StrEnum):
    OVERVIEW = "overview"
    AGENDA = "agenda"
    DELEGATION = "delegation"
    HOSTS = "hosts"
    GUESTS = "guests"
    PROFILES = "profiles"
    TALKING_POINTS = "talking-points"
    PROTOCOL = "protocol"
    LOGISTICS = "logistics"
    QUOTES = "quotes"
    NOTES = "notes"
    FOLLOWUPS = "followups"
    HISTORY = "history"
    PRESS = "press"
    SOURCES = "sources"


# What never leaves the office: the outside copy drops these whatever sections were chosen.
INTERNAL_SECTIONS = frozenset(
    {Section.TALKING_POINTS, Section.PROTOCOL, Section.NOTES, Section.FOLLOWUPS, Section.HISTORY}
)


@dataclass(frozen=True)
class BriefingOptions:
    language: str = "de"
    sections: frozenset[Section] = field(default_factory=lambda: frozenset(Section))
    private_details: bool = True  # phones and emails of people; off for copies that leave the office
    deterministic: bool = False  # reportlab's invariant mode: same input, same bytes (tests)
    # The outside copy ("briefing-external"): approved quotes only, no internal sections, no
    # phone numbers or e-mail addresses inside free text, marked as such on every page.
    external: bool = False

    def includes(self, section: Section) -> bool:
        return section in self.sections and not (self.external and section in INTERNAL_SECTIONS)
