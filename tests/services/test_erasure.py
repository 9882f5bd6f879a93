"""Erasing and anonymising a person (issue 13, Art. 17) on SQLite, down to the bytes of the file."""

import erasure_cases
from delegation_app.operations.erasure import anonymise_people, erase_person
from delegation_app.operations.records import RecordKind, delete_record
from delegation_app.operations.recycle_bin import restore_from_bin
from delegation_app.services.erasure import plan_erasure
from delegation_app.services.people import PersonInput


def file_bytes(path):
    """The database file and its -wal as they are on disk while the database is open."""
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_anonymised_demo_person_is_in_no_byte_of_the_file(services, db_path, tmp_path):
    erasure_cases.check_anonymised_demo(services, tmp_path)
    assert b"temme" in b"frau temme"  # the check below is case-insensitive, as grep -ci is
    assert b"temme" not in file_bytes(db_path).lower()


def test_the_file_held_her_name_before(services, db_path):
    # Without this, the byte check above could pass on a file that never had the name in it.
    erasure_cases.demo_with_temme(services)
    assert b"temme" in file_bytes(db_path).lower()


def test_erased_demo_person_is_in_no_byte_of_the_file(services, db_path):
    erasure_cases.check_erased_demo(services)
    assert b"temme" not in file_bytes(db_path).lower()


def test_the_plan_lists_what_goes_and_each_mention_with_its_context(services):
    _visit, temme = erasure_cases.demo_with_temme(services)
    plan = plan_erasure(services, temme.id, anonymise=True)
    assert plan.name == "Elke Temme"
    mention = next(m for m in plan.mentions if m.table == "contact_entry")
    where = (mention.text, mention.column, mention.where)
    assert where == ("Frau Temme", "summary", "Kontakteintrag · 14.11.2025")
    assert mention.before == "an Stadtdirektor Kopietz folgt;"  # whole words only
    assert mention.after == "wurde das Hanauer"
    counts = dict(plan.counts)
    assert counts["Zitate behalten keinen Namen"] == 1
    assert erasure_cases.left_over(services), "the plan changes nothing"


def test_only_the_chosen_mentions_are_redacted(services):
    visit_id, temme = erasure_cases.demo_with_temme(services)
    plan = plan_erasure(services, temme.id, anonymise=True)
    chosen = [m.key for m in plan.mentions if m.table == "contact_entry"]
    erase_person(services, temme.id, anonymise=True, mentions=chosen)
    assert "Elke Temme (Geschäftsführerin" in services.visits.get(visit_id).summary
    assert all("Temme" not in c.summary for c in services.contacts.list())


def test_recycle_bin_keeps_nothing_of_the_erased_person(services):
    visit_id, temme = erasure_cases.demo_with_temme(services)
    visit = services.visits.get(visit_id)
    delete_record(services, RecordKind.VISIT, visit_id, visit.version, confirmed=True)
    erase_person(services, temme.id, anonymise=False)
    assert erasure_cases.left_over(services) == []
    entry = services.recycle_bin.list()[0]
    report = restore_from_bin(services, entry.id)
    assert report.left_out >= 1  # her participation: she is gone
    participants = services.participations.list_for_visit(report.record_id)
    assert len(participants) == 10
    assert "[entfernt] (Geschäftsführerin" in services.visits.get(report.record_id).summary


def test_a_bin_entry_that_mentions_her_stays_without_the_mention(services):
    _visit, temme = erasure_cases.demo_with_temme(services)
    other = services.people.create(PersonInput(last_name="Muster", notes="Frau Temme zurückrufen"))
    delete_record(services, RecordKind.PERSON, other.id, other.version, confirmed=True)
    anonymise_people(services, [temme.id])
    assert erasure_cases.left_over(services) == []
    report = restore_from_bin(services, services.recycle_bin.list()[0].id)
    assert services.people.get(report.record_id).notes == "[entfernt] zurückrufen"


def test_an_export_after_anonymising_imports_again(services, tmp_path):
    from delegation_app.operations.interchange import export_json, import_json
    from delegation_app.services.registry import Services
    from delegation_app.storage.opening import open_database

    erasure_cases.check_anonymised_demo(services, tmp_path)
    export_json(services, tmp_path / "after.json")
    db, _report = open_database(f"sqlite:///{tmp_path / 'copy.sqlite'}", backups=tmp_path / "b2")
    try:
        copy = Services.over(db)
        import_json(copy, tmp_path / "after.json")
        assert erasure_cases.left_over(copy) == []
    finally:
        db.dispose()


def test_the_history_cannot_go_back_behind_an_anonymisation(services):
    import pytest

    from delegation_app.domain.errors import DomainError

    _visit, temme = erasure_cases.demo_with_temme(services)
    anonymise_people(services, [temme.id], reason="Antrag")
    history = services.audit.history("person", temme.id)
    assert [entry.action for entry in history][-1] == "anonymise"
    assert all("Temme" not in str(field.old) for entry in history for field in entry.fields)
    version = services.people.get(temme.id).version
    with pytest.raises(DomainError, match="anonymisiert"):
        services.audit.restore("person", temme.id, history[0].id, version)
