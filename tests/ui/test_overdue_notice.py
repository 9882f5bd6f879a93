"""The notice at start about overdue follow-ups, and the whole after-the-visit round trip."""

from datetime import date, datetime

from PySide6.QtCore import Qt

from delegation_app.services.followups import FollowUpInput
from delegation_app.ui.followups.followup_table_model import DUE, STATE, TITLE

from ui_support import open_window

CTRL = Qt.KeyboardModifier.ControlModifier


def test_overdue_and_due_today_are_counted_and_a_click_opens_the_view(qtbot, demo_services, db_url, prompts):
    demo_services.followups.create(FollowUpInput("Protokoll verschicken", due_on=date(2025, 12, 1)))
    demo_services.followups.create(FollowUpInput("Rückruf Stadtwerke", due_on=date(2025, 12, 16)))
    window = open_window(qtbot, demo_services, db_url, prompts, clock=lambda: datetime(2025, 12, 16, 8, 0))
    notice = window.overdue_notice
    qtbot.waitUntil(notice.isVisible)
    assert notice.text.text() == "⚠ 2 Wiedervorlagen sind überfällig, 1 Wiedervorlage ist heute fällig."
    assert window.stack.currentWidget() is window.visits  # non-modal: the window is usable as it is
    window.followups.filters.set_visit(1)  # a filter left from before …
    qtbot.mouseClick(notice.open_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.followups
    assert window.navigation.currentRow() == 3
    view = window.followups
    assert view.model.rowCount() == 3  # … is reset: everything open is listed
    assert view.filters.visit.text() == ""
    assert view.table.hasFocus()
    qtbot.waitUntil(lambda: not notice.isVisible())


def test_no_notice_when_nothing_is_due(qtbot, demo_services, db_url, prompts):
    window = open_window(qtbot, demo_services, db_url, prompts, clock=lambda: datetime(2025, 12, 1, 8, 0))
    assert not window.overdue_notice.isVisible()  # the strategy paper is due on 15.12.2025


def test_the_notice_goes_when_the_last_one_is_done_and_can_be_hidden(qtbot, demo_services, db_url, prompts):
    window = open_window(qtbot, demo_services, db_url, prompts, clock=lambda: datetime(2025, 12, 15, 8, 0))
    notice = window.overdue_notice
    assert notice.text.text() == "⚠ 1 Wiedervorlage ist heute fällig."
    paper = demo_services.followups.get(2)
    demo_services.followups.mark_done(paper.id, paper.version, on=date(2025, 12, 15))
    qtbot.waitUntil(lambda: not notice.isVisible())
    again = open_window(qtbot, demo_services, db_url, prompts, clock=lambda: datetime(2026, 1, 5, 8, 0))
    assert not again.overdue_notice.isVisible()
    demo_services.followups.reopen(paper.id, demo_services.followups.get(2).version)
    third = open_window(qtbot, demo_services, db_url, prompts, clock=lambda: datetime(2026, 1, 5, 8, 0))
    qtbot.waitUntil(third.overdue_notice.isVisible)
    qtbot.mouseClick(third.overdue_notice.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not third.overdue_notice.isVisible())
    assert third.stack.currentWidget() is third.visits


def test_after_the_visit_log_follow_ups_mark_undo_and_restart(qtbot, demo_services, db_url, prompts):
    """The issue's round trip: a contact for three people from the visit with two follow-ups, the
    follow-ups in due-date order, one marked done and undone, the notice at a later start."""
    logging_day = datetime(2025, 11, 14, 10, 0)
    window = open_window(qtbot, demo_services, db_url, prompts, clock=lambda: logging_day)
    assert not window.overdue_notice.isVisible()
    window.visits.table.setFocus()
    qtbot.keyClick(window.visits.table, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: window.quick_log.dialog is not None and window.quick_log.dialog.isVisible())
    dialog = window.quick_log.dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.people.tick([9, 10, 11])  # Kücük, Kopietz, Temme, from the visit's participants
    dialog.summary.setPlainText("Nachgespräch zur Smart-City-Strategie")
    (first,) = dialog.followups.rows
    qtbot.keyClicks(first.title, "Protokoll an die Gastgeber")
    qtbot.keyClicks(first.due, "28.11.2025")
    dialog.followups.add_row()
    second = dialog.followups.rows[1]
    qtbot.keyClicks(second.title, "Termine fuer den Gegenbesuch")
    qtbot.keyClicks(second.due, "21.11.2025")
    qtbot.keyClick(second.due, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.activateWindow()  # what the window manager does when the dialog closes
    qtbot.waitUntil(window.isActiveWindow)
    entry = demo_services.contacts.list()[0]
    assert (entry.visit_id, sorted(entry.person_ids)) == (1, [9, 10, 11])

    qtbot.keyClick(window.visits.table, Qt.Key.Key_4, CTRL)
    view = window.followups
    qtbot.waitUntil(lambda: window.stack.currentWidget() is view)
    titles = [view.model.index(r, TITLE).data() for r in range(view.model.rowCount())]
    assert titles == [
        "Termine fuer den Gegenbesuch",
        "Protokoll an die Gastgeber",
        "Hanauer Smart-City-Strategiepapier an die Stadtwerke Bochum senden",
    ]
    assert [view.model.index(r, DUE).data() for r in range(3)] == ["21.11.2025", "28.11.2025", "15.12.2025"]
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(0, TITLE))
    qtbot.keyClick(view.table, Qt.Key.Key_Space)
    assert view.model.rowCount() == 2
    marked = next(f for f in demo_services.followups.list() if f.title == "Termine fuer den Gegenbesuch")
    assert marked.done_on == date(2025, 11, 14)
    qtbot.keyClick(view.table, Qt.Key.Key_Z, CTRL)
    assert view.model.rowCount() == 3
    assert demo_services.followups.get(marked.id).done_on is None
    window.close()

    later = datetime(2025, 12, 1, 8, 0)  # after two due dates; "restart" the program
    again = open_window(qtbot, demo_services, db_url, prompts, clock=lambda: later)
    qtbot.waitUntil(again.overdue_notice.isVisible)
    assert again.overdue_notice.text.text() == "⚠ 2 Wiedervorlagen sind überfällig."
    qtbot.mouseClick(again.overdue_notice.open_button, Qt.MouseButton.LeftButton)
    assert again.stack.currentWidget() is again.followups
    states = [again.followups.model.index(r, STATE).data() for r in range(3)]
    assert states == ["⚠ überfällig", "⚠ überfällig", "offen"]


def test_large_counts_are_grouped_as_in_german_and_english():
    from delegation_app import i18n
    from delegation_app.ui.shell.overdue_notice import notice_text

    expected = "17.413 Wiedervorlagen sind überfällig, 7 Wiedervorlagen sind heute fällig."
    assert notice_text(17413, 7) == expected
    i18n.set_language("en")
    assert notice_text(17413, 0) == "17,413 follow-ups are overdue."
