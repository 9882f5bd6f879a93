"""The demo visit holds everything the press release names, spelled exactly."""

import json
import re
from importlib import resources

import pytest

from delegation_app.domain.enums import ParticipantRole, ParticipantSide, QuoteKind
from delegation_app.services.demo import load_demo
from delegation_app.services.interchange import export_json

PRESS_RELEASE = (
    resources.files("delegation_app.resources.demo")
    .joinpath("press-release-hanau-bochum.txt")
    .read_text("utf-8")
)
DELEGATION = [
    "Isabelle Hemsley",
    "Martin Bieberle",
    "Daniel Freimuth",
    "Andreas Kunz",
    "Franziska Kretschmann",
    "Uwe Triebel",
    "Robin Gerlach",
    "Dominik Kuhn",
]
HOSTS = ["Denes Kücük", "Kopietz", "Elke Temme"]


@pytest.fixture
def demo(services):
    visit_id = load_demo(services)
    return services, visit_id


def test_loading_twice_gives_one_copy(services):
    first = load_demo(services)
    assert first is not None
    assert load_demo(services) is None
    assert len(services.visits.list()) == 1
    assert len(services.people.list()) == len(DELEGATION) + len(HOSTS)


def test_the_delegation_and_the_hosts(demo):
    services, visit_id = demo
    participants = services.participations.list_for_visit(visit_id)
    delegation = [p for p in participants if p.side == ParticipantSide.DELEGATION]
    hosts = [p for p in participants if p.side == ParticipantSide.HOST]
    assert sorted(p.person_name for p in delegation) == sorted(DELEGATION)
    assert delegation[0].person_name == "Isabelle Hemsley"
    assert delegation[0].role == ParticipantRole.HEAD_OF_DELEGATION
    assert delegation[0].function == "Stadträtin"
    assert sorted(p.person_name for p in hosts) == sorted(HOSTS)
    functions = {p.person_name: (p.function, p.organisation_name) for p in hosts}
    assert functions == {
        "Denes Kücük": ("Chief Digital Officer", "Stadt Bochum"),
        "Kopietz": ("Stadtdirektor", "Stadt Bochum"),
        "Elke Temme": ("Geschäftsführerin", "Stadtwerke Bochum Holding"),
    }


def test_kopietz_has_no_first_name(demo):
    services, _ = demo
    (kopietz,) = [p for p in services.people.list() if p.last_name == "Kopietz"]
    assert kopietz.first_name is None
    assert kopietz.display_name == "Kopietz"


def test_press_contact_with_din_5008_phone(demo):
    services, visit_id = demo
    visit = services.visits.get(visit_id)
    assert visit.press_contact_name == "Dominik Kuhn"
    kuhn = services.people.get(visit.press_contact_id)
    assert [p.display for p in kuhn.phones] == ["06181 3000-6069"]
    assert (kuhn.phones[0].e164, kuhn.phones[0].extension) == ("+4961813000", "6069")
    assert "https://www.presse-service.de/meldung.aspx?ID=1200463" in visit.sources


def test_every_quoted_passage_is_stored_verbatim(demo):
    services, visit_id = demo
    passages = re.findall("„[^“]+“", PRESS_RELEASE)
    assert len(passages) == 6
    quotes = services.quotes.list_for_visit(visit_id)
    verbatim = {q.text: q.speaker_display for q in quotes if q.kind == QuoteKind.VERBATIM}
    assert set(verbatim) == set(passages)
    assert verbatim[passages[2]] == "Kopietz"
    assert verbatim[passages[3]] == "Elke Temme"
    assert {verbatim[p] for p in (passages[0], passages[1], passages[4], passages[5])} == {"Isabelle Hemsley"}


def test_the_export_spells_every_name_from_the_release(demo, tmp_path):
    services, _ = demo
    export_json(services.db, tmp_path / "demo.json")
    text = (tmp_path / "demo.json").read_text("utf-8")
    data = json.loads(text)["data"]
    names = {" ".join(filter(None, (p["first_name"], p["last_name"]))) for p in data["person"]}
    assert names == set(DELEGATION + HOSTS)
    for name in DELEGATION + HOSTS:
        assert name.split()[-1] in PRESS_RELEASE  # the expectation itself comes from the release
    orgs = {o["name"] for o in data["organisation"]}
    assert {"Stadt Hanau", "Stadt Bochum", "Stadtwerke Bochum Holding"} <= orgs
    for passage in re.findall("„[^“]+“", PRESS_RELEASE):
        assert passage in {q["text"] for q in data["quote"]}
    for term in (
        "Stadtdirektor",
        "Chief Digital Officer",
        "Stabsstelle Digitalisierung",
        "Geschäftsführerin",
    ):
        assert term in text


def test_demo_notes_say_what_is_invented(demo):
    services, visit_id = demo
    notes = services.visits.get(visit_id).notes
    assert "erfunden" in notes
    assert "Tagesordnung" in notes
    assert len(services.agenda.list_for_visit(visit_id)) >= 3
