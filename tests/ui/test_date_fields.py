"""The one date/time field, typed into as office staff type dates, in every form that has one."""

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from delegation_app import i18n
from delegation_app.ui.common.date_fields import DateField, Kind
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.visits.quotes_tab import QuotesTab

import factories
from ui_support import open_window

CTRL = Qt.KeyboardModifier.ControlModifier
FRIDAY = datetime(2026, 2, 20, 9, 15)  # the program's clock in these tests


def retype(qtbot, field, text):
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(field, text)


@pytest.fixture
def fixed_window(qtbot, demo_services, db_url, prompts):
    return open_window(qtbot, demo_services, db_url, prompts, clock=lambda: FRIDAY)


def new_visit(qtbot, window, title="Delegation aus Lublin"):
    editor = window.visits.editor
    qtbot.keyClick(window.visits.table, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(editor.form.title.hasFocus)
    qtbot.keyClicks(editor.form.title, title)
    return editor


def test_an_impossible_day_is_said_under_the_field_when_it_is_left(qtbot, fixed_window, prompts):
    editor = new_visit(qtbot, fixed_window)
    form = editor.form
    retype(qtbot, form.start_date, "31.02.2026")
    qtbot.keyClick(form.start_date, Qt.Key.Key_Tab)
    error = form.form.error_label("starts_at")
    assert error.isVisible()
    assert error.text() == "⚠ Den 31.02.2026 gibt es nicht."
    assert form.start_date.text() == "31.02.2026"  # as typed
    assert "31.02.2026 gibt es nicht" in form.start_date.accessibleDescription()
    qtbot.keyClick(form.start_time, Qt.Key.Key_S, CTRL)  # saving is refused, the focus on the day
    assert editor.visit is None
    assert form.start_date.hasFocus()
    assert form.start_date.text() == "31.02.2026"
    assert error.isVisible()
    assert prompts.asked == []  # never a message box
    retype(qtbot, form.start_date, "28.02.2026")
    assert not error.isVisible()  # corrected: the message goes at once


def test_a_wrong_format_shows_an_example(qtbot, fixed_window):
    form = new_visit(qtbot, fixed_window).form
    retype(qtbot, form.start_date, "24/02/2026")
    qtbot.keyClick(form.start_date, Qt.Key.Key_Tab)
    assert "24.02.2026" in form.form.error_label("starts_at").text()
    retype(qtbot, form.start_time, "halb zehn")
    qtbot.keyClick(form.start_time, Qt.Key.Key_Tab)
    assert "09:30" in form.form.error_label("starts_time").text()


def test_heute_and_plus_seven_count_from_the_programs_clock(qtbot, fixed_window, demo_services):
    editor = new_visit(qtbot, fixed_window)
    retype(qtbot, editor.form.start_date, "heute")
    retype(qtbot, editor.form.start_time, "930")
    retype(qtbot, editor.form.end_date, "+7")
    retype(qtbot, editor.form.end_time, "16.00")
    qtbot.keyClick(editor.form.end_time, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: editor.visit is not None)
    stored = demo_services.visits.get(editor.visit.id)
    assert (stored.starts_at, stored.ends_at) == (datetime(2026, 2, 20, 9, 30), datetime(2026, 2, 27, 16))
    assert editor.form.start_date.text() == "20.02.2026"  # shown back as German dates are written


def test_morgen_in_a_follow_up_of_the_quick_log(qtbot, fixed_window, demo_services):
    dialog = fixed_window.quick_log.open(person_id=11)
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.when.text() == "20.02.2026 09:15"  # now, by the program's clock
    retype(qtbot, dialog.when, "gestern 1430")
    qtbot.keyClicks(dialog.summary, "Telefonat zum Programm")
    qtbot.keyClicks(dialog.followups.rows[0].title, "Programm schicken")
    retype(qtbot, dialog.followups.rows[0].due, "morgen")
    assert dialog.save()
    (entry,) = [e for e in demo_services.contacts.list() if e.summary == "Telefonat zum Programm"]
    assert entry.occurred_at == datetime(2026, 2, 19, 14, 30)
    (followup,) = [f for f in demo_services.followups.list() if f.title == "Programm schicken"]
    assert followup.due_on == date(2026, 2, 21)


def test_the_calendar_picks_a_day_by_keyboard(qtbot, fixed_window):
    form = new_visit(qtbot, fixed_window).form
    retype(qtbot, form.start_date, "24.2.26")
    qtbot.keyClick(form.start_date, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = form.start_date.popup
    qtbot.waitUntil(lambda: popup is not None and popup.isVisible())
    assert popup.calendar.selectedDate().toPython() == date(2026, 2, 24)  # opens on the typed day
    days = QApplication.focusWidget()
    assert popup.isAncestorOf(days)
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Right):  # a week later, a day later
        qtbot.keyClick(days, key)
    qtbot.keyClick(days, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert form.start_date.text() == "04.03.2026"
    assert form.start_date.hasFocus()
    # F4 opens it too, on today when nothing is typed; Esc closes it and changes nothing.
    retype(qtbot, form.end_date, "")
    qtbot.keyClick(form.end_date, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: form.end_date.popup is not None and form.end_date.popup.isVisible())
    assert form.end_date.popup.calendar.selectedDate().toPython() == date(2026, 2, 20)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not form.end_date.popup.isVisible())
    assert form.end_date.text() == ""


def test_the_calendar_button_is_at_the_end_of_every_date_field(qtbot, fixed_window):
    form = new_visit(qtbot, fixed_window).form
    for field in (form.start_date, form.end_date):
        assert field.calendar_action is not None
        assert "Kalender" in field.calendar_action.toolTip()
    assert form.start_time.calendar_action is None  # a time has no calendar
    form.start_date.calendar_action.trigger()
    qtbot.waitUntil(lambda: form.start_date.popup is not None and form.start_date.popup.isVisible())
    form.start_date.popup.calendar.clicked.emit(form.start_date.popup.calendar.selectedDate())
    assert form.start_date.text() == "20.02.2026"


def test_a_short_date_is_accepted_in_the_quote_form(qtbot, services, prompts):
    visit = factories.visit(services)
    factories.participation(services, visit.id, factories.person(services).id)
    tab = QuotesTab(services, prompts, OperationRunner(services, prompts))
    qtbot.addWidget(tab)
    tab.show()
    tab.load(services.visits.get(visit.id))
    tab.new_quote()
    qtbot.keyClicks(tab.form.speaker, "Denes")
    qtbot.keyClick(tab.form.speaker, Qt.Key.Key_Return)  # the only match
    tab.form.text.setFocus()
    qtbot.keyClicks(tab.form.text, "Willkommen in Bochum.")
    retype(qtbot, tab.form.said_on, "25.2.26")
    assert tab.save()
    (quote,) = services.quotes.list_for_visit(visit.id)
    assert quote.said_on == date(2026, 2, 25)
    assert prompts.asked == []


def test_german_ui_lists_german_dates_and_times(qtbot, fixed_window, demo_services):
    editor = fixed_window.visits.editor
    assert editor.visit is not None  # the demo visit, which has participants
    contacts = editor.contacts
    retype(qtbot, contacts.when, "24.2.26 1430")
    contacts.people.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(contacts.summary, "Vorgespraech")
    qtbot.keyClick(contacts.summary, Qt.Key.Key_Return)
    shown = lambda: [contacts.model.index(r, 0).data() for r in range(contacts.model.rowCount())]  # noqa: E731
    qtbot.waitUntil(lambda: "24.02.2026, 14:30 Uhr" in shown())
    assert any(e.occurred_at == datetime(2026, 2, 24, 14, 30) for e in demo_services.contacts.list())
    editor_new = new_visit(qtbot, fixed_window)
    retype(qtbot, editor_new.form.start_date, "24.2.26")
    qtbot.keyClick(editor_new.form.start_date, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: editor_new.visit is not None)
    model = fixed_window.visits.model
    row = model.row_of(editor_new.visit.id)
    assert "24.02.2026" in [model.index(row, c).data() for c in range(model.columnCount())]


def test_english_ui_lists_english_dates(qtbot, demo_services, db_url, prompts):
    i18n.set_language("en")
    window = open_window(qtbot, demo_services, db_url, prompts, clock=lambda: FRIDAY)
    editor = new_visit(qtbot, window, "Delegation from Lublin")
    assert editor.form.start_date.placeholderText() == "DD.MM.YYYY"  # a hint, not a date
    assert "today, tomorrow, +7" in editor.form.start_date.toolTip()
    retype(qtbot, editor.form.start_date, "24 Feb 2026")
    retype(qtbot, editor.form.end_date, "2026-02-25")
    qtbot.keyClick(editor.form.end_date, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: editor.visit is not None)
    model = window.visits.model
    row = model.row_of(editor.visit.id)
    assert "24 Feb 2026 – 25 Feb 2026" in [model.index(row, c).data() for c in range(model.columnCount())]
    assert editor.form.end_date.text() == "25 Feb 2026"
    retype(qtbot, editor.form.start_date, "31 Feb 2026")
    qtbot.keyClick(editor.form.start_date, Qt.Key.Key_Tab)
    assert editor.form.form.error_label("starts_at").text() == "⚠ There is no 31 Feb 2026."


def test_one_field_for_every_date_in_the_forms(qtbot, fixed_window):
    """Visit, contact entries (and their follow-up), quick log and its follow-ups: the same field."""
    editor = fixed_window.visits.editor
    fields = [editor.form.start_date, editor.form.end_date, editor.quotes.form.said_on, editor.contacts.due]
    assert all(isinstance(f, DateField) and f.kind is Kind.DATE for f in fields)
    assert editor.contacts.when.kind is Kind.DATE_TIME
    assert {editor.form.start_time.kind, editor.form.end_time.kind} == {Kind.TIME}
    dialog = fixed_window.quick_log.open()
    assert dialog.when.kind is Kind.DATE_TIME
    assert dialog.followups.rows[0].due.kind is Kind.DATE
    dialog.reject()
