"""A contact entry opened from the visit's contacts tab with Enter, corrected in the quick log's
dialog and saved with Ctrl+S, its history seen; deleted with Del into the recycle bin and restored
from there, its people and follow-ups with it."""

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from delegation_app.services.contacts import ContactEntryInput

from ui_support import open_window

CTRL = Qt.KeyboardModifier.ControlModifier
SUMMARY = "Dank-Mail an die Gastgeber, mit Fotos"
PEOPLE = "Kopietz, Denes Kücük, Elke Temme"
BOCHUM = "Hanauer Delegation in Bochum: Stadt- und Smart-City-Strategie"


@pytest.fixture
def window(qtbot, demo_services, db_url, prompts):
    return open_window(qtbot, demo_services, db_url, prompts, clock=lambda: datetime(2025, 12, 15, 9, 0))


def contacts_tab(qtbot, window):
    editor = window.visits.editor
    assert editor.visit.id == 1  # the demo visit, with its thank-you e-mail
    editor.tabs.setCurrentWidget(editor.contacts)
    tab = editor.contacts
    tab.table.setFocus()
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    qtbot.waitUntil(tab.table.hasFocus)
    return tab


def opened(qtbot, tab):
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible())
    dialog = tab.dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def focused():
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_enter_opens_the_entry_with_every_field_and_ctrl_s_saves_the_correction(qtbot, window, demo_services):
    tab = contacts_tab(qtbot, window)
    dialog = opened(qtbot, tab)
    assert dialog.windowTitle() == "Kontakteintrag bearbeiten"
    assert dialog.when.text() == "14.11.2025 10:15"
    assert dialog.channel.currentText() == "E-Mail"
    assert (dialog.visit.current_id(), dialog.visit.text()) == (1, BOCHUM)  # a past visit (13.11.2025)
    assert sorted(dialog.people.ticked_ids()) == sorted(demo_services.contacts.get(1).person_ids)
    assert dialog.existing_followups.isVisibleTo(dialog)
    assert "„Dankschreiben an Stadtdirektor Kopietz“" in dialog.existing_followups.text()
    assert dialog.delete_button.isVisibleTo(dialog)
    assert dialog.history_button.isVisibleTo(dialog)
    assert dialog.summary.hasFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(focused(), SUMMARY)
    qtbot.keyClick(focused(), Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    entry = demo_services.contacts.get(1)
    assert entry.summary == SUMMARY
    assert (entry.logged_by, entry.occurred_at) == ("Demodaten", datetime(2025, 11, 14, 10, 15))  # kept
    assert len(entry.person_ids) == 3
    assert tab.model.index(0, 3).data() == SUMMARY
    assert tab.current_entry().id == 1

    window.activateWindow()  # as the desktop does when a dialog closes (offscreen Qt does not)
    qtbot.waitUntil(tab.table.hasFocus)
    dialog = opened(qtbot, tab)
    qtbot.keyClick(focused(), Qt.Key.Key_H, CTRL)
    qtbot.waitUntil(lambda: dialog.history is not None and dialog.history.isVisible())
    newest = dialog.history.model.entry_at(0)
    fields = {dialog.history.model.label_of(f.field): f.new_text for f in newest.fields}
    assert fields == {"Zusammenfassung": SUMMARY}
    dialog.history.close()


def test_a_follow_up_added_while_correcting_belongs_to_the_entry(qtbot, window, demo_services):
    tab = contacts_tab(qtbot, window)
    dialog = opened(qtbot, tab)
    dialog.followups.rows[0].title.setFocus()
    qtbot.keyClicks(focused(), "Fotos nachreichen")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "19.12.2025")
    qtbot.keyClick(focused(), Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    added = [f for f in demo_services.followups.list() if f.title == "Fotos nachreichen"]
    assert [(f.contact_entry_id, f.visit_id, f.due_on.isoformat()) for f in added] == [(1, 1, "2025-12-19")]
    assert demo_services.contacts.get(1).version == 2  # the unchanged entry is written once with it


def test_esc_asks_only_when_something_was_changed(qtbot, window, demo_services, prompts):
    tab = contacts_tab(qtbot, window)
    dialog = opened(qtbot, tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert prompts.messages("save_discard_cancel") == []
    window.activateWindow()
    qtbot.waitUntil(tab.table.hasFocus)
    dialog = opened(qtbot, tab)
    qtbot.keyClicks(focused(), " Nachtrag")
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert dialog.isVisible()  # cancelled (the fake's default): the typing stays
    assert prompts.messages("save_discard_cancel") == ["Der Kontakteintrag vom 14.11.2025"]
    assert dialog.summary.toPlainText().endswith(" Nachtrag")


def test_del_puts_it_in_the_bin_and_it_comes_back_with_its_people(qtbot, window, demo_services, prompts):
    tab = contacts_tab(qtbot, window)
    people = demo_services.contacts.get(1).person_ids
    prompts.confirm = True
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)

    ((question, consequences),) = prompts.messages("confirm_delete")
    assert question == f"Möchten Sie den Kontakteintrag vom 14.11.2025, 10:15 Uhr mit {PEOPLE} löschen?"
    assert consequences == {"Wiedervorlagen verlieren ihren Kontakteintrag": 2}
    assert prompts.recyclable
    assert tab.model.rowCount() == 0
    assert {f.contact_entry_id for f in demo_services.followups.list()} == {None}

    window.show_recycle_bin()
    bin_dialog = window.recycle_bin
    qtbot.waitUntil(bin_dialog.isVisible)
    assert bin_dialog.model.index(0, 1).data() == "Kontakteintrag"
    assert bin_dialog.model.index(0, 2).data().startswith("14.11.2025, 10:15 Uhr: Dank-E-Mail")
    qtbot.mouseClick(bin_dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    back = demo_services.contacts.list_for_visit(1)[0]
    assert back.person_ids == people
    assert {f.contact_entry_id for f in demo_services.followups.list()} == {back.id}


def test_an_entry_changed_meanwhile_goes_through_the_conflict_flow(qtbot, window, demo_services, prompts):
    tab = contacts_tab(qtbot, window)
    dialog = opened(qtbot, tab)
    stored = demo_services.contacts.get(1)
    demo_services.contacts.update(stored.id, stored.version, ContactEntryInput(
        occurred_at=stored.occurred_at, summary="Von nebenan geändert", person_ids=list(stored.person_ids),
        channel=stored.channel, visit_id=stored.visit_id, logged_by=stored.logged_by,
    ))  # fmt: skip
    qtbot.keyClick(focused(), Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(focused(), SUMMARY)
    qtbot.keyClick(focused(), Qt.Key.Key_S, CTRL)
    ((what, _details, labels),) = prompts.conflicts
    assert what == "Der Kontakteintrag vom 14.11.2025"
    assert labels == {"summary": "Zusammenfassung"}
    assert dialog.isVisible()
    assert dialog.summary.toPlainText() == SUMMARY
    assert demo_services.contacts.get(1).summary == "Von nebenan geändert"
