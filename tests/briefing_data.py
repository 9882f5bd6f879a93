"""Hand-made read models: the renderer is tested without a database or Qt."""

import dataclasses
from datetime import date, datetime

from delegation_app.domain import enums as e
from delegation_app.services.briefing import BriefingData, BriefingPerson
from delegation_app.services.views import (
    AgendaItemView,
    FollowUpView,
    ParticipationView,
    PersonView,
    PhoneView,
    QuoteView,
    VisitView,
)

STAMP = datetime(2026, 1, 1, 10, 0)


def visit(**kw) -> VisitView:
    values = dict(
        id=1,
        version=1,
        title="Besuch",
        direction=e.VisitDirection.OUTGOING,
        status=e.VisitStatus.PLANNED,
        host_organisation_id=None,
        host_organisation_name=None,
        guest_organisation_id=None,
        guest_organisation_name=None,
        place=None,
        address=None,
        starts_at=None,
        ends_at=None,
        timezone="Europe/Berlin",
        purpose=None,
        topics=None,
        summary=None,
        lessons_learned=None,
        notes=None,
        press_contact_id=None,
        press_contact_name=None,
        classification=e.Classification.NONE,
        sources=None,
        created_at=STAMP,
        updated_at=STAMP,
    )
    values.update(kw)
    return VisitView(**values)


def person(pid: int, first: str | None, last: str, function: str | None = None, **kw) -> PersonView:
    values = dict(
        id=pid,
        version=1,
        title=None,
        first_name=first,
        last_name=last,
        display_name=" ".join(filter(None, (first, last))),
        salutation=None,
        function=function,
        department=None,
        organisation_id=None,
        organisation_name="Stadt Bochum",
        email=None,
        phones=(),
        notes=None,
        is_own_staff=False,
        source=e.DataSource.UNKNOWN,
        source_note=None,
        source_date=None,
        created_at=STAMP,
        updated_at=STAMP,
    )
    values.update(kw)
    return PersonView(**values)


def participant(p: PersonView, side=e.ParticipantSide.HOST, role=e.ParticipantRole.HOST, position=0):
    part = ParticipationView(
        id=p.id,
        version=1,
        visit_id=1,
        person_id=p.id,
        person_name=p.display_name,
        function=p.function,
        organisation_name=p.organisation_name,
        side=side,
        role=role,
        attendance=e.Attendance.CONFIRMED,
        position=position,
        function_at_visit=None,
    )
    return BriefingPerson(part, p)


def agenda_item(n: int, title: str, start: datetime | None = None, end: datetime | None = None, **kw):
    values = dict(
        id=n,
        version=1,
        visit_id=1,
        position=n,
        starts_at=start,
        ends_at=end,
        title=title,
        place=None,
        responsible_person_id=None,
        responsible_person_name=None,
        notes=None,
    )
    values.update(kw)
    return AgendaItemView(**values)


def quote(n: int, text: str, speaker: str, **kw) -> QuoteView:
    values = dict(
        id=n,
        version=1,
        visit_id=1,
        position=n,
        text=text,
        speaker_person_id=None,
        speaker_label=speaker,
        speaker_display=speaker,
        agenda_item_id=None,
        context=None,
        said_on=None,
        language="de",
        kind=e.QuoteKind.VERBATIM,
        approval_state=e.ApprovalState.CAPTURED,
        approved_by=None,
        approved_at=None,
    )
    values.update(kw)
    return QuoteView(**values)


def followup(n: int, title: str, **kw) -> FollowUpView:
    values = dict(
        id=n,
        version=1,
        title=title,
        owner_person_id=None,
        owner_name=None,
        due_on=None,
        done_on=None,
        person_id=None,
        visit_id=1,
        contact_entry_id=None,
        notes=None,
    )
    values.update(kw)
    return FollowUpView(**values)


def briefing(**kw) -> BriefingData:
    values = dict(
        visit=visit(),
        delegation=(),
        hosts=(),
        agenda=(),
        quotes=(),
        open_followups=(),
        press_contact=None,
        issued_on=date(2026, 2, 20),
        issued_by="Organisationsbüro",
    )
    values.update(kw)
    return BriefingData(**values)


PHONE = PhoneView(e.PhoneKind.OFFICE, "+4961813000", "6069", "06181 3000-6069")


