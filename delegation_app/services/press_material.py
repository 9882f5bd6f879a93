"""What press work prints about a visit (the press pack, the draft press release), read in one
snapshot: the visit, who came, the quotes sorted into those approved for publication and those
left out, each with its speaker's function and organisation, and the press contact."""

from dataclasses import dataclass
from datetime import date

from delegation_app.domain.enums import Attendance, ParticipantSide, QuoteKind
from delegation_app.services.quote_approval import PUBLISHABLE
from delegation_app.services.registry import Services
from delegation_app.services.views import ParticipationView, PersonView, QuoteView, VisitView


@dataclass(frozen=True)
class PressQuote:
    quote: QuoteView
    speaker: str  # "Isabelle Hemsley"
    function: str | None  # at the visit if recorded, else the person's
    organisation: str | None

    @property
    def words(self) -> str:
        """The approved wording without the quotation marks around it (the products set their own)."""
        return unquoted(self.quote.published_text)

    @property
    def verbatim(self) -> bool:
        return self.quote.kind == QuoteKind.VERBATIM


@dataclass(frozen=True)
class PressMaterial:
    visit: VisitView
    delegation: tuple[ParticipationView, ...]  # who came (the delegation side, not those who declined)
    hosts: tuple[ParticipationView, ...]
    guests: tuple[ParticipationView, ...]
    quotes: tuple[PressQuote, ...]  # approved for publication, in the visit's order
    left_out: tuple[QuoteView, ...]  # not approved (yet), rejected, or internal only
    press_contact: PersonView | None
    today: date


OPENING = "„\"“»«‚‘‹›'"
CLOSING = "“\"”«»‘’‹›'"


def unquoted(text: str) -> str:
    """„Wir lernen.“ → Wir lernen. (only marks around the whole text go; inner ones stay)."""
    words = text.strip()
    if len(words) >= 2 and words[0] in OPENING and words[-1] in CLOSING:
        inner = words[1:-1].strip()
        if not any(mark in inner for mark in "„“”\"»«"):  # „A“ und „B“ is two quotes, not one
            return inner
    return words


def collect_press_material(services: Services, visit_id: int, *, today: date | None = None) -> PressMaterial:
    with services.db.snapshot():
        visit = services.visits.get(visit_id)
        listed = services.participations.list_for_visit(visit_id)
        people = [p for p in listed if p.attendance != Attendance.DECLINED]
        by_person = {p.person_id: p for p in people}
        quotes: list[PressQuote] = []
        left_out: list[QuoteView] = []
        every_quote = services.quotes.list_for_visit(visit_id)
        speakers = {q.speaker_person_id for q in every_quote if q.speaker_person_id}
        records = {p.id: p for p in services.people.get_many(speakers)}
        for quote in every_quote:
            if quote.approval_state not in PUBLISHABLE:
                left_out.append(quote)
                continue
            there = by_person.get(quote.speaker_person_id) if quote.speaker_person_id else None
            record = records.get(quote.speaker_person_id) if quote.speaker_person_id else None
            function = (there.function if there else None) or (record.function if record else None)
            organisation = (there.organisation_name if there else None) or (
                record.organisation_name if record else None
            )
            speaker = record.display_name if record else quote.speaker_display
            quotes.append(PressQuote(quote, speaker, function, organisation))
        contact = services.people.get(visit.press_contact_id) if visit.press_contact_id else None
        return PressMaterial(
            visit=visit,
            delegation=tuple(p for p in people if p.side == ParticipantSide.DELEGATION),
            hosts=tuple(p for p in people if p.side == ParticipantSide.HOST),
            guests=tuple(p for p in people if p.side == ParticipantSide.GUEST),
            quotes=tuple(quotes),
            left_out=tuple(left_out),
            press_contact=contact,
            today=today or date.today(),
        )
