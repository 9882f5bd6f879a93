"""The duplicate check of issue 14: German spellings, sound-alikes at the same organisation, and
different people kept apart."""

import pytest

from delegation_app.services import duplicate_keys as keys
from delegation_app.services.duplicates import (
    OrganisationIndex,
    OrganisationRow,
    PersonCandidate,
    PersonIndex,
    PersonRow,
    find_organisation_duplicates,
    find_person_duplicates,
)
from delegation_app.services.organisations import OrganisationInput
from delegation_app.services.people import PersonInput

ORGS = OrganisationIndex([
    OrganisationRow(1, "Stadt Bochum"), OrganisationRow(2, "Stadt Dortmund"),
    OrganisationRow(3, "Universität Bochum"), OrganisationRow(4, "Urząd Miasta Lublin"),
])  # fmt: skip
PEOPLE = PersonIndex(
    [
        PersonRow(10, None, "Jürgen", "Müller", 1, "j.mueller@bochum.de"),
        PersonRow(11, None, "Jürgen", "Möller", 2, None),
        PersonRow(12, None, "Anna", "Schmidt", 2, None),
        PersonRow(13, "Dr.", "Klaus", "Meier", 1, None),
    ],
    ORGS,
)


def ids(candidate):
    return {m.id: m.score for m in PEOPLE.matches(candidate)}


@pytest.mark.parametrize(
    ("first", "last", "organisation"),
    [
        ("Jürgen", "Müller", "Stadt Bochum"),
        ("Juergen", "Mueller", "Stadt Bochum"),
        (None, "Müller, Jürgen", "Bochum, Stadt"),
        ("Dr. Jürgen", "Müller", "Stadtverwaltung Bochum"),
        ("Jürgen", "Dr. Müller", "Stadt Bochum"),
        ("JÜRGEN", "MÜLLER", "stadt bochum"),
    ],
)
def test_spellings_of_the_same_person_score_100(first, last, organisation):
    assert ids(PersonCandidate(last, first, organisation=organisation))[10] == 100


def test_without_organisation_the_same_name_is_still_probable():
    score = ids(PersonCandidate("Müller", "Dr. Jürgen"))[10]
    assert keys.THRESHOLD <= score < 100


def test_meier_and_mayer_at_the_same_organisation_are_flagged():
    assert ids(PersonCandidate("Mayer", "Klaus", organisation="Stadtverwaltung Bochum")) == {13: 91}


def test_meier_and_mayer_at_unrelated_organisations_are_not():
    assert ids(PersonCandidate("Mayer", "Klaus", organisation="Stadt Dortmund")) == {}


def test_mueller_is_not_moeller_of_another_organisation():
    assert 11 not in ids(PersonCandidate("Müller", "Jürgen", organisation="Stadt Bochum"))
    assert 10 not in ids(PersonCandidate("Möller", "Jürgen", organisation="Stadt Dortmund"))


def test_anna_schmidt_is_not_hanna_schmitz_elsewhere():
    assert ids(PersonCandidate("Schmitz", "Hanna", organisation="Stadt Bochum")) == {}
    assert ids(PersonCandidate("Schmitz", "Hanna")) == {}


def test_other_people_do_not_match():
    assert ids(PersonCandidate("Schulz", "Peter", organisation="Stadt Bochum")) == {}
    assert ids(PersonCandidate("Müller", "Anna", organisation="Stadt Dortmund")) == {}


def test_the_same_email_is_the_same_person_whatever_the_name():
    assert ids(PersonCandidate("Mueller-Lüdenscheidt", "J.", email="J.Mueller@Bochum.de"))[10] == 100


def test_the_score_is_documented():
    assert keys.person_score(100, 100, keys.SAME_ORGANISATION) == 100
    assert keys.person_score(85, 100, keys.SAME_ORGANISATION) == 91
    assert keys.person_score(100, 100, keys.OTHER_ORGANISATION) == 75
    assert keys.person_score(0, 0, keys.OTHER_ORGANISATION) == 0
    assert keys.name_similarity("muller", "muller") == 100
    assert keys.phonetic(keys.folded("Meier")) == keys.phonetic(keys.folded("Mayer"))


@pytest.mark.parametrize("name", ["Stadt Bochum", "Bochum, Stadt", "Stadtverwaltung Bochum", "STADT BOCHUM"])
def test_organisation_spellings(name):
    assert [m.id for m in ORGS.matches(name)] == [1]


@pytest.mark.parametrize("name", ["Stadt Dortmund", "Bochum", "Stadt Bonn", "Hochschule Bochum", ""])
def test_other_organisations_are_not_stadt_bochum(name):
    assert 1 not in [m.id for m in ORGS.matches(name)]


def test_the_service_reads_the_database(services):
    org = services.organisations.create(OrganisationInput("Stadt Bochum"))
    person = services.people.create(PersonInput("Müller", "Jürgen", organisation_id=org.id))
    services.people.create(PersonInput("Möller", "Jürgen"))
    found = find_person_duplicates(
        services,
        [PersonCandidate("Mueller", "Juergen", organisation="Stadt Bochum"), PersonCandidate("Neu", "Nina")],
    )
    assert found[0][0].id == person.id
    assert found[0][0].score == 100
    assert found[0][0].name == "Jürgen Müller"
    assert found[1] == []
    organisations = find_organisation_duplicates(services, ["Bochum, Stadt", "Köln"])
    assert [[m.id for m in ms] for ms in organisations] == [[org.id], []]
