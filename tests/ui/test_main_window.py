from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox

from delegation_app import __version__
from delegation_app.services.organisations import OrganisationInput
from delegation_app.services.visits import VisitInput
from delegation_app.ui.shell.crash_dialog import CrashDialog

TITLE = "Hanauer Delegation in Bochum: Stadt- und Smart-City-Strategie"


def test_opens_on_the_demo_visit_with_its_details(window):
    assert window.visits.model.rowCount() == 1
    assert window.visits.table.currentIndex().row() == 0
    assert window.visits.editor.form.title.text() == TITLE
    html = window.visits.editor.preview.toPlainText()
    assert TITLE in html
    assert "Isabelle Hemsley, Stadträtin — Delegationsleitung" in html
    assert html.index("Delegation\n") < html.index("Isabelle Hemsley") < html.index("Gastgeberseite\nKopietz")
    assert "„Wichtig ist nicht, was technisch möglich ist, sondern was den Menschen nützt“" in html
    assert "09:30–10:00 Uhr" in html


def test_views_not_shown_at_start_are_built_when_first_shown(window, qtbot):
    from delegation_app.ui.people.people_view import PeopleView

    assert not window.stack.findChildren(PeopleView)  # nothing read for a view nobody looked at
    qtbot.keyClick(window.visits.table, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    people = window.stack.currentWidget()
    assert isinstance(people, PeopleView)
    assert window.navigation.currentRow() == 1
    assert window.stack.indexOf(people) == 1
    assert window.views[1][1] is people  # built once
    window.show_view(0)
    window.show_view(1)
    assert window.stack.currentWidget() is people
    assert len(window.stack.findChildren(PeopleView)) == 1


def test_menus_are_german_with_mnemonics(window):
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&Datei", "&Bearbeiten", "&Ansicht", "&Hilfe"]


def test_typing_in_the_search_box_filters(window, qtbot, demo_services):
    demo_services.visits.create(VisitInput(title="Gegenbesuch aus Bochum"))
    qtbot.waitUntil(lambda: window.visits.model.rowCount() == 2)  # the change signal refreshed the list
    window.visits.search.setFocus()
    qtbot.keyClicks(window.visits.search, "gegen")
    qtbot.waitUntil(lambda: window.visits.model.rowCount() == 1)
    assert window.visits.model.visit_at(0).title == "Gegenbesuch aus Bochum"
    qtbot.keyClick(window.visits.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.visits.search, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: window.visits.model.rowCount() == 2)


def test_find_shortcut_focuses_the_search_box(window, qtbot):
    window.visits.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.visits.search.hasFocus)


def test_a_change_elsewhere_updates_the_open_details(window, qtbot, demo_services):
    org = demo_services.organisations.list()[0]
    demo_services.organisations.update(org.id, org.version, OrganisationInput(name="Stadt Bochum (Ruhr)",
                                                                             kind=org.kind))  # fmt: skip
    qtbot.waitUntil(lambda: window.visits.editor.form.host.text() == "Stadt Bochum (Ruhr)")


def test_about_names_version_and_database(window, db_path):
    text = window.about_text()
    assert __version__ in text
    assert str(db_path) in text
    assert str(db_path) in window.database_status.text()


def test_qt_own_buttons_are_translated(window):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Abbrechen"


def test_crash_dialog_copies_the_details(qtbot):
    dialog = CrashDialog("Traceback (most recent call last): boom")
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "Traceback (most recent call last): boom"


def test_window_geometry_is_remembered(window, qtbot, demo_services, db_url):
    from delegation_app.ui.shell.application import build_main_window

    window.resize(780, 590)  # the offscreen screen is 800 × 600
    qtbot.waitUntil(lambda: window.width() == 780)
    window.visits.setSizes([150, 490])
    before = window.visits.sizes()
    window.close()
    again, _bus = build_main_window(window.context, prompts=window.prompts)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert (again.width(), again.height()) == (780, 590)
    assert again.visits.sizes() == before


def test_a_visit_deleted_elsewhere_is_explained_not_a_crash(window, qtbot, db_url, demo_services):
    from delegation_app.services.registry import Services
    from delegation_app.storage.database import Database

    second = demo_services.visits.create(VisitInput(title="Gegenbesuch aus Bochum"))
    qtbot.waitUntil(lambda: window.visits.model.rowCount() == 2)
    other = Database(db_url)  # a colleague's program on the same file: no signal reaches us
    Services.over(other).visits.delete(second.id, second.version)
    other.dispose()
    window.visits.table.selectRow(window.visits.model.row_of(second.id))
    qtbot.waitUntil(lambda: window.visits.model.rowCount() == 1)
    assert "Dieser Besuch ist nicht (mehr) vorhanden." in window.statusBar().currentMessage()


def test_language_preference_is_stored_for_the_next_start(window, qtbot):
    from delegation_app.storage.settings import load_settings

    window.show_preferences()
    dialog = window.preferences
    qtbot.waitUntil(dialog.isVisible)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert load_settings().language == "en"
