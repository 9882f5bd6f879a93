"""A follow-up opened from the list with Enter, corrected, saved with Ctrl+S, its history seen;
deleted with Del into the recycle bin and restored from there — all from the keyboard."""

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from delegation_app import i18n
from delegation_app.services.followups import FollowUpInput
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.prompts import Choice
from delegation_app.ui.followups.followup_dialog import FollowUpDialog
from delegation_app.ui.followups.followup_table_model import DUE, OWNER, TITLE

from ui_support import open_window

TODAY = datetime(2025, 12, 15, 9, 0)
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def services(demo_services):
    demo_services.followups.create(
        FollowUpInput("Protokoll verschicken", owner_person_id=8, due_on=date(2025, 12, 1), visit_id=1)
    )
    return demo_services


@pytest.fixture
def window(qtbot, services, db_url, prompts):
    return open_window(qtbot, services, db_url, prompts, clock=lambda: TODAY)


def shown(qtbot, window):
    view = window.followups
    qtbot.keyClick(window.visits.table, Qt.Key.Key_4, CTRL)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is view)
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(0, TITLE))
    qtbot.waitUntil(view.table.hasFocus)
    return view


def column(view, col):
    return [view.model.index(r, col).data() for r in range(view.model.rowCount())]


def focused():
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def opened(qtbot, view):
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible())
    dialog = view.dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_enter_opens_the_follow_up_and_ctrl_s_saves_owner_and_due_date(qtbot, window, services):
    view = shown(qtbot, window)
    assert view.current_followup().title == "Protokoll verschicken"
    dialog = opened(qtbot, view)
    assert dialog.row.title.hasFocus()
    assert (dialog.row.title.text(), dialog.row.owner.text(), dialog.row.due.text()) == (
        "Protokoll verschicken", "Dominik Kuhn", "01.12.2025",
    )  # fmt: skip
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert dialog.row.owner.hasFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(focused(), "Temme")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # the one match is chosen
    assert dialog.row.owner.text() == "Elke Temme"
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert dialog.row.due.hasFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(focused(), "19.12.2025")
    qtbot.keyClick(focused(), Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    stored = services.followups.get(3)
    assert (stored.owner_name, stored.due_on) == ("Elke Temme", date(2025, 12, 19))
    row = column(view, TITLE).index("Protokoll verschicken")
    assert (column(view, DUE)[row], column(view, OWNER)[row]) == ("19.12.2025", "Elke Temme")
    assert view.current_followup().id == 3
    assert "gespeichert" in view.status.text()
    assert window.focusWidget() is view.table  # back in the list, ready for the next key
    window.activateWindow()  # as the desktop does when a dialog closes (offscreen Qt does not)
    qtbot.waitUntil(view.table.hasFocus)

    qtbot.keyClick(view.table, Qt.Key.Key_H, CTRL)  # Edit → Change history
    history = view.history
    qtbot.waitUntil(lambda: history is not None and history.isVisible())
    texts = [label.text() for label in history.findChildren(QLabel)]
    assert "Die Wiedervorlage „Protokoll verschicken“: Änderungen, neueste zuerst" in texts
    newest = history.model.entry_at(0)
    assert newest.action == "update"
    fields = {history.model.label_of(f.field): (f.old_text, f.new_text) for f in newest.fields}
    assert fields == {"Zuständig": ("Dominik Kuhn", "Elke Temme"), "Fällig am": ("01.12.2025", "19.12.2025")}
    history.close()


def test_a_date_that_cannot_be_read_is_said_under_the_field_and_kept(qtbot, window, services):
    view = shown(qtbot, window)
    dialog = opened(qtbot, view)
    dialog.row.due.setFocus()
    dialog.row.due.selectAll()
    qtbot.keyClicks(dialog.row.due, "Freitag")
    qtbot.keyClick(focused(), Qt.Key.Key_S, CTRL)
    assert dialog.isVisible()
    assert dialog.row.error.isVisible()
    assert dialog.row.due.text() == "Freitag"
    assert services.followups.get(3).due_on == date(2025, 12, 1)


def test_esc_asks_only_when_something_was_changed(qtbot, window, services, prompts):
    view = shown(qtbot, window)
    dialog = opened(qtbot, view)
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert prompts.messages("save_discard_cancel") == []
    dialog = opened(qtbot, view)
    qtbot.keyClicks(dialog.row.title, " bis Freitag")
    prompts.choice = Choice.CANCEL
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert dialog.isVisible()  # stays, with the text
    assert prompts.messages("save_discard_cancel") == ["Die Wiedervorlage „Protokoll verschicken“"]
    prompts.choice = Choice.DISCARD
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert services.followups.get(3).title == "Protokoll verschicken"


def test_del_puts_it_in_the_recycle_bin_and_it_comes_back(qtbot, window, services, prompts):
    view = shown(qtbot, window)
    prompts.confirm = True
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)

    ((question, _consequences),) = prompts.messages("confirm_delete")
    assert question == "Möchten Sie die Wiedervorlage „Protokoll verschicken“ löschen?"
    assert prompts.recyclable
    assert "Protokoll verschicken" not in column(view, TITLE)
    assert "Papierkorb" in view.status.text()
    window.show_recycle_bin()
    bin_dialog = window.recycle_bin
    qtbot.waitUntil(bin_dialog.isVisible)
    entry = bin_dialog.selected()
    assert (entry.kind, entry.title) == ("follow_up", "Protokoll verschicken")
    assert bin_dialog.model.index(0, 1).data() == "Wiedervorlage"
    qtbot.mouseClick(bin_dialog.restore_button, Qt.MouseButton.LeftButton)
    assert bin_dialog.notice.text() == "„Protokoll verschicken“ ist wiederhergestellt."
    qtbot.waitUntil(lambda: "Protokoll verschicken" in column(view, TITLE))
    back = next(f for f in services.followups.list() if f.title == "Protokoll verschicken")
    assert (back.owner_person_id, back.visit_id, back.due_on) == (8, 1, date(2025, 12, 1))


