"""The start-failure dialog says in words what happened; the driver's English detail is behind
"Details kopieren", which copies it and leaves the dialog open."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from broken_files import damage_schema, good_database, start_for
from delegation_app.startup import ContextOpener
from delegation_app.ui.shell.application import create_application, start_window
from delegation_app.ui.shell.start_prompts import StartChoice, failure_box
from delegation_app.user_files import SettingsStore

from ui_support import FakePrompts

TECHNICAL = ("malformed", "file is not", "schema", "locked", "Errno", "sqlite", "SQLITE")


def test_a_damaged_file_is_explained_without_the_drivers_text(qtbot, tmp_path):
    create_application("de")
    db_file = good_database(tmp_path / "data" / "delegation.sqlite")
    damage_schema(db_file)
    prompts = FakePrompts()
    assert start_window(start_for(db_file), ContextOpener(SettingsStore()), prompts) is None
    message, _advice, _choices = prompts.messages("start_failure")[0]
    assert message == "Die Datenbankdatei ist beschädigt und kann nicht gelesen werden."
    assert not any(word in message for word in TECHNICAL)
    assert "malformed" in prompts.detail  # kept for "Details kopieren"


def test_copy_details_copies_and_keeps_the_dialog_open(qtbot):
    create_application("de")
    choices = [StartChoice.OTHER_FILE, StartChoice.QUIT]
    message = "Die Datenbankdatei ist beschädigt und kann nicht gelesen werden."
    advice = "Öffnen Sie eine andere Datei."
    box, buttons = failure_box(None, message, advice, choices, "file is not a database")
    qtbot.addWidget(box)
    copy = next(b for b in box.buttons() if b.text() == "Details &kopieren")
    assert copy not in buttons  # not a way out
    box.open()
    qtbot.waitExposed(box)
    qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == message + "\nfile is not a database"
    assert box.isVisible()


def test_without_a_detail_there_is_nothing_to_copy(qtbot):
    create_application("de")
    box, _buttons = failure_box(None, "Die Datei ist neuer.", "Installieren Sie …", [StartChoice.QUIT])
    qtbot.addWidget(box)
    assert [b.text() for b in box.buttons()] == ["Beenden"]


def test_an_error_while_working_keeps_its_detail_behind_copy_details(qtbot):
    from delegation_app.ui.common.prompts import Prompts

    create_application("de")
    shown = []

    class Showing(Prompts):
        def answer(self, box):
            shown.append(box)
            return None

    message = "Die Datei x.json kann nicht gelesen werden (keine Berechtigung)."
    Showing().error(None, message, "[Errno 13] Permission denied: 'x.json'")
    box = shown[-1]
    qtbot.addWidget(box)
    assert box.text() == message
    copy = next(b for b in box.buttons() if b.text() == "Details &kopieren")
    box.open()
    qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
    assert "Permission denied" in QGuiApplication.clipboard().text()
    assert box.isVisible()
    Showing().error(None, "Dieser Besuch ist nicht (mehr) vorhanden.")
    assert [b.text() for b in shown[-1].buttons()] == ["OK"]
    qtbot.addWidget(shown[-1])
