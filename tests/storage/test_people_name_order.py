"""The people's second search index, kept in name order by triggers (migration 0010): after any
sequence of saves every person has one place, the places follow (sort_key, id), each place holds
the person's current text, and the people list's search in name order gives the matches the
first index gives, sorted by name (storage.search_by_name)."""

import itertools
import random
import sqlite3

from delegation_app.services.organisations import OrganisationInput
from delegation_app.services.people import PersonInput
from delegation_app.storage.migrate import upgrade_database
from delegation_app.storage.search import prefix_query, search_words

import factories

LAST = ("Müller", "Meier", "Kücük", "Nowak", "Schmidt", "Öztürk", "Anders", "Łukasik", "Straße", "Mohr")
FIRST = ("Anna", "Mia", "Ahmet", "Jan", "Zofia", None)
SEARCHES = ("m", "an", "mü", "anna m", "kuc", "stadt", "zz", "bochum anna")


def places(db_path) -> list[tuple[int, int]]:
    """(rank, person id) in rank order, after checking them against the people and the first index."""
    conn = sqlite3.connect(db_path)
    try:
        ranked = conn.execute("SELECT rank, person_id FROM fts_person_order ORDER BY rank").fetchall()
        by_name = [person for (person,) in conn.execute("SELECT id FROM person ORDER BY sort_key, id")]
        assert [person for _rank, person in ranked] == by_name
        texts = dict(conn.execute("SELECT rowid, body FROM fts_person_by_name").fetchall())
        first = dict(conn.execute("SELECT rowid, body FROM fts_person").fetchall())
        assert texts == {rank: first[person] for rank, person in ranked}
        assert conn.execute("INSERT INTO fts_person_by_name (fts_person_by_name) VALUES ('integrity-check')")
    finally:
        conn.close()
    return ranked


def expected(db_path, text: str, descending: bool) -> list[int]:
    """The first index's matches, sorted by name: what the list must show."""
    conn = sqlite3.connect(db_path)
    try:
        query = prefix_query(search_words(text))
        way = "DESC" if descending else "ASC"
        return [person for person, in conn.execute(
            "SELECT id FROM person WHERE id IN (SELECT rowid FROM fts_person WHERE fts_person MATCH ?) "
            f"ORDER BY sort_key {way}, id {way}", (query,)
        )]  # fmt: skip
    finally:
        conn.close()


def listed(services, text, descending=False, **page) -> list[int]:
    return [view.id for view in services.people.list(text, order_by="name", descending=descending, **page)]


def test_saves_of_every_kind_keep_the_order_and_the_text(services, db_path):
    rng = random.Random(10)
    bochum = factories.organisation(services, "Stadt Bochum")
    hanau = factories.organisation(services, "Stadt Hanau")
    people = [factories.person(services, rng.choice(LAST), rng.choice(FIRST), organisation_id=bochum.id)
              for _ in range(40)]  # fmt: skip
    for person in rng.sample(people, 15):  # renamed, moved to another organisation, or both
        data = PersonInput(last_name=rng.choice(LAST), first_name=rng.choice(FIRST),
                           organisation_id=rng.choice([hanau.id, None, bochum.id]))  # fmt: skip
        services.people.update(person.id, services.people.get(person.id).version, data)
    gone = rng.sample([p for p in people], 8)
    for person in gone:
        services.people.delete(person.id, services.people.get(person.id).version, confirmed=True)
    services.recycle_bin.restore(services.recycle_bin.list()[0].id)
    services.organisations.update(hanau.id, hanau.version, OrganisationInput(name="Stadt Anklam"))
    places(db_path)
    for text in (*SEARCHES, "anklam"):
        for descending in (False, True):
            whole = expected(db_path, text, descending)
            assert bool(whole) == (text != "zz"), text
            assert listed(services, text, descending) == whole, (text, descending)
            for offset in (0, 3, 10):
                assert (
                    listed(services, text, descending, offset=offset, limit=5) == whole[offset : offset + 5]
                )
    assert expected(db_path, "anklam", False), "the organisation's new name is searchable"


def insert_people(db_path, names) -> None:
    """People saved straight into the file, one statement each, as any program could."""
    conn = sqlite3.connect(db_path)
    with conn:
        for last, first in names:
            conn.execute(
                "INSERT INTO person (version, created_at, updated_at, last_name, first_name, sort_key) "
                "VALUES (1, '2026-01-01', '2026-01-01', ?, ?, ?)", (last, first, f"{last}\t{first}".lower())
            )  # fmt: skip
    conn.close()


