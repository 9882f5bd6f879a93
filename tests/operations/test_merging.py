"""Merging duplicates (issue 14): everything that names the other record moves to the kept one, the
other goes to the recycle bin, both histories show the merge, and restoring the other from the bin
brings both back as they were; on SQLite and, when it is there, PostgreSQL."""

from datetime import date, datetime

import pytest
from sqlalchemy import select

from delegation_app.domain.errors import ConflictError, DomainError, NotFoundError
from delegation_app.domain.models import TABLES_IN_ORDER
from delegation_app.operations.merging import merge_organisations, merge_people
from delegation_app.operations.records import RecordKind, save_record
from delegation_app.operations.recycle_bin import restore_from_bin
from delegation_app.services.organisation_merge import plan_organisation_merge
from delegation_app.services.people import PersonInput, PhoneInput
from delegation_app.services.person_merge import plan_person_merge

import factories

BOOKKEEPING = {"version", "updated_at"}


def data(services) -> dict[str, list[dict]]:
    """Every row of every table but the trail and the bin, without the columns every write bumps."""
    with services.db.read() as session:
        found = {}
        for model in TABLES_IN_ORDER:
            table = model.__table__
            if table.name in ("audit_entry", "recycled_record"):
                continue
            rows = session.execute(select(table).order_by(*table.primary_key.columns)).mappings()
            found[table.name] = [{k: v for k, v in row.items() if k not in BOOKKEEPING} for row in rows]
        return found


@pytest.fixture
def duplicates(any_services):
    """Two records of Jürgen Müller, each with something that names him, and a third person."""
    s = any_services
    bochum, stadt = factories.organisation(s), factories.organisation(s, "Stadt Bochum, Rathaus")
    keep = factories.person(
        s,
        "Müller",
        "Jürgen",
        function="Referent",
        organisation_id=bochum.id,
        phones=[PhoneInput("0234 910-1000")],
    )
    other = factories.person(
        s,
        "Mueller",
        "Juergen",
        title="Dr.",
        email="j.mueller@bochum.de",
        is_own_staff=True,
        organisation_id=stadt.id,
        phones=[PhoneInput("0234 910-1000"), PhoneInput("0171 2345678", "mobile")],
    )
    anna = factories.person(s, "Hemsley", "Anna")
    lublin = factories.visit(s, "Delegation aus Lublin", press_contact_id=other.id)
    both = factories.visit(s, "Besuch in Bochum")
    factories.participation(s, lublin.id, other.id, function_at_visit="Dezernent")
    factories.participation(s, both.id, keep.id)
    factories.participation(s, both.id, other.id, function_at_visit="Stadtrat")
    factories.quote(s, lublin.id, speaker_person_id=other.id)
    factories.agenda_item(s, lublin.id, responsible_person_id=other.id)
    factories.contact_entry(s, [other.id, anna.id])
    factories.contact_entry(s, [keep.id, other.id], summary="Gespräch mit beiden")
    factories.follow_up(s, owner_person_id=other.id, person_id=other.id, due_on=date(2026, 3, 9))
    return s, keep, other


def test_everything_of_the_other_person_moves_to_the_kept_one(duplicates):
    services, keep, other = duplicates
    plan = plan_person_merge(services, keep.id, other.id)
    assert plan.summary() == (
        "1 Teilnahme, 1 Zitat, 2 Kontakteinträge, 1 Wiedervorlage, 1 Programmpunkt, "
        "1 Besuch als Pressekontakt, 1 Telefonnummer werden übernommen."
    )
    assert plan.notes == ("Beide nehmen an 1 Besuch teil: dort bleibt die Teilnahme der behaltenen Person.",)
    choices = {c.field: (c.keep_text, c.other_text, c.default) for c in plan.fields}
    assert choices["title"] == ("—", "Dr.", "other")  # empty on the kept side: the other's by default
    assert choices["last_name"] == ("Müller", "Mueller", "keep")
    assert choices["organisation_id"] == ("Stadt Bochum", "Stadt Bochum, Rathaus", "keep")
    assert choices["is_own_staff"] == ("Nein", "Ja", "other")

    merged = merge_people(services, keep.id, other.id, {"organisation_id": "other", "title": "keep"})

    assert (merged.display_name, merged.email, merged.organisation_name, merged.is_own_staff) == (
        "Jürgen Müller",
        "j.mueller@bochum.de",
        "Stadt Bochum, Rathaus",
        True,
    )
    assert [p.display for p in merged.phones] == ["0234 910-1000", "0171 2345678"]
    with pytest.raises(NotFoundError):
        services.people.get(other.id)
    after = data(services)
    assert {p["person_id"] for p in after["participation"]} == {keep.id}
    assert len(after["participation"]) == 2  # the shared visit once: the kept person's participation
    assert {p["function_at_visit"] for p in after["participation"]} == {"Dezernent", "Stadtrat"}
    assert [q["speaker_person_id"] for q in after["quote"]] == [keep.id]
    assert [a["responsible_person_id"] for a in after["agenda_item"]] == [keep.id]
    assert [(f["owner_person_id"], f["person_id"]) for f in after["follow_up"]] == [(keep.id, keep.id)]
    assert [v["press_contact_id"] for v in after["visit"]] == [keep.id, None]
    assert sorted(link["person_id"] for link in after["contact_entry_person"]) == sorted(
        [keep.id, keep.id, services.people.find("Hemsley", "Anna").id]
    )
    (entry,) = services.recycle_bin.list()
    assert (entry.kind, entry.record_id) == ("person", other.id)
    assert entry.title == "Dr. Juergen Mueller – zusammengeführt mit „Jürgen Müller“"


