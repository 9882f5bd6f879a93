"""The access report's read model (recycle bin, responsibilities), the import as a source, and
which records are past their retention period."""

import json
from datetime import date, datetime, timedelta

import pytest

from delegation_app.domain.enums import DataSource
from delegation_app.interchange.json_file import export_json, import_json
from delegation_app.operations.person_report import gather_person_report
from delegation_app.services.contacts import ContactEntryInput
from delegation_app.services.demo import load_demo
from delegation_app.services.followups import FollowUpInput
from delegation_app.services.people import PersonInput
from delegation_app.services.person_report import Letterhead
from delegation_app.services.registry import Services
from delegation_app.services.retention import due_records
from delegation_app.storage.opening import open_database
from delegation_app.storage.settings import Profile, Settings, load_settings, save_settings


@pytest.fixture
def other_services(tmp_path):
    db, _report = open_database(f"sqlite:///{tmp_path / 'other.sqlite'}", backups=tmp_path / "b")
    yield Services.over(db)
    db.dispose()


def test_a_deleted_visit_in_the_recycle_bin_is_listed_with_what_names_the_person(services):
    visit_id = load_demo(services)
    temme = services.people.find("Temme", "Elke")
    visit = services.visits.get(visit_id)
    services.visits.delete(visit.id, visit.version, confirmed=True)
    report = gather_person_report(services, temme.id, Letterhead())
    assert report.participations == ()
    assert report.quotes == ()
    (mention,) = report.recycled  # … but still held in the recycle bin
    assert mention.kind == "visit"
    assert mention.title.startswith("Hanauer Delegation")
    assert {"participation", "quote"} <= set(mention.tables)
    kuhn = services.people.find("Kuhn", "Dominik")
    assert gather_person_report(services, kuhn.id, Letterhead()).recycled  # the press contact, detached


def test_programme_items_and_press_contact_are_further_mentions(services):
    load_demo(services)
    kuhn = services.people.find("Kuhn", "Dominik")  # the demo visit's press contact
    named = gather_person_report(services, kuhn.id, Letterhead()).responsibilities
    assert "press_contact" in {r.kind for r in named}
    kopietz = services.people.find("Kopietz")  # responsible for programme items
    named = gather_person_report(services, kopietz.id, Letterhead()).responsibilities
    assert "agenda_item" in {r.kind for r in named}


def test_the_letterhead_comes_from_the_profile():
    profile = Profile(office_name="Stadt Hanau", office_address=" Am Markt 14–18 \n\n63450 Hanau", name="A")
    head = Letterhead.of(profile)
    assert (head.office_name, head.office_lines, head.sender_name) == (
        "Stadt Hanau", ("Am Markt 14–18", "63450 Hanau"), "A"
    )  # fmt: skip


def test_import_and_merge_give_people_without_a_source_the_file_as_theirs(services, other_services, tmp_path):
    services.people.create(PersonInput(last_name="Ohnequelle"))
    services.people.create(PersonInput(last_name="Karte", source=DataSource.BUSINESS_CARD))
    services.people.create(PersonInput(last_name="Vermerkt", source_note="vom Empfang"))
    dump = tmp_path / "partner.json"
    export_json(services.db, dump)
    import_json(other_services.db, dump, today=date(2026, 3, 2))
    by_name = {p.last_name: p for p in other_services.people.list()}
    imported = by_name["Ohnequelle"]
    assert (imported.source, imported.source_note, imported.source_date) == (
        DataSource.IMPORT, "Import aus partner.json", date(2026, 3, 2)
    )  # fmt: skip
    assert by_name["Karte"].source == DataSource.BUSINESS_CARD
    assert by_name["Karte"].source_date is None
    assert by_name["Vermerkt"].source == DataSource.UNKNOWN  # something is recorded: left as it is
    import_json(other_services.db, dump, merge=True, today=date(2026, 3, 3))
    merged = [p for p in other_services.people.list() if p.last_name == "Ohnequelle"]
    assert sorted(p.source_date for p in merged) == [date(2026, 3, 2), date(2026, 3, 3)]
    report = gather_person_report(other_services, imported.id, Letterhead())
    assert report.person.source_note == "Import aus partner.json"


def test_a_persons_last_activity_is_the_latest_of_record_contacts_and_follow_ups(services):
    person = services.people.create(PersonInput(last_name="Aktiv"))
    quiet = services.people.create(PersonInput(last_name="Ruhig"))
    created = person.updated_at.date()
    later = created + timedelta(days=400)
    services.contacts.create(
        ContactEntryInput(occurred_at=datetime.combine(later, datetime.min.time()), summary="Telefonat",
                          person_ids=[person.id])
    )  # fmt: skip
    as_of = created + timedelta(days=500)
    due = due_records(services, {"people": 365}, as_of)
    assert [(d.label, d.last_activity) for d in due] == [("Ruhig", quiet.updated_at.date())]
    assert due_records(services, {"people": 365}, later + timedelta(days=365))[-1].label == "Aktiv"
    services.followups.create(FollowUpInput(title="Rückruf", owner_person_id=quiet.id))  # activity today
    assert due_records(services, {"people": 365}, date.today() + timedelta(days=364)) == []


def test_contacts_and_visits_by_their_date_and_no_period_lists_nothing(services):
    load_demo(services)
    assert due_records(services, {}, date(2100, 1, 1)) == []
    assert due_records(services, {"people": None, "contacts": None, "visits": None}, date(2100, 1, 1)) == []
    (entry,) = due_records(services, {"contacts": 30}, date(2025, 12, 14))
    assert (entry.kind, entry.last_activity, entry.due_since) == ("contacts", date(2025, 11, 14),
                                                                  date(2025, 12, 14))  # fmt: skip
    assert due_records(services, {"contacts": 30}, date(2025, 12, 13)) == []
    (visit,) = due_records(services, {"visits": 1}, date(2026, 1, 1))
    assert visit.last_activity == date(2025, 11, 13)  # its end


def test_retention_periods_in_the_settings_are_validated(tmp_path):
    path = tmp_path / "settings.json"
    assert Settings().retention_days == {"people": None, "contacts": None, "visits": None}
    save_settings(Settings(retention_days={"people": 365, "contacts": None, "visits": 3650}), path)
    assert load_settings(path).retention_days == {"people": 365, "contacts": None, "visits": 3650}
    nonsense = {"people": "365", "contacts": 0, "visits": True, "persons": 3}
    path.write_text(json.dumps({"retention_days": nonsense}), "utf-8")
    assert load_settings(path).retention_days == {"people": None, "contacts": None, "visits": None}
    path.write_text(json.dumps({"retention_days": [365]}), "utf-8")
    assert load_settings(path).retention_days == {"people": None, "contacts": None, "visits": None}


def test_an_anonymised_person_is_not_due_again_in_the_other_language(services):
    from delegation_app import i18n
    from delegation_app.operations.erasure import anonymise_people

    person = services.people.create(PersonInput(first_name="Olga", last_name="Alt"))
    as_of = person.updated_at.date() + timedelta(days=5000)
    anonymise_people(services, [person.id])  # in German: "Teilnehmende Person N"
    assert due_records(services, {"people": 365}, as_of) == []
    i18n.set_language("en")  # the next start, with the window in English
    assert due_records(services, {"people": 365}, as_of) == []
