"""The profile page in the preferences: typed once, kept in the settings file."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from delegation_app.storage.settings import load_settings
from delegation_app.ui.shell.application import create_application
from delegation_app.ui.shell.preferences_dialog import PreferencesDialog
from delegation_app.user_files import SettingsStore

from ui_support import type_text


def test_the_profile_typed_in_the_preferences_is_saved_and_shown_again(qtbot):
    create_application("de")
    store = SettingsStore()
    dialog = PreferencesDialog(settings=store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.pages.setCurrentWidget(dialog.profile_page)
    page = dialog.profile_page
    page.office_name.setFocus()
    type_text(page.office_name, "Stadt Hanau – Büro für Städtepartnerschaften")
    qtbot.keyClick(page.office_name, Qt.Key.Key_Tab)
    assert page.office_address.hasFocus(), QApplication.focusWidget()
    type_text(page.office_address, "Am Markt 14–18")
    qtbot.keyClick(page.office_address, Qt.Key.Key_Return)
    qtbot.keyClicks(page.office_address, "63450 Hanau")
    qtbot.keyClick(page.office_address, Qt.Key.Key_Tab)  # leaves the address instead of typing a tab
    assert page.name.hasFocus()
    qtbot.keyClicks(page.name, "Anna Schmidt")
    qtbot.keyClicks(page.function, "Referentin")
    qtbot.keyClicks(page.phone, "06181 3000-6069")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # OK

    profile = load_settings().profile
    assert profile.office_name == "Stadt Hanau – Büro für Städtepartnerschaften"
    assert profile.office_address == "Am Markt 14–18\n63450 Hanau"
    assert (profile.name, profile.function) == ("Anna Schmidt", "Referentin")
    assert profile.phone == "06181 3000-6069"
    assert store.get().profile.name == "Anna Schmidt"

    again = PreferencesDialog(settings=store)
    qtbot.addWidget(again)
    assert again.profile_page.name.text() == "Anna Schmidt"
    assert again.profile_page.office_address.toPlainText() == "Am Markt 14–18\n63450 Hanau"


def test_cancel_keeps_the_profile_as_it_was(qtbot):
    create_application("de")
    store = SettingsStore()
    dialog = PreferencesDialog(settings=store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.profile_page.name, "Niemand")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert load_settings().profile.name == ""
