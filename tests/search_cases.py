"""Search behaviour every database kind must show (SQLite: tests/storage/test_search_index.py,
PostgreSQL: tests/storage/test_postgresql.py). Each case gets an empty database's Services."""

from datetime import date, datetime

from delegation_app.interchange.json_file import export_json, import_json
from delegation_app.services.global_search import search_everything
from delegation_app.services.organisations import OrganisationInput
from delegation_app.services.people import PersonInput

import factories

HOSTILE = ["Müller-Straße", "St.", "AND", "(neu", '"', "*", "a OR b", "NEAR(x y)", "x'; DROP TABLE person --",
           "last_name:x", "^x", "100%", "a & !b | c:*", "-", "ü\u0308"]  # fmt: skip


def found(services, text):
    return [(h.kind, h.title) for h in search_everything(services, text)]


def people(services, text):
    return [p.last_name for p in services.people.list(text)]


def folding(services):
    """Accents, ß/ss and ä/ae either way, case, and word prefixes."""
    factories.person(services, "Kücük", "Denes")
    factories.person(services, "Müller", "Anna")
    factories.person(services, "Mueller", "Bernd")
    factories.organisation(services, "Straßenbahn Łódź AG", city="Gießen")
    assert people(services, "kucuk") == people(services, "KÜCÜK") == people(services, "kuc") == ["Kücük"]
    assert people(services, "mueller") == ["Mueller", "Müller"]  # ä→ae in the index
    assert people(services, "Müller") == ["Mueller", "Müller"]  # and in the query
    assert people(services, "muller") == ["Müller"]
    for text in ("strasse", "stra", "Straße", "STRASSENB", "lodz", "giessen", "gieß"):
        assert found(services, text) == [("organisation", "Straßenbahn Łódź AG")], text
    assert [o.name for o in services.organisations.list("strassenbahn giessen")] == ["Straßenbahn Łódź AG"]
    assert people(services, "ller") == []  # word beginnings, not any substring


def every_kind(services):
    visit = factories.visit(services, "Delegation in Bochum", place="Rathaus, Willy-Brandt-Straße 2")
    speaker = factories.person(services, "Temme", "Elke", function="Geschäftsführerin")
    text = "„Wichtig ist, was den Menschen nützt.“"
    factories.quote(services, visit.id, text, speaker_person_id=speaker.id)
    summary, when = "Dank-E-Mail an die Straßenbahn-Planer", datetime(2025, 11, 14, 10, 15)
    entry = factories.contact_entry(services, [speaker.id], summary, occurred_at=when)
    due = date(2025, 12, 15)
    factories.follow_up(services, "Strategiepapier senden", due_on=due, contact_entry_id=entry.id)
    assert found(services, "nutzt menschen") == [("quote", "„Wichtig ist, was den Menschen nützt.“")]
    assert found(services, "planer") == [("contact", "Dank-E-Mail an die Straßenbahn-Planer")]
    assert found(services, "strategiep") == [("followup", "Strategiepapier senden")]
    assert found(services, "geschaftsf elke") == [("person", "Elke Temme")]
    assert [v.title for v in services.visits.list("willy rathaus")] == ["Delegation in Bochum"]
    assert ("visit", "Delegation in Bochum") in found(services, "stra")


def exact_before_prefix(services):
    """A whole-word hit comes first even where the kind's own order would put it later."""
    old = factories.visit(services, "Alt", starts_at=datetime(2024, 1, 1, 9))
    new = factories.visit(services, "Neu", starts_at=datetime(2025, 1, 1, 9))
    factories.quote(services, new.id, "Die Baustelle ruht.")
    factories.quote(services, old.id, "Der Bau beginnt.")
    factories.quote(services, new.id, "Ein Bauantrag fehlt.")
    assert [title for _kind, title in found(services, "bau")] == [
        "Der Bau beginnt.", "Die Baustelle ruht.", "Ein Bauantrag fehlt."
    ]  # fmt: skip
    factories.person(services, "Anders", "Bernd")
    factories.person(services, "Zander", "An")
    assert people(services, "an") == ["Zander", "Anders"][::-1]  # the list keeps its own order
    assert [title for _kind, title in found(services, "an")] == ["An Zander", "Bernd Anders"]


def hostile_text(services):
    """User text never reaches MATCH / to_tsquery as syntax."""
    factories.person(services, "Müller", "Anna", function="St. Josef (neu)")
    for text in HOSTILE:
        search_everything(services, text)
        services.people.list(text)
        services.organisations.list(text)
        services.visits.list(text)
        services.visits.list_overview(text)
    assert people(services, "Müller-Straße") == []
    assert people(services, "St.") == people(services, "(neu") == ["Müller"]
    assert people(services, "AND Müller") == people(services, "Müller-Straße") == []
    assert people(services, "st. josef (neu") == ["Müller"]
    assert people(services, '"') == people(services, "*") == []  # no word at all: nothing


def kept_in_sync(services):
    """Insert, update, a person's organisation renamed, delete."""
    org = factories.organisation(services, "Stadtwerke Bochum")
    person = factories.person(services, "Kopietz", "Sebastian", organisation_id=org.id)
    assert found(services, "stadtwerke") == [
        ("person", "Sebastian Kopietz"),  # through the organisation's name
        ("organisation", "Stadtwerke Bochum"),
    ]
    renamed = PersonInput(last_name="Kowalski", first_name="Jan", organisation_id=org.id)
    person = services.people.update(person.id, person.version, renamed)
    assert found(services, "kopietz") == []
    assert found(services, "kowalski") == [("person", "Jan Kowalski")]
    org = services.organisations.update(org.id, org.version, OrganisationInput(name="Energieversorger Ruhr"))
    assert found(services, "stadtwerke") == []
    assert found(services, "energiev jan") == [("person", "Jan Kowalski")]
    services.people.delete(person.id, person.version, confirmed=True)
    assert found(services, "kowalski") == []
    assert found(services, "energie") == [("organisation", "Energieversorger Ruhr")]


def imported_json(services, source, tmp_path):
    """JSON import writes rows in bulk (writer.insert_rows): the triggers index them too."""
    org = factories.organisation(source, "Stadt Łódź")
    factories.person(source, "Wiśniewska", "Małgorzata", organisation_id=org.id)
    factories.follow_up(source, "Grußwort übersetzen")
    path = tmp_path / "dump.json"
    export_json(source.db, path)
    import_json(services.db, path)
    assert found(services, "lodz malgorz") == [("person", "Małgorzata Wiśniewska")]
    assert found(services, "grusswort uebersetzen") == [("followup", "Grußwort übersetzen")]
