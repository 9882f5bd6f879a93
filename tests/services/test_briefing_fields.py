"""The fields a "Besuchsmappe" needs: a person's short profile and name order, a visit's talking
points, protocol notes and logistics; stored, checked, exported, restored, and one name rule."""

import json
from dataclasses import replace

import pytest
from delegation_app.services.interchange import export_json, import_json

from delegation_app.domain.enums import ParticipantSide
from delegation_app.operations.erasure import anonymise_people
from delegation_app.services.briefing import collect_briefing
from delegation_app.services.global_search import search_everything
from delegation_app.services.people import PersonInput
from delegation_app.services.registry import Services
from delegation_app.services.visits import VisitInput
from delegation_app.storage.opening import open_database

import factories

PROFILE = "Bürgermeister von Wuhan seit 2020.\nZuvor Leiter des Hafenamts."
PREPARED = {
    "talking_points": "Partnerschaft verlängern\n• Fragen: Wasserstoffbusse",
    "protocol_notes": "Gastgeschenk: Bildband\nSitzordnung: Gast rechts vom OB",
    "logistics": "Treffpunkt: Rathaus, Haupteingang, 9:15 Uhr\nNotfall: +49 234 910-0",
}


@pytest.fixture
def wang(services):
    return factories.person(services, "王", "小明", profile=PROFILE, family_name_first=True, title="Dr.")


def test_stored_and_read_back(services, wang):
    assert (wang.profile, wang.family_name_first) == (PROFILE, True)
    visit = factories.visit(services, **PREPARED)
    assert {name: getattr(services.visits.get(visit.id), name) for name in PREPARED} == PREPARED


def test_one_name_rule_everywhere(services, wang):
    """The list, the record, choices, participants, quotes, follow-ups, search and the briefing."""
    org = factories.person(services, "Orbán", "Viktor", family_name_first=True)
    visit = factories.visit(services, press_contact_id=wang.id)
    factories.participation(services, visit.id, wang.id, side=ParticipantSide.DELEGATION)
    factories.quote(services, visit.id, speaker_person_id=wang.id)
    factories.follow_up(services, owner_person_id=wang.id, visit_id=visit.id)
    name = "Dr. 王小明"
    assert services.people.get(wang.id).display_name == name
    assert services.people.get(org.id).display_name == "Orbán Viktor"
    assert (name, wang.id) in services.people.choices()
    assert services.participations.list_for_visit(visit.id)[0].person_name == name
    assert services.quotes.list_for_visit(visit.id)[0].speaker_display == name
    assert services.followups.list_filtered(visit_id=visit.id)[0].owner_name == name
    assert services.visits.get(visit.id).press_contact_name == name
    hits = [h.title for h in search_everything(services, "小明") if h.kind == "person"]
    assert hits == [name]
    briefing = collect_briefing(services, visit.id)
    assert [p.person.display_name for p in briefing.delegation] == [name]
    assert briefing.delegation[0].person.profile == PROFILE


def test_sorting_stays_by_family_name(services, wang):
    factories.person(services, "Orbán", "Viktor", family_name_first=True)
    factories.person(services, "Adler", "Zoe")
    assert [p.last_name for p in services.people.list()] == ["Adler", "Orbán", "王"]


def test_too_long_texts_are_refused_at_their_field(services, rejected):
    rejected(lambda: services.people.create(PersonInput(last_name="Wang", profile="x" * 4001)), "profile")
    visit = factories.visit(services)
    for name in PREPARED:
        data = replace(VisitInput(title=visit.title), **{name: "x" * 20_001})
        rejected(lambda data=data: services.visits.update(visit.id, visit.version, data), name)
    stored = services.people.create(PersonInput(last_name="Wang", profile=" " + "x" * 4000 + "\r\n"))
    assert stored.profile == "x" * 4000  # trimmed as every multi-line field


def test_export_import_keeps_them_and_an_older_file_still_imports(services, wang, tmp_path):
    visit = factories.visit(services, **PREPARED)
    dump = tmp_path / "all.json"
    export_json(services.db, dump)
    document = json.loads(dump.read_text("utf-8"))
    (row,) = document["data"]["person"]
    assert (row["profile"], row["family_name_first"]) == (PROFILE, True)
    assert document["data"]["visit"][0]["logistics"] == PREPARED["logistics"]
    for name, target in (("new", services), ("old", None)):
        if target is None:  # as a program before these fields wrote it
            del row["profile"], row["family_name_first"]
            for key in PREPARED:
                del document["data"]["visit"][0][key]
        dump.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
        db, _ = open_database(f"sqlite:///{tmp_path / name}.sqlite", backups=tmp_path)
        try:
            other = Services.over(db)
            import_json(db, dump)
            person, again = other.people.get(wang.id), other.visits.get(visit.id)
            if target is None:
                assert (person.profile, person.family_name_first, again.talking_points) == (None, False, None)
                assert person.display_name == "Dr. 小明 王"
            else:
                assert (person.profile, person.display_name) == (PROFILE, "Dr. 王小明")
                assert {k: getattr(again, k) for k in PREPARED} == PREPARED
        finally:
            db.dispose()


def test_recycle_bin_and_history_bring_them_back(services, wang):
    services.people.delete(wang.id, wang.version, confirmed=True)
    services.recycle_bin.restore(services.recycle_bin.list()[0].id)
    back = services.people.get(wang.id)
    assert (back.profile, back.family_name_first, back.display_name) == (PROFILE, True, "Dr. 王小明")
    restored = services.audit.history("person", wang.id)[-1]  # the state the bin gave back
    changed = services.people.update(back.id, back.version, PersonInput(last_name="王", first_name="小明"))
    assert (changed.profile, changed.display_name) == (None, "小明 王")
    services.audit.restore("person", wang.id, restored.id, changed.version)
    assert services.people.get(wang.id).display_name == "Dr. 王小明"
    visit = factories.visit(services, **PREPARED)
    services.visits.delete(visit.id, visit.version, confirmed=True)
    services.recycle_bin.restore(services.recycle_bin.list()[0].id)
    assert services.visits.get(visit.id).protocol_notes == PREPARED["protocol_notes"]


def test_anonymising_empties_the_profile(services, wang):
    anonymise_people(services, [wang.id])
    person = services.people.get(wang.id)
    assert (person.profile, person.family_name_first, person.first_name) == (None, False, None)
