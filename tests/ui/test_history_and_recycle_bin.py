"""A record's history with going back to an earlier state, and the recycle bin, used like a user would."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from test_people_view import click_row, open_view, retype

from delegation_app.services.people import PersonInput
from delegation_app.ui.records.history_table_model import HistoryTableModel
from delegation_app.ui.records.recycle_bin_model import RecycleBinModel

import factories
from ui_support import open_window


def table_texts(table) -> list[list[str]]:
    model = table.model()
    return [
        [model.index(r, c).data() or "" for c in range(model.columnCount())] for r in range(model.rowCount())
    ]


def widget_texts(table) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def menu_action(window, menu_title: str, text: str):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == menu_title)
    assert isinstance(menu, QMenu)
    return next(a for a in menu.actions() if a.text() == text)


def test_a_person_goes_back_to_an_earlier_state_from_the_history(qtbot, services, prompts):
    services.db.user_name = "anna"
    factories.person(services, "Kopietz", None, function="Stadtdirektor")
    view = open_view(qtbot, services, prompts)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    click_row(qtbot, view, 0)
    retype(qtbot, view.editor.function, "Kaemmerer")
    qtbot.mouseClick(view.editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.editor.is_dirty())

    qtbot.mouseClick(view.editor.history_button, Qt.MouseButton.LeftButton)
    dialog = view.editor.history
    qtbot.waitExposed(dialog)
    rows = table_texts(dialog.entries)
    assert [r[1:3] for r in rows] == [["anna", "Geändert"], ["anna", "Angelegt"]]
    assert rows[0][3] == "Funktion"
    assert widget_texts(dialog.fields) == [["Funktion", "Stadtdirektor", "Kaemmerer"]]
    assert not dialog.restore_button.isEnabled()  # the newest entry is the state it has
    dialog.entries.selectRow(1)
    assert ["Nachname", "—", "Kopietz"] in widget_texts(dialog.fields)
    prompts.confirm_answer = True
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    assert "Person „Kopietz“" in prompts.asked[-1][1]
    assert services.people.get(view.editor.record.id).function == "Stadtdirektor"
    qtbot.waitUntil(lambda: view.editor.function.text() == "Stadtdirektor")  # the editor follows
    assert table_texts(dialog.entries)[0][2] == "Geändert"
    assert len(table_texts(dialog.entries)) == 3
    assert "wiederhergestellt" in dialog.notice.text()


def test_visit_history_from_the_edit_menu(qtbot, services, db_url, prompts):
    visit = factories.visit(services, title="Besuch in Bochum")
    window = open_window(qtbot, services, db_url, prompts)
    editor = window.visits.editor
    qtbot.waitUntil(lambda: editor.visit is not None and editor.visit.id == visit.id)
    retype(qtbot, editor.form.title, "Besuch in Hanau")
    qtbot.keyClick(editor.form.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor.form.title, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialog = editor.history
    qtbot.waitExposed(dialog)
    assert widget_texts(dialog.fields) == [["Titel", "Besuch in Bochum", "Besuch in Hanau"]]


def test_ctrl_h_opens_the_history_of_the_person_shown(qtbot, services, db_url, prompts):
    factories.person(services, "Kopietz", None)
    window = open_window(qtbot, services, db_url, prompts)
    window.show_view(1)
    people = window.stack.currentWidget()
    qtbot.waitUntil(lambda: people.model.rowCount() == 1)
    click_row(qtbot, people, 0)
    qtbot.keyClick(people.table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialog = people.editor.history
    qtbot.waitExposed(dialog)
    assert [r[2] for r in table_texts(dialog.entries)] == ["Angelegt"]


def test_a_deleted_visit_comes_back_from_the_recycle_bin(qtbot, demo_services, db_url, prompts):
    window = open_window(qtbot, demo_services, db_url, prompts)
    visits = window.visits
    qtbot.waitUntil(lambda: visits.model.rowCount() == 1)
    title = visits.current_visit().title
    visit_id = visits.current_visit().id
    participants = len(demo_services.participations.list_for_visit(visit_id))
    parts = (
        participants
        + len(demo_services.agenda.list_for_visit(visit_id))
        + len(demo_services.quotes.list_for_visit(visit_id))
    )
    prompts.confirm = True
    qtbot.keyClick(
        visits.table,
        Qt.Key.Key_Delete,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert prompts.recyclable
    qtbot.waitUntil(lambda: visits.model.rowCount() == 0)

    menu_action(window, "&Bearbeiten", "&Papierkorb …").trigger()
    dialog = window.recycle_bin
    qtbot.waitExposed(dialog)
    [row] = table_texts(dialog.table)
    assert row[1:3] == ["Besuch", title]
    assert row[4] == f"{parts} Einträge"
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    assert dialog.notice.text() == f"„{title}“ ist wiederhergestellt."
    assert table_texts(dialog.table) == []
    assert not dialog.empty_button.isEnabled()
    qtbot.waitUntil(lambda: visits.model.rowCount() == 1)
    visits.table.selectRow(0)
    assert len(demo_services.participations.list_for_visit(visits.current_visit().id)) == participants


def test_delete_for_good_and_empty_ask_first(qtbot, services, db_url, prompts):
    for name in ("Kuhn", "Zander"):
        person = factories.person(services, name, None)
        services.people.delete(person.id, person.version)
    window = open_window(qtbot, services, db_url, prompts)
    window.show_recycle_bin()
    dialog = window.recycle_bin
    qtbot.waitExposed(dialog)
    assert [r[2] for r in table_texts(dialog.table)] == ["Zander", "Kuhn"]
    prompts.confirm_answer = False
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert "„Zander“ endgültig löschen?" in prompts.asked[-1][1]
    assert len(services.recycle_bin.list()) == 2
    prompts.confirm_answer = True
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert [r[2] for r in table_texts(dialog.table)] == ["Kuhn"]
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert "Den einen Eintrag im Papierkorb endgültig löschen?" in prompts.asked[-1][1]
    assert services.recycle_bin.list() == []
    assert dialog.notice.text() == "Der Papierkorb ist leer."


def test_history_and_bin_models_pass_the_model_tester(qtmodeltester, services):
    person = factories.person(services)
    services.people.update(person.id, person.version, PersonInput(last_name="Kücük", function="Referent"))
    history = HistoryTableModel(str)
    history.set_rows(services.audit.history("person", person.id))
    qtmodeltester.check(history)
    services.people.delete(person.id, person.version + 1)
    bin_model = RecycleBinModel()
    bin_model.set_rows(services.recycle_bin.list())
    qtmodeltester.check(bin_model)
    assert bin_model.rowCount() == 1
