"""The Follow-ups view: open items by due date, overdue ones said in words, filters, marking done."""

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel

from delegation_app import i18n
from delegation_app.services.followups import FollowUpInput
from delegation_app.storage.settings import load_settings
from delegation_app.ui.followups.followup_table_model import DUE, STATE, TITLE, VISIT

from i18n_scan import german_messages
from ui_support import open_window

MESSAGES = german_messages()  # source text → German, as the catalogue has it

TODAY = datetime(2025, 12, 15, 9, 0)  # the demo's strategy paper is due today
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def services(demo_services):
    s = demo_services
    s.followups.create(FollowUpInput("Protokoll verschicken", owner_person_id=8, due_on=date(2025, 12, 1),
                                     visit_id=1))  # fmt: skip
    s.followups.create(FollowUpInput("Gegenbesuch planen", owner_person_id=2, due_on=date(2026, 1, 20)))
    s.followups.create(FollowUpInput("Irgendwann: Fotos sortieren"))
    return s


@pytest.fixture
def window(qtbot, services, db_url, prompts):
    return open_window(qtbot, services, db_url, prompts, clock=lambda: TODAY)


def shown(qtbot, window):
    view = window.followups
    qtbot.keyClick(window.visits.table, Qt.Key.Key_4, CTRL)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is view)
    return view


def column(view, col):
    return [view.model.index(r, col).data() for r in range(view.model.rowCount())]


def test_open_ones_by_due_date_overdue_and_due_today_said_in_words(qtbot, window, services):
    view = shown(qtbot, window)
    assert column(view, TITLE) == [
        "Protokoll verschicken",
        "Hanauer Smart-City-Strategiepapier an die Stadtwerke Bochum senden",
        "Gegenbesuch planen",
        "Irgendwann: Fotos sortieren",  # no date: last
    ]
    assert column(view, DUE) == ["01.12.2025", "15.12.2025", "20.01.2026", ""]
    assert column(view, STATE) == ["⚠ überfällig", "⚠ heute fällig", "offen", "offen"]
    colours = [view.model.index(r, STATE).data(Qt.ItemDataRole.ForegroundRole) for r in range(4)]
    assert [colour is not None for colour in colours] == [True, False, False, False]  # repeats the words
    assert column(view, VISIT)[:2] == ["Hanauer Delegation in Bochum: Stadt- und Smart-City-Strategie"] * 2
    view.show_done.setChecked(True)
    assert column(view, STATE)[-1] == "erledigt am 17.11.2025"


def test_space_marks_done_and_ctrl_z_undoes(qtbot, window, services):
    view = shown(qtbot, window)
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(0, TITLE))
    qtbot.keyClick(view.table, Qt.Key.Key_Space)
    assert services.followups.get(3).done_on == date(2025, 12, 15)  # today, from the window's clock
    assert "Protokoll verschicken" not in column(view, TITLE)
    assert view.current_followup().title.startswith("Hanauer Smart-City")  # the next one, ready
    assert "als erledigt markiert" in view.status.text()
    qtbot.keyClick(view.table, Qt.Key.Key_D, CTRL)  # Ctrl+D does the same
    assert services.followups.get(2).done_on == date(2025, 12, 15)
    qtbot.keyClick(view.table, Qt.Key.Key_Z, CTRL)  # undo the last mark …
    assert services.followups.get(2).done_on is None
    assert view.current_followup().id == 2
    qtbot.keyClick(view.table, Qt.Key.Key_Z, CTRL)  # … and the one before
    assert services.followups.get(3).done_on is None
    assert column(view, TITLE)[0] == "Protokoll verschicken"
    assert "Rückgängig" in view.status.text()
    assert not view.undo_button.isEnabled()


def test_space_on_a_done_one_opens_it_again(qtbot, window, services):
    view = shown(qtbot, window)
    view.show_done.setChecked(True)
    done_row = column(view, TITLE).index("Dankschreiben an Stadtdirektor Kopietz")
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(done_row, TITLE))
    qtbot.keyClick(view.table, Qt.Key.Key_Space)
    assert services.followups.get(1).done_on is None
    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    assert services.followups.get(1).done_on == date(2025, 11, 17)  # its own day again, not today


def test_mine_are_the_ones_owned_by_my_person_record_from_the_preferences(qtbot, window, services):
    view = shown(qtbot, window)
    view.filters.set_mine(True)
    assert view.model.rowCount() == 0
    assert view.hint.isVisible()
    assert "Einstellungen" in view.hint.text()
    window.show_preferences()
    dialog = window.preferences
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.own_person.currentData() is None
    dialog.own_person.setFocus()
    qtbot.keyClicks(dialog.own_person, "Dominik Kuhn")
    qtbot.keyClick(dialog.own_person, Qt.Key.Key_Return)  # exactly his name: chosen
    assert (dialog.own_person.text(), dialog.own_person.current_id()) == ("Dominik Kuhn", 8)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert load_settings().own_person_id == 8
    assert load_settings().language == "de"  # the other preference kept
    assert not view.hint.isVisible()
    assert column(view, TITLE) == ["Protokoll verschicken"]
    view.filters.set_mine(False)
    assert view.model.rowCount() == 4


