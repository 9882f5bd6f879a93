"""A visit in many scripts, for every print product's tests: Arabic and Hebrew (right to left),
Chinese, Polish, Turkish, Greek, Cyrillic, Vietnamese, Czech; an emoji no bundled font has.

``add_multiscript_visit(services)`` stores it and returns the visit's id; ``NAMES`` are the
participants as printed, ``TITLE`` the visit's title, ``NO_FONT`` the character to be reported.
"""

from datetime import datetime

from delegation_app.domain import enums as e

import factories as f

# (first name, last name) as stored; 王小明 is family name 王, given name 小明, written family
# name first (FAMILY_FIRST) and without a space, as Chinese names are.
FAMILY_FIRST = {"王"}
PEOPLE = (
    ("محمد", "عبد الله", e.ParticipantSide.DELEGATION, "Bürgermeister"),
    ("小明", "王", e.ParticipantSide.DELEGATION, "Stadtrat"),
    ("דוד", "כהן", e.ParticipantSide.DELEGATION, "Berater"),
    ("Łukasz", "Żółkiewski", e.ParticipantSide.DELEGATION, "Dolmetscher"),
    ("Ayşe", "Yılmaz", e.ParticipantSide.HOST, "Oberbürgermeisterin"),
    ("Νίκος", "Παπαδόπουλος", e.ParticipantSide.DELEGATION, "Referent"),
    ("Дмитрий", "Иванов", e.ParticipantSide.DELEGATION, "Stadtrat"),
    ("Nguyễn Văn", "An", e.ParticipantSide.DELEGATION, "Leiter des Protokolls"),
    ("Jana", "Dvořáková", e.ParticipantSide.HOST, "Referentin"),
)
NAMES = tuple(
    last + first if last in FAMILY_FIRST else " ".join(filter(None, (first, last)))
    for first, last, _side, _function in PEOPLE
)
RIGHT_TO_LEFT = ("محمد عبد الله", "דוד כהן")
TITLE = "Delegation aus Kairo, 北京, Tel Aviv (תל אביב) und Hà Nội"
NO_FONT = "😀"  # U+1F600: no bundled font has it
QUOTES = (
    ("أهلا وسهلا بكم في مدينتنا", 0),
    ("我们很高兴来到这里。", 1),
    ("שלום לכולם", 2),
    ("Dziękujemy za gościnność.", 3),
    ("Σας ευχαριστούμε θερμά.", 5),
    ("Спасибо за приглашение.", 6),
    ("Chúng tôi rất vui được đến đây.", 7),
)


def add_multiscript_visit(services) -> int:
    org = f.organisation(services, "Stadt Kairo – محافظة القاهرة")
    visit = f.visit(
        services,
        title=TITLE,
        guest_organisation_id=org.id,
        place="Rathaus, Großer Saal",
        purpose="Gespräche über Städtepartnerschaften mit محمد عبد الله und 王小明.",
        notes=f"Ein Gast bat um vegetarisches Essen {NO_FONT} – bitte mit der Küche klären.",
        starts_at=datetime(2026, 5, 4, 9, 0),
        ends_at=datetime(2026, 5, 6, 17, 0),
    )
    people = []
    for position, (first, last, side, function) in enumerate(PEOPLE):
        family_first = last in FAMILY_FIRST
        person = f.person(
            services, last_name=last, first_name=first, function=function, family_name_first=family_first
        )
        role = e.ParticipantRole.MEMBER if side == e.ParticipantSide.DELEGATION else e.ParticipantRole.HOST
        f.participation(
            services, visit.id, person.id, side=side, role=role, attendance=e.Attendance.CONFIRMED,
            position=position,
        )  # fmt: skip
        people.append(person)
    for text, speaker in QUOTES:
        f.quote(services, visit.id, text=text, speaker_person_id=people[speaker].id)
    f.agenda_item(
        services, visit.id, title="Empfang – استقبال", place="Rathaus",
        starts_at=datetime(2026, 5, 4, 9, 30), ends_at=datetime(2026, 5, 4, 10, 30),
    )  # fmt: skip
    return visit.id
