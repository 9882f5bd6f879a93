"""vCard export: what Outlook and Thunderbird read back (vobject parses every file written here)."""

import vobject

from delegation_app.files.output import OutputWriter
from delegation_app.interchange.vcard_export import file_names, vcard_text
from delegation_app.operations.exports import write_vcards
from delegation_app.services.people import PhoneInput

import factories

NAMES = [
    ("Żółkiewski", "Łukasz", "Dr.", "Prezydent Miasta Łódź"),
    ("Yılmaz", "Ayşe Gül", None, "Belediye Başkan Yardımcısı, Dış İlişkiler"),
    ("Dubé", "Hélène", None, "Adjointe au maire; relations internationales"),
    ("Doğan", "Iğdır", "Prof. Dr.", "Rektör"),
    ("王", "小明", None, "上海市人民政府外事办公室主任" * 4),  # a long line of three-octet characters
]


def people(services):
    org = factories.organisation(services, "Urząd Miasta Łodzi, Biuro Współpracy Międzynarodowej")
    made = []
    for last, first, title, function in NAMES:
        made.append(
            factories.person(
                services,
                last,
                first,
                title=title,
                function=function,
                organisation_id=org.id,
                department="Abteilung 1",
                email=f"{len(made)}@example.org",
                notes="Nur intern: mag keinen Kaffee",
                phones=[PhoneInput("+48 42 638 40 00-123"), PhoneInput("0171 1234567", "mobile")],
            )
        )
    return made


def test_a_round_trip_keeps_names_functions_organisations_emails_and_phones(services, tmp_path):
    written = people(services)
    [path] = write_vcards(
        services, OutputWriter(), tmp_path / "people.vcf", person_ids=[p.id for p in written]
    )
    raw = path.read_bytes()
    cards = list(vobject.readComponents(raw.decode("utf-8")))
    assert len(cards) == len(written)
    for card, person in zip(cards, written, strict=True):
        assert card.version.value == "3.0"
        assert card.fn.value == person.display_name
        assert (card.n.value.family, card.n.value.given, card.n.value.prefix) == (
            person.last_name, person.first_name, person.title or "",
        )  # fmt: skip
        assert card.org.value == [person.organisation_name, "Abteilung 1"]
        assert card.title.value == person.function
        assert card.email.value == person.email
        assert card.email.params["TYPE"] == ["INTERNET", "WORK"]
        tels = {tuple(t.params["TYPE"]): t.value for t in card.tel_list}
        assert tels == {("WORK", "VOICE"): "+48 42 638 40 00-123", ("CELL", "VOICE"): "+49 171 1234567"}
        assert not hasattr(card, "note")  # personal notes stay inside
    assert b"Kaffee" not in raw


def test_utf8_crlf_and_lines_of_at_most_75_octets(services, tmp_path):
    written = people(services)
    [path] = write_vcards(services, OutputWriter(), tmp_path / "p.vcf", person_ids=[p.id for p in written])
    raw = path.read_bytes()
    raw.decode("utf-8")  # strictly UTF-8
    assert raw.endswith(b"\r\n")
    lines = raw.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # the Chinese function is folded
    for line in lines:
        line.decode("utf-8")  # no character is cut in two by a fold


def test_a_visits_participants_in_their_order(services, tmp_path):
    visit = factories.visit(services)
    a = factories.person(services, "Temme", "Elke")
    b = factories.person(services, "Kopietz", None)
    for person in (b, a):
        factories.participation(services, visit.id, person.id)
    [path] = write_vcards(services, OutputWriter(), tmp_path / "v.vcf", visit_id=visit.id)
    cards = list(vobject.readComponents(path.read_text("utf-8")))
    assert [c.fn.value for c in cards] == ["Kopietz", "Elke Temme"]
    assert cards[0].n.value.given == ""


def test_one_file_per_contact_with_safe_and_numbered_names(services, tmp_path):
    twins = [factories.person(services, "Müller", "Jürgen") for _ in range(2)]
    odd = factories.person(services, 'Van/der "Berg"', "Anne Marie")
    device = factories.person(services, "CON", None)
    ids = [p.id for p in (*twins, odd, device)]
    files = write_vcards(services, OutputWriter(), tmp_path, person_ids=ids, one_per_contact=True)
    names = ["Müller_Jürgen.vcf", "Müller_Jürgen_2.vcf", "Van_der_Berg_Anne_Marie.vcf", "CON_.vcf"]
    assert [f.name for f in files] == names
    for file, person in zip(files, (*twins, odd, device), strict=True):
        [card] = vobject.readComponents(file.read_text("utf-8"))
        assert card.fn.value == person.display_name


def test_names_collide_as_windows_compares_them(services):
    first = factories.person(services, "Öz", "Can")
    second = factories.person(services, "ÖZ", "CAN")
    views = services.people.get_many([first.id, second.id])
    assert file_names(views) == ["Öz_Can.vcf", "ÖZ_CAN_2.vcf"]


def test_values_with_commas_and_semicolons_come_back_whole(services):
    org = factories.organisation(services, "Stadt Bochum; Rathaus, Büro OB")
    person = factories.person(
        services, "Kücük", "Denes", function="Leiter; Strategie, Digitales", organisation_id=org.id
    )
    [card] = vobject.readComponents(vcard_text([services.people.get(person.id)]))
    assert card.org.value == ["Stadt Bochum; Rathaus, Büro OB"]
    assert card.title.value == "Leiter; Strategie, Digitales"
