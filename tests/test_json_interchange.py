import json

import pytest

from delegation_app.domain.errors import DomainError, InvalidFileError
from delegation_app.domain.models import TABLES_IN_ORDER
from delegation_app.interchange.json_file import export_json, import_json
from delegation_app.services.contacts import ContactEntryInput
from delegation_app.services.demo import load_demo
from delegation_app.services.followups import FollowUpInput
from delegation_app.services.organisations import OrganisationInput
from delegation_app.services.registry import Services
from delegation_app.storage.opening import open_database


@pytest.fixture
def full(services):
    """The demo plus a contact entry with two people, a follow-up and a deleted organisation (in the
    recycle bin): every table has rows."""
    from datetime import date, datetime

    load_demo(services)
    people = services.people.list()
    entry = services.contacts.create(
        ContactEntryInput(occurred_at=datetime(2025, 11, 20, 10, 0), summary="Dankschreiben",
                          person_ids=[people[0].id, people[1].id], visit_id=1)
    )  # fmt: skip
    services.followups.create(
        FollowUpInput(
            title="Strategiepapier senden",
            due_on=date(2025, 12, 1),
            contact_entry_id=entry.id,
            owner_person_id=people[0].id,
        )
    )
    gone = services.organisations.create(OrganisationInput(name="Stadtwerke Hanau"))
    services.organisations.delete(gone.id, gone.version)
    return services


@pytest.fixture
def other(tmp_path):
    db, _ = open_database(f"sqlite:///{tmp_path / 'other.sqlite'}", backups=tmp_path)
    yield Services.over(db)
    db.dispose()


def test_export_import_export_gives_identical_data(full, other, tmp_path):
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    counts = export_json(full.db, first)
    assert all(counts[m.__tablename__] > 0 for m in TABLES_IN_ORDER)
    import_json(other.db, first)
    export_json(other.db, second)
    a, b = json.loads(first.read_text("utf-8")), json.loads(second.read_text("utf-8"))
    assert a["data"] == b["data"]
    assert a["format"] == "delegation-app"
    assert a["version"] == 1
    assert {"exported_at", "app_version", "schema_revision"} <= set(a["meta"])
    row = a["data"]["visit"][0]
    assert {"id", "version", "created_at", "updated_at"} <= set(row)
    assert [r["id"] for r in a["data"]["person"]] == sorted(r["id"] for r in a["data"]["person"])
    # The imported database keeps working: new ids continue after the imported ones.
    new = other.organisations.create(OrganisationInput(name="Neu"))
    assert new.id > max(r["id"] for r in a["data"]["organisation"])


def test_import_refuses_a_database_with_records_unless_merging(full, tmp_path):
    dump = tmp_path / "dump.json"
    export_json(full.db, dump)
    before = len(full.people.list())
    with pytest.raises(DomainError, match="bereits Datensätze"):
        import_json(full.db, dump)
    assert len(full.people.list()) == before
    import_json(full.db, dump, merge=True)
    assert len(full.people.list()) == 2 * before
    visits = full.visits.list()
    assert len(visits) == 2
    # References follow the new ids: each copy of the visit has its own participants.
    for visit in visits:
        assert len(full.participations.list_for_visit(visit.id)) == 11
    assert len({p.id for v in visits for p in full.participations.list_for_visit(v.id)}) == 22


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json at all", "kein gültiges JSON"),
        ('{"format": "something-else"}', "keine Exportdatei"),
        ('{"format": "delegation-app", "version": 99, "data": {}}', "Formatversion 99"),
        ('{"format": "delegation-app", "version": 1, "data": {"invoices": []}}', "unbekannte Tabellen"),
        ('{"format": "delegation-app", "version": 1, "data": {"person": [{"id": 1, "shoe_size": 44}]}}',
         "unbekannte Felder"),
        ('{"format": "delegation-app", "version": 1, "data": {"visit": [{"id": 1, "ends_at": "gestern"}]}}',
         "Ungültiger Wert"),
        ('{"format": "delegation-app", "version": 1, "data": {"visit": [{"id": 1, "status": "maybe"}]}}',
         "Ungültiger Wert"),
    ],
)  # fmt: skip
def test_bad_files_are_explained_and_write_nothing(other, tmp_path, content, message):
    bad = tmp_path / "bad.json"
    bad.write_text(content, "utf-8")
    with pytest.raises(DomainError, match=message):
        import_json(other.db, bad)
    assert other.visits.list() == []
    assert other.people.list() == []


def test_an_import_is_all_or_nothing(full, other, tmp_path):
    dump = tmp_path / "dump.json"
    export_json(full.db, dump)
    document = json.loads(dump.read_text("utf-8"))
    document["data"]["follow_up"][0]["owner_person_id"] = 999  # a reference to nobody: fails last
    dump.write_text(json.dumps(document), "utf-8")
    with pytest.raises(InvalidFileError, match="Nichts wurde importiert"):
        import_json(other.db, dump)
    assert other.people.list() == []
    assert other.visits.list() == []


def test_missing_file_and_binary_file(other, tmp_path):
    with pytest.raises(DomainError, match="existiert nicht"):
        import_json(other.db, tmp_path / "nope.json")
    binary = tmp_path / "image.json"
    binary.write_bytes(b"\xff\xfe\x00\x01")
    with pytest.raises(InvalidFileError):
        import_json(other.db, binary)
