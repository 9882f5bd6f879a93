"""PersonService: field errors, phone and email normalisation, deleting a quoted speaker."""

from dataclasses import replace
from datetime import date, datetime

import pytest

from delegation_app import i18n
from delegation_app.domain.enums import DataSource, PhoneKind
from delegation_app.domain.errors import StillReferencedError, ValidationError
from delegation_app.services.people import PersonInput, PhoneInput

import factories

VALID = PersonInput(
    last_name="Schmidt",
    first_name="Anna",
    email="anna.schmidt@bochum.de",
    phones=[PhoneInput("0234 910-0")],
)

BAD = [
    pytest.param({"last_name": ""}, "last_name", id="last-name-empty"),
    pytest.param({"last_name": "   "}, "last_name", id="last-name-whitespace"),
    pytest.param({"last_name": None}, "last_name", id="last-name-none"),
    pytest.param({"last_name": ["Schmidt"]}, "last_name", id="last-name-not-text"),
    pytest.param({"last_name": "S" * 101}, "last_name", id="last-name-too-long"),
    pytest.param({"last_name": "Schmidt\x00"}, "last_name", id="last-name-nul"),
    pytest.param({"first_name": "A" * 101}, "first_name", id="first-name-too-long"),
    pytest.param({"first_name": "An\x7fna"}, "first_name", id="first-name-control-char"),
    pytest.param({"title": "Dr." * 17}, "title", id="title-too-long"),
    pytest.param({"salutation": "x" * 101}, "salutation", id="salutation-too-long"),
    pytest.param({"function": "x" * 201}, "function", id="function-too-long"),
    pytest.param({"department": "x" * 201}, "department", id="department-too-long"),
    pytest.param({"organisation_id": factories.NO_SUCH_ID}, "organisation_id", id="organisation-missing"),
    pytest.param({"organisation_id": "1"}, "organisation_id", id="organisation-id-text"),
    pytest.param({"organisation_id": True}, "organisation_id", id="organisation-id-bool"),
    pytest.param({"email": "anna.schmidt"}, "email", id="email-no-at"),
    pytest.param({"email": "anna@bochum"}, "email", id="email-no-domain-dot"),
    pytest.param({"email": "anna schmidt@bochum.de"}, "email", id="email-space"),
    pytest.param({"email": "a" * 250 + "@bochum.de"}, "email", id="email-too-long"),
    pytest.param({"phones": [PhoneInput("12")]}, "phones.0", id="phone-too-short"),
    pytest.param({"phones": [PhoneInput("0234 910-0"), PhoneInput("abc")]}, "phones.1", id="phone-letters"),
    pytest.param({"phones": [PhoneInput("0" * 41)]}, "phones.0", id="phone-too-long"),
    pytest.param({"phones": [PhoneInput("0234 910-0", kind="pager")]}, "phones.0", id="phone-kind"),
    pytest.param({"notes": "a\x00b"}, "notes", id="notes-nul"),
    pytest.param({"is_own_staff": "yes"}, "is_own_staff", id="own-staff-not-bool"),
    pytest.param({"source": "rumour"}, "source", id="source-unknown"),
    pytest.param({"source_note": "x" * 501}, "source_note", id="source-note-too-long"),
    pytest.param({"source_date": "2025-03-01"}, "source_date", id="source-date-text"),
]


@pytest.mark.parametrize(("change", "field"), BAD)
def test_bad_value_on_create(services, rejected, change, field):
    factories.organisation(services)  # organisation 1 exists: "1" and True must not pass as its id
    rejected(lambda: services.people.create(replace(VALID, **change)), field)


@pytest.mark.parametrize(("change", "field"), BAD)
def test_bad_value_on_update_leaves_record_and_phones_unchanged(services, rejected, change, field):
    factories.organisation(services)
    person = services.people.create(VALID)
    rejected(lambda: services.people.update(person.id, person.version, replace(VALID, **change)), field)
    assert services.people.get(person.id) == person


def test_german_message_is_shown(services, rejected):
    errors = rejected(lambda: services.people.create(PersonInput(last_name=" ")), "last_name")
    assert errors["last_name"] == "Dieses Feld muss ausgefüllt werden."
    i18n.set_language("en")
    with pytest.raises(ValidationError) as info:
        services.people.create(PersonInput(last_name=" "))
    assert info.value.errors["last_name"] == "This field is required."


def test_person_without_first_name_is_valid(services):
    person = services.people.create(PersonInput(last_name="Kopietz"))
    assert (person.first_name, person.last_name, person.display_name) == (None, "Kopietz", "Kopietz")


