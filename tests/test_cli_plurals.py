"""The command line's counts agree with their number: "1 Datensatz", "2 Datensätze"."""

import sqlite3

from test_cli import run

import factories


def people_only(services, db_path, *names):
    """A database holding just these people: their audit entries would count as records too."""
    for name in names:
        factories.person(services, name, None)
    services.db.engine.dispose()
    with sqlite3.connect(db_path) as conn:
        conn.execute("DELETE FROM audit_entry")
    conn.close()


def test_export_and_import_of_one_record_in_german(db_path, tmp_path, services):
    people_only(services, db_path, "Kuhn")
    dump = tmp_path / "dump.json"
    exported = run("--db", db_path, "export-json", dump, check_rc=0).stdout
    assert exported.strip() == f"1 Datensatz nach {dump} exportiert."
    imported = run("--db", tmp_path / "copy.sqlite", "import-json", dump, check_rc=0).stdout
    assert imported.strip() == f"1 Datensatz aus {dump} importiert."


def test_export_and_import_in_english(db_path, tmp_path, services):
    people_only(services, db_path, "Kuhn", "Zander")
    dump = tmp_path / "dump.json"
    exported = run("--lang", "en", "--db", db_path, "export-json", dump, check_rc=0).stdout
    assert exported.strip() == f"Exported 2 records to {dump}."
    imported = run("--lang", "en", "--db", tmp_path / "copy.sqlite", "import-json", dump, check_rc=0).stdout
    assert imported.strip() == f"Imported 2 records from {dump}."
