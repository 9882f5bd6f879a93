"""Resolving a conflict by saving the user's version over the one that got in first."""

import pytest

from delegation_app.domain.errors import ConflictError
from delegation_app.operations.records import RecordKind, explain_conflict, overwrite_with_mine, save_record
from delegation_app.services.organisations import OrganisationInput
from delegation_app.services.people import PersonInput
from delegation_app.services.visits import VisitInput

import factories


def test_overwriting_writes_the_users_values(services):
    person = factories.person(services, function="Referentin")
    services.people.update(person.id, person.version, PersonInput(last_name="Kücük", first_name="Denes",
                                                                  function="Amtsleiterin"))  # fmt: skip
    mine = PersonInput(last_name="Kücük", first_name="Deniz", function="Büroleiterin")

    with pytest.raises(ConflictError) as info:
        save_record(services, RecordKind.PERSON, mine, person.id, person.version)
    details = explain_conflict(services, RecordKind.PERSON, info.value, mine)
    assert {d.field for d in details.differences} == {"first_name", "function"}

    saved = overwrite_with_mine(services, RecordKind.PERSON, person.id, details, mine)

    assert (saved.first_name, saved.function) == ("Deniz", "Büroleiterin")
    assert services.people.get(person.id) == saved
    assert saved.version == person.version + 2
    history = services.audit.history("person", person.id)
    functions = [f.new_text for e in history for f in e.fields if f.field == "function"]
    assert functions[-2:] == ["Amtsleiterin", "Büroleiterin"]  # theirs stays in the history


def test_overwriting_asks_again_when_someone_saved_yet_again(services):
    org = factories.organisation(services)
    services.organisations.update(org.id, org.version, OrganisationInput(name="Stadt Bochum (Büro OB)"))
    mine = OrganisationInput(name="Stadtverwaltung Bochum")
    with pytest.raises(ConflictError) as info:
        save_record(services, RecordKind.ORGANISATION, mine, org.id, org.version)
    details = explain_conflict(services, RecordKind.ORGANISATION, info.value, mine)
    services.organisations.update(org.id, details.current_version, OrganisationInput(name="Stadt Bochum"))

    with pytest.raises(ConflictError):
        overwrite_with_mine(services, RecordKind.ORGANISATION, org.id, details, mine)
    assert services.organisations.get(org.id).name == "Stadt Bochum"


def test_a_visit_is_named_by_its_kind_not_its_table_class(services):
    visit = factories.visit(services)
    data = VisitInput(title="Besuch in Hanau", starts_at=visit.starts_at, ends_at=visit.ends_at)
    assert save_record(services, "visit", data, visit.id, visit.version).title == "Besuch in Hanau"
