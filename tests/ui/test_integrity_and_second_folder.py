"""After start, off the GUI thread: quick_check (damage → a warning that offers the restore, and no
backup of the damaged file), and the copy into the second backup folder (a failure is never silent)."""

import os
import stat
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from broken_files import damage_an_index, fingerprint, good_database, start_for
from delegation_app.startup import ContextOpener
from delegation_app.storage.paths import backup_dir
from delegation_app.storage.settings import Settings, load_settings
from delegation_app.ui.shell import maintenance
from delegation_app.ui.shell.application import create_application, start_window
from delegation_app.ui.shell.preferences_dialog import PreferencesDialog
from delegation_app.user_files import SettingsStore

from ui_support import FakePrompts


def visible_boxes():
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


@pytest.fixture
def open_gui(qtbot):
    create_application("de")
    opened = []

    def open_(path, **hooks):
        window, bus = start_window(start_for(path), ContextOpener(SettingsStore()), FakePrompts(), **hooks)
        window._test_bus = bus
        qtbot.addWidget(window)
        window.show()
        opened.append(window)
        return window

    yield open_
    for window in opened:
        window.background.wait()
        window.context.database.dispose()


def test_a_file_that_opens_but_fails_quick_check_is_warned_about_with_a_way_out(qtbot, tmp_path, open_gui):
    db_file = good_database(tmp_path / "delegation.sqlite")
    damage_an_index(db_file)
    before = fingerprint(db_file)
    asked = []
    window = open_gui(db_file, backup_hooks={"choose_backup": lambda parent, start: asked.append(start)})
    assert prompts_free(window)
    maintenance.start(window)
    qtbot.waitUntil(lambda: "beschädigt" in window.statusBar().currentMessage(), timeout=20_000)
    boxes = visible_boxes()
    assert len(boxes) == 1
    assert boxes[0].windowModality() == Qt.WindowModality.NonModal
    assert "Sicherung" in boxes[0].text()
    # SQLite's finding ("Page …") is for support: behind Details kopieren, not in the sentence.
    assert "Page" not in boxes[0].text()
    details = next(b for b in boxes[0].buttons() if b.text().replace("&", "") == "Details kopieren")
    details.click()
    assert "Page" in QGuiApplication.clipboard().text()
    assert boxes[0].isVisible()
    restore = next(b for b in boxes[0].buttons() if b.text() == "Aus Sicherung wiederherstellen …")
    restore.click()
    assert asked == [str(backup_dir())]  # the File → Restore from backup… path, with its checks
    # No copy of the damaged file pushes the good ones out of the rotation.
    assert not backup_dir().exists() or not any(backup_dir().iterdir())
    window.context.database.dispose()
    assert fingerprint(db_file) == before  # checking changes nothing


def prompts_free(window) -> bool:
    return window.prompts.asked == []


def test_an_unreachable_second_folder_is_reported_in_the_status_bar_and_a_notice(qtbot, window, tmp_path):
    stick = tmp_path / "usb-stick" / "Sicherungen"  # the stick is not plugged in
    window.context.settings.save(Settings(second_backup_folder=str(stick)))
    maintenance.start(window)
    qtbot.waitUntil(lambda: "zweiten Sicherungsordner" in window.statusBar().currentMessage(), timeout=20_000)
    assert str(stick) in window.statusBar().currentMessage()
    boxes = visible_boxes()
    assert len(boxes) == 1
    assert str(stick) in boxes[0].text()
    assert "nicht erreichbar" in boxes[0].text()
    assert not stick.exists()  # not created on the local disk in the stick's place
    assert any("-daily-" in p.name for p in backup_dir().iterdir())  # the local copy was still made
    boxes[0].close()


def test_a_working_second_folder_gets_todays_copy_readable_by_the_user_only(qtbot, window, tmp_path):
    share = tmp_path / "netzlaufwerk"
    share.mkdir()
    window.context.settings.save(Settings(second_backup_folder=str(share)))
    maintenance.start(window)
    qtbot.waitUntil(lambda: "Sicherung wurde angelegt" in window.statusBar().currentMessage(), timeout=20_000)
    copies = sorted(p.name for p in share.iterdir())
    assert f"test-daily-{date.today():%Y%m%d}.sqlite" in copies
    if os.name == "posix":
        assert {stat.S_IMODE(p.stat().st_mode) for p in share.iterdir()} == {0o600}
    assert visible_boxes() == []


def test_the_second_folder_is_chosen_and_removed_in_the_preferences(qtbot, tmp_path):
    create_application("de")
    chosen = tmp_path / "stick"
    store = SettingsStore()
    dialog = PreferencesDialog(settings=store, choose_folder=lambda parent, start: str(chosen))
    qtbot.addWidget(dialog)
    assert dialog.second_folder.text() == ""
    assert not dialog.clear_second_folder.isEnabled()
    dialog._choose_second_folder()
    assert dialog.second_folder.text() == str(chosen)
    dialog.accept()
    assert load_settings().second_backup_folder == str(chosen)

    dialog = PreferencesDialog(settings=store, choose_folder=lambda parent, start: None)  # cancelled
    qtbot.addWidget(dialog)
    dialog._choose_second_folder()
    assert dialog.second_folder.text() == str(chosen)
    dialog.clear_second_folder.click()
    dialog.accept()
    assert load_settings().second_backup_folder is None
