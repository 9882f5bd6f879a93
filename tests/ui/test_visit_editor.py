"""The visit editor as office staff use it: keyboard first, errors in place, nothing lost."""

from PySide6.QtCore import Qt

from delegation_app.services.people import PersonInput
from delegation_app.services.visits import VisitInput
from delegation_app.ui.common import session
from delegation_app.ui.common.prompts import Choice

from ui_support import open_window

TITLE = "Hanauer Delegation in Bochum: Stadt- und Smart-City-Strategie"


def type_into(qtbot, widget, text):
    widget.setFocus()
    widget.selectAll() if hasattr(widget, "selectAll") else None
    qtbot.keyClicks(widget, text)


def test_ctrl_n_creates_a_visit_from_the_keyboard(qtbot, window, demo_services):
    editor = window.visits.editor
    qtbot.keyClick(window.visits.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: editor.form.title.hasFocus())
    assert editor.visit is None
    qtbot.keyClicks(editor.form.title, "Gegenbesuch aus Bochum")
    type_into(qtbot, editor.form.start_date, "24.02.2026")
    type_into(qtbot, editor.form.start_time, "9:30")
    type_into(qtbot, editor.form.end_date, "25.02.2026")
    type_into(qtbot, editor.form.end_time, "1600")
    assert "Ungespeicherte" in editor.state.text()
    qtbot.keyClick(editor.form.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: editor.visit is not None)
    stored = demo_services.visits.get(editor.visit.id)
    assert stored.title == "Gegenbesuch aus Bochum"
    assert (stored.starts_at.isoformat(), stored.ends_at.isoformat()) == (
        "2026-02-24T09:30:00",
        "2026-02-25T16:00:00",
    )
    assert editor.state.text() == ""
    assert window.visits.model.rowCount() == 2


def test_validation_errors_appear_next_to_the_field_and_nothing_is_saved(qtbot, window, demo_services):
    editor = window.visits.editor
    window.visits.new_visit()
    type_into(qtbot, editor.form.start_date, "25.02.2026")
    type_into(qtbot, editor.form.end_date, "24.02.2026")
    assert editor.save() is False
    assert editor.form.form.error_label("title").isVisible()
    assert "muss ausgefüllt werden" in editor.form.form.error_label("title").text()
    assert "nicht vor dem Beginn" in editor.form.form.error_label("ends_at").text()
    assert editor.form.title.hasFocus()
    type_into(qtbot, editor.form.start_date, "31.02.2026")
    editor.save()
    assert "Den 31.02.2026 gibt es nicht." in editor.form.form.error_label("starts_at").text()
    assert len(demo_services.visits.list()) == 1
    assert editor.form.end_date.text() == "24.02.2026"  # nothing the user typed was touched


def test_unsaved_changes_are_asked_about(qtbot, window, demo_services, prompts):
    other = demo_services.visits.create(VisitInput(title="Gegenbesuch"))
    qtbot.waitUntil(lambda: window.visits.model.rowCount() == 2)
    editor = window.visits.editor
    type_into(qtbot, editor.form.topics, "Mobility")
    target = window.visits.model.row_of(other.id)
    prompts.choice = Choice.CANCEL
    window.visits.table.selectRow(target)
    assert prompts.asked[-1][0] == "save_discard_cancel"
    assert editor.visit.title == TITLE  # stayed
    assert editor.form.topics.text() == "Mobility"
    prompts.choice = Choice.DISCARD
    window.visits.table.selectRow(target)
    qtbot.waitUntil(lambda: editor.visit.id == other.id)
    assert "Mobility" not in (demo_services.visits.list()[0].topics or "")
    type_into(qtbot, editor.form.topics, "Wohnen")
    prompts.choice = Choice.SAVE
    window.visits.table.selectRow(window.visits.model.row_of(1))
    qtbot.waitUntil(lambda: editor.visit.id == 1)
    assert demo_services.visits.get(other.id).topics == "Wohnen"


def test_closing_the_window_with_unsaved_changes_can_be_cancelled(qtbot, window, prompts):
    type_into(qtbot, window.visits.editor.form.place, "Bochum-Mitte")
    prompts.choice = Choice.CANCEL
    window.close()
    assert window.isVisible()
    prompts.choice = Choice.DISCARD
    window.close()
    assert not window.isVisible()


def test_deleting_asks_and_names_the_consequences(qtbot, window, demo_services, prompts):
    prompts.confirm = False
    window.visits.delete_current()
    kind, (what, consequences) = prompts.asked[-1]
    assert kind == "confirm_delete"
    assert TITLE in what
    assert consequences == {
        "Zitate werden gelöscht": 8,
        "Programmpunkte werden gelöscht": 6,
        "Teilnahmen werden gelöscht": 11,
        "Kontakteinträge verlieren ihren Besuch": 1,
        "Wiedervorlagen verlieren ihren Besuch": 2,
    }
    assert len(demo_services.visits.list()) == 1
    prompts.confirm = True
    window.visits.delete_current()
    assert demo_services.visits.list() == []
    assert window.visits.model.rowCount() == 0


