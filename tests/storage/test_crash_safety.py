"""SIGKILL at random moments while the app's services write: nothing reported done is lost,
nothing is half there, and the file stays intact."""

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

WRITER = Path(__file__).with_name("crash_writer.py")
KILLS = 30
IMPORTED_ORGS = 25


def import_file(path: Path) -> Path:
    stamp = "2026-01-01T10:00:00"
    rows = [
        {
            "id": i,
            "version": 1,
            "created_at": stamp,
            "updated_at": stamp,
            "name": f"Import {i}",
            "kind": "other",
            "sort_key": f"import {i}",
        }
        for i in range(1, IMPORTED_ORGS + 1)
    ]
    path.write_text(json.dumps({"format": "delegation-app", "version": 1, "data": {"organisation": rows}}))
    return path


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_killed_writers_lose_nothing_they_reported(db_path, db_url, tmp_path):
    source = import_file(tmp_path / "import.json")
    rng = random.Random(20261126)
    reported_visits: set[int] = set()
    for kill in range(KILLS):
        writer = subprocess.Popen(
            [sys.executable, str(WRITER), db_url, str(source), str(kill)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert writer.stdout.readline().strip() == "ready", writer.stderr.read()
        time.sleep(rng.uniform(0.0, 0.4))
        os.kill(writer.pid, signal.SIGKILL)
        out, _err = writer.communicate(timeout=30)
        reported_visits |= {int(line.split()[1]) for line in out.splitlines() if line.startswith("visit ")}
        check(db_path, reported_visits)
    assert len(reported_visits) > KILLS  # the writers did get work done between the kills


def check(db_path: Path, reported_visits: set[int]) -> None:
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        visits = {row[0] for row in conn.execute("SELECT id FROM visit")}
        assert reported_visits <= visits  # every reported operation is there
        partial = conn.execute(
            "SELECT v.id, count(p.id) FROM visit v LEFT JOIN participation p ON p.visit_id = v.id "
            "GROUP BY v.id HAVING count(p.id) != 3"
        ).fetchall()
        assert partial == []  # no visit without its participants
        per_name = dict(
            conn.execute(
                "SELECT name, count(*) FROM organisation WHERE name LIKE 'Import %' GROUP BY name"
            ).fetchall()
        )
        assert len(set(per_name.values())) <= 1  # each import is all or nothing
        assert len(per_name) in (0, IMPORTED_ORGS)
    finally:
        conn.close()
