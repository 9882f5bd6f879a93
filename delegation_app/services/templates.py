"""A past visit as the starting point of a new one."""

from delegation_app.domain.enums import Attendance, ParticipantSide, VisitStatus
from delegation_app.i18n import _
from delegation_app.services.agenda import AgendaItemInput
from delegation_app.services.participations import ParticipationInput
from delegation_app.services.registry import Services
from delegation_app.services.views import VisitView
from delegation_app.services.visits import VisitInput


def copy_as_template(services: Services, visit_id: int) -> VisitView:
    """A new visit with the title, organisations, place, purpose, the agenda's shape (items in
    order, without dates) and the delegation (invited again) — no quotes, contacts, notes or dates."""
    old = services.visits.get(visit_id)
    with services.db.write():
        new = services.visits.create(
            VisitInput(
                title=_("{title} (copy)").format(title=old.title)[:200],
                direction=old.direction,
                status=VisitStatus.IDEA,
                host_organisation_id=old.host_organisation_id,
                guest_organisation_id=old.guest_organisation_id,
                place=old.place,
                address=old.address,
                timezone=old.timezone,
                purpose=old.purpose,
                topics=old.topics,
                classification=old.classification,
            )
        )
        for item in services.agenda.list_for_visit(visit_id):
            services.agenda.create(
                AgendaItemInput(
                    visit_id=new.id,
                    title=item.title,
                    place=item.place,
                    responsible_person_id=item.responsible_person_id,
                    notes=item.notes,
                )
            )
        for p in services.participations.list_for_visit(visit_id):
            if p.side == ParticipantSide.DELEGATION:
                services.participations.create(
                    ParticipationInput(
                        visit_id=new.id,
                        person_id=p.person_id,
                        side=p.side,
                        role=p.role,
                        attendance=Attendance.INVITED,
                    )
                )
        return services.visits.get(new.id)