def test_a_used_up_gap_spreads_the_people_around_it_and_no_further(services, db_path):
    """People saved into one gap, each before the one saved last (a list sorted backwards), halve
    it each time; when it is used up the places of the WINDOW people on each side are spread
    again, and everybody further away keeps theirs."""
    insert_people(db_path, [(f"A{number:04}", "x") for number in range(700)])
    insert_people(db_path, [(f"Z{number:04}", "x") for number in range(700)])
    far = {person: rank for rank, person in places(db_path)}
    insert_people(db_path, [("Meier", f"Kai {number:02}") for number in reversed(range(80))])
    ranked = places(db_path)
    moved = {person for rank, person in ranked if person in far and far[person] != rank}
    assert 0 < len(moved) <= 2 * 512 + 80  # spread around the gap, not everyone
    assert far[1] == dict((p, r) for r, p in ranked)[1]  # the first "A" stayed where it was
    assert listed(services, "kai", limit=3) == expected(db_path, "kai", False)[:3]
    assert len(listed(services, "meier")) == 80


def test_no_room_near_a_gap_numbers_everyone_again(services, db_path):
    """Should the people around a used-up gap have no room between them either, everyone is
    numbered again (made here by giving everyone the places 1, 2, 3 …)."""
    insert_people(db_path, [(f"A{number:04}", "x") for number in range(1100)])
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("DELETE FROM fts_person_order")
        conn.execute("INSERT INTO fts_person_order (rank, person_id) "
                     "SELECT row_number() OVER (ORDER BY sort_key, id), id FROM person")  # fmt: skip
        conn.execute("DELETE FROM fts_person_by_name")
        conn.execute("INSERT INTO fts_person_by_name (rowid, body) SELECT o.rank, f.body "
                     "FROM fts_person_order AS o JOIN fts_person AS f ON f.rowid = o.person_id")  # fmt: skip
    conn.close()
    insert_people(db_path, [("A0550", "y")])
    ranked = places(db_path)
    gaps = [later - earlier for (earlier, _a), (later, _b) in itertools.pairwise(ranked)]
    assert min(gaps) > 2**50
    assert listed(services, "a0550") == expected(db_path, "a0550", False)
    assert len(listed(services, "a0550")) == 2


def test_a_sorted_list_saved_after_the_last_person_steps_through_the_room_there(services, db_path):
    insert_people(db_path, [("Anders", "Anna")])
    insert_people(db_path, [("Meier", f"Kai {number:04}") for number in range(2000)])
    ranked = places(db_path)
    assert ranked[0][0] == 0  # the first person's place never moved
    gaps = {later - earlier for (earlier, _a), (later, _b) in itertools.pairwise(ranked)}
    assert gaps == {2**32}


def test_a_row_replaced_by_another_program_leaves_no_old_place_behind(services, db_path):
    insert_people(db_path, [("Anders", "Anna"), ("Zyla", "Zofia"), ("Meier", "Kai")])
    conn = sqlite3.connect(db_path)
    with conn:  # REPLACE removes the old row without its delete trigger
        conn.execute(
            "INSERT OR REPLACE INTO person (id, version, created_at, updated_at, last_name, sort_key) "
            "VALUES (3, 1, '2026-01-01', '2026-01-01', 'Aaron', 'aaron')"
        )
    conn.close()
    assert [person for _rank, person in places(db_path)] == [3, 1, 2]
    assert listed(services, "meier") == []
    insert_people(db_path, [("Mohr", "Jan")])  # would take the place the old row held
    assert [person for _rank, person in places(db_path)] == [3, 1, 4, 2]


def test_a_word_the_index_splits_in_two_is_found_as_by_the_first_index(services, db_path):
    """Python's idea of a word and SQLite's tokenizer differ on a few characters (U+19B0 is a
    letter to Python and a separator to SQLite 3.40): the word becomes a phrase, which both
    indexes answer alike."""
    insert_people(db_path, [("Ab\u19b0cd", "Jan"), ("Ab", "Cd"), ("Abcd", "Ina")])
    for text in ("ab\u19b0cd", "ab\u19b0c", "ab"):
        assert listed(services, text) == expected(db_path, text, False), text


def test_the_upgrade_places_the_people_there_were(db_url, db_path, tmp_path):
    upgrade_database(db_url, target="0009_search_long_prefixes", backups=tmp_path)
    conn = sqlite3.connect(db_path)
    with conn:
        for number, (last, key) in enumerate((("Zyla", "zyla"), ("Anders", "anders"), ("Öztürk", "ozturk"),
                                               ("Anders", "anders"))):  # fmt: skip
            conn.execute(
                "INSERT INTO person (id, version, created_at, updated_at, last_name, sort_key) "
                "VALUES (?, 1, '2026-01-01', '2026-01-01', ?, ?)", (10 - number, last, key)
            )  # fmt: skip
    conn.close()
    upgrade_database(db_url, backups=tmp_path)
    assert [person for _rank, person in places(db_path)] == [7, 9, 8, 10]
