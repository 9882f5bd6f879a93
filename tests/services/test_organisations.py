"""OrganisationService: each kind of bad value gives its field error and writes nothing."""

from dataclasses import replace

import pytest

from delegation_app.domain.enums import OrganisationKind
from delegation_app.domain.errors import StillReferencedError
from delegation_app.services.organisations import OrganisationInput

import factories

VALID = OrganisationInput(name="Stadt Bochum", kind=OrganisationKind.CITY_ADMINISTRATION, city="Bochum")

BAD = [
    pytest.param({"name": ""}, "name", id="name-empty"),
    pytest.param({"name": " \t "}, "name", id="name-whitespace"),
    pytest.param({"name": None}, "name", id="name-none"),
    pytest.param({"name": 42}, "name", id="name-not-text"),
    pytest.param({"name": "x" * 201}, "name", id="name-too-long"),
    pytest.param({"name": "Stadt\x00Bochum"}, "name", id="name-control-char"),
    pytest.param({"kind": "town_hall"}, "kind", id="kind-unknown"),
    pytest.param({"kind": None}, "kind", id="kind-none"),
    pytest.param({"city": "x" * 101}, "city", id="city-too-long"),
    pytest.param({"city": "Bo\x1bchum"}, "city", id="city-control-char"),
    pytest.param({"country": "DEU"}, "country", id="country-three-letters"),
    pytest.param({"country": "D"}, "country", id="country-one-letter"),
    pytest.param({"country": "D1"}, "country", id="country-digit"),
    pytest.param({"country": "ÄÖ"}, "country", id="country-not-ascii"),
    pytest.param({"website": "https://" + "x" * 300}, "website", id="website-too-long"),
    pytest.param({"notes": "Zeile 1\n\x07Zeile 2"}, "notes", id="notes-control-char"),
]


@pytest.mark.parametrize(("change", "field"), BAD)
def test_bad_value_on_create(services, rejected, change, field):
    rejected(lambda: services.organisations.create(replace(VALID, **change)), field)


@pytest.mark.parametrize(("change", "field"), BAD)
def test_bad_value_on_update_leaves_record_unchanged(services, rejected, change, field):
    org = services.organisations.create(VALID)
    rejected(lambda: services.organisations.update(org.id, org.version, replace(VALID, **change)), field)
    assert services.organisations.get(org.id) == org


def test_all_problems_are_reported_at_once(services, rejected):
    bad = OrganisationInput(name=" ", kind="nope", country="Deutschland")
    rejected(lambda: services.organisations.create(bad), "name", "kind", "country")


def test_values_are_normalised(services):
    org = services.organisations.create(
        OrganisationInput(
            name="  Stadt   Bochum ",
            kind="university",
            city=" Bochum ",
            country=" de ",
            website="  ",
            notes="  Zeile 1\n\tZeile 2  ",
        )
    )
    assert org.name == "Stadt Bochum"
    assert org.kind is OrganisationKind.UNIVERSITY
    assert org.city == "Bochum"
    assert org.country == "DE"
    assert org.website is None
    assert org.notes == "Zeile 1\n\tZeile 2"
    assert services.organisations.get(org.id) == org


def test_longest_allowed_values_are_accepted(services):
    org = services.organisations.create(replace(VALID, name="x" * 200, city="y" * 100, country="fr"))
    assert (len(org.name), len(org.city), org.country) == (200, 100, "FR")


def test_delete_detaches_people_and_visits_only_when_confirmed(services, row_counts):
    org = factories.organisation(services)
    member = factories.person(services, organisation_id=org.id)
    visit = factories.visit(services, host_organisation_id=org.id)
    before = row_counts()
    with pytest.raises(StillReferencedError):
        services.organisations.delete(org.id, org.version)
    assert row_counts() == before
    assert services.people.get(member.id).organisation_id == org.id

    services.organisations.delete(org.id, org.version, confirmed=True)
    assert services.people.get(member.id).organisation_id is None
    assert services.visits.get(visit.id).host_organisation_id is None
