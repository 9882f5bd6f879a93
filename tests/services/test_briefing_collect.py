"""The briefing's read model from a database: sides apart, and the history of the organisations
as it stood before the visit (earlier visits, people met, promises open and kept)."""

from datetime import date, datetime

from delegation_app.domain.enums import Attendance, ParticipantSide
from delegation_app.services.briefing import collect_briefing

import factories


def test_sides_apart_and_the_history_before_the_visit(services):
    lublin = factories.organisation(services, "Miasto Lublin")
    bochum = factories.organisation(services, "Stadt Bochum")
    earlier = factories.visit(
        services, "Gegenbesuch in Lublin", guest_organisation_id=lublin.id,
        starts_at=datetime(2024, 5, 6, 9), ends_at=datetime(2024, 5, 8, 17),
    )  # fmt: skip
    now = factories.visit(services, "Delegation aus Lublin", guest_organisation_id=lublin.id,
                          host_organisation_id=bochum.id)  # fmt: skip
    later = factories.visit(services, "Noch ein Besuch", guest_organisation_id=lublin.id,
                            starts_at=datetime(2027, 1, 1, 9), ends_at=datetime(2027, 1, 1, 10))  # fmt: skip
    kowalski = factories.person(services, "Kowalski", "Jan", organisation_id=lublin.id)
    temme = factories.person(services, "Temme", "Elke", organisation_id=bochum.id)
    consul = factories.person(services, "Wang", "Xiaoming")
    factories.participation(services, earlier.id, kowalski.id, attendance=Attendance.ATTENDED)
    factories.participation(services, now.id, kowalski.id, side=ParticipantSide.DELEGATION)
    factories.participation(services, now.id, temme.id, side=ParticipantSide.HOST)
    factories.participation(services, now.id, consul.id, side=ParticipantSide.GUEST)
    factories.participation(services, later.id, temme.id, side=ParticipantSide.HOST)
    kept = factories.follow_up(services, "Partnerschaftsvertrag übersenden", visit_id=earlier.id)
    services.followups.mark_done(kept.id, kept.version, date(2024, 6, 1))
    factories.follow_up(services, "Fotos schicken", visit_id=earlier.id, due_on=date(2024, 7, 1))

    data = collect_briefing(services, now.id)

    assert [p.person.last_name for p in data.delegation] == ["Kowalski"]
    assert [p.person.last_name for p in data.hosts] == ["Temme"]
    assert [p.person.last_name for p in data.guests] == ["Wang"]
    assert [h.summary.organisation_name for h in data.history] == ["Miasto Lublin"]  # Bochum has none
    lublin_history = data.history[0]
    assert [v.title for v in lublin_history.summary.previous_visits] == ["Gegenbesuch in Lublin"]
    assert [p.name for p in lublin_history.summary.people_met] == ["Jan Kowalski"]
    assert [f.title for f in lublin_history.summary.open_followups] == ["Fotos schicken"]
    assert [(f.title, f.done_on) for f in lublin_history.kept] == [
        ("Partnerschaftsvertrag übersenden", date(2024, 6, 1))
    ]
