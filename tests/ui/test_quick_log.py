"""The quick-log dialog (Ctrl+L), driven from the keyboard as office staff use it."""

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from delegation_app import i18n
from delegation_app.services.people import PersonInput
from delegation_app.storage.settings import Settings
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.prompts import Choice
from delegation_app.ui.contacts.quick_log_dialog import QuickLogDialog

from i18n_scan import german_messages
from ui_support import open_window

MESSAGES = german_messages()  # source text → German, as the catalogue has it

NOW = datetime(2025, 11, 14, 16, 30)
BOCHUM = "Hanauer Delegation in Bochum: Stadt- und Smart-City-Strategie"  # the demo's visit, 13.11.2025
CTRL = Qt.KeyboardModifier.ControlModifier


class Keyboard:
    """Sends keys to whatever has the focus, as a user's keyboard does, and counts them."""

    def __init__(self, qtbot) -> None:
        self.qtbot, self.count = qtbot, 0

    def target(self):
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def press(self, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.count += 1
        self.qtbot.keyClick(self.target(), key, modifier)

    def type(self, text: str) -> None:
        for char in text:
            self.count += 1
            self.qtbot.keyClicks(self.target(), char)


@pytest.fixture
def window(qtbot, demo_services, db_url, prompts):
    return open_window(qtbot, demo_services, db_url, prompts, clock=lambda: NOW)


def opened(qtbot, window) -> QuickLogDialog:
    qtbot.waitUntil(lambda: window.quick_log.dialog is not None and window.quick_log.dialog.isVisible())
    dialog = window.quick_log.dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def new_entries(services):
    return [e for e in services.contacts.list() if e.logged_by != "Demodaten"]


def test_a_simple_entry_for_one_person_takes_at_most_25_keystrokes(qtbot, window, demo_services):
    window.show_view(3)  # nothing on screen to fill in: the plain global dialog
    keys = Keyboard(qtbot)
    window.followups.table.setFocus()
    keys.press(Qt.Key.Key_L, CTRL)
    dialog = opened(qtbot, window)
    assert dialog.people.picker.hasFocus()
    keys.type("kuc")  # Denes Kücük: the search folds umlauts
    keys.press(Qt.Key.Key_Return)
    assert dialog.people.ticked_ids() == [9]
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_Tab)
    assert dialog.summary.hasFocus()
    keys.type("Telefonat1")
    keys.press(Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert keys.count <= 25
    assert keys.count == 18
    (entry,) = new_entries(demo_services)
    assert (entry.summary, entry.person_names, entry.occurred_at, entry.visit_id) == (
        "Telefonat1",
        ("Denes Kücük",),
        NOW,
        None,
    )
    assert len(demo_services.followups.list()) == 2  # the demo's: no empty follow-up was added
    assert "gespeichert" in window.statusBar().currentMessage()


def test_from_a_person_the_person_is_filled_in_and_the_summary_has_the_focus(qtbot, window, demo_services):
    window.show_view(1)
    people = window.views[1][1]
    qtbot.waitUntil(lambda: people.model.rowCount() > 0)
    temme = next(r for r in range(people.model.rowCount()) if "Temme" in people.model.index(r, 0).data())
    people.table.selectRow(temme)
    qtbot.waitUntil(lambda: people.editor.record_id == 11)
    people.table.setFocus()
    qtbot.keyClick(people.table, Qt.Key.Key_L, CTRL)
    dialog = opened(qtbot, window)
    assert dialog.people.ticked_ids() == [11]
    assert dialog.summary.hasFocus()
    assert dialog.when.text() == "14.11.2025 16:30"
    dialog.summary.setPlainText("Rückfrage zum Strategiepapier")  # QTest cannot type umlauts
    qtbot.keyClick(dialog.summary, Qt.Key.Key_Enter, CTRL | Qt.KeyboardModifier.KeypadModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    (entry,) = new_entries(demo_services)
    assert entry.person_ids == (11,)
    people.tabs.setCurrentWidget(people.page)  # the person's timeline has it, newest first
    qtbot.waitUntil(lambda: "Rückfrage zum Strategiepapier" in people.history.toPlainText())
    text = people.history.toPlainText()
    assert text.index("Rückfrage zum Strategiepapier") < text.index("Hanauer Delegation in Bochum")


def test_from_a_visit_three_participants_are_ticked_and_two_follow_ups_added(qtbot, window, demo_services):
    window.context.settings.save(Settings(own_person_id=8))  # Dominik Kuhn logs; his follow-ups are "mine"
    window.visits.table.setFocus()
    qtbot.keyClick(window.visits.table, Qt.Key.Key_L, CTRL)
    dialog = opened(qtbot, window)
    assert (dialog.visit.current_id(), dialog.visit.text()) == (1, BOCHUM)  # the visit on screen
    offered = [dialog.people.list.item(r).text() for r in range(dialog.people.list.count())]
    assert len(offered) == 11
    assert "Elke Temme — Geschäftsführerin, Stadtwerke Bochum Holding" in offered
    assert dialog.people.ticked_ids() == []
    dialog.people.list.setFocus()
    for name in ("Kopietz", "Denes Kücük", "Elke Temme"):  # tick with Space, as a user would
        row = next(r for r, text in enumerate(offered) if text.startswith(name))
        dialog.people.list.setCurrentRow(row)
        qtbot.keyClick(dialog.people.list, Qt.Key.Key_Space)
    assert sorted(dialog.people.ticked_ids()) == [9, 10, 11]
    dialog.channel.setCurrentIndex(dialog.channel.findText("Telefon"))
    dialog.summary.setFocus()
    qtbot.keyClicks(dialog.summary, "Nachbesprechung mit den Gastgebern")
    (first,) = dialog.followups.rows
    assert first.owner.currentData() == 8  # "mine" by default
    qtbot.keyClicks(first.title, "Fotos schicken")
    qtbot.keyClicks(first.due, "28.11.2025")
    qtbot.mouseClick(dialog.followups.add_button, Qt.MouseButton.LeftButton)
    second = dialog.followups.rows[1]
    assert second.title.hasFocus()
    qtbot.keyClicks(second.title, "Termin Gegenbesuch abstimmen")
    assert second.owner.text() == first.owner.text()  # "mine" by default, by name
    second.owner.setFocus()
    second.owner.selectAll()
    qtbot.keyClicks(second.owner, "Bieberle")  # another owner: typed, chosen with Enter
    qtbot.waitUntil(second.owner.completer_.popup().isVisible)
    qtbot.keyClick(second.owner.completer_.popup(), Qt.Key.Key_Return)
    assert second.owner.text() == "Martin Bieberle"
    qtbot.keyClicks(second.due, "20.11.2025")
    qtbot.keyClick(second.due, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    (entry,) = new_entries(demo_services)
    assert (entry.visit_id, entry.channel.value, sorted(entry.person_ids)) == (1, "phone", [9, 10, 11])
    added = [f for f in demo_services.followups.list() if f.contact_entry_id == entry.id]
    assert [(f.title, f.owner_person_id, f.due_on, f.visit_id, f.person_id) for f in added] == [
        ("Termin Gegenbesuch abstimmen", 2, date(2025, 11, 20), 1, None),
        ("Fotos schicken", 8, date(2025, 11, 28), 1, None),
    ]


def test_a_person_nobody_knows_yet_is_created_in_place(qtbot, window, demo_services):
    dialog = window.quick_log.open()
    qtbot.waitUntil(dialog.isActiveWindow)
    picker = dialog.people.picker
    qtbot.keyClicks(picker, "Neumann")
    qtbot.keyClick(picker, Qt.Key.Key_Return)  # nobody found: only "„Neumann“ neu anlegen …"
    qtbot.keyClick(picker.popup(), Qt.Key.Key_Return)
    form = picker.dialog
    qtbot.waitUntil(form.isActiveWindow)
    assert form.last_name.text() == "Neumann"
    assert form.first_name.hasFocus()
    qtbot.keyClicks(form.first_name, "Nina")
    qtbot.keyClick(form.first_name, Qt.Key.Key_Return)
    (nina,) = demo_services.people.list("Neumann")
    assert dialog.people.ticked_ids() == [nina.id]
    qtbot.waitUntil(picker.hasFocus)  # ready for the next name
    assert not form.isVisible()


def test_several_people_one_after_another_and_del_takes_one_off(qtbot, window, demo_services):
    dialog = window.quick_log.open()
    qtbot.waitUntil(dialog.isActiveWindow)
    for typed in ("temme", "kopietz"):
        qtbot.keyClicks(dialog.people.picker, typed)
        qtbot.keyClick(dialog.people.picker, Qt.Key.Key_Return)
    assert dialog.people.ticked_ids() == [11, 10]
    dialog.people.list.setFocus()
    dialog.people.list.setCurrentRow(0)
    qtbot.keyClick(dialog.people.list, Qt.Key.Key_Delete)
    assert dialog.people.ticked_ids() == [10]
    assert dialog.people.list.count() == 1


def test_mistakes_are_shown_at_their_fields_and_nothing_is_stored(qtbot, window, demo_services):
    dialog = window.quick_log.open()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.when.setText("31.02.2025 10:00")
    qtbot.keyClicks(dialog.followups.rows[0].title, "Anrufen")
    qtbot.keyClicks(dialog.followups.rows[0].due, "31.11.2025")
    assert dialog.save() is False
    assert "Den 31.02.2025 gibt es nicht." in dialog.form.error_label("occurred_at").text()
    assert dialog.followups.rows[0].error.isVisible()
    assert dialog.when.hasFocus()
    dialog.when.setText("14.11.2025 10:00")
    dialog.followups.rows[0].due.setText("20.11.2025")
    assert dialog.save() is False  # no person, no summary: the service says so
    assert "mindestens eine Person" in dialog.form.error_label("person_ids").text()
    assert dialog.form.error_label("summary").isVisible()
    assert new_entries(demo_services) == []
    assert len(demo_services.followups.list()) == 2  # the demo's, nothing added
    assert dialog.isVisible()
    assert dialog.followups.rows[0].title.text() == "Anrufen"  # nothing typed is lost


def test_esc_asks_before_throwing_away_what_was_typed(qtbot, window, prompts):
    dialog = window.quick_log.open(person_id=11)
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.when, Qt.Key.Key_Escape)  # nothing typed yet (only filled in): closes at once
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert prompts.asked == []
    dialog = window.quick_log.open()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClicks(dialog.summary, "Halb getippt")
    prompts.choice = Choice.CANCEL
    qtbot.keyClick(dialog.summary, Qt.Key.Key_Escape)
    assert prompts.asked[-1] == ("save_discard_cancel", "Der Kontakteintrag")
    assert dialog.isVisible()
    prompts.choice = Choice.DISCARD
    qtbot.keyClick(dialog.summary, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_choosing_another_visit_offers_its_participants_and_keeps_the_ticked(qtbot, window, demo_services):
    other = demo_services.people.create(PersonInput(last_name="Gast", first_name="Greta"))
    dialog = window.quick_log.open(person_id=other.id)
    qtbot.waitUntil(dialog.isActiveWindow)
    visit = dialog.visit
    assert (visit.current_id(), visit.text(), visit.placeholderText()) == (None, "", "(kein Besuch)")
    assert dialog.people.list.count() == 1
    qtbot.keyClick(dialog, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)  # "&Besuch:"
    assert visit.hasFocus()
    qtbot.keyClick(visit, Qt.Key.Key_Down)  # the empty field lists the visits, as the combo did
    qtbot.waitUntil(visit.popup().isVisible)
    assert visit.popup().model().index(0, 0).data() == f"{BOCHUM} — 13.11.2025"
    qtbot.keyClick(visit.popup(), Qt.Key.Key_Return)
    assert (visit.current_id(), visit.text()) == (1, BOCHUM)
    assert dialog.people.list.count() == 12
    assert dialog.people.ticked_ids() == [other.id]
    assert dialog.has_input()  # a visit chosen is the user's input: Esc asks
    qtbot.keyClick(visit, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(visit, Qt.Key.Key_Backspace)  # emptied: no visit
    assert visit.current_id() is None
    assert dialog.people.list.count() == 1
    assert not dialog.has_input()
    qtbot.keyClicks(visit, "hanauer")
    qtbot.keyClick(visit, Qt.Key.Key_Return)  # the only match
    assert visit.current_id() == 1
    assert dialog.people.list.count() == 12


def test_an_emptied_visit_field_saves_no_visit(qtbot, window, demo_services):
    dialog = window.quick_log.open(visit_id=1, person_id=11)
    qtbot.waitUntil(dialog.isActiveWindow)
    assert (dialog.visit.text(), dialog.people.list.count()) == (BOCHUM, 11)  # Elke Temme takes part
    assert not dialog.has_input()  # filled in for the user
    dialog.visit.setFocus()
    qtbot.keyClick(dialog.visit, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(dialog.visit, Qt.Key.Key_Backspace)
    assert dialog.has_input()
    dialog.summary.setFocus()
    qtbot.keyClicks(dialog.summary, "Ohne Besuch")
    qtbot.keyClick(dialog.summary, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    (entry,) = new_entries(demo_services)
    assert (entry.summary, entry.visit_id, entry.person_ids) == ("Ohne Besuch", None, (11,))


def mnemonic_letters(dialog) -> list[str]:
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.buddy() is not None]
    texts += [button.text() for button in dialog.findChildren(QAbstractButton)]
    return [t[t.index("&") + 1].lower() for t in texts if "&" in t]


@pytest.mark.parametrize("language", ["de", "en"])
def test_mnemonics_are_unique_and_every_label_has_its_field(qtbot, demo_services, prompts, language):
    i18n.set_language("en")
    english = QuickLogDialog(
        demo_services, prompts, OperationRunner(demo_services, prompts), clock=lambda: NOW
    )
    qtbot.addWidget(english)
    widgets = english.findChildren(QLabel) + english.findChildren(QAbstractButton)
    texts = [w.text() for w in widgets if "&" in w.text()]
    if language == "de" and any(text not in MESSAGES for text in texts):
        pytest.skip("the German texts of the dialog are not in the catalog yet")
    i18n.set_language(language)
    dialog = QuickLogDialog(
        demo_services, prompts, OperationRunner(demo_services, prompts), clock=lambda: NOW
    )
    qtbot.addWidget(dialog)
    letters = mnemonic_letters(dialog)
    assert len(letters) >= 11  # a new person is created in a dialog of its own (test_create_in_place)
    assert len(letters) == len(set(letters)), sorted(letters)
    unbound = [
        label.text() for label in dialog.findChildren(QLabel) if "&" in label.text() and not label.buddy()
    ]
    assert unbound == []
