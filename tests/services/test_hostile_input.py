"""Arbitrary Unicode through every text field of every service's create and update.

Each value is either stored exactly as the documented rule says (tests/hostile_text.py) and read
back so, or refused with a ValidationError naming that field and nothing else, and then the whole
database (its JSON export) is as before.
"""

import json
import reprlib
from dataclasses import replace
from datetime import date, datetime
from zoneinfo import available_timezones

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from delegation_app.domain.errors import ValidationError
from delegation_app.domain.textrules import MAX_LONG_TEXT, has_forbidden_control, has_lone_surrogate
from delegation_app.interchange.json_file import export_json, import_json
from delegation_app.operations.briefing import write_briefing
from delegation_app.services.agenda import AgendaItemInput
from delegation_app.services.contacts import ContactEntryInput, current_user
from delegation_app.services.followups import FollowUpInput
from delegation_app.services.organisations import OrganisationInput
from delegation_app.services.participations import ParticipationInput
from delegation_app.services.people import PersonInput, PhoneInput
from delegation_app.services.quotes import QuoteInput
from delegation_app.services.visits import VisitInput
from delegation_app.storage.jsonio import export_data
from delegation_app.storage.opening import open_database
from hostile_text import ANY_CHAR, REFUSED, TRICKY, hostile_text, stored_text

import factories as f

LONG = MAX_LONG_TEXT
# field: (maximum length, required, multiline), per service (attribute of Services).
FIELDS = {
    "organisations": {"name": (200, True, False), "city": (100, False, False),
                      "website": (300, False, False), "notes": (LONG, False, True)},
    "people": {"last_name": (100, True, False), "first_name": (100, False, False),
               "title": (50, False, False), "salutation": (100, False, False),
               "function": (200, False, False), "department": (200, False, False),
               "notes": (LONG, False, True), "source_note": (500, False, False),
               "profile": (4_000, False, True)},
    "visits": {"title": (200, True, False), "place": (200, False, False), "address": (500, False, True),
               "purpose": (LONG, False, True), "topics": (500, False, False),
               "summary": (LONG, False, True), "lessons_learned": (LONG, False, True),
               "notes": (LONG, False, True), "sources": (LONG, False, True),
               "talking_points": (20_000, False, True), "protocol_notes": (20_000, False, True),
               "logistics": (20_000, False, True)},
    "participations": {"function_at_visit": (200, False, False)},
    "agenda": {"title": (200, True, False), "place": (200, False, False), "notes": (LONG, False, True)},
    "quotes": {"text": (20_000, True, True), "speaker_label": (200, False, False),
               "context": (500, False, False), "language": (8, True, False),
               "approved_by": (200, False, False)},
    "contacts": {"summary": (20_000, True, True), "logged_by": (100, False, False)},
    "followups": {"title": (300, True, False), "notes": (LONG, False, True)},
}  # fmt: skip

HOSTILE = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def attempt(call):
    """(result, None), or (None, the field errors) when the service refused."""
    try:
        return call(), None
    except ValidationError as exc:
        return None, exc.errors


def short(value) -> str:
    return reprlib.repr(value)


class World:
    """Records the inputs refer to, and one record per service that the test keeps updating."""

    def __init__(self, services):
        self.services = services
        org = f.organisation(services)
        self.person = f.person(services, organisation_id=org.id)
        self.visit = f.visit(services, host_organisation_id=org.id)
        self.speaker = f.person(services, last_name="Sprecher")
        self.inputs = {
            "organisations": OrganisationInput(name="Stadt Hanau"),
            "people": PersonInput(last_name="Özdemir", first_name="Şadi"),
            "visits": VisitInput(title="Besuch", starts_at=datetime(2026, 2, 24, 9, 30)),
            "participations": ParticipationInput(visit_id=self.visit.id, person_id=self.person.id),
            "agenda": AgendaItemInput(visit_id=self.visit.id, title="Empfang"),
            "quotes": QuoteInput(visit_id=self.visit.id, text="„Gut.“", speaker_person_id=self.speaker.id),
            "contacts": ContactEntryInput(
                occurred_at=datetime(2026, 1, 15, 10, 0), summary="Telefonat", person_ids=[self.person.id]
            ),
            "followups": FollowUpInput(title="Fotos schicken"),
        }
        self.kept = {
            name: self.create(name, self.for_create(name, data)).id for name, data in self.inputs.items()
        }

    def for_create(self, name, data):
        if name == "participations":  # one participation per person and visit: a new person each time
            data = replace(data, person_id=f.person(self.services, last_name="Gast").id)
        return data

    def create(self, name, data):
        return getattr(self.services, name).create(data)

    def update(self, name, data):
        service = getattr(self.services, name)
        return service.update(self.kept[name], service.get(self.kept[name]).version, data)

    def snapshot(self):
        with self.services.db.read() as session:
            return export_data(session)


@pytest.fixture
def world(services):
    return World(services)


def expected_for(name, field, value):
    max_length, required, multiline = FIELDS[name][field]
    stored = stored_text(value, max_length=max_length, required=required, multiline=multiline)
    if name == "contacts" and field == "logged_by" and stored is None:
        return current_user()  # nobody named: the one logged in
    return stored


def assert_kept_or_refused(world, name, field, value, action):
    data = replace(world.inputs[name], **{field: value})
    if action == world.create:
        data = world.for_create(name, data)
    expected = expected_for(name, field, value)
    before = world.snapshot()
    view, errors = attempt(lambda: action(name, data))
    if errors is not None:
        assert set(errors) == {field}, errors
        assert errors[field]
        assert world.snapshot() == before, "a refused input changed the database"
        assert expected is REFUSED, f"{short(value)} refused: {errors[field]}"
        return
    assert expected is not REFUSED, f"{short(value)} accepted as {short(getattr(view, field))}"
    assert getattr(view, field) == expected
    assert getattr(getattr(world.services, name).get(view.id), field) == expected
    json.dumps(expected, ensure_ascii=False).encode("utf-8")  # the export can write it


