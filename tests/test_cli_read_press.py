"""``read-press FILE [--json]``: reads a release, prints proposals, opens no database."""

import json
import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "resources" / "demo" / "press-release-hanau-bochum.txt"


def _run(*args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    # A database path that must stay untouched: read-press opens none.
    env = {
        "DELEGATION_APP_DB": str(tmp_path / "never.sqlite"),
        "HOME": str(tmp_path),
        "PATH": "/usr/bin:/bin",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    return subprocess.run(
        [sys.executable, "-m", "delegation_app", *args], capture_output=True, text=True, timeout=120, env=env
    )


def test_json_has_the_issue_shape_and_no_database_is_opened(tmp_path):
    result = _run("read-press", str(SEED), "--json", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"visit", "organisations", "people", "quotes"}
    assert set(data["visit"]) == {"title", "starts_on", "place"}
    assert all(set(p) == {"name", "function", "organisation"} for p in data["people"])
    assert all(set(q) == {"text", "speaker"} for q in data["quotes"])
    assert len(data["people"]) == 11
    assert len(data["quotes"]) == 6
    assert {"name": "Kopietz", "function": "Stadtdirektor", "organisation": "Stadt Bochum"} in data["people"]
    assert not (tmp_path / "never.sqlite").exists()
    assert not (tmp_path / "data").exists()


def test_summary_names_speakers(tmp_path):
    result = _run("--lang", "en", "read-press", str(SEED), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Kopietz: „Wichtig ist nicht" in result.stdout


def test_an_unreadable_file_is_one_line_and_exit_1(tmp_path):
    result = _run("read-press", str(tmp_path / "missing.txt"), tmp_path=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "missing.txt" in result.stderr
