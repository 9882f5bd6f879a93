"""The same keys in every editor and list (issue 12 items 5 and 7, issue 20): Ctrl+S saves the
editor shown, Esc cancels, Ctrl+Tab / Ctrl+PgDown switch the editor's tabs from anywhere in the
view, Down/Return go from a search into its list, Return opens a row, Del deletes it; the
toolbar's Save follows the view. Driven with key presses, as a user would."""

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QListWidget, QMessageBox

from delegation_app import i18n
from delegation_app.ui.common.prompts import Choice, Prompts
from delegation_app.ui.visits.agenda_table_model import END, START, TITLE

from ui_support import FakePrompts, open_window

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier
PEOPLE, ORGANISATIONS, FOLLOWUPS = 1, 2, 3


def focused():
    return QApplication.focusWidget()


def open_record_view(qtbot, window, index):
    window.show_view(index)
    view = window.view_at(index)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Home)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)  # Return opens the row: focus in its first field
    qtbot.waitUntil(lambda: focused() is view.editor.first_input)
    return view


def retype(qtbot, field: QLineEdit, text: str) -> None:
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(field, text)


# --- Ctrl+S and the toolbar ---------------------------------------------------------------------
def test_ctrl_s_saves_the_person_being_edited(qtbot, window, demo_services):
    view = open_record_view(qtbot, window, PEOPLE)
    editor = view.editor
    person_id = editor.record_id
    retype(qtbot, editor.function, "Stadtdirektorin")
    qtbot.keyClick(editor.function, Qt.Key.Key_S, CTRL)
    assert demo_services.people.get(person_id).function == "Stadtdirektorin"
    assert not editor.is_dirty()
    assert window.visits.editor.save_button.isEnabled()  # the visit editor was not asked


def test_ctrl_s_saves_the_organisation_being_edited(qtbot, window, demo_services):
    view = open_record_view(qtbot, window, ORGANISATIONS)
    editor = view.editor
    retype(qtbot, editor.city, "Lublin")
    qtbot.keyClick(editor.city, Qt.Key.Key_S, CTRL)
    assert demo_services.organisations.get(editor.record_id).city == "Lublin"
    assert editor.state.text() == ""


def test_ctrl_s_from_the_list_saves_the_form_beside_it(qtbot, window, demo_services):
    view = open_record_view(qtbot, window, PEOPLE)
    retype(qtbot, view.editor.function, "Dezernentin")
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_S, CTRL)
    assert demo_services.people.get(view.editor.record_id).function == "Dezernentin"


def test_the_toolbar_save_follows_the_view(qtbot, window):
    expected = [
        (0, "Besuch &speichern"),
        (PEOPLE, "Person &speichern"),
        (ORGANISATIONS, "Organisation &speichern"),
    ]
    for index, text in expected:
        window.show_view(index)
        assert (window.save_action.text(), window.save_action.isEnabled()) == (text, True)
    window.show_view(FOLLOWUPS)  # nothing to save there: greyed out, naming no other view's record
    assert (window.save_action.text(), window.save_action.isEnabled()) == ("&Speichern", False)


# --- Esc and the unsaved-changes question --------------------------------------------------------
def test_esc_in_the_person_form_asks_and_takes_the_change_back(qtbot, window, prompts, demo_services):
    view = open_record_view(qtbot, window, PEOPLE)
    editor = view.editor
    before = editor.function.text()
    retype(qtbot, editor.function, "Irrtum")
    prompts.choice = Choice.DISCARD
    qtbot.keyClick(editor.function, Qt.Key.Key_Escape)
    assert prompts.messages("save_discard_cancel") == [editor.what()]
    assert editor.function.text() == before
    assert focused() is view.table  # back in the list


def test_esc_keep_editing_leaves_the_text_and_the_focus(qtbot, window, prompts):
    view = open_record_view(qtbot, window, ORGANISATIONS)
    retype(qtbot, view.editor.city, "Lubli")
    prompts.choice = Choice.CANCEL
    qtbot.keyClick(view.editor.city, Qt.Key.Key_Escape)
    assert view.editor.city.text() == "Lubli"
    assert focused() is view.editor.city