@st.composite
def field_and_value(draw, name):
    field = draw(st.sampled_from(sorted(FIELDS[name])))
    return field, draw(hostile_text(FIELDS[name][field][0]))


@pytest.mark.parametrize("name", sorted(FIELDS))
@HOSTILE
@given(data=st.data())
def test_any_text_is_kept_exactly_or_refused_with_a_field_error(world, name, data):
    field, value = data.draw(field_and_value(name))
    assert_kept_or_refused(world, name, field, value, world.create)
    assert_kept_or_refused(world, name, field, value, world.update)


def clean(text: str) -> bool:
    return not has_lone_surrogate(text) and not has_forbidden_control(text) and text == text.strip()


# Fields with a rule of their own: (service, field as the error names it, input for a value,
# stored value of a view, whether a stored value is well-formed).
SPECIAL = {
    "country": ("organisations", "country", lambda v: {"country": v}, lambda view: view.country,
                lambda s: s is None or (len(s) == 2 and s.isascii() and s.isalpha() and s.isupper())),
    "email": ("people", "email", lambda v: {"email": v}, lambda view: view.email,
              lambda s: s is None or (clean(s) and "@" in s and len(s) <= 254)),
    "phone": ("people", "phones.0", lambda v: {"phones": [PhoneInput(number=v)]},
              lambda view: view.phones[0] if view.phones else None,
              lambda s: s is None or (s.e164[0] == "+" and s.e164[1:].isdigit()
                                      and (s.extension is None or s.extension.isdigit()))),
    "timezone": ("visits", "timezone", lambda v: {"timezone": v}, lambda view: view.timezone,
                 lambda s: s in available_timezones()),
}  # fmt: skip
PLAUSIBLE = ["DE", " fr ", "d\u200be", "Europe/Berlin", " Asia/Tehran", "name@stadt.de", "näme@bochum.de ",
             "06181 3000-6069", "+49 234 910-1234 x12", "0171\u00a01234567", "\u202e06181 3000"]  # fmt: skip


@pytest.mark.parametrize("special", sorted(SPECIAL))
@HOSTILE
@given(value=st.one_of(st.sampled_from(PLAUSIBLE), hostile_text(254)))
def test_codes_emails_phones_and_zones_are_stored_clean_or_refused(world, special, value):
    name, field, given_as, stored, well_formed = SPECIAL[special]
    service = getattr(world.services, name)
    before = world.snapshot()
    view, errors = attempt(lambda: world.create(name, replace(world.inputs[name], **given_as(value))))
    if errors is not None:
        assert set(errors) == {field}, errors
        assert world.snapshot() == before, "a refused input changed the database"
        return
    kept = stored(view)
    assert well_formed(kept), f"{short(value)} stored as {short(kept)}"
    if special != "phone":  # saved again as shown, it stays as it is
        again = service.update(view.id, view.version, replace(world.inputs[name], **given_as(kept)))
        assert stored(again) == kept


def test_everything_a_service_accepts_exports_imports_again_and_prints(world, tmp_path):
    kept = "".join(c for c in TRICKY if stored_text(f"x{c}", max_length=9, multiline=True) is not REFUSED)
    text = f"Anfang {kept} \u202eEnde\u202c\n\u2028Zeile\u2029 \U000e0041Tag"
    services = world.services
    visit = services.visits.update(
        world.visit.id, world.visit.version, replace(world.inputs["visits"], title=text[:200], notes=text)
    )
    text = stored_text(text, max_length=LONG, multiline=True)  # "\r" became "\n"
    assert visit.notes == text
    services.quotes.create(replace(world.inputs["quotes"], text=text, context=text[:500]))
    longest = "ﬃ" * 200  # folding makes its sort key three times as long
    services.organisations.create(replace(world.inputs["organisations"], name=longest, notes="ß" * LONG))
    dump = tmp_path / "dump.json"
    export_json(services.db, dump)
    stored = json.loads(dump.read_text("utf-8"))["data"]["visit"]
    assert [v["notes"] for v in stored if v["id"] == visit.id] == [text]
    pdf = write_briefing(services, visit.id, tmp_path / "briefing.pdf", today=date(2026, 1, 1))
    assert pdf.path.read_bytes().startswith(b"%PDF")
    copy, _report = open_database(f"sqlite:///{tmp_path / 'copy.sqlite'}", backups=tmp_path / "b")
    try:
        import_json(copy, dump)  # and what it exports imports again, exactly
        expected = world.snapshot()
        for row in expected["person"]:  # but a person without a source has the import as theirs
            if row["source"] == "unknown" and not row["source_note"]:
                today = date.today().isoformat()
                row.update(source="import", source_note="Import aus dump.json", source_date=today)
        with copy.read() as session:
            assert export_data(session) == expected
    finally:
        copy.dispose()


SEARCHES = ("people", "organisations", "visits")


def search_all(services, text):
    found = {name: [v.id for v in getattr(services, name).list(text)] for name in SEARCHES}
    found["overview"] = [v.id for v in services.visits.list_overview(text)]
    return found


@settings(HOSTILE, max_examples=15)
@given(junk=st.text(ANY_CHAR, max_size=10))
def test_a_search_for_any_text_answers_and_unprintable_characters_separate_words(world, junk):
    search_all(world.services, junk)
    unprintable = "".join(c for c in junk if has_lone_surrogate(c) or has_forbidden_control(c)) or "\x00"
    assert search_all(world.services, f"Kücük{unprintable}Denes") == search_all(world.services, "Kücük Denes")
