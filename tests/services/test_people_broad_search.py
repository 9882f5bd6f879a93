"""A search of a word that matches much of the list walks the people list's order a chunk at a
time and asks the index about each row (services.segments.walked_page) instead of collecting
every match first; a word matching less walks the order against the collected matches, a rare
one sorts its matches (services.people_search.search_plan). Every page each way gives is the page the
whole search gives, in every order."""

import random

import pytest
from sqlmodel import col

from delegation_app.domain.models import Person
from delegation_app.services import people_search, segments
from delegation_app.services.people import PERSON_ORDER, PersonInput
from delegation_app.services.registry import Services
from delegation_app.services.segments import CHUNK, walked_page
from delegation_app.storage.opening import open_database
from delegation_app.storage.paths import database_url
from delegation_app.storage.search_walk import share_matching

import factories

LAST = ("Müller", "Meier", "Maas", "Kücük", "Kowalski", "Nowak", "Schmidt", "Öztürk", "Anders", "Łukasik",
        "Zimmermann", "Yilmaz", "Straße", "Becker", "Wagner", "Mohr")  # fmt: skip
FIRST = ("Anna", "Mia", "Ahmet", "Jan", "Zofia", "Max", "Ewa", "Kai", "Ünal", "Lena", None)
FUNCTIONS = ("Amtsleitung", "Mitarbeiterin", "Bürgermeister", None, None)


@pytest.fixture(scope="module")
def crowd_services(tmp_path_factory):
    """Three chunks' worth of people (made once: the tests only read): most have a word starting
    with "m", few one with "x"."""
    folder = tmp_path_factory.mktemp("crowd")
    db, _report = open_database(database_url(folder / "crowd.sqlite"), backups=folder / "backups")
    services = Services.over(db)
    rng = random.Random(21)
    organisations = [factories.organisation(services, name).id for name in ("Stadt Mainz", "Gmina Kraków")]
    for number in range(3 * CHUNK + 40):
        data = PersonInput(
            last_name=rng.choice(LAST), first_name=rng.choice(FIRST), function=rng.choice(FUNCTIONS),
            organisation_id=rng.choice([*organisations, None]),
            email=f"xaver{number}@example.org" if number % 97 == 0 else None,
            is_own_staff=number % 3 == 0,
        )  # fmt: skip
        services.people.create(data)
    yield services
    db.dispose()


def ids(views):
    return [view.id for view in views]


# (MANY_MATCHES, DENSE, ASK_ROW_US, BUDGET): the way each search takes
PLANS = {
    # 808 people, fewer than MANY_MATCHES
    "sort the matches": (
        people_search.MANY_MATCHES,
        people_search.DENSE,
        people_search.ASK_ROW_US,
        segments.BUDGET,
    ),
    "walk, ask the index": (10, 0.0, 0.0, segments.BUDGET),  # the budget covers the whole list
    "walk, give up, walk against the matches": (10, 0.0, 0.0, 64),
    "walk against the matches": (10, 1.01, 0.0, segments.BUDGET),  # no sample is that dense
}


@pytest.mark.parametrize("order_by", PERSON_ORDER)
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("plan", PLANS)
def test_every_page_of_a_search_is_the_page_of_the_whole_search(
    crowd_services, order_by, descending, plan, monkeypatch
):
    many, dense, ask, budget = PLANS[plan]
    monkeypatch.setattr(people_search, "MANY_MATCHES", many)
    monkeypatch.setattr(people_search, "DENSE", dense)
    monkeypatch.setattr(people_search, "ASK_ROW_US", ask)
    monkeypatch.setattr(segments, "BUDGET", budget)
    services = crowd_services
    for text in ("m", "mü", "an", "x", "a m", "zz", "meier", "kow", "anna müll"):
        whole = ids(services.people.list(text, order_by=order_by, descending=descending))
        assert bool(whole) == (text != "zz"), text  # nobody is called so
        for offset in (0, 50, CHUNK, len(whole) - 10):
            page = services.people.list(
                text, order_by=order_by, descending=descending, limit=50, offset=offset
            )
            assert ids(page) == whole[max(offset, 0) : max(offset, 0) + 50], (text, offset)


def test_the_walk_answers_a_frequent_word_and_gives_up_on_a_rare_one(crowd_services, monkeypatch):
    monkeypatch.setattr(segments, "BUDGET", 2 * CHUNK)
    services = crowd_services
    order = services.people._segments(None, "name", False)
    with services.db.read() as session:
        frequent = walked_page(session, order, col(Person.id), "person", "m", 0, 30)
        rare = walked_page(session, order, col(Person.id), "person", "x", 0, 30)
    assert frequent == ids(services.people.list("m"))[:30]
    assert rare is None  # one person in 97 has an address starting with "xaver": 30 need ~2,900 rows


def test_a_sample_of_the_records_tells_a_frequent_word_from_a_rare_one(crowd_services, monkeypatch):
    monkeypatch.setattr(people_search, "MANY_MATCHES", 5)  # "xaver": 9 people
    services = crowd_services
    everyone = ids(services.people.list())
    with services.db.read() as session:
        frequent = share_matching(session, "person", "m", min(everyone), max(everyone))
        rare = share_matching(session, "person", "xaver", min(everyone), max(everyone))
        nobody = share_matching(session, "person", "zz", min(everyone), max(everyone))
    share_of_m = len(services.people.list("m")) / len(everyone)
    assert abs(frequent - share_of_m) < 0.15
    assert rare < 0.05
    assert nobody == 0.0
    with services.db.read() as session:
        plans = [people_search.search_plan(session, "sqlite", text, 50) for text in ("m", "xaver", "zz")]
        assert plans == ["walk the order", "walk the order", "matches"]  # 808 people: collecting is cheap
        monkeypatch.setattr(people_search, "ASK_ROW_US", 0.1)  # as if the list were a hundred times longer
        plans = [people_search.search_plan(session, "sqlite", text, 50) for text in ("m", "xaver", "zz")]
    assert plans == ["walk", "walk the order", "matches"]


def test_the_walk_matches_as_the_index_does_accents_case_and_special_letters(services):
    for last in ("Łukasik", "Straße", "ÖZTÜRK", "O'Neill", "Kraków-Süd"):
        factories.person(services, last, "Jan")
    for text, expected in (("lu", ["Łukasik"]), ("st", ["Straße"]), ("oe", ["ÖZTÜRK"]), ("ne", ["O'Neill"]),
                           ("su", ["Kraków-Süd"]), ("kr", ["Kraków-Süd"]), ("ja", None)):  # fmt: skip
        found = [view.last_name for view in services.people.list(text, limit=20)]
        whole = [view.last_name for view in services.people.list(text)]
        assert found == whole
        if expected is not None:
            assert found == expected, text