def test_text_and_email_are_normalised(services):
    person = services.people.create(
        PersonInput(
            last_name="  von   der Heide ",
            first_name="   ",
            title=" Dr. ",
            email="  Anna.Schmidt@Bochum.DE ",
            notes="  erste Zeile\nzweite Zeile  ",
            source="business_card",
            source_date=datetime(2025, 3, 1, 14, 30),
        )
    )
    assert person.last_name == "von der Heide"
    assert person.first_name is None
    assert person.display_name == "Dr. von der Heide"
    assert person.email == "Anna.Schmidt@bochum.de"
    assert person.notes == "erste Zeile\nzweite Zeile"
    assert person.source is DataSource.BUSINESS_CARD
    assert person.source_date == date(2025, 3, 1)
    assert services.people.get(person.id) == person


@pytest.mark.parametrize("typed", ["06181 3000-6069", "+49 6181 3000-6069", " 06181  3000 - 6069 "])
def test_phone_with_extension_is_stored_as_e164_plus_extension(services, typed):
    person = factories.person(services, phones=[PhoneInput(typed, kind="mobile")])
    (phone,) = services.people.get(person.id).phones
    assert (phone.e164, phone.extension, phone.display) == ("+4961813000", "6069", "06181 3000-6069")
    assert phone.kind is PhoneKind.MOBILE


def test_phones_keep_their_order_and_foreign_numbers_show_internationally(services):
    person = factories.person(
        services, phones=[PhoneInput("0171 1234567", kind="mobile"), PhoneInput("+33 1 42 27 78 00")]
    )
    assert [(p.e164, p.extension, p.display) for p in person.phones] == [
        ("+491711234567", None, "0171 1234567"),
        ("+33142277800", None, "+33 1 42 27 78 00"),
    ]


def test_update_replaces_phones(services):
    person = factories.person(services, phones=[PhoneInput("0171 1234567")])
    data = PersonInput(last_name="Kücük", first_name="Denes", phones=[PhoneInput("06181 3000-6069")])
    updated = services.people.update(person.id, person.version, data)
    assert [p.e164 for p in updated.phones] == ["+4961813000"]
    assert updated.version == person.version + 1


def test_deleting_a_quoted_speaker_needs_confirmation(services, table_rows):
    speaker = factories.person(services, title="Dr.", first_name="Anna", last_name="Schmidt")
    visit = factories.visit(services)
    quote = factories.quote(services, visit.id, speaker_person_id=speaker.id)
    before = table_rows()
    with pytest.raises(StillReferencedError) as info:
        services.people.delete(speaker.id, speaker.version)
    assert list(info.value.references.values()) == [1]
    assert table_rows() == before

    services.people.delete(speaker.id, speaker.version, confirmed=True)
    kept = services.quotes.get(quote.id)
    assert (kept.speaker_person_id, kept.speaker_label) == (None, "Dr. Anna Schmidt")
    assert kept.speaker_display == "Dr. Anna Schmidt"
    assert services.people.list() == []


def test_windows_line_endings_are_kept_as_line_breaks(services):
    created = services.people.create(
        PersonInput(last_name="Temme", notes="Erste Zeile\r\nZweite Zeile\rDritte")
    )
    assert created.notes == "Erste Zeile\nZweite Zeile\nDritte"


def test_invisible_only_text_counts_as_empty(services):
    with pytest.raises(ValidationError) as info:
        services.people.create(PersonInput(last_name="\u200b\u200b "))
    assert set(info.value.errors) == {"last_name"}


def test_a_new_function_leaves_past_visits_with_the_old_one(services):
    from datetime import datetime as dt

    from delegation_app.services.participations import ParticipationInput

    person = services.people.create(PersonInput(last_name="Kopietz", function="Stadtbaurat"))
    past = factories.visit(services, title="Früher", starts_at=dt(2024, 5, 1, 9), ends_at=None)
    future = factories.visit(services, title="Später", starts_at=dt(2099, 5, 1, 9), ends_at=None)
    for visit in (past, future):
        services.participations.create(ParticipationInput(visit_id=visit.id, person_id=person.id))
    services.people.update(
        person.id, person.version, PersonInput(last_name="Kopietz", function="Stadtdirektor")
    )
    (then,) = services.participations.list_for_visit(past.id)
    (later,) = services.participations.list_for_visit(future.id)
    assert (then.function_at_visit, then.function) == ("Stadtbaurat", "Stadtbaurat")
    assert (later.function_at_visit, later.function) == (None, "Stadtdirektor")
