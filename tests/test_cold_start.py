"""The window's start imports what its first picture shows (issue 21): the commands, the export
and print machinery, the import, the dialogs and the views not shown load when they are used."""

import subprocess
import sys

from delegation_app.operations.interchange import load_demo

# Starts the window in-process (closing at its first idle moment) and lists what got imported.
PROBE = """
import gc, sys
from delegation_app.app import main
code = main(sys.argv[1:])
print("LOADED", ",".join(sorted(sys.modules)), file=sys.stderr)
print("FROZEN", gc.get_freeze_count(), file=sys.stderr)
sys.exit(code)
"""

# Packages only a feature uses: files written or read, print products, phone numbers read or shown
# (the visit list shows none), the credential store of a team database, migrations (the database
# is up to date).
NOT_AT_START = {
    "alembic", "docx", "icalendar", "keyring", "openpyxl", "phonenumbers", "pikepdf", "pyphen",
    "rapidfuzz", "reportlab", "uharfbuzz", "vobject",
}  # fmt: skip
# Our modules behind a menu entry, a button or a view not shown.
OURS_NOT_AT_START = (
    "delegation_app.interchange.calendar_export",
    "delegation_app.interchange.press_reader",
    "delegation_app.interchange.approval_mail",
    "delegation_app.operations.erasure",
    "delegation_app.operations.exports",
    "delegation_app.operations.people_import",
    "delegation_app.operations.briefing",
    "delegation_app.ui.contacts.quick_log_dialog",
    "delegation_app.ui.followups.followups_view",
    "delegation_app.ui.organisations.organisations_view",
    "delegation_app.ui.people.people_import_dialog",
    "delegation_app.ui.people.people_view",
    "delegation_app.ui.records.recycle_bin_dialog",
    "delegation_app.ui.shell.database_dialog",
    "delegation_app.ui.shell.preferences_dialog",
    "delegation_app.ui.shell.retention_dialog",
    "delegation_app.ui.visits.press_release_dialog",
    "delegation_app.ui.visits.quote_approval_dialogs",
)

OURS_PACKAGES = ("delegation_app.interchange.press_reader.",)


def _started(db_path) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "--db", str(db_path), "--quit-when-ready"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stderr.splitlines()


def _loaded_at_start(db_path) -> set[str]:
    line = next(line for line in _started(db_path) if line.startswith("LOADED"))
    return set(line.removeprefix("LOADED").strip().split(","))


def test_the_window_starts_without_the_features_it_does_not_show(services, db_path):
    load_demo(services)  # a visit to show: its editor and tabs are filled at start
    services.db.dispose()
    loaded = _loaded_at_start(db_path)
    assert "delegation_app.ui.shell.main_window" in loaded  # the window did start
    assert {name.split(".")[0] for name in loaded} & NOT_AT_START == set()
    ours = sorted(name for name in loaded if name in OURS_NOT_AT_START or name.startswith(OURS_PACKAGES))
    assert ours == []
    # The window parses the common options only (cli_options.py), none of the commands' modules.
    assert sorted(name for name in loaded if name.startswith("delegation_app.cli")) == [
        "delegation_app.cli_options"
    ]


def test_the_started_window_keeps_its_objects_out_of_the_garbage_collectors_sight(db_path):
    """A full collection looked at every object of the start (about 100,000) and stalled the
    window 70 ms whenever a keystroke triggered one (collector.py)."""
    line = next(line for line in _started(db_path) if line.startswith("FROZEN"))
    assert int(line.split()[1]) > 50_000
