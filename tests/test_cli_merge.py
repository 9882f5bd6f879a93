"""`merge-people` and `merge-organisations` as a user runs them (issue 14)."""

import json

from test_cli import assert_one_line_error, run


def person_id(db_path, *words: str) -> int:
    hits = json.loads(run("--db", db_path, "search", *words, "--json", check_rc=0).stdout)
    return next(h["id"] for h in hits if h["kind"] == "person")


def test_merge_people_asks_first_then_merges(db_path):
    run("--db", db_path, "demo", check_rc=0)
    keep, other = person_id(db_path, "Andreas", "Kunz"), person_id(db_path, "Daniel", "Freimuth")

    asked = run("--db", db_path, "merge-people", keep, other)
    assert asked.returncode == 1
    assert asked.stdout.splitlines()[:3] == [
        f"„Daniel Freimuth“ (ID {other}) würde mit „Andreas Kunz“ (ID {keep}) zusammengeführt.",
        "  Vorname: Andreas | Daniel → Andreas",
        "  Nachname: Kunz | Freimuth → Kunz",
    ]
    assert "Beide nehmen an 1 Besuch teil: dort bleibt die Teilnahme der behaltenen Person." in asked.stdout
    assert asked.stderr.strip() == "Es wurde nichts geändert: Mit --yes wird es ausgeführt."

    done = run("--db", db_path, "merge-people", keep, other, "--yes", check_rc=0)
    assert done.stdout.strip() == (
        f"„Daniel Freimuth“ ist mit „Andreas Kunz“ (ID {keep}) zusammengeführt. "
        "Rückgängig: „Daniel Freimuth“ aus dem Papierkorb wiederherstellen."
    )
    gone = run("--db", db_path, "merge-people", keep, other, "--yes")
    assert_one_line_error(gone, 1, f"Es gibt keine Person mit der ID {other}.")


def test_merge_mistakes_are_one_line(db_path):
    run("--db", db_path, "demo", check_rc=0)
    same = run("--db", db_path, "merge-organisations", 1, 1, "--yes")
    assert_one_line_error(
        same, 1,
        "Ein Datensatz kann nicht mit sich selbst zusammengeführt werden.",
    )  # fmt: skip
    missing = run("--db", db_path, "merge-organisations", 1, 77, "--yes")
    assert_one_line_error(missing, 1, "Es gibt keine Organisation mit der ID 77.")
    merged = run("--db", db_path, "merge-organisations", 1, 2, "--yes", check_rc=0)
    assert "zusammengeführt" in merged.stdout
