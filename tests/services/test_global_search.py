"""search_everything: one box over people, organisations, visits, quotes, contact entries, follow-ups."""

import os
from datetime import date, datetime

import pytest

import pg_databases
from delegation_app.services.global_search import KINDS, SearchHit, search_everything

import factories

ADMIN_URL = os.environ.get("DELEGATION_APP_TEST_PG_URL")


@pytest.fixture
def world(services):
    return filled(services)


def filled(services):
    bochum = factories.organisation(services, "Stadt Bochum", city="Bochum")
    swb = factories.organisation(services, "Stadtwerke Bochum", city="Bochum")
    kuecuek = factories.person(services, "Kücük", "Denes", organisation_id=bochum.id, function="CDO")
    temme = factories.person(services, "Temme", "Elke", organisation_id=swb.id, function="Geschäftsführerin")
    visit = factories.visit(
        services,
        "Delegation in Bochum",
        place="Rathaus, Willy-Brandt-Straße 2",
        starts_at=datetime(2025, 11, 13, 9, 30),
        ends_at=datetime(2025, 11, 13, 17),
    )
    older = factories.visit(services, "Erster Besuch in Bochum", starts_at=datetime(2024, 5, 2, 9))
    factories.quote(
        services, visit.id, "„Wichtig ist, was den Menschen nützt.“", speaker_person_id=kuecuek.id
    )
    factories.quote(services, older.id, "„Ohne Sprecherperson.“", speaker_label="Oberbürgermeister")
    entry = factories.contact_entry(
        services,
        [temme.id],
        "Dank-E-Mail an die Straßenbahn-Planer",
        occurred_at=datetime(2025, 11, 14, 10, 15),
        visit_id=visit.id,
    )
    factories.follow_up(
        services,
        "Strategiepapier an die Stadtwerke senden",
        owner_person_id=temme.id,
        due_on=date(2025, 12, 15),
        visit_id=visit.id,
        contact_entry_id=entry.id,
    )
    factories.follow_up(services, "Dankschreiben Kücük", done_on=date(2025, 11, 17))
    return services


def found(services, text, **kw):
    return [(h.kind, h.title) for h in search_everything(services, text, **kw)]


def test_accents_and_case_are_folded_kucuk_finds_kuecuek(world):
    assert found(world, "kucuk") == [("person", "Denes Kücük"), ("followup", "Dankschreiben Kücük")]
    assert found(world, "KÜCÜK") == found(world, "kucuk")


def test_prefixes_and_substrings_and_sz_find_strasse(world):
    hits = found(world, "stra")
    assert ("visit", "Delegation in Bochum") in hits  # Willy-Brandt-Straße in the place
    assert ("contact", "Dank-E-Mail an die Straßenbahn-Planer") in hits
    assert ("followup", "Strategiepapier an die Stadtwerke senden") in hits
    assert found(world, "strassenbahn") == [("contact", "Dank-E-Mail an die Straßenbahn-Planer")]
    assert found(world, "straßenbahn") == found(world, "strassenbahn")


def test_contact_summaries_and_follow_up_titles_are_found(world):
    assert found(world, "dank") == [
        ("contact", "Dank-E-Mail an die Straßenbahn-Planer"),
        ("followup", "Dankschreiben Kücük"),
    ]
    assert found(world, "strategiepapier") == [("followup", "Strategiepapier an die Stadtwerke senden")]


def test_every_word_must_match_somewhere_in_the_record(world):
    assert found(world, "temme geschaftsfuhrerin") == [("person", "Elke Temme")]
    assert found(world, "elke stadtwerke") == [("person", "Elke Temme")]  # name and organisation
    assert found(world, "temme kucuk") == []
    assert found(world, "100%") == []


def test_grouped_by_kind_sorted_within_each(world):
    hits = search_everything(world, "bochum")
    kinds = [h.kind for h in hits]
    assert kinds == sorted(kinds, key=KINDS.index)
    assert [(h.kind, h.title) for h in hits] == [
        ("person", "Denes Kücük"),  # through their organisation's name
        ("person", "Elke Temme"),
        ("organisation", "Stadt Bochum"),
        ("organisation", "Stadtwerke Bochum"),
        ("visit", "Delegation in Bochum"),  # newest first
        ("visit", "Erster Besuch in Bochum"),
    ]  # titles only for follow-ups: "Strategiepapier an die Stadtwerke senden" is not a hit


def test_hits_carry_details_and_their_visit(world):
    by_kind = {h.kind: h for h in search_everything(world, "menschen nützt")}
    quote = by_kind["quote"]
    assert isinstance(quote, SearchHit)
    assert quote.detail == "Denes Kücük · Delegation in Bochum"
    assert quote.visit_id is not None
    (visit,) = [h for h in search_everything(world, "delegation") if h.kind == "visit"]
    assert (visit.record_id, visit.visit_id, visit.detail) == (
        quote.visit_id,
        quote.visit_id,
        "13.11.2025 · Rathaus, Willy-Brandt-Straße 2",
    )
    (other,) = search_everything(world, "sprecherperson")
    assert other.detail == "Oberbürgermeister · Erster Besuch in Bochum"
    (entry,) = [h for h in search_everything(world, "planer") if h.kind == "contact"]
    assert (entry.detail, entry.visit_id) == ("14.11.2025, 10:15 Uhr · Treffen", quote.visit_id)
    (done,) = search_everything(world, "dankschreiben")
    assert done.detail == "erledigt am 17.11.2025"


def test_limit_per_kind_and_empty_text(world):
    assert [h.kind for h in search_everything(world, "bochum", limit_per_kind=1)] == [
        "person",
        "organisation",
        "visit",
    ]
    assert search_everything(world, "") == []
    assert search_everything(world, "   ") == []
    assert search_everything(world, None) == []


def test_every_kind_comes_from_one_statement_on_a_server(tmp_path):
    """Over a network each statement is a round trip: one for all six kinds, no transaction."""
    if not ADMIN_URL:
        pytest.skip("no PostgreSQL: DELEGATION_APP_TEST_PG_URL is not set")
    with pg_databases.server_services(ADMIN_URL, tmp_path / "pg-backups") as on_server:
        filled(on_server)
        search_everything(on_server, "bochum")  # compiled once, as after the first keystroke
        before = on_server.statement_count()
        kinds = {h.kind for h in search_everything(on_server, "bochum")}
        assert on_server.statement_count() - before == 1
    assert kinds == {"person", "organisation", "visit"}


def test_sqlite_asks_first_which_kinds_need_their_prefix_matches(world):
    """SQLite has no round trips: a first statement counts each kind's whole-word matches, and a
    kind with enough of them is answered without its prefix query (storage.search.whole_matches);
    the hits are the same either way."""
    many = [factories.person(world, f"Bochumer{n}", "Jan") for n in range(3)]
    search_everything(world, "bochum")
    before = world.statement_count()
    few = {h.record_id for h in search_everything(world, "bochum", limit_per_kind=50) if h.kind == "person"}
    assert world.statement_count() - before == 3  # BEGIN, the counts, the search
    enough = {h.record_id for h in search_everything(world, "bochum", limit_per_kind=2) if h.kind == "person"}
    assert {p.id for p in many} <= few  # "Bochumer…" only by prefix, found when places are free
    assert len(enough) == 2  # Kücük and Temme, of organisations named "… Bochum": whole words
    assert not enough & {p.id for p in many}
