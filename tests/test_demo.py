"""The demo visit holds everything the press release names, spelled exactly."""

import json
import re
from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from delegation_app.domain.enums import ContactChannel, ParticipantRole, ParticipantSide, QuoteKind
from delegation_app.domain.models import TABLES_IN_ORDER
from delegation_app.interchange.json_file import export_json
from delegation_app.resource_files import resource
from delegation_app.services.demo import load_demo
from delegation_app.services.global_search import search_everything
from delegation_app.services.timeline import person_timeline

PRESS_RELEASE = (
resource("demo", "press-release-hanau-bochum.txt").read_text("utf-8")
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
    assert "Besuchsprogramm" in notes
    assert len(services.agenda.list_for_visit(visit_id)) >= 3


# --- what an assistant logged after the visit -------------------------------------------------


def test_a_thank_you_contact_entry_with_the_hosts_met(demo):
    services, visit_id = demo
    (entry,) = services.contacts.list_for_visit(visit_id)
    assert entry.occurred_at == datetime(2025, 11, 14, 10, 15)  # the day after the visit
    assert entry.channel == ContactChannel.EMAIL
    assert sorted(entry.person_names) == sorted(HOSTS)
    assert entry.summary.startswith("Dank-E-Mail an die Gastgeber")
    visit = services.visits.get(visit_id)
    assert visit.ends_at < entry.occurred_at
    assert "Kontakteintrag und die Wiedervorlagen" in visit.notes  # invented too, and it says so


def test_follow_ups_one_done_one_open_after_the_visit(demo):
    services, visit_id = demo
    entry_id = services.contacts.list_for_visit(visit_id)[0].id
    people = {p.id: p.display_name for p in services.people.list()}
    followups = services.followups.list_filtered(visit_id=visit_id, include_done=True)
    found = [(f.title, f.due_on, f.done_on, f.owner_name, people[f.person_id]) for f in followups]
    assert found == [
        (
            "Hanauer Smart-City-Strategiepapier an die Stadtwerke Bochum senden",
            date(2025, 12, 15),
            None,
            "Martin Bieberle",
            "Elke Temme",
        ),
        (
            "Dankschreiben an Stadtdirektor Kopietz",
            date(2025, 11, 21),
            date(2025, 11, 17),
            "Dominik Kuhn",
            "Kopietz",
        ),
    ]
    assert {f.contact_entry_id for f in followups} == {entry_id}
    assert services.followups.list_filtered() == followups[:1]  # the one still open
    assert services.followups.overdue_or_due(date(2025, 12, 16)) == (1, 0)
    assert services.followups.overdue_or_due(date(2025, 12, 15)) == (0, 1)


def test_loading_twice_logs_the_aftermath_once(services):
    load_demo(services)
    load_demo(services)
    assert len(services.contacts.list()) == 1
    assert len(services.followups.list()) == 2


def test_the_demo_is_one_transaction_down_to_the_last_follow_up(services, monkeypatch):
    create = services.followups.create
    calls = []

    def failing_on_the_second(data):
        calls.append(data.title)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return create(data)

    monkeypatch.setattr(services.followups, "create", failing_on_the_second)
    with pytest.raises(RuntimeError, match="disk full"):
        load_demo(services)
    assert len(calls) == 2
    with services.db.read() as session:
        counts = {
            m.__tablename__: session.scalar(select(func.count()).select_from(m)) for m in TABLES_IN_ORDER
        }
    assert set(counts.values()) == {0}, counts
    monkeypatch.undo()
    assert load_demo(services) is not None  # and it still loads afterwards


def test_kopietz_timeline_shows_four_kinds_newest_first(demo):
    services, visit_id = demo
    kopietz = services.people.find("Kopietz")
    entries = person_timeline(services, kopietz.id)
    assert [(e.kind, e.when) for e in entries] == [
        ("followup", date(2025, 11, 17)),
        ("contact", datetime(2025, 11, 14, 10, 15)),
        ("visit", datetime(2025, 11, 13, 9, 30)),
        ("quote", date(2025, 11, 13)),
    ]
    assert entries[0].title == "Dankschreiben an Stadtdirektor Kopietz"
    assert {e.visit_id for e in entries} == {visit_id}


def test_search_finds_the_logged_contact_and_follow_ups(demo):
    services, _ = demo
    hits = [(h.kind, h.title) for h in search_everything(services, "dankschreiben kopietz")]
    assert hits[0][0] == "contact"  # the summary says the letter follows
    assert hits[1:] == [("followup", "Dankschreiben an Stadtdirektor Kopietz")]
    hits = [(h.kind, h.title) for h in search_everything(services, "strategiepapier")]
    assert [kind for kind, _title in hits] == ["contact", "followup"]
    assert ("person", "Denes Kücük") in [(h.kind, h.title) for h in search_everything(services, "kucuk")]
