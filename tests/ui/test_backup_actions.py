"""File → Back up now… / Restore from backup… as a user goes through them."""

import json

from delegation_app.interchange.json_file import export_json
from delegation_app.services.backups import backup_now
from delegation_app.services.organisations import OrganisationInput

from ui_support import open_window


def data(services, path):
    export_json(services.db, path)
    return json.loads(path.read_text("utf-8"))["data"]


def test_back_up_now_into_a_chosen_folder(qtbot, demo_services, db_url, prompts, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    window = open_window(
        qtbot, demo_services, db_url, prompts, backup_hooks={"choose_folder": lambda _w, _start: str(folder)}
    )
    window.backups.backup_action.trigger()
    qtbot.waitUntil(lambda: "Sicherung nach" in window.statusBar().currentMessage(), timeout=20_000)
    (copy,) = folder.iterdir()
    assert copy.suffix == ".sqlite"


def test_restore_shows_what_the_backup_holds_then_brings_it_back(
    qtbot, demo_services, db_url, prompts, tmp_path
):
    backup = backup_now(demo_services.db, tmp_path)
    before = data(demo_services, tmp_path / "before.json")
    demo_services.organisations.create(OrganisationInput(name="Seitdem angelegt"))
    window = open_window(
        qtbot, demo_services, db_url, prompts, backup_hooks={"choose_backup": lambda _w, _start: str(backup)}
    )
    prompts.confirm_answer = False
    window.backups.restore_action.trigger()
    kind, question = prompts.asked[-1]
    assert kind == "confirm"
    assert "Personen: 11" in question
    assert "Besuche: 1" in question
    assert len(demo_services.organisations.list()) == 4  # declined: nothing changed
    prompts.confirm_answer = True
    window.backups.restore_action.trigger()
    restored = "Sicherung wiederhergestellt"
    qtbot.waitUntil(lambda: restored in window.statusBar().currentMessage(), timeout=20_000)
    assert data(demo_services, tmp_path / "after.json") == before
    qtbot.waitUntil(lambda: window.views[2][1].model.rowCount() == 3)  # the views reloaded