def test_restoring_the_other_person_brings_both_back_as_they_were(duplicates):
    services, keep, other = duplicates
    before = data(services)
    merge_people(services, keep.id, other.id, {"last_name": "other", "organisation_id": "other"})
    assert data(services) != before

    (entry,) = services.recycle_bin.list()
    report = restore_from_bin(services, entry.id)

    assert (report.record_id, report.left_out, report.references_not_restored) == (other.id, 0, 0)
    assert data(services) == before
    assert services.people.get(keep.id).last_name == "Müller"


def test_both_histories_show_the_merge(duplicates):
    services, keep, other = duplicates
    merge_people(services, keep.id, other.id)
    kept = services.audit.history("person", keep.id)
    assert kept[-1].note == "Zusammengeführt mit „Dr. Juergen Mueller“"
    assert {f.field for f in kept[-2].fields} >= {"title", "email", "is_own_staff"}
    assert services.audit.history("person", other.id)[-1].note == "Zusammengeführt mit „Dr. Jürgen Müller“"


def test_one_commit_and_a_stale_version_is_a_conflict(duplicates):
    services, keep, other = duplicates
    heard: list = []
    services.db.add_listener(heard.append)
    plan = plan_person_merge(services, keep.id, other.id)
    save_record(
        services,
        RecordKind.PERSON,
        PersonInput(last_name="Müller", first_name="Jürgen", notes="neu"),
        keep.id,
        keep.version,
    )
    before, heard[:] = data(services), []
    with pytest.raises(ConflictError):
        merge_people(services, keep.id, other.id, versions=(plan.keep.version, plan.other.version))
    assert data(services) == before
    assert heard == []

    fresh = plan_person_merge(services, keep.id, other.id)
    merge_people(services, keep.id, other.id, versions=(fresh.keep.version, fresh.other.version))
    assert len(heard) == 1


def test_a_record_merged_with_itself_or_a_missing_one_is_refused_in_words(any_services):
    person = factories.person(any_services)
    with pytest.raises(DomainError) as same:
        merge_people(any_services, person.id, person.id)
    assert same.value.message == (
        "Ein Datensatz kann nicht mit sich selbst zusammengeführt werden. Bitte wählen Sie zwei verschiedene."
    )
    with pytest.raises(NotFoundError):
        merge_people(any_services, person.id, factories.NO_SUCH_ID)
    with pytest.raises(ValueError, match="choose 'keep' or 'other'"):
        merge_people(any_services, person.id, factories.person(any_services, "Hemsley").id, {"title": "both"})


def test_organisations_merge_and_come_back(any_services):
    services = any_services
    keep = factories.organisation(services, "Stadt Bochum", city="Bochum")
    other = factories.organisation(services, "Bochum, Stadt", kind="city_administration", country="DE")
    person = factories.person(services, organisation_id=other.id)
    factories.visit(
        services,
        host_organisation_id=other.id,
        guest_organisation_id=keep.id,
        starts_at=datetime(2026, 2, 24, 9, 30),
    )
    before = data(services)
    plan = plan_organisation_merge(services, keep.id, other.id)
    assert plan.summary() == "1 Person, 1 Besuch werden übernommen."
    assert {c.field: c.default for c in plan.fields} == {
        "name": "keep",
        "kind": "other",
        "country": "other",
        "city": "keep",
    }

    merged = merge_organisations(services, keep.id, other.id, {"name": "other"})

    assert (merged.name, merged.kind, merged.city, merged.country) == (
        "Bochum, Stadt",
        "city_administration",
        "Bochum",
        "DE",
    )
    assert services.people.get(person.id).organisation_id == keep.id
    (visit,) = services.visits.list()
    assert (visit.host_organisation_id, visit.guest_organisation_id) == (keep.id, keep.id)
    assert services.audit.history("organisation", keep.id)[-1].note == "Zusammengeführt mit „Bochum, Stadt“"

    (entry,) = services.recycle_bin.list()
    restore_from_bin(services, entry.id)
    assert data(services) == before
