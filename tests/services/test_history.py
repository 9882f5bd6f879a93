"""History pages (services/history.py) and the SQL sorting of the people and organisation lists."""

from datetime import date, datetime

import pytest

from delegation_app.domain.enums import ContactChannel, OrganisationKind, ParticipantRole, ParticipantSide
from delegation_app.domain.errors import NotFoundError
from delegation_app.services.history import organisation_history, person_history
from delegation_app.services.people import PhoneInput

import factories


def _visit(services, title, day, **kw):
    return factories.visit(services, title, starts_at=datetime(*day, 9), ends_at=datetime(*day, 17), **kw)


def test_person_history_lists_visits_quotes_and_contacts_newest_first(services):
    anna = factories.person(services, "Schmidt", "Anna")
    ben = factories.person(services, "Özdemir", "Ben")
    old = _visit(services, "Erster Besuch", (2024, 5, 2))
    new = _visit(services, "Zweiter Besuch", (2026, 2, 24))
    idea = factories.visit(services, "Irgendwann", starts_at=None, ends_at=None)
    factories.participation(services, old.id, anna.id, role=ParticipantRole.HEAD_OF_DELEGATION)
    factories.participation(services, new.id, anna.id, side=ParticipantSide.HOST, function_at_visit="OB")
    factories.participation(services, idea.id, anna.id)
    factories.participation(services, new.id, ben.id)
    factories.quote(services, old.id, "„Alt.“", speaker_person_id=anna.id)
    factories.quote(services, new.id, "„Neu.“", speaker_person_id=anna.id)
    factories.quote(services, new.id, "„Nicht von Anna.“", speaker_person_id=ben.id)
    factories.quote(services, old.id, "„Datiert.“", speaker_person_id=anna.id, said_on=date(2025, 1, 1))
    factories.contact_entry(services, [anna.id], "Früh", occurred_at=datetime(2025, 1, 10, 9))
    factories.contact_entry(
        services, [anna.id, ben.id], "Spät", occurred_at=datetime(2026, 3, 1, 14, 30),
        channel=ContactChannel.PHONE, visit_id=new.id,
    )  # fmt: skip
    factories.contact_entry(services, [ben.id], "Ohne Anna")

    history = person_history(services, anna.id)

    assert [v.title for v in history.visits] == ["Zweiter Besuch", "Erster Besuch", "Irgendwann"]
    assert history.visits[0].side == ParticipantSide.HOST
    assert history.visits[0].function_at_visit == "OB"
    assert history.visits[1].role == ParticipantRole.HEAD_OF_DELEGATION
    assert [q.text for q in history.quotes] == ["„Neu.“", "„Datiert.“", "„Alt.“"]
    assert history.quotes[0].visit_title == "Zweiter Besuch"
    assert [c.summary for c in history.contacts] == ["Spät", "Früh"]
    assert history.contacts[0].others == ("Ben Özdemir",)
    assert history.contacts[0].visit_title == "Zweiter Besuch"
    assert history.contacts[0].channel == ContactChannel.PHONE
    assert history.contacts[1].others == ()


def test_person_history_of_someone_without_any(services):
    person = factories.person(services)
    history = person_history(services, person.id)
    assert (history.visits, history.quotes, history.contacts) == ((), (), ())


def test_history_of_a_missing_record_is_a_domain_error(services):
    with pytest.raises(NotFoundError):
        person_history(services, factories.NO_SUCH_ID)
    with pytest.raises(NotFoundError):
        organisation_history(services, factories.NO_SUCH_ID)


def test_organisation_history_lists_people_and_visits_as_host_or_guest(services):
    bochum = factories.organisation(services, "Stadt Bochum")
    hanau = factories.organisation(services, "Stadt Hanau")
    factories.person(services, "Zander", "Uwe", organisation_id=bochum.id, function="Kämmerer")
    factories.person(services, "Özdemir", "Ben", organisation_id=bochum.id)
    factories.person(services, "Kopietz", organisation_id=hanau.id)
    _visit(services, "Hin", (2025, 11, 13), host_organisation_id=bochum.id, guest_organisation_id=hanau.id)
    _visit(services, "Zurück", (2026, 6, 1), host_organisation_id=hanau.id, guest_organisation_id=bochum.id)
    _visit(services, "Anderswo", (2026, 7, 1))

    history = organisation_history(services, bochum.id)

    assert [m.name for m in history.people] == ["Ben Özdemir", "Uwe Zander"]
    assert history.people[1].function == "Kämmerer"
    assert [(v.title, v.as_host, v.as_guest) for v in history.visits] == [
        ("Zurück", False, True),
        ("Hin", True, False),
    ]


# --- sorting and searching in SQL ---------------------------------------------------------------


