"""A visit of several scripts, two days and every side, for the print products' tests."""

from datetime import datetime

from delegation_app.domain.enums import Attendance, Classification, ParticipantRole, ParticipantSide
from delegation_app.services.people import PhoneInput

import factories as f

TITLE = "Delegation aus Łódź und Thessaloniki"
# Scripts the bundled Noto Sans covers. Arabic, Hebrew and Chinese names join this list when the
# font fallback (the printbase work) is merged: every product must then find them as well.
ATTENDING = {
    "Łukasz Żółkiewski": ParticipantSide.DELEGATION,
    "Γιώργος Παπαδόπουλος": ParticipantSide.DELEGATION,
    "Nguyễn Thị Hương": ParticipantSide.GUEST,
    "Dr. Anna Schmidt": ParticipantSide.HOST,
    "Ольга Иванова": ParticipantSide.HOST,
}
DECLINED = "Jürgen Müller-Lüdenscheidt"
CONTACT_PHONE = "+48 601 234 567"
INTERNAL_NOTE = "Nur intern: Sitzordnung klären"


def build(services, *, classification: Classification = Classification.NONE) -> int:
    visit = f.visit(
        services,
        title=TITLE,
        starts_at=datetime(2026, 2, 24, 9, 0),
        ends_at=datetime(2026, 2, 25, 16, 0),
        place="Bochum",
        classification=classification,
    )
    people = {}
    for name, side in [*ATTENDING.items(), (DECLINED, ParticipantSide.HOST)]:
        words = name.split()
        title = words.pop(0) if words[0] == "Dr." else None
        person = f.person(
            services, last_name=words[-1], first_name=" ".join(words[:-1]), title=title,
            function="Stadträtin" if side == ParticipantSide.HOST else "Referent",
            phones=[PhoneInput(CONTACT_PHONE, "mobile")] if name.startswith("Łukasz") else [],
        )  # fmt: skip
        people[name] = person
        f.participation(
            services, visit.id, person.id, side=side,
            role=ParticipantRole.HOST if side == ParticipantSide.HOST else ParticipantRole.MEMBER,
            attendance=Attendance.DECLINED if name == DECLINED else Attendance.CONFIRMED,
        )  # fmt: skip
    f.agenda_item(
        services, visit.id, "Empfang im Rathaus", starts_at=datetime(2026, 2, 24, 14, 30),
        ends_at=datetime(2026, 2, 24, 15, 30), place="Ratssaal", notes=INTERNAL_NOTE,
        responsible_person_id=people["Łukasz Żółkiewski"].id,
    )  # fmt: skip
    f.agenda_item(
        services, visit.id, "Besichtigung Stadtwerke", starts_at=datetime(2026, 2, 25, 9, 0),
        ends_at=datetime(2026, 2, 25, 11, 0), place="Stadtwerke Bochum",
    )  # fmt: skip
    return visit.id
