"""Deleting moves a visit, person or organisation to the recycle bin; restoring brings it all back."""

import json
from datetime import datetime, timedelta

import pytest

from delegation_app.domain.errors import NotFoundError
from delegation_app.domain.models import utcnow
from delegation_app.interchange.json_file import export_json
from delegation_app.services.demo import load_demo
from delegation_app.services.organisations import OrganisationInput
from delegation_app.storage.jsonio import export_data


def data_without_trail(services) -> dict:
    with services.db.read() as session:
        data = export_data(session)
    for table in ("audit_entry", "recycled_record"):
        data.pop(table)
    for rows in data.values():  # restored rows are written again: their columns must be as before
        for row in rows:
            row.pop("version", None), row.pop("updated_at", None)
    return data


def test_a_deleted_visit_comes_back_with_its_parts_and_links(services):
    visit_id = load_demo(services)
    before = data_without_trail(services)
    visit = services.visits.get(visit_id)
    parts = sum(
        len(f(visit_id))
        for f in (
            services.participations.list_for_visit,
            services.agenda.list_for_visit,
            services.quotes.list_for_visit,
        )
    )
    services.visits.delete(visit.id, visit.version, confirmed=True)
    assert services.participations.list_for_visit(visit_id) == []
    [entry] = services.recycle_bin.list()
    assert (entry.kind, entry.title, entry.record_id) == ("visit", visit.title, visit_id)
    assert entry.parts == parts > 0
    assert entry.expires_at == entry.deleted_at + timedelta(days=30)

    report = services.recycle_bin.restore(entry.id)

    assert report.record_id == visit_id
    assert report.left_out == 0
    assert report.references_not_restored == 0
    assert data_without_trail(services) == before  # contact entries and follow-ups have their visit again
    assert services.recycle_bin.list() == []


def test_a_deleted_person_comes_back_as_speaker_and_participant(services):
    visit_id = load_demo(services)
    before = data_without_trail(services)
    kopietz = next(p for p in services.people.list() if p.last_name == "Kopietz")
    services.people.delete(kopietz.id, kopietz.version, confirmed=True)
    quotes = services.quotes.list_for_visit(visit_id)
    assert any(q.speaker_label == "Kopietz" and q.speaker_person_id is None for q in quotes)

    services.recycle_bin.restore(services.recycle_bin.list()[0].id)

    assert data_without_trail(services) == before


def test_a_reference_set_again_meanwhile_is_left_as_it_is(services):
    first = services.organisations.create(OrganisationInput(name="Stadtwerke Bochum"))
    other = services.organisations.create(OrganisationInput(name="Stadt Bochum"))
    from delegation_app.services.people import PersonInput

    person = services.people.create(PersonInput(last_name="Kücük", organisation_id=first.id))
    services.organisations.delete(first.id, first.version, confirmed=True)
    person = services.people.get(person.id)
    assert person.organisation_id is None
    services.people.update(
        person.id, person.version, PersonInput(last_name="Kücük", organisation_id=other.id)
    )

    report = services.recycle_bin.restore(services.recycle_bin.list()[0].id)

    assert report.references_not_restored == 1
    assert services.people.get(person.id).organisation_id == other.id  # the later choice stands
    assert services.organisations.get(first.id).name == "Stadtwerke Bochum"


def test_a_taken_id_gives_the_restored_record_a_new_one(services):
    org = services.organisations.create(OrganisationInput(name="Stadt Hanau"))
    services.organisations.delete(org.id, org.version)
    newcomer = services.organisations.create(OrganisationInput(name="Stadt Bochum"))
    assert newcomer.id == org.id  # SQLite hands out the highest id again
    report = services.recycle_bin.restore(services.recycle_bin.list()[0].id)
    assert report.record_id != org.id
    assert services.organisations.get(report.record_id).name == "Stadt Hanau"
    assert services.organisations.get(newcomer.id).name == "Stadt Bochum"


