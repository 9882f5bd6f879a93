"""What the press reader proposes: plain dataclasses, each with the offsets of the sentence it
came from so the review dialog can show it."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Evidence:
    start: int
    end: int
    sentence: str


@dataclass
class PersonProposal:
    first_name: str | None
    last_name: str
    title: str | None = None
    function: str | None = None
    organisation: str | None = None
    gender: str | None = None
    side: str | None = None  # "delegation" or "host" when the release tells
    evidence: Evidence | None = None

    @property
    def name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)


@dataclass
class QuoteProposal:
    text: str  # without the outer marks; inner marks kept
    speaker: PersonProposal | None
    start: int  # offsets of the quotation (with its marks)
    end: int
    evidence: Evidence | None = None


@dataclass
class VisitProposal:
    title: str
    starts_on: str | None = None  # ISO date
    place: str | None = None
    host: str | None = None
    guest: str | None = None
    evidence: Evidence | None = None


@dataclass
class PressReading:
    visit: VisitProposal
    organisations: list[str] = field(default_factory=list)
    people: list[PersonProposal] = field(default_factory=list)
    quotes: list[QuoteProposal] = field(default_factory=list)

    def as_json(self) -> dict:
        """The shape of ``read-press --json`` (docs/press-reader.md)."""
        return {
            "visit": {
                "title": self.visit.title,
                "starts_on": self.visit.starts_on,
                "place": self.visit.place,
            },
            "organisations": [{"name": name} for name in self.organisations],
            "people": [
                {"name": p.name, "function": p.function, "organisation": p.organisation} for p in self.people
            ],
            "quotes": [
                {"text": q.text, "speaker": q.speaker.name if q.speaker else None} for q in self.quotes
            ],
        }
