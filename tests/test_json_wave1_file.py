"""Files users already have stay readable: an export written by the first wave's program (the demo
database, before the house moved) imports, and exporting it again gives the same keys and values."""

import json
from pathlib import Path

from delegation_app.interchange.json_file import export_json, import_json
from delegation_app.services.registry import Services
from delegation_app.storage.opening import open_database

WAVE_1_FILE = Path(__file__).parent / "data" / "export-from-wave-1.json"
# Columns added by schema 0006 (the approval of quotes): empty after the import of that file.
ADDED_SINCE = {
    "quote": (
        "approved_text", "approval_sent_to", "approval_channel", "approval_sent_on", "approval_follow_up_id",
    ),
}


def without_added(data: dict) -> dict:
    for table, columns in ADDED_SINCE.items():
        for row in data[table]:
            for column in columns:
                assert row.pop(column) is None, (table, column)
    return data


def test_an_export_of_the_first_wave_imports_and_exports_unchanged(tmp_path):
    db, _ = open_database(f"sqlite:///{tmp_path / 'new.sqlite'}", backups=tmp_path)
    try:
        services = Services.over(db)
        import_json(db, WAVE_1_FILE)
        again = tmp_path / "again.json"
        export_json(db, again)
        old, new = json.loads(WAVE_1_FILE.read_text("utf-8")), json.loads(again.read_text("utf-8"))
        assert new["format"] == old["format"] == "delegation-app"
        assert new["version"] == old["version"]
        assert new["meta"]["counts"] == old["meta"]["counts"]
        # Keys added since (schema 0005) come with their defaults; every key of the file is unchanged.
        added = {"person": {"profile": None, "family_name_first": False},
                 "visit": {"talking_points": None, "protocol_notes": None, "logistics": None}}  # fmt: skip
        for table, rows in new["data"].items():
            for row in rows:
                for key, value in added.get(table, {}).items():
                    assert row.pop(key) == value
        assert without_added(new["data"]) == old["data"]
        assert [v.title for v in services.visits.list()] == [old["data"]["visit"][0]["title"]]
    finally:
        db.dispose()