def test_parts_whose_person_is_gone_stay_out_and_are_counted(services):
    visit_id = load_demo(services)
    visit = services.visits.get(visit_id)
    services.visits.delete(visit.id, visit.version, confirmed=True)
    kopietz = next(p for p in services.people.list() if p.last_name == "Kopietz")
    services.people.delete(kopietz.id, kopietz.version, confirmed=True)
    visit_entry = next(e for e in services.recycle_bin.list() if e.kind == "visit")
    report = services.recycle_bin.restore(visit_entry.id)
    assert report.left_out == 1  # Kopietz's participation; his quotes come back with him as a label only
    names = [p.person_name for p in services.participations.list_for_visit(visit_id)]
    assert "Kopietz" not in " ".join(names)
    assert len(names) > 5


def test_emptying_and_expiry_delete_for_good(services):
    for name in ("A", "B", "C"):
        org = services.organisations.create(OrganisationInput(name=name))
        services.organisations.delete(org.id, org.version)
    entries = services.recycle_bin.list()
    assert [e.title for e in entries] == ["C", "B", "A"]  # newest first
    services.recycle_bin.delete_for_good(entries[0].id)
    assert services.recycle_bin.expire(utcnow() + timedelta(days=29)) == 0
    assert services.recycle_bin.expire(utcnow() + timedelta(days=31)) == 2
    assert services.recycle_bin.list() == []
    with pytest.raises(NotFoundError):
        services.recycle_bin.restore(entries[1].id)
    org = services.organisations.create(OrganisationInput(name="D"))
    services.organisations.delete(org.id, org.version)
    assert services.recycle_bin.empty() == 1


def test_the_bin_is_part_of_the_export(services, tmp_path):
    org = services.organisations.create(OrganisationInput(name="Stadt Hanau"))
    services.organisations.delete(org.id, org.version)
    export_json(services.db, tmp_path / "x.json")
    data = json.loads((tmp_path / "x.json").read_text("utf-8"))["data"]
    [row] = data["recycled_record"]
    assert row["title"] == "Stadt Hanau"
    assert datetime.fromisoformat(row["deleted_at"]) <= utcnow()


def test_the_checks_after_start_delete_what_is_older_than_30_days(services):
    from sqlalchemy import update

    from delegation_app.domain.models import RecycledRecord
    from delegation_app.services.backups import housekeeping

    for name in ("Alt", "Neu"):
        org = services.organisations.create(OrganisationInput(name=name))
        services.organisations.delete(org.id, org.version)
    with services.db.write() as session:
        session.execute(
            update(RecycledRecord)
            .where(RecycledRecord.title == "Alt")
            .values(deleted_at=utcnow() - timedelta(days=31))
        )
    result = housekeeping(services.db)
    assert result.expired == 1
    assert result.made  # the day's backup was made first, so it still holds the expired entry
    assert [e.title for e in services.recycle_bin.list()] == ["Neu"]


@pytest.mark.parametrize(
    ("field", "value"),
    [("rows", "kein JSON"), ("rows", '[["gibt_es_nicht", {}]]'), ("rows", '[["organisation", {"id": "x"}]]'),
     ("detached", '[["person", "1", {}, {}]]')],
)  # fmt: skip
def test_an_import_refuses_a_recycle_bin_entry_that_could_not_be_restored(services, tmp_path, field, value):
    from delegation_app.domain.errors import InvalidFileError
    from delegation_app.interchange.json_file import import_json

    org = services.organisations.create(OrganisationInput(name="Stadt Hanau"))
    services.organisations.delete(org.id, org.version)
    export_json(services.db, tmp_path / "x.json")
    document = json.loads((tmp_path / "x.json").read_text("utf-8"))
    document["data"]["recycled_record"][0][field] = value
    (tmp_path / "x.json").write_text(json.dumps(document), "utf-8")
    services.recycle_bin.empty()
    with services.db.write() as session:  # an empty database but for the trail
        from delegation_app.domain.models import AuditEntry

        session.execute(AuditEntry.__table__.delete())
    with pytest.raises(InvalidFileError, match=f"recycled_record.*{field}"):
        import_json(services.db, tmp_path / "x.json")