@pytest.fixture
def people(services):
    zeche = factories.organisation(services, "Zeche Zollverein")
    amt = factories.organisation(services, "Ämterverbund")
    factories.person(services, "Zander", "Uwe", organisation_id=amt.id, email="zander@example.org")
    factories.person(services, "Özdemir", "Ben", organisation_id=zeche.id, function="Ärztin",
                     phones=[PhoneInput("0234 910-0")])  # fmt: skip
    factories.person(services, "Kuhne", "Anna", function="Bürgermeisterin", is_own_staff=True,
                     phones=[PhoneInput("06181 3000-6069")])  # fmt: skip
    factories.person(services, "Kuhn", "Dominik", email="d.kuhn@example.org")
    return services


def _names(views):
    return [v.last_name for v in views]


def test_people_sort_by_name_din_5007_both_ways(people):
    assert _names(people.people.list()) == ["Kuhn", "Kuhne", "Özdemir", "Zander"]
    assert _names(people.people.list(descending=True)) == ["Zander", "Özdemir", "Kuhne", "Kuhn"]


@pytest.mark.parametrize(
    ("order_by", "ascending", "descending"),
    [  # rows without a value come last both ways, among themselves by name
        ("organisation", ["Zander", "Özdemir", "Kuhn", "Kuhne"], ["Özdemir", "Zander", "Kuhn", "Kuhne"]),
        ("function", ["Özdemir", "Kuhne", "Kuhn", "Zander"], ["Kuhne", "Özdemir", "Kuhn", "Zander"]),
        ("email", ["Kuhn", "Zander", "Kuhne", "Özdemir"], ["Zander", "Kuhn", "Kuhne", "Özdemir"]),
        ("phone", ["Özdemir", "Kuhne", "Kuhn", "Zander"], ["Kuhne", "Özdemir", "Kuhn", "Zander"]),
        ("own_staff", ["Kuhn", "Özdemir", "Zander", "Kuhne"], ["Kuhne", "Kuhn", "Özdemir", "Zander"]),
    ],
)
def test_people_sort_by_other_columns(people, order_by, ascending, descending):
    # Ämterverbund sorts with A (before Zeche), Ärztin with a (before Bürgermeisterin)
    assert _names(people.people.list(order_by=order_by)) == ascending
    assert _names(people.people.list(order_by=order_by, descending=True)) == descending


def test_people_sort_column_is_whitelisted(people):
    with pytest.raises(ValueError, match="cannot sort"):
        people.people.list(order_by="last_name; DROP TABLE person")


def test_people_search_finds_name_organisation_function_and_email(people):
    assert _names(people.people.list("ozdemir")) == ["Özdemir"]
    assert _names(people.people.list("zollverein")) == ["Özdemir"]
    assert _names(people.people.list("ARZTIN")) == ["Özdemir"]
    assert _names(people.people.list("kuhn")) == ["Kuhn", "Kuhne"]
    assert _names(people.people.list("kuhn anna")) == ["Kuhne"]
    assert _names(people.people.list("example.org")) == ["Kuhn", "Zander"]
    assert _names(people.people.list("100%")) == []


def test_people_list_pages(people):
    assert _names(people.people.list(limit=2, offset=1)) == ["Kuhne", "Özdemir"]


def test_organisations_sort_and_search(services):
    factories.organisation(services, "Zeche Zollverein", kind=OrganisationKind.COMPANY, city="Essen",
                           country="DE")  # fmt: skip
    factories.organisation(services, "Österreichischer Städtebund", kind=OrganisationKind.ASSOCIATION,
                           city="Wien", country="AT")  # fmt: skip
    factories.organisation(services, "Stadt Bochum", kind=OrganisationKind.CITY_ADMINISTRATION)
    names = lambda views: [o.name for o in views]  # noqa: E731
    orgs = services.organisations
    assert names(orgs.list()) == ["Österreichischer Städtebund", "Stadt Bochum", "Zeche Zollverein"]
    assert names(orgs.list(descending=True))[0] == "Zeche Zollverein"
    # Kinds in the order of their German labels: Stadtverwaltung, Unternehmen, Verband/Verein
    assert names(orgs.list(order_by="kind")) == [
        "Stadt Bochum", "Zeche Zollverein", "Österreichischer Städtebund",
    ]  # fmt: skip
    assert names(orgs.list(order_by="city")) == ["Zeche Zollverein", "Österreichischer Städtebund",
                                                 "Stadt Bochum"]  # fmt: skip
    assert names(orgs.list(order_by="city", descending=True))[-1] == "Stadt Bochum"  # no city: last
    assert names(orgs.list(order_by="country")) == ["Österreichischer Städtebund", "Zeche Zollverein",
                                                    "Stadt Bochum"]  # fmt: skip
    assert names(orgs.list("stadt")) == ["Österreichischer Städtebund", "Stadt Bochum"]
    assert names(orgs.list("wien stadte")) == ["Österreichischer Städtebund"]
    with pytest.raises(ValueError, match="cannot sort"):
        orgs.list(order_by="sort_key")