def test_filters_by_visit_and_by_person(qtbot, window, services):
    view = shown(qtbot, window)
    visit = view.filters.visit
    visit.setFocus()
    qtbot.keyClicks(visit, "smart city")  # title words, typed: the only match is chosen with Enter
    qtbot.keyClick(visit, Qt.Key.Key_Return)
    assert visit.text() == "Hanauer Delegation in Bochum: Stadt- und Smart-City-Strategie"
    assert column(view, TITLE) == [
        "Protokoll verschicken",
        "Hanauer Smart-City-Strategiepapier an die Stadtwerke Bochum senden",
    ]
    qtbot.keyClick(visit, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(visit, Qt.Key.Key_Backspace)  # emptied: all visits again
    assert len(column(view, TITLE)) == 4
    person = view.filters.person
    person.setFocus()
    qtbot.keyClicks(person, "Temme")  # typed, then chosen from the matches with Enter
    popup = person.completer_.popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.currentIndex().data().startswith("Elke Temme")
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert person.text() == "Elke Temme"
    assert column(view, TITLE) == ["Hanauer Smart-City-Strategiepapier an die Stadtwerke Bochum senden"]
    qtbot.keyClicks(person, "x")  # typed but not chosen: leaving the field keeps the choice
    view.table.setFocus()
    assert person.text() == "Elke Temme"
    person.clear()  # emptied: everybody again
    person.textEdited.emit("")
    assert len(column(view, TITLE)) == 4
    person.set_current(11)
    view.show_all_open()
    assert person.text() == ""
    assert view.model.rowCount() == 4


def test_the_view_follows_changes_made_elsewhere(qtbot, window, services):
    view = shown(qtbot, window)
    services.followups.create(FollowUpInput("Neu von nebenan", due_on=date(2025, 12, 10)))
    qtbot.waitUntil(lambda: "Neu von nebenan" in column(view, TITLE))
    assert column(view, TITLE).index("Neu von nebenan") == 1  # in due-date order


def test_a_follow_up_changed_elsewhere_is_explained_not_a_crash(qtbot, window, services):
    view = shown(qtbot, window)
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(0, TITLE))
    stale = view.current_followup()
    services.followups.mark_done(stale.id, stale.version, on=date(2025, 12, 14))
    view.model.set_followups([stale, *[view.model.followup_at(r) for r in range(1, view.model.rowCount())]])
    view.table.setCurrentIndex(view.model.index(0, TITLE))
    qtbot.keyClick(view.table, Qt.Key.Key_Space)
    assert view.status.text().startswith("⚠")
    assert services.followups.get(stale.id).done_on == date(2025, 12, 14)


def mnemonic_texts(window) -> list[str]:
    view = window.followups
    texts = [label.text() for label in view.findChildren(QLabel) if label.buddy() is not None]
    texts += [button.text() for button in view.findChildren(QAbstractButton)]
    texts += [action.text() for action in window.menuBar().actions()]  # Alt+D, Alt+B … open menus
    return [text for text in texts if "&" in text]


@pytest.mark.parametrize("language", ["de", "en"])
def test_mnemonics_are_unique_with_the_menus(qtbot, services, db_url, prompts, language):
    i18n.set_language("en")
    english = open_window(qtbot, services, db_url, prompts, clock=lambda: TODAY)
    if language == "de" and any(text not in MESSAGES for text in mnemonic_texts(english)):
        pytest.skip("the German texts of the view are not in the catalog yet")
    english.close()
    i18n.set_language(language)
    window = open_window(qtbot, services, db_url, prompts, clock=lambda: TODAY)
    window.show_view(3)
    letters = [text[text.index("&") + 1].lower() for text in mnemonic_texts(window)]
    assert len(letters) >= 10
    assert len(letters) == len(set(letters)), sorted(mnemonic_texts(window))


def test_preferences_opened_from_the_briefing_apply_like_those_from_the_menu(qtbot, window, services):
    """The briefing dialog opens the same preferences at the profile page: "My person record"
    chosen there counts at once too, and a person not there yet can be created in place."""
    view = shown(qtbot, window)
    view.filters.set_mine(True)
    assert view.hint.isVisible()
    saved = []
    window.edit_profile(window, lambda: saved.append(True))
    dialog = window.preferences
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.pages.currentWidget() is dialog.profile_page
    dialog.pages.setCurrentIndex(0)
    dialog.own_person.setFocus()
    qtbot.keyClicks(dialog.own_person, "Nowak")
    dialog.own_person.search_now(show=False)
    matches = dialog.own_person.matches
    assert any("neu anlegen" in matches.index(r, 0).data() for r in range(matches.rowCount()))
    dialog.own_person.clear()
    qtbot.keyClicks(dialog.own_person, "Dominik Kuhn")
    qtbot.keyClick(dialog.own_person, Qt.Key.Key_Return)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert saved == [True]
    assert load_settings().own_person_id == 8
    assert not view.hint.isVisible()
    assert column(view, TITLE) == ["Protokoll verschicken"]