def test_the_dialog_deletes_too_after_asking(qtbot, window, services, prompts):
    view = shown(qtbot, window)
    dialog = opened(qtbot, view)
    prompts.confirm = False
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert services.followups.get(3).title == "Protokoll verschicken"
    prompts.confirm = True
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert "Protokoll verschicken" not in column(view, TITLE)
    assert [e.title for e in services.recycle_bin.list()] == ["Protokoll verschicken"]


def test_a_follow_up_changed_meanwhile_goes_through_the_conflict_flow(qtbot, window, services, prompts):
    view = shown(qtbot, window)
    dialog = opened(qtbot, view)
    stale = services.followups.get(3)
    services.followups.mark_done(stale.id, stale.version, date(2025, 12, 14))  # someone else, meanwhile
    dialog.row.title.selectAll()
    qtbot.keyClicks(dialog.row.title, "Protokoll per Post")
    qtbot.keyClick(focused(), Qt.Key.Key_S, CTRL)
    ((what, _details, labels),) = prompts.conflicts
    assert what == "Die Wiedervorlage „Protokoll verschicken“"
    assert set(labels.values()) >= {"Wiedervorlage", "Erledigt am"}
    assert dialog.isVisible()  # cancelled: the typing stays
    assert dialog.row.title.text() == "Protokoll per Post"


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_dialog_has_a_letter_for_every_field_and_button(qtbot, services, prompts, language):
    i18n.set_language(language)
    runner = OperationRunner(services, prompts)
    dialog = FollowUpDialog(services, prompts, runner, services.followups.get(3))
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.buddy() is not None]
    texts += [button.text() for button in dialog.findChildren(QAbstractButton) if button.isVisibleTo(dialog)]
    letters = [text[text.index("&") + 1].lower() for text in texts if "&" in text]
    assert len(letters) == 8  # title, owner, due, visit, concerns, notes; save, delete
    assert len(letters) == len(set(letters)), sorted(texts)