def test_copy_as_template_opens_the_new_visit(qtbot, window, demo_services):
    window.visits.copy_as_template()
    editor = window.visits.editor
    assert editor.visit.title.endswith("(Kopie)")
    assert editor.visit.id != 1
    assert len(demo_services.participations.list_for_visit(editor.visit.id)) == 8
    assert editor.form.title.hasFocus()


def test_logoff_keeps_a_draft_that_the_next_start_offers(qtbot, window, demo_services, db_url, prompts):
    editor = window.visits.editor
    editor.form.topics.setText("Kreisfreiheit, Smart City – Verkehr & Wohnen")  # pasted, umlauts and all
    editor.notes.setPlainText("Noch nicht gespeichert")
    assert session.keep_draft(window)  # what Qt's commitDataRequest does at logoff
    window.close()  # no question: the session manager would wait on it
    assert not window.isVisible()
    assert ("save_discard_cancel", editor.what()) not in prompts.asked
    again = open_window(qtbot, demo_services, db_url, prompts)
    assert session.offer_draft(again)
    restored = again.visits.editor
    assert restored.visit.id == 1
    assert restored.form.topics.text() == "Kreisfreiheit, Smart City – Verkehr & Wohnen"
    assert restored.notes.toPlainText() == "Noch nicht gespeichert"
    assert restored.is_dirty()
    assert session.offer_draft(again) is False  # offered once


def test_contact_log_tab_logs_an_entry_with_a_follow_up(qtbot, window, demo_services):
    tab = window.visits.editor.contacts
    window.visits.editor.tabs.setCurrentWidget(tab)
    for row in range(tab.people.count()):
        item = tab.people.item(row)
        if item.text().startswith(("Denes Kücük", "Elke Temme")):
            item.setCheckState(Qt.CheckState.Checked)
    type_into(qtbot, tab.followup, "Strategiepapier an die Stadtwerke senden")
    type_into(qtbot, tab.due, "15.12.2025")
    tab.summary.setText("Dank für den Empfang")  # typed umlauts: QTest cannot send them
    qtbot.keyClick(tab.summary, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)  # the demo's thank-you entry and this one
    (entry,) = [e for e in demo_services.contacts.list_for_visit(1) if e.summary == "Dank für den Empfang"]
    assert entry.person_names == ("Denes Kücük", "Elke Temme")
    (followup,) = [f for f in demo_services.followups.list_for_visit(1) if f.contact_entry_id == entry.id]
    assert (followup.title, followup.due_on.isoformat(), followup.contact_entry_id) == (
        "Strategiepapier an die Stadtwerke senden",
        "2025-12-15",
        entry.id,
    )


def test_contact_without_people_is_refused_in_place(qtbot, window, demo_services):
    before = demo_services.contacts.list()
    tab = window.visits.editor.contacts
    window.visits.editor.tabs.setCurrentWidget(tab)
    type_into(qtbot, tab.summary, "Anruf")
    qtbot.keyClick(tab.summary, Qt.Key.Key_Return)
    assert "mindestens eine Person" in tab.form.error_label("person_ids").text()
    assert demo_services.contacts.list() == before


def test_a_change_elsewhere_keeps_what_is_being_typed(qtbot, window, demo_services):
    editor = window.visits.editor
    editor.tabs.setCurrentWidget(editor.quotes)
    editor.quotes.new_quote()
    editor.quotes.form.text.setPlainText("„Noch nicht gespeichert“")
    editor.contacts.summary.setText("Halb getippt")
    type_into(qtbot, editor.form.place, "Bochum-Mitte")
    demo_services.people.create(PersonInput(last_name="Neu"))  # a colleague, or another tab, saves
    qtbot.wait(50)
    assert editor.quotes.form.text.toPlainText() == "„Noch nicht gespeichert“"
    assert editor.quotes.has_unsaved_changes()
    assert editor.contacts.summary.text() == "Halb getippt"
    assert editor.form.place.text() == "Bochum-Mitte"


def test_the_press_contact_is_chosen_by_typing_a_name(qtbot, window, demo_services):
    editor = window.visits.editor
    press = editor.form.press_contact
    assert press.text() == "Dominik Kuhn"  # the demo visit's press contact, by name
    assert press.accessibleName() == "Pressekontakt"
    type_into(qtbot, press, "Temme")
    assert not editor.is_dirty()  # searching is no change yet
    popup = press.completer_.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert press.text() == "Elke Temme"
    assert editor.is_dirty()
    assert editor.form.snapshot()["press_contact"] == 11
    assert editor.save()
    assert demo_services.visits.get(1).press_contact_name == "Elke Temme"
    press.clear()
    press.textEdited.emit("")  # emptied by the user: nobody
    assert editor.save()
    assert demo_services.visits.get(1).press_contact_id is None
