"""Issue 12, a start that feels instant: the window's first picture is painted before the
database layer (SQLAlchemy, SQLModel, the services) is imported; a schema update is announced."""

import subprocess
import sys

from delegation_app.startup import ContextOpener, Startup
from delegation_app.storage.migrate import upgrade_database
from delegation_app.user_files import SettingsStore

PROBE = """
import os, sys
from delegation_app import app
from delegation_app.ui.shell import start_window

real = start_window.paint_start_window

def paint(language):
    window = real(language)
    loaded = sorted({m.split(".")[0] for m in sys.modules} & {"sqlalchemy", "sqlmodel", "alembic"})
    print("LOADED", ",".join(loaded), window.isVisible(), window.loading.text(), flush=True)
    os._exit(0)

start_window.paint_start_window = paint
app.main(sys.argv[1:])
print("NOT PAINTED", flush=True)
"""


def test_the_start_window_is_painted_before_the_database_layer_is_imported(db_path):
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "--db", str(db_path)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "LOADED  True Wird geladen …" in done.stdout


def test_a_command_paints_no_window(db_path):
    command = [sys.executable, "-c", PROBE, "--db", str(db_path), "visits"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert "LOADED" not in done.stdout
    assert "NOT PAINTED" in done.stdout


def test_the_opener_knows_when_the_schema_will_be_updated(db_path, tmp_path):
    url = f"sqlite:///{db_path}"
    upgrade_database(url, target="0001", backups=tmp_path)
    opener = ContextOpener(SettingsStore())
    start = Startup(url=url, language="de")
    assert opener.will_update(start)
    context = opener.open(start)
    context.database.dispose()
    assert not opener.will_update(start)