class BoxPrompts(FakePrompts):
    """The real unsaved-changes box; remembers its buttons and clicks ``self.click``."""

    save_discard_cancel = Prompts.save_discard_cancel

    def __init__(self, click: str) -> None:
        super().__init__()
        self.click, self.buttons = click, []

    def answer(self, box: QMessageBox):
        buttons = {b.text(): b for b in box.buttons()}
        self.buttons = list(buttons)
        self.default, self.escape = box.defaultButton().text(), box.escapeButton().text()
        return buttons.get(self.click)


@pytest.mark.parametrize(
    ("lang", "buttons"),
    [
        ("de", ["Änderungen speichern", "Änderungen verwerfen", "Weiter bearbeiten"]),
        ("en", ["Save changes", "Discard changes", "Keep editing"]),
    ],
)
def test_the_unsaved_changes_buttons_say_what_they_do(qtbot, lang, buttons):
    """The editor's Cancel asks; the answer to keep the changes is not a second "Cancel"."""
    i18n.set_language(lang)
    for text, choice in zip(buttons, (Choice.SAVE, Choice.DISCARD, Choice.CANCEL), strict=True):
        prompts = BoxPrompts(text)
        assert prompts.save_discard_cancel(None, "Die Person „Anna Schmidt“") is choice
        assert sorted(prompts.buttons) == sorted(buttons)
        assert (prompts.default, prompts.escape) == (buttons[0], buttons[2])


# --- editor tabs ---------------------------------------------------------------------------------
def test_ctrl_pgdown_switches_visit_tabs_from_the_agenda_table(qtbot, window):
    editor = window.visits.editor
    editor.tabs.setCurrentWidget(editor.agenda)
    editor.agenda.table.setFocus()
    qtbot.keyClick(editor.agenda.table, Qt.Key.Key_PageDown, CTRL)
    assert editor.tabs.currentWidget() is editor.participants
    qtbot.keyClick(focused(), Qt.Key.Key_PageUp, CTRL)
    qtbot.keyClick(focused(), Qt.Key.Key_PageUp, CTRL)
    assert editor.tabs.currentIndex() == 0


def test_ctrl_tab_leaves_the_contact_entries_table(qtbot, window):
    """Issue 20: in Kontakte, Ctrl+Tab moved to the next cell only."""
    editor = window.visits.editor
    editor.tabs.setCurrentWidget(editor.contacts)
    editor.contacts.table.setFocus()
    qtbot.keyClick(editor.contacts.table, Qt.Key.Key_Tab, CTRL)
    assert editor.tabs.currentWidget() is editor.notes_page
    qtbot.keyClick(focused(), Qt.Key.Key_Backtab, CTRL_SHIFT)
    assert editor.tabs.currentWidget() is editor.contacts


def test_ctrl_tab_from_the_visit_list_and_round_the_end(qtbot, window):
    tabs = window.visits.editor.tabs
    window.visits.table.setFocus()
    qtbot.keyClick(window.visits.table, Qt.Key.Key_PageUp, CTRL)  # from the first tab to the last
    assert tabs.currentIndex() == tabs.count() - 1
    qtbot.keyClick(window.visits.table, Qt.Key.Key_Tab, CTRL)
    assert tabs.currentIndex() == 0
    assert focused() is window.visits.table  # the list keeps the focus


def test_ctrl_tab_from_the_people_list_shows_the_history(qtbot, window):
    view = open_record_view(qtbot, window, PEOPLE)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Tab, CTRL)
    assert view.tabs.currentWidget() is view.page


