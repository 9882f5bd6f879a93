"""A preference saved in the dialog is what the program uses next, without a restart: the
follow-ups view's "mine" and the quick log's default owner both ask the one settings store."""

from datetime import date, datetime

from PySide6.QtCore import Qt

from delegation_app.services.followups import FollowUpInput
from delegation_app.storage.settings import load_settings
from delegation_app.ui.followups.followup_table_model import TITLE

from ui_support import open_window

KUHN = 8  # Dominik Kuhn, press contact of the City of Hanau in the demo data
CTRL = Qt.KeyboardModifier.ControlModifier


def titles(view) -> list[str]:
    return [view.model.index(row, TITLE).data() for row in range(view.model.rowCount())]


def test_my_person_record_reaches_mine_and_the_quick_log_without_a_restart(
    qtbot, demo_services, db_url, prompts
):
    demo_services.followups.create(FollowUpInput("Pressemitteilung abstimmen", owner_person_id=KUHN,
                                                 due_on=date(2025, 12, 20)))  # fmt: skip
    demo_services.followups.create(FollowUpInput("Gegenbesuch planen", owner_person_id=2))
    window = open_window(qtbot, demo_services, db_url, prompts, clock=lambda: datetime(2025, 12, 15, 9))
    qtbot.keyClick(window.visits.table, Qt.Key.Key_4, CTRL)  # the follow-ups, built before the change
    view = window.followups
    qtbot.waitUntil(lambda: window.stack.currentWidget() is view)
    view.filters.set_mine(True)
    assert titles(view) == []  # nobody is "me" yet
    before = window.quick_log.open()
    assert before.followups.rows[0].owner.current_id() is None
    before.reject()

    window.show_preferences()
    dialog = window.preferences
    qtbot.waitUntil(dialog.isVisible)
    dialog.own_person.setFocus()
    qtbot.keyClicks(dialog.own_person, "kuhn")
    qtbot.keyClick(dialog.own_person, Qt.Key.Key_Return)  # the only match
    assert dialog.own_person.current_id() == KUHN
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible()

    assert titles(view) == ["Pressemitteilung abstimmen"]  # his only: "mine" now means him
    assert not view.hint.isVisible()
    after = window.quick_log.open()
    qtbot.waitUntil(after.isVisible)
    assert after.followups.rows[0].owner.current_id() == KUHN  # a new follow-up is "mine" by default
    after.reject()
    assert load_settings().own_person_id == KUHN  # and the next start knows it too
