"""What the hand-outs of a visit print (programme, participant list, sign-in sheet, badges, place
cards), gathered in one read model from one snapshot of the data.

Unlike the briefing it holds nothing internal: no notes, quotes or follow-ups, so a renderer
cannot print them by mistake. The responsible people of the programme come with their phones
(the guests' contact on the day), read in the same snapshot as everything else.
"""

from dataclasses import dataclass
from datetime import date

from delegation_app.domain.enums import Attendance, ParticipantSide, PhoneKind
from delegation_app.services.registry import Services
from delegation_app.services.views import AgendaItemView, ParticipationView, PersonView, VisitView

SIDE_ORDER = (ParticipantSide.DELEGATION, ParticipantSide.HOST, ParticipantSide.GUEST)


@dataclass(frozen=True)
class SheetPerson:
    participation: ParticipationView
    person: PersonView

    @property
    def declined(self) -> bool:
        return self.participation.attendance == Attendance.DECLINED

    @property
    def function(self) -> str:
        """The function at the visit where recorded, else the person's current one."""
        return self.participation.function or self.person.function or ""

    @property
    def organisation(self) -> str:
        return self.participation.organisation_name or self.person.organisation_name or ""


@dataclass(frozen=True)
class ProgrammeContact:
    name: str
    phone: str  # the first mobile number, else the first other one; "" when none is stored


@dataclass(frozen=True)
class VisitSheets:
    visit: VisitView
    people: tuple[SheetPerson, ...]  # in the visit's order (head of delegation first)
    agenda: tuple[AgendaItemView, ...]
    contacts: dict[int, ProgrammeContact]  # the programme's responsible people, by person id
    issued_on: date
    issued_by: str = ""
    issuer_function: str = ""

    def side(self, side: ParticipantSide, *, declined: bool = False) -> tuple[SheetPerson, ...]:
        """The people of one side who take part (or, with ``declined``, who declined)."""
        return tuple(p for p in self.people if p.participation.side == side and p.declined == declined)

    @property
    def attending(self) -> tuple[SheetPerson, ...]:
        """Everyone who has not declined, sides in print order."""
        return tuple(p for side in SIDE_ORDER for p in self.side(side))

    @property
    def declined(self) -> tuple[SheetPerson, ...]:
        return tuple(p for side in SIDE_ORDER for p in self.side(side, declined=True))


def _phone(person: PersonView) -> str:
    numbers = [p for p in person.phones if p.kind != PhoneKind.FAX]
    mobile = [p for p in numbers if p.kind == PhoneKind.MOBILE]
    chosen = (mobile or numbers)[:1]
    return chosen[0].display if chosen else ""


def collect_visit_sheets(
    services: Services,
    visit_id: int,
    *,
    today: date | None = None,
    issued_by: str | None = None,
    issuer_function: str | None = None,
) -> VisitSheets:
    """Raises NotFoundError for an unknown visit."""
    with services.db.snapshot():  # every read below joins it
        visit = services.visits.get(visit_id)
        taking_part = services.participations.list_for_visit(visit_id)
        agenda = services.agenda.list_for_visit(visit_id)
        responsible = {a.responsible_person_id for a in agenda if a.responsible_person_id is not None}
        by_id = {
            view.id: view
            for view in services.people.get_many({p.person_id for p in taking_part} | responsible)
        }
    return VisitSheets(
        visit=visit,
        people=tuple(SheetPerson(p, by_id[p.person_id]) for p in taking_part),
        agenda=tuple(agenda),
        contacts={
            pid: ProgrammeContact(by_id[pid].display_name, _phone(by_id[pid]))
            for pid in responsible
            if pid in by_id
        },
        issued_on=today or date.today(),
        issued_by=(issued_by or "").strip(),
        issuer_function=(issuer_function or "").strip() if issued_by else "",
    )
