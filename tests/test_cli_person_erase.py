"""`person-erase` as a user runs it (issue 13, Done when: the demo's Elke Temme)."""

import json

from test_cli import run


def temme_id(db_path) -> int:
    hits = json.loads(run("--db", db_path, "search", "Elke", "Temme", "--json", check_rc=0).stdout)
    return next(h["id"] for h in hits if h["kind"] == "person")


def test_person_erase_anonymise_leaves_no_trace_of_the_name(db_path, tmp_path):
    run("--db", db_path, "demo", check_rc=0)
    person_id = temme_id(db_path)
    asked = run("--db", db_path, "person-erase", person_id, "--anonymise")
    assert asked.returncode == 1
    assert "»Frau Temme«" in asked.stdout
    assert "Kontakteintrag" in asked.stdout
    assert asked.stderr.strip() == "Es wurde nichts geändert: Mit --yes wird es ausgeführt."
    done = run("--db", db_path, "person-erase", person_id, "--anonymise", "--yes", check_rc=0).stdout
    assert "»Frau Temme«" in done
    assert "»Elke Temme«" in done
    assert f"Die Person heißt jetzt „Teilnehmende Person {person_id}“. 2 Erwähnungen entfernt." in done
    assert "turnusgemäß gelöscht" in done
    export = tmp_path / "after.json"
    run("--db", db_path, "export-json", export, check_rc=0)
    text = export.read_text("utf-8")
    assert "temme" not in text.casefold()
    for path in (db_path, db_path.with_name(db_path.name + "-wal")):
        if path.exists():
            assert b"temme" not in path.read_bytes().lower()
    data = json.loads(text)["data"]
    visit_id = data["visit"][0]["id"]
    assert len([p for p in data["participation"] if p["visit_id"] == visit_id]) == 11


def test_person_erase_of_an_unknown_id_is_one_line(db_path):
    from test_cli import assert_one_line_error

    run("--db", db_path, "demo", check_rc=0)
    result = run("--db", db_path, "person-erase", 999, "--yes")
    assert_one_line_error(result, 1, "Es gibt keine Person mit der ID 999.")