# --- lists: search, Return, Del ------------------------------------------------------------------
def test_down_and_return_go_from_the_person_search_into_the_results(qtbot, window):
    window.show_view(PEOPLE)
    view = window.view_at(PEOPLE)
    view.search.setFocus()
    qtbot.keyClicks(view.search, "Nobody by this name")
    qtbot.keyClick(view.search, Qt.Key.Key_Down)
    assert focused() is view.search  # nothing found: nothing to go into
    qtbot.keyClick(view.search, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(view.search, "Kunz")
    qtbot.keyClick(view.search, Qt.Key.Key_Down)  # before the pause after typing has ended
    assert focused() is view.table
    row = view.current_record()
    assert row is not None
    assert "Kunz" in row.display_name
    qtbot.keyClick(view.table, Qt.Key.Key_Return)  # opens it
    assert focused() is view.editor.first_input
    assert view.editor.record_id == row.id
    view.search.setFocus()
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert focused() is view.table


def test_return_in_the_visit_list_opens_the_visit(qtbot, window):
    visits = window.visits
    visits.search.setFocus()
    qtbot.keyClick(visits.search, Qt.Key.Key_Down)
    assert focused() is visits.table
    qtbot.keyClick(visits.table, Qt.Key.Key_Return)
    assert focused() is visits.editor.form.title


def test_del_in_the_visit_list_asks_before_deleting(qtbot, window, prompts, demo_services):
    visits = window.visits
    visit = visits.current_visit()
    visits.table.setFocus()
    qtbot.keyClick(visits.table, Qt.Key.Key_Delete)
    assert [q for q, _c in prompts.messages("confirm_delete")] == [
        f"Möchten Sie den Besuch „{visit.title}“ löschen?"
    ]
    assert demo_services.visits.get(visit.id) == visit  # answered Cancel: still there


# --- the agenda: Tab while typing ----------------------------------------------------------------
def test_tab_from_a_programme_title_reaches_the_end_time(qtbot, window):
    agenda = window.visits.editor.agenda
    window.visits.editor.tabs.setCurrentWidget(agenda)
    agenda.table.setFocus()
    qtbot.keyClick(agenda.table, Qt.Key.Key_A, CTRL_SHIFT)  # new item, its title open for typing
    qtbot.waitUntil(lambda: isinstance(focused(), QLineEdit))
    assert agenda.table.currentIndex().column() == TITLE
    qtbot.keyClicks(focused(), "Empfang im Rathaus")
    columns = []
    for _press in range(2):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        assert isinstance(focused(), QLineEdit)  # still typing, in the next cell
        columns.append(agenda.table.currentIndex().column())
    assert columns == [START, END]
    assert agenda.current_item().title == "Empfang im Rathaus"
    qtbot.keyClick(focused(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert agenda.table.currentIndex().column() == START


# --- visible focus -------------------------------------------------------------------------------
def test_after_ctrl_n_the_title_field_is_in_sight_and_focused(qtbot, window):
    editor = window.visits.editor
    scroll = editor.overview
    window.resize(1280, 600)  # the form is taller than its scroll area
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() > 0)
    editor.form.sources.setFocus()  # the last field: the form scrolls down to it
    scroll.ensureWidgetVisible(editor.form.sources)
    assert scroll.verticalScrollBar().value() > 0
    qtbot.keyClick(editor.form.sources, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: focused() is editor.form.title)
    title = editor.form.title
    top_left = title.mapTo(scroll.viewport(), title.rect().topLeft())
    assert scroll.viewport().rect().contains(QRect(top_left, title.size()))


@pytest.mark.parametrize(
    ("tab", "field"), [("quotes", lambda tab: tab.form.text), ("participants", lambda tab: tab.details.side)]
)
def test_return_in_a_tab_list_opens_the_row_in_its_form(qtbot, window, tab, field):
    editor = window.visits.editor
    page = getattr(editor, tab)
    editor.tabs.setCurrentWidget(page)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.table.currentIndex().isValid()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert focused() is field(page)


def test_no_key_of_a_list_is_window_wide(qtbot, demo_services, db_url, prompts):
    """A list's Del or Space must belong to the list: window-wide, two lists shown at once (the
    visits list and a visit's contact entries) make the key ambiguous and neither fires."""
    window = open_window(qtbot, demo_services, db_url, prompts)
    window_wide = [
        (type(s.parent()).__name__, s.key().toString())
        for s in window.findChildren(QShortcut)
        if isinstance(s.parent(), (QAbstractItemView, QListWidget))
        and s.context() == Qt.ShortcutContext.WindowShortcut
    ]
    assert window_wide == []


def test_del_in_a_visits_contact_entries_asks_about_the_entry(qtbot, demo_services, db_url, prompts):
    window = open_window(qtbot, demo_services, db_url, prompts)
    editor = window.visits.editor
    editor.tabs.setCurrentWidget(editor.contacts)
    table = editor.contacts.table
    table.setFocus()
    table.setCurrentIndex(editor.contacts.model.index(0, 0))
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert [kind for kind, _what in prompts.asked] == ["confirm_delete"]
    question, _consequences = prompts.asked[0][1]
    assert question.startswith("Möchten Sie den Kontakteintrag")
