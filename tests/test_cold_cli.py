"""The cold path of ``delegation-app visits``: no Qt, reportlab, openpyxl, python-docx or alembic
unless needed (issues 7, 21), and the quick "already up to date" check agrees with alembic."""

import subprocess
import sys

from delegation_app.storage.migrate import declared_head, head_revision, upgrade_database

# Runs the CLI in-process and reports which of the heavy packages got imported.
PROBE = """
import sys
from delegation_app.app import main
code = main(sys.argv[1:])
heavy = sorted({name.split(".")[0] for name in sys.modules} & {"PySide6", "reportlab", "alembic", "openpyxl",
                                                               "docx"})
print("HEAVY", ",".join(heavy), file=sys.stderr)
sys.exit(code)
"""


def _heavy_modules(*args) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *map(str, args)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    line = next(line for line in done.stderr.splitlines() if line.startswith("HEAVY"))
    return {name for name in line.removeprefix("HEAVY").strip().split(",") if name}


def test_listing_visits_of_an_up_to_date_database_imports_no_qt_reportlab_or_alembic(db_path, tmp_path):
    upgrade_database(f"sqlite:///{db_path}", backups=tmp_path)
    assert _heavy_modules("--db", db_path, "visits", "--json") == set()


def test_a_database_to_migrate_still_gets_alembic(db_path):
    # A new file has no revision yet: the full migration path runs (and creates the schema).
    assert _heavy_modules("--db", db_path, "visits") == {"alembic"}


def test_the_declared_head_is_alembics_head():
    assert declared_head() == head_revision()


def test_an_unusual_script_folder_is_left_to_alembic(tmp_path):
    (tmp_path / "versions").mkdir()
    (tmp_path / "versions" / "0001_a.py").write_text('revision = "0001"\ndown_revision = None\n')
    (tmp_path / "versions" / "0002_b.py").write_text('revision = "0002"\ndown_revision = ("0001", "x")\n')
    assert declared_head(tmp_path) is None
    (tmp_path / "versions" / "0002_b.py").write_text('revision = "0002"\ndown_revision = "0001"\n')
    assert declared_head(tmp_path) == "0002"


# Records whether the garbage collector runs while the command works, and what is frozen at exit.
COLLECTOR_PROBE = """
import gc, sys
import delegation_app.cli as cli
real, seen = cli.run_command, []
def watched(*args, **kwargs):
    seen.append(gc.isenabled())
    seen.append(gc.get_freeze_count())
    return real(*args, **kwargs)
cli.run_command = watched
from delegation_app.app import main
code = main(sys.argv[1:])
print("COLLECTOR", seen, gc.isenabled(), gc.get_freeze_count(), file=sys.stderr)
sys.exit(code)
"""


def test_a_command_works_with_the_collector_on_and_ends_with_its_objects_frozen(db_path, tmp_path):
    """collector.py: no collections while the start imports, collections during the command (the
    full ``visits --json`` of a million people must not pile up garbage), and the interpreter's
    last collections skipping what the run built (110 ms of a 0.7 s command)."""
    upgrade_database(f"sqlite:///{db_path}", backups=tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", COLLECTOR_PROBE, "--db", str(db_path), "visits", "--json"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    line = next(line for line in done.stderr.splitlines() if line.startswith("COLLECTOR"))
    during, after, frozen = line.removeprefix("COLLECTOR ").rsplit(" ", 2)
    enabled, frozen_at_start = during.strip("[]").split(", ")
    assert (enabled, after) == ("True", "True")
    assert 50_000 < int(frozen_at_start) < int(frozen)  # the command's objects frozen too
