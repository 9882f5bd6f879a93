"""A visit in many scripts, for every print product's tests: Arabic and Hebrew (right to left),
Chinese, Polish, Turkish, Greek, Cyrillic, Vietnamese, Czech; an emoji no bundled font has.

``add_multiscript_visit(services)`` stores it and returns the visit's id; ``NAMES`` are the
participants as printed, ``TITLE`` the visit's title, ``NO_FONT`` the character to be reported.
Every participant is the contact person of one programme item (three days), so the programme
prints every name too. ``add_person_without_font`` adds one more, whose name has a character no
bundled font has, taking part and the contact of an item: every product prints it.
"""

from datetime import datetime, timedelta

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
PROGRAMME = (  # one item per participant, in PEOPLE's order: each is an item's contact person
    ("Empfang – استقبال", "Rathaus", datetime(2026, 5, 4, 9, 30)),
    ("Gespräch Wirtschaftsförderung", "Rathaus, Zimmer 112", datetime(2026, 5, 4, 11, 0)),
    ("Stadtrundgang", "Marktplatz", datetime(2026, 5, 4, 14, 0)),
    ("Besuch der Universität", "Campus Nord", datetime(2026, 5, 5, 9, 0)),
    ("Begrüßung durch die Oberbürgermeisterin", "Ratssaal", datetime(2026, 5, 5, 11, 0)),
    ("Hafenrundfahrt", "Anleger 3", datetime(2026, 5, 5, 14, 0)),
    ("Stadtwerke", "Werkstraße 1", datetime(2026, 5, 6, 9, 0)),
    ("Pressegespräch", "Ratssaal", datetime(2026, 5, 6, 11, 0)),
    ("Abschluss", "Ratskeller", datetime(2026, 5, 6, 13, 0)),
)
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
    for (title, place, starts_at), person in zip(PROGRAMME, people, strict=True):
        f.agenda_item(
            services, visit.id, title=title, place=place, starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=1), responsible_person_id=person.id,
        )  # fmt: skip
    return visit.id


# (first name, last name, printed): 𠮷 (U+20BB7) is the "tsuchi-yoshi" of the Japanese family
# name Yoshida, outside the CJK fonts' basic plane; written family name first.
WITHOUT_FONT = ("花子", "𠮷田", "𠮷田花子")


def add_person_without_font(services, visit_id: int) -> str:
    """One more delegation member, contact of one more programme item; returns the printed name."""
    first, last, printed = WITHOUT_FONT
    person = f.person(services, last_name=last, first_name=first, function="Gast", family_name_first=True)
    f.participation(
        services, visit_id, person.id, side=e.ParticipantSide.DELEGATION, role=e.ParticipantRole.MEMBER,
        attendance=e.Attendance.CONFIRMED, position=len(PEOPLE),
    )  # fmt: skip
    f.agenda_item(
        services, visit_id, title="Abreise", place="Hauptbahnhof", starts_at=datetime(2026, 5, 6, 16, 0),
        responsible_person_id=person.id,
    )  # fmt: skip
    return printed
