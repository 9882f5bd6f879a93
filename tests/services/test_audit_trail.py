"""Every create, update and delete leaves who, when, which record and the old and new values."""

import json

import pytest

from delegation_app.domain.errors import ConflictError, DomainError, ValidationError
from delegation_app.domain.models import utcnow
from delegation_app.interchange.json_file import export_json
from delegation_app.services.organisations import OrganisationInput
from delegation_app.services.people import PersonInput
from delegation_app.services.registry import Services
from delegation_app.storage.database import Database
from delegation_app.storage.writer import recorded


def test_create_update_delete_are_recorded_with_user_and_values(services):
    services.db.user_name = "mmuster"
    before = utcnow()
    person = services.people.create(PersonInput(last_name="Kücük", first_name="Denes"))
    person = services.people.update(
        person.id, person.version, PersonInput(last_name="Kücük", first_name="Denes", function="Referent")
    )
    services.people.delete(person.id, person.version)

    created, updated, deleted = services.audit.history("person", person.id)
    assert [e.action for e in (created, updated, deleted)] == ["create", "update", "delete"]
    assert {e.user_name for e in (created, updated, deleted)} == {"mmuster"}
    assert before <= created.at <= updated.at <= deleted.at <= utcnow()
    assert ("last_name", None, "Kücük") in [(f.field, f.old, f.new) for f in created.fields]
    assert [(f.field, f.old, f.new) for f in updated.fields] == [("function", None, "Referent")]
    assert ("function", "Referent", None) in [(f.field, f.old, f.new) for f in deleted.fields]


def test_a_refused_write_leaves_no_trace(services):
    org = services.organisations.create(OrganisationInput(name="Stadt Hanau"))
    with pytest.raises(ValidationError):
        services.organisations.update(org.id, org.version, OrganisationInput(name=""))
    with pytest.raises(ConflictError):
        services.organisations.update(org.id, org.version + 1, OrganisationInput(name="Hanau"))
    assert [e.action for e in services.audit.history("organisation", org.id)] == ["create"]


def test_a_record_goes_back_to_an_earlier_state(services):
    person = services.people.create(PersonInput(last_name="Kopietz", function="Stadtdirektor"))
    person = services.people.update(
        person.id, person.version, PersonInput(last_name="Kopitz", function="Kämmerer")
    )
    services.people.update(
        person.id, person.version, PersonInput(last_name="Kopitz", function="Kämmerer", email="k@bochum.de")
    )
    created = services.audit.history("person", person.id)[0]
    current = services.people.get(person.id)

    services.audit.restore("person", person.id, created.id, current.version)

    back = services.people.get(person.id)
    assert (back.last_name, back.function, back.email) == ("Kopietz", "Stadtdirektor", None)
    assert back.version == current.version + 1
    assert services.people.list("kopietz")[0].id == person.id  # the sort key came back with the name
    last = services.audit.history("person", person.id)[-1]
    assert {f.field for f in last.fields} == {"last_name", "function", "email"}
    with pytest.raises(ConflictError):  # somebody else's later save is not overwritten blindly
        services.audit.restore("person", person.id, created.id, current.version)


def test_a_deleted_record_is_not_restored_from_its_history(services):
    org = services.organisations.create(OrganisationInput(name="Stadt Hanau"))
    entry = services.audit.history("organisation", org.id)[0]
    services.organisations.delete(org.id, org.version)
    with pytest.raises(DomainError, match="Papierkorb"):
        services.audit.restore("organisation", org.id, entry.id, org.version)


def test_two_sessions_on_one_file_are_both_in_the_trail(db_url, services):
    services.db.user_name = "anna"
    other_db = Database(db_url)
    other_db.user_name = "ben"
    other = Services.over(other_db)
    try:
        org = services.organisations.create(OrganisationInput(name="Stadt Bochum"))
        other.organisations.update(org.id, org.version, OrganisationInput(name="Stadt Bochum", city="Bochum"))
        with pytest.raises(ConflictError):
            services.organisations.update(org.id, org.version, OrganisationInput(name="Bochum"))
        fresh = services.organisations.get(org.id)
        services.organisations.update(
            fresh.id, fresh.version, OrganisationInput(name="Bochum", city="Bochum")
        )
    finally:
        other_db.dispose()
    trail = services.audit.history("organisation", org.id)
    assert [(e.user_name, e.action) for e in trail] == [
        ("anna", "create"),
        ("ben", "update"),
        ("anna", "update"),
    ]
    assert [(f.field, f.new) for f in trail[1].fields] == [("city", "Bochum")]
    assert [(f.field, f.old, f.new) for f in trail[2].fields] == [("name", "Stadt Bochum", "Bochum")]


def test_the_trail_is_part_of_the_export_and_one_transaction_is_one_operation(services, tmp_path):
    with services.db.write() as session:
        services.organisations.create(OrganisationInput(name="A"))
        services.organisations.create(OrganisationInput(name="B"))
        assert len(recorded(session)) == 2
    export_json(services.db, tmp_path / "x.json")
    rows = json.loads((tmp_path / "x.json").read_text("utf-8"))["data"]["audit_entry"]
    assert [json.loads(r["new_values"])["name"] for r in rows] == ["A", "B"]
    assert len({r["operation"] for r in rows}) == 1


def test_a_database_with_only_a_trail_takes_an_import_and_keeps_its_trail(services, db_url, tmp_path):
    from delegation_app.interchange.json_file import import_json

    org = services.organisations.create(OrganisationInput(name="Stadt Hanau"))
    export_json(services.db, tmp_path / "one.json")
    services.organisations.delete(org.id, org.version)
    services.recycle_bin.empty()
    own_trail = [e.action for e in services.audit.history("organisation", org.id)]

    import_json(services.db, tmp_path / "one.json")

    assert services.organisations.get(org.id).name == "Stadt Hanau"
    # the file's entry follows the two there were: the record shows create, delete, create
    assert [e.action for e in services.audit.history("organisation", org.id)] == [*own_trail, "create"]


def test_a_merge_leaves_the_files_trail_out_and_lists_the_merged_records(services, tmp_path):
    from delegation_app.interchange.json_file import import_json

    org = services.organisations.create(OrganisationInput(name="Stadt Hanau"))
    services.organisations.update(org.id, org.version, OrganisationInput(name="Stadt Hanau", city="Hanau"))
    export_json(services.db, tmp_path / "one.json")

    import_json(services.db, tmp_path / "one.json", merge=True)

    copy = next(o for o in services.organisations.list() if o.id != org.id)
    assert [e.action for e in services.audit.history("organisation", copy.id)] == ["create"]
    assert [e.action for e in services.audit.history("organisation", org.id)] == ["create", "update"]


def test_a_visits_time_zone_is_named_in_its_history_not_by_its_id(services):
    from delegation_app.services.visits import VisitInput

    visit = services.visits.create(VisitInput(title="Delegation aus Lublin"))
    services.visits.update(visit.id, visit.version, VisitInput(title=visit.title, timezone="Asia/Tokyo"))
    change = services.audit.history("visit", visit.id)[-1]
    zone = next(f for f in change.fields if f.field == "timezone")
    assert zone.old_text == "Mitteleuropäische Zeit (Berlin, Warschau, Paris)"
    assert zone.new_text == "Japan (Tokio)"
