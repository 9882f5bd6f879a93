"""Creating a visit from a reviewed press release: one transaction, release kept as the source."""

from datetime import date
from pathlib import Path

import pytest

from delegation_app.domain.enums import DataSource
from delegation_app.domain.errors import ValidationError
from delegation_app.interchange.press_matching import person_candidates
from delegation_app.interchange.press_reader import read_press_release
from delegation_app.operations.press_import import PressImport, PressPerson, PressQuote, import_press_release
from delegation_app.services.people import PersonInput

SEED = Path(__file__).resolve().parents[2] / "resources" / "demo" / "press-release-hanau-bochum.txt"


def _from_reading(text: str, **changes) -> PressImport:
    reading = read_press_release(text)
    people = [
        PressPerson(p.last_name, p.first_name, p.title, p.function, p.organisation, p.side)
        for p in reading.people
    ]
    quotes = [
        PressQuote(q.text, reading.people.index(q.speaker) if q.speaker else None) for q in reading.quotes
    ]
    values = {
        "title": reading.visit.title, "release_text": text, "starts_on": None, "place": reading.visit.place,
        "host": reading.visit.host, "guest": reading.visit.guest, "people": people, "quotes": quotes,
        "received_on": date(2025, 11, 14),
    }  # fmt: skip
    values.update(changes)
    return PressImport(**values)


def test_the_seed_becomes_a_visit_with_people_participants_and_quotes(services):
    text = SEED.read_text(encoding="utf-8")
    visit = import_press_release(services, _from_reading(text))
    assert visit.place == "Bochum"
    assert visit.host_organisation_name == "Stadt Bochum"
    assert visit.guest_organisation_name == "Stadt Hanau"
    assert text.strip() in (visit.sources or "")
    quotes = services.quotes.list_for_visit(visit.id)
    assert len(quotes) == 6
    assert quotes[2].text == "„Wichtig ist nicht, was technisch möglich ist, sondern was den Menschen nützt“"
    participants = services.participations.list_for_visit(visit.id)
    assert len(participants) == 11
    kopietz = services.people.find("Kopietz")
    assert kopietz is not None
    assert kopietz.source == DataSource.PRESS_RELEASE
    assert kopietz.function == "Stadtdirektor"


def test_a_matched_person_is_not_created_again(services):
    stored = services.people.create(PersonInput(last_name="Hemsley", first_name="Isabelle"))
    assert [p.id for p in person_candidates(services, "Isabelle", "Hemsley")] == [stored.id]
    assert [p.id for p in person_candidates(services, None, "hemsley")] == [stored.id]
    assert person_candidates(services, "Anna", "Hemsley") == []
    data = _from_reading("„Wir lernen viel“, sagte Stadträtin Isabelle Hemsley.")
    data = _from_reading(
        data.release_text,
        people=[PressPerson("Hemsley", "Isabelle", existing_id=stored.id, side="delegation")],
    )
    visit = import_press_release(services, data)
    assert len(services.people.list()) == 1
    assert services.quotes.list_for_visit(visit.id)[0].speaker_person_id == stored.id


def test_one_bad_record_writes_nothing(services):
    data = _from_reading(SEED.read_text(encoding="utf-8"), people=[PressPerson("x" * 500)], quotes=[])
    with pytest.raises(ValidationError):
        import_press_release(services, data)
    assert services.visits.list() == []
    assert services.organisations.list() == []
