"""The copy before a schema update in a folder named like a team's ("Team #2", issue 13 defect 8),
and damage met by a statement rather than at open (defect 5, files too large to check at open)."""

import os
import sqlite3
import subprocess
import sys

import pytest

from delegation_app.services.demo import load_demo
from delegation_app.services.global_search import search_everything
from delegation_app.services.registry import Services
from delegation_app.storage.failures import Problem, StorageError
from delegation_app.storage.migrate import upgrade_database
from delegation_app.storage.opening import open_database
from delegation_app.storage.paths import database_url

from migration_seeds import SEEDS


@pytest.mark.parametrize("folder", ["Team #2", "Büro 50% ?neu"])
def test_the_copy_before_an_update_holds_the_data_in_an_awkward_folder(tmp_path, folder):
    path = tmp_path / folder / "delegation.sqlite"
    path.parent.mkdir()
    url = database_url(path)
    for revision in ("0001", "0002", "0003_search_index"):
        upgrade_database(url, target=revision, backups=tmp_path / "seeding")
        with sqlite3.connect(path) as conn:
            conn.executescript(SEEDS[revision])
    home = tmp_path / "home"
    env = {"XDG_DATA_HOME": str(home / "data"), "XDG_STATE_HOME": str(home / "state")}
    result = subprocess.run(
        [sys.executable, "-m", "delegation_app", "--db", str(path), "visits"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
    )
    assert result.returncode == 0, result.stderr
    copies = list((home / "data" / "delegation-app" / "backups").glob("delegation-before-*.sqlite"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as conn:
        assert conn.execute("SELECT count(*) FROM person").fetchone()[0] == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [folder, "seeding", "home"]
    )  # no stray "Team "


def test_damage_met_while_reading_is_the_damaged_file_message(tmp_path):
    path = tmp_path / "d.sqlite"
    db, _ = open_database(f"sqlite:///{path}", backups=tmp_path / "b")
    load_demo(Services.over(db))
    db.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'fts_person_data'").fetchone()[0]
        page = conn.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(path.read_bytes())
    data[(root - 1) * page : root * page] = b"\xa5" * page
    path.write_bytes(bytes(data))
    db, _ = open_database(f"sqlite:///{path}", backups=tmp_path / "b")  # opens: no check here
    try:
        with pytest.raises(StorageError) as info:
            search_everything(Services.over(db), "Bochum")
    finally:
        db.dispose()
    assert info.value.problem is Problem.DAMAGED
    assert "beschädigt" in info.value.message
