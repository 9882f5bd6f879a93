"""What a screen reader gets besides names, in-process (the real stack: test_accessibility_stack.py):
whole texts of cut cells, named clear buttons, tab widgets that hand the focus on, the status bar
whose messages are announced."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLineEdit, QTabWidget, QToolButton

from delegation_app.ui.common.accessibility import AnnouncingStatusBar
from delegation_app.ui.contacts.contact_table_model import SUMMARY, ContactTableModel
from delegation_app.ui.visits.quote_table_model import TEXT, QuoteTableModel

import factories

LONG_QUOTE = (
    "„Wichtig ist nicht, was technisch möglich ist, sondern was die Menschen in beiden Städten "
    "im Alltag wirklich brauchen, und das fragen wir sie selbst.“"
)
ACCESSIBLE_TEXT = Qt.ItemDataRole.AccessibleTextRole


def test_a_cut_quote_is_read_whole(services):
    visit = factories.visit(services)
    quote = factories.quote(services, visit.id, text=LONG_QUOTE)
    model = QuoteTableModel()
    model.set_quotes([quote])
    cell = model.index(0, TEXT)
    assert cell.data().endswith("…")
    assert cell.data(ACCESSIBLE_TEXT) == LONG_QUOTE
    assert model.index(0, 0).data(ACCESSIBLE_TEXT) is None  # whole already: Qt reads what is shown


def test_a_summary_shown_by_its_first_line_is_read_whole(services):
    person = factories.person(services)
    entry = factories.contact_entry(services, [person.id], summary="Telefonat\nAnreise am Montag")
    model = ContactTableModel()
    model.set_entries([entry])
    cell = model.index(0, SUMMARY)
    assert cell.data() == "Telefonat"
    assert cell.data(ACCESSIBLE_TEXT) == "Telefonat\nAnreise am Montag"


def test_clear_buttons_are_named_and_tab_widgets_hand_the_focus_to_their_tab_bar(window):
    unnamed, focusable_tabs = [], []
    for index in range(window.stack.count()):
        window.show_view(index)
        for edit in window.findChildren(QLineEdit):
            if edit.isClearButtonEnabled():
                buttons = edit.findChildren(QToolButton)
                assert buttons, edit.accessibleName()
                unnamed += [edit.accessibleName() for b in buttons if not b.accessibleName()]
                assert all("Strg+A" in b.toolTip() for b in buttons)
        tabs = window.findChildren(QTabWidget)
        focusable_tabs += [t for t in tabs if t.focusPolicy() != Qt.FocusPolicy.NoFocus]
    assert unnamed == []
    assert focusable_tabs == []


def test_status_messages_go_through_the_announcing_status_bar(window):
    assert isinstance(window.statusBar(), AnnouncingStatusBar)
    window.statusBar().showMessage("Kontakteintrag gespeichert.", 5000)
    assert window.statusBar().currentMessage() == "Kontakteintrag gespeichert."
    name = QAccessible.queryAccessibleInterface(window.statusBar()).text(QAccessible.Text.Name)
    assert "Kontakteintrag gespeichert." in name
