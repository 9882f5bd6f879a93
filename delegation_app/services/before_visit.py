""" "Before the next visit": what the office knows about an organisation it is about to meet again.

Previous visits are the ones that began before today and were not cancelled, where the organisation
was host or guest or its people took part. People met are its people (by their current
organisation) who took part in one of them without declining.
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import or_, select
from sqlmodel import col

from delegation_app.domain.enums import Attendance, VisitStatus
from delegation_app.domain.errors import NotFoundError
from delegation_app.domain.models import Organisation, Participation, Person, Visit, stored_id
from delegation_app.domain.record_names import RecordName
from delegation_app.domain.sortkey import fold
from delegation_app.services.history import OrganisationVisit, organisation_visit
from delegation_app.services.people import name_of
from delegation_app.services.registry import Services
from delegation_app.services.views import FollowUpView

PreviousVisit = OrganisationVisit  # the same facts as on the organisation's page


@dataclass(frozen=True)
class PersonMet:
    person_id: int
    name: str
    times_met: int  # previous visits they took part in
    last_met_visit_id: int
    last_met_at: datetime | None
    # As recorded for that visit; where none was recorded (the form asks for one only if it differs),
    # the current one, as the participant list shows it.
    function_at_latest_visit: str | None
    current_function: str | None
    function_changed: bool  # a function recorded at the visit differs from the current one


@dataclass(frozen=True)
class BriefingSummary:
    organisation_id: int
    organisation_name: str
    previous_visits: tuple[PreviousVisit, ...]  # newest first
    people_met: tuple[PersonMet, ...]  # by name (DIN 5007)
    open_followups: tuple[FollowUpView, ...]  # of those visits or of the organisation's people; by due date


def _changed(then: str | None, now: str | None) -> bool:
    return then is not None and fold(then) != fold(now)


def before_next_visit(
    services: Services, organisation_id: int, *, today: date | None = None
) -> BriefingSummary:
    start_of_today = datetime.combine(today or date.today(), time.min)
    with services.db.read() as session:
        org = session.get(Organisation, organisation_id)
        if org is None:
            raise NotFoundError(RecordName("organisation"), organisation_id)
        members = select(col(Person.id)).where(col(Person.organisation_id) == organisation_id)
        visits = session.scalars(
            select(Visit)
            .where(
                or_(
                    col(Visit.host_organisation_id) == organisation_id,
                    col(Visit.guest_organisation_id) == organisation_id,
                    col(Visit.id).in_(
                        select(col(Participation.visit_id)).where(col(Participation.person_id).in_(members))
                    ),
                ),
                col(Visit.starts_at) < start_of_today,
                col(Visit.status) != VisitStatus.CANCELLED,
            )
            .order_by(col(Visit.starts_at).desc(), col(Visit.id).desc())
        ).all()
        visit_ids = [v.id for v in visits]
        # Per person (by name) their participations, the latest visit first: the first row is the latest.
        taken = session.execute(
            select(Participation, Person, Visit)
            .join(Person, col(Person.id) == Participation.person_id)
            .join(Visit, col(Visit.id) == Participation.visit_id)
            .where(
                col(Person.organisation_id) == organisation_id,
                col(Participation.visit_id).in_(visit_ids),
                col(Participation.attendance) != Attendance.DECLINED,
            )
            .order_by(col(Person.sort_key), col(Person.id), col(Visit.starts_at).desc(), col(Visit.id).desc())
        ).all()
        member_ids = list(session.scalars(members))
        latest: dict[int, tuple[Participation, Person, Visit]] = {}
        times: dict[int, int] = {}
        for part, person, visit in taken:
            latest.setdefault(stored_id(person), (part, person, visit))
            times[stored_id(person)] = times.get(stored_id(person), 0) + 1
        people_met = tuple(
            PersonMet(
                person_id=stored_id(person),
                name=name_of(person),
                times_met=times[stored_id(person)],
                last_met_visit_id=stored_id(visit),
                last_met_at=visit.starts_at,
                function_at_latest_visit=part.function_at_visit or person.function,
                current_function=person.function,
                function_changed=_changed(part.function_at_visit, person.function),
            )
            for part, person, visit in latest.values()
        )
        previous = tuple(organisation_visit(v, organisation_id) for v in visits)
        name = org.name
    followups = services.followups.list_open_linked(visit_ids=visit_ids, person_ids=member_ids)
    return BriefingSummary(organisation_id, name, previous, people_met, tuple(followups))
