"""Datei → "Datenbank wählen …": the team database tested and kept, the password in the credential
store and nowhere in the settings file; an empty database and a wrong password said in one line
in the dialog, not in a message box."""

import json

import pytest
from PySide6.QtCore import QPoint, Qt

from delegation_app.storage.credentials import stored_password
from delegation_app.storage.migrate import upgrade_database
from delegation_app.storage.settings import settings_path
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.shell.database_dialog import DatabaseDialog
from delegation_app.user_files import SettingsStore
from team_support import memory_keyring, team_server  # noqa: F401 - fixtures

pytestmark = pytest.mark.usefixtures("memory_keyring")


def dialog_for(qtbot, services, prompts) -> tuple[DatabaseDialog, SettingsStore]:
    store = SettingsStore()
    dialog = DatabaseDialog(None, store, OperationRunner(services, prompts))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog, store


def fill(qtbot, dialog: DatabaseDialog, server, password: str) -> None:
    choice = dialog.team_choice  # clicked on its round button
    qtbot.mouseClick(choice, Qt.MouseButton.LeftButton, pos=QPoint(6, choice.height() // 2))
    assert dialog.team_box.isEnabled()
    assert not dialog.file.isEnabled()
    for field, value in ((dialog.host, server.team.host), (dialog.database, server.team.database),
                         (dialog.user, server.team.user), (dialog.password, password)):  # fmt: skip
        field.clear()
        qtbot.keyClicks(field, value)
    dialog.port.setValue(server.team.port)


def test_the_team_database_is_tested_and_kept_without_its_password_in_the_settings(
    qtbot, services, prompts, team_server  # noqa: F811
):
    dialog, store = dialog_for(qtbot, services, prompts)
    fill(qtbot, dialog, team_server, team_server.password)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    # still empty on the server: the dialog says what IT has to do, and creates nothing
    qtbot.waitUntil(lambda: "team init" in dialog.status.text(), timeout=15_000)
    upgrade_database(team_server.url, password=team_server.password)  # IT ran `team init`
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "PostgreSQL" in dialog.status.text(), timeout=15_000)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = settings_path().read_text(encoding="utf-8")
    assert json.loads(saved)["team_database"]["database"] == team_server.name
    assert "password" not in saved
    assert f'"{team_server.password}"' not in saved.replace(f'"{team_server.team.user}"', "")
    assert stored_password(team_server.team.credential_name()) == team_server.password
    assert store.get().team_database == dialog.team()
    assert prompts.asked == []


def test_a_wrong_password_is_said_in_the_dialog(qtbot, services, prompts, team_server):  # noqa: F811
    dialog, store = dialog_for(qtbot, services, prompts)
    fill(qtbot, dialog, team_server, "not-the-password")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Passwort" in dialog.status.text(), timeout=15_000)
    assert dialog.test_button.isEnabled()
    assert prompts.asked == []
    assert store.get().team_database is None  # nothing kept until OK
