from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, select
from sqlmodel import Session, col

from delegation_app.domain.enums import Attendance, ParticipantRole, ParticipantSide
from delegation_app.domain.models import Organisation, Participation, Person, Visit, stored_id
from delegation_app.domain.record_names import RecordName
from delegation_app.i18n import N_, _
from delegation_app.services.agenda import move_part
from delegation_app.services.base import PartService, prefetch
from delegation_app.services.people import name_of, person_name
from delegation_app.services.validation import Checker
from delegation_app.services.views import ParticipationView


@dataclass
class ParticipationInput:
    visit_id: int
    person_id: int
    side: ParticipantSide | str = ParticipantSide.DELEGATION
    role: ParticipantRole | str = ParticipantRole.MEMBER
    attendance: Attendance | str = Attendance.INVITED
    position: int | None = None  # None: after the last one
    function_at_visit: str | None = None


class ParticipationService(PartService[Participation, ParticipationInput, ParticipationView]):
    model = Participation
    entity = N_("Participant")

    def _name(self, session: Session, row: Participation) -> RecordName:
        visit = session.get(Visit, row.visit_id)
        values = {"person": person_name(session, row.person_id) or "", "visit": visit.title if visit else ""}
        return RecordName("participation", values)

    def _validate(
        self, session: Session, check: Checker, data: ParticipationInput, record_id
    ) -> dict[str, Any]:
        visit_id = self._visit_of_part(session, check, data.visit_id, record_id)
        person_id = check.exists(session, "person_id", Person, data.person_id, required=True)
        if visit_id is not None and person_id is not None:
            clash = session.scalar(
                select(col(Participation.id)).where(
                    col(Participation.visit_id) == visit_id,
                    col(Participation.person_id) == person_id,
                    col(Participation.id) != (record_id or -1),
                )
            )
            if clash is not None:
                check.fail("person_id", _("This person already takes part in the visit."))
        position = self._position(session, check, data.position, visit_id, record_id)
        return {
            "visit_id": visit_id,
            "person_id": person_id,
            "side": check.enum("side", data.side, ParticipantSide),
            "role": check.enum("role", data.role, ParticipantRole),
            "attendance": check.enum("attendance", data.attendance, Attendance),
            "position": position,
            "function_at_visit": check.model_text(Participation, "function_at_visit", data.function_at_visit),
        }

    def _view_many(self, session: Session, rows: list[Participation]) -> list[ParticipationView]:
        people = prefetch(session, Person, (row.person_id for row in rows))
        orgs = prefetch(session, Organisation, (person.organisation_id for person in people))
        views = super()._view_many(session, rows)
        del people, orgs  # held until the views were built (see prefetch)
        return views

    def _view(self, session: Session, row: Participation) -> ParticipationView:
        person = session.get_one(Person, row.person_id)
        org = session.get(Organisation, person.organisation_id) if person.organisation_id else None
        return ParticipationView(
            id=stored_id(row), version=row.version, visit_id=row.visit_id, person_id=row.person_id,
            person_name=name_of(person),
            function=row.function_at_visit or person.function, organisation_name=org.name if org else None,
            side=row.side, role=row.role, attendance=row.attendance, position=row.position,
            function_at_visit=row.function_at_visit,
        )  # fmt: skip

    def _ordered(self, visit_id: int):
        head_first = case((col(Participation.role) == ParticipantRole.HEAD_OF_DELEGATION, 0), else_=1)
        side_order = case(
            {side.value: index for index, side in enumerate(ParticipantSide)}, value=col(Participation.side)
        )
        return (
            select(Participation)
            .where(col(Participation.visit_id) == visit_id)
            .order_by(side_order, head_first, col(Participation.position), col(Participation.id))
        )

    def list_for_visit(self, visit_id: int) -> list[ParticipationView]:
        """Head of delegation first, then by side and the users' order."""
        return self._views(self._ordered(visit_id))

    def _views(self, query) -> list[ParticipationView]:
        # Each row with its person and their organisation in one statement (one round trip);
        # _view_many's prefetch then finds them in the session.
        joined = query.add_columns(Person, Organisation)
        joined = joined.join(Person, col(Person.id) == Participation.person_id)
        joined = joined.outerjoin(Organisation, col(Organisation.id) == Person.organisation_id)
        with self.db.read() as session:
            loaded = session.execute(joined).all()  # holds the people while the views are built
            return self._view_many(session, [row[0] for row in loaded])

    def move(self, record_id: int, version: int, new_index: int) -> list[ParticipationView]:
        """Move one participant to ``new_index`` of list_for_visit's order, in one transaction.

        Side and head of delegation still come first: a move only changes the order within them.
        Returns the participants in their new order."""
        with self.db.write() as session:
            visit_id = self._row(session, record_id).visit_id
            rows = session.scalars(self._ordered(visit_id)).all()
            name = self._name(session, self._row(session, record_id))
            move_part(session, Participation, name, rows, record_id, version, new_index)
        return self.list_for_visit(visit_id)