def rich_briefing(**kw) -> BriefingData:
    """Three days, all three sides with someone who declined, profiles, talking points, protocol
    notes, logistics, quotes in every approval state, a lesson learned and a relationship history."""
    from delegation_app.services.before_visit import BriefingSummary, PersonMet
    from delegation_app.services.briefing import RelationshipHistory
    from delegation_app.services.history import OrganisationVisit

    polish = PhoneView(e.PhoneKind.MOBILE, "+48123456789", None, "+48 12 345 67 89")
    head = person(
        1, "Jan", "Kowalski", "Stadtpräsident", organisation_name="Miasto Lublin", phones=(polish,),
        salutation="Herr", profile="Seit 2014 Stadtpräsident; zuvor Abgeordneter im Sejm.",
    )  # fmt: skip
    member = person(
        2, "Anna", "Nowak", "Referentin", organisation_name="Miasto Lublin", email="a.nowak@lublin.eu"
    )
    away = person(3, "Piotr", "Zieliński", "Kämmerer", organisation_name="Miasto Lublin")
    mayor = person(
        4, "Elke", "Temme", "Oberbürgermeisterin", phones=(PHONE,), email="e.temme@example.org",
        notes="Spricht kein Polnisch.", profile="Oberbürgermeisterin seit 2020.",
    )  # fmt: skip
    guest = person(
        5, "小明", "王", "Generalkonsul", organisation_name="Generalkonsulat", family_name_first=True
    )

    def side(p, s, role=e.ParticipantRole.MEMBER, attendance=e.Attendance.CONFIRMED, position=0):
        entry = participant(p, s, role, position)
        return BriefingPerson(dataclasses.replace(entry.participation, attendance=attendance), p)

    day = [datetime(2026, 2, 24), datetime(2026, 2, 25), datetime(2026, 2, 26)]
    agenda = (
        agenda_item(
            1,
            "Empfang im Rathaus",
            day[0].replace(hour=9, minute=30),
            day[0].replace(hour=10),
            place="Rathaus",
        ),
        agenda_item(2, "Abendessen", day[0].replace(hour=18, minute=50), day[0].replace(hour=19, minute=35)),
        agenda_item(3, "Besuch der Stadtwerke", day[1].replace(hour=8), day[1].replace(hour=8, minute=45)),
        agenda_item(4, "Abschlussgespräch", day[2].replace(hour=14, minute=30), day[2].replace(hour=15)),
    )
    approved, internal = e.ApprovalState.APPROVED, e.ApprovalState.INTERNAL_ONLY
    quotes = (
        quote(1, "Lublin und Bochum verbindet viel.", "Jan Kowalski", approval_state=approved),
        quote(
            2, "Das Budget ist knapp, sagen Sie das nicht weiter.", "Jan Kowalski", approval_state=internal
        ),
        quote(3, "Rufen Sie mich an: 0171 2345678.", "Elke Temme", approval_state=approved),
    )
    history = RelationshipHistory(
        BriefingSummary(
            organisation_id=7,
            organisation_name="Miasto Lublin",
            previous_visits=(
                OrganisationVisit(
                    3,
                    "Gegenbesuch in Lublin",
                    datetime(2024, 5, 6),
                    datetime(2024, 5, 8),
                    e.VisitStatus.DONE,
                    False,
                    True,
                ),
            ),
            people_met=(
                PersonMet(
                    1, "Jan Kowalski", 2, 3, datetime(2024, 5, 6), "Stadtpräsident", "Stadtpräsident", False
                ),
            ),
            open_followups=(followup(8, "Fotos an Lublin schicken", due_on=date(2026, 3, 1)),),
        ),
        kept=(followup(9, "Partnerschaftsvertrag übersenden", done_on=date(2024, 6, 1)),),
    )
    values = dict(
        visit=visit(
            title="Delegation aus Lublin",
            guest_organisation_name="Miasto Lublin",
            host_organisation_name="Stadt Bochum",
            starts_at=datetime(2026, 2, 24, 9, 30),
            ends_at=datetime(2026, 2, 26, 15),
            summary="Rückfragen an protokoll@bochum.de.",
            notes="Intern: Fahrer unter 0234 910-1234 erreichbar.",
            lessons_learned="Dolmetscher früher buchen",
            talking_points="- Dank für die Einladung\n- Stand der Partnerschaft",
            protocol_notes="Gastgeschenk: Bildband. Sitzordnung nach Rang.",
            logistics="Treffpunkt 9:15 Uhr am Haupteingang.\nVor-Ort-Kontakt: 0234 910-5555",
        ),
        delegation=(
            side(head, e.ParticipantSide.DELEGATION, e.ParticipantRole.HEAD_OF_DELEGATION),
            side(member, e.ParticipantSide.DELEGATION, position=1),
            side(away, e.ParticipantSide.DELEGATION, attendance=e.Attendance.DECLINED, position=2),
        ),
        hosts=(side(mayor, e.ParticipantSide.HOST, e.ParticipantRole.HOST),),
        guests=(side(guest, e.ParticipantSide.GUEST),),
        agenda=agenda,
        quotes=quotes,
        open_followups=(followup(10, "Dankschreiben", owner_name="Maria Berger", due_on=date(2026, 3, 2)),),
        press_contact=person(6, "Dominik", "Kuhn", "Pressesprecher", phones=(PHONE,)),
        issued_on=date(2026, 2, 20),
        issued_by="Organisationsbüro",
        history=(history,),
    )
    values.update(kw)
    return BriefingData(**values)
