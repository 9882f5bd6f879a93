"""The Agenda tab, driven by keyboard and mouse as a user would."""

from datetime import datetime

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from delegation_app.ui.common.change_bus import ChangeBus
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.visits.agenda_tab import AgendaTab
from delegation_app.ui.visits.agenda_table_model import CHECK, END, PLACE, START, TITLE, AgendaTableModel

import factories
from ui_support import FakePrompts, type_text

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def errors(prompts) -> list[str]:
    return [answer for question, answer in prompts.asked if question == "error"]


def deletes(prompts) -> list[tuple[str, dict]]:
    return [answer for question, answer in prompts.asked if question == "confirm_delete"]


@pytest.fixture
def visit(services):
    return factories.visit(services)  # 24.02.2026, 09:30–16:00


@pytest.fixture
def wired(services):
    """The change signal as the visit editor connects it: every commit refreshes the tab at once."""
    bus = ChangeBus()
    services.db.add_listener(bus.on_commit)
    yield bus
    services.db.remove_listener(bus.on_commit)


@pytest.fixture
def tab(qtbot, services, prompts, visit):
    widget = AgendaTab(services, prompts, OperationRunner(services, prompts))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)  # shortcuts fire only in the active window
    widget.load(services.visits.get(visit.id))
    return widget


def titles(services, visit):
    return [i.title for i in services.agenda.list_for_visit(visit.id)]


def editor(qtbot) -> QLineEdit:
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    return QApplication.focusWidget()


def edit_cell(qtbot, tab, row, column, text):
    """Select the cell, F2, replace the text, Enter."""
    tab.table.setFocus()
    tab.table.setCurrentIndex(tab.model.index(row, column))
    qtbot.keyClick(tab.table, Qt.Key.Key_F2)
    line = editor(qtbot)
    qtbot.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.table.state() != QAbstractItemView.State.EditingState)


def add_by_keyboard(qtbot, tab, title):
    qtbot.keyClick(tab.table, Qt.Key.Key_A, CTRL_SHIFT)
    line = editor(qtbot)
    qtbot.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(line, title)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.table.state() != QAbstractItemView.State.EditingState)


def test_plan_a_timetable_by_keyboard(qtbot, tab, services, visit, prompts):
    tab.table.setFocus()
    for title in ("Empfang", "Rundgang", "Mittagessen"):
        add_by_keyboard(qtbot, tab, title)
    qtbot.waitUntil(lambda: titles(services, visit) == ["Empfang", "Rundgang", "Mittagessen"])
    assert tab.model.index(0, START).data() == "09:30"  # the first one starts with the visit
    edit_cell(qtbot, tab, 0, END, "10:30")
    edit_cell(qtbot, tab, 1, START, "10:00")
    qtbot.waitUntil(lambda: tab.model.index(1, START).data() == "10:00")
    first, second, _third = services.agenda.list_for_visit(visit.id)
    assert (first.ends_at, second.starts_at) == (datetime(2026, 2, 24, 10, 30), datetime(2026, 2, 24, 10))
    assert "Rundgang" in tab.model.index(0, CHECK).data()
    assert "Empfang" in tab.model.index(1, CHECK).data()
    for row in (0, 1):  # both are flagged: words, an icon and a colour
        assert tab.model.index(row, CHECK).data().startswith("⚠")
        assert tab.model.index(row, CHECK).data(Qt.ItemDataRole.DecorationRole) is not None
        assert tab.model.index(row, START).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert tab.model.index(2, CHECK).data() == ""
    edit_cell(qtbot, tab, 1, START, "10:30")  # touching is fine
    qtbot.waitUntil(lambda: tab.model.index(0, CHECK).data() == "")
    assert errors(prompts) == []


def test_the_add_shortcut_while_typing_a_title_keeps_it(qtbot, tab, services, visit):
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_A, CTRL_SHIFT)
    qtbot.keyClicks(editor(qtbot), "Empfang")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, CTRL_SHIFT)  # no Enter in between
    qtbot.waitUntil(lambda: len(titles(services, visit)) == 2)
    assert titles(services, visit)[0] == "Empfang"


def test_move_the_last_to_the_top_and_the_order_persists(qtbot, tab, services, visit):
    for title in ("Empfang", "Rundgang", "Mittagessen"):
        factories.agenda_item(services, visit.id, title=title)
    tab.refresh()
    tab.table.setFocus()
    tab.table.setCurrentIndex(tab.model.index(2, TITLE))
    qtbot.keyClick(tab.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(tab.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert titles(services, visit) == ["Mittagessen", "Empfang", "Rundgang"]
    assert tab.current_item().title == "Mittagessen"  # the moved item stays selected
    assert not tab.up_button.isEnabled()
    qtbot.mouseClick(tab.down_button, Qt.MouseButton.LeftButton)
    assert titles(services, visit) == ["Empfang", "Mittagessen", "Rundgang"]
    fresh_prompts = FakePrompts()
    fresh = AgendaTab(services, fresh_prompts, OperationRunner(services, fresh_prompts))
    qtbot.addWidget(fresh)
    fresh.load(services.visits.get(visit.id))
    assert [fresh.model.index(r, TITLE).data() for r in range(3)] == ["Empfang", "Mittagessen", "Rundgang"]


def test_drag_and_drop_moves_through_the_service(qtbot, tab, services, visit):
    for title in ("Empfang", "Rundgang", "Mittagessen"):
        factories.agenda_item(services, visit.id, title=title)
    tab.refresh()
    mime = tab.model.mimeData([tab.model.index(0, TITLE)])
    assert not tab.model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    qtbot.waitUntil(lambda: titles(services, visit) == ["Rundgang", "Mittagessen", "Empfang"])


def test_an_invalid_time_is_explained_under_the_table_and_the_text_kept(qtbot, tab, services, visit, prompts):
    item = factories.agenda_item(services, visit.id, starts_at=datetime(2026, 2, 24, 10))
    tab.refresh()
    tab.table.setFocus()
    tab.table.setCurrentIndex(tab.model.index(0, START))
    qtbot.keyClick(tab.table, Qt.Key.Key_F2)
    line = editor(qtbot)
    qtbot.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(line, "25:99")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    # Enter did not close the cell: the text stays as typed, the reason is under the table.
    assert tab.table.state() == QAbstractItemView.State.EditingState
    assert line.text() == "25:99"
    assert tab.problem.isVisibleTo(tab)
    assert "Beginn" in tab.problem.text()
    assert "25:99 gibt es nicht" in tab.problem.text()
    qtbot.keyClick(line, Qt.Key.Key_Escape)  # given up: the message goes with it
    qtbot.waitUntil(lambda: tab.table.state() != QAbstractItemView.State.EditingState)
    assert not tab.problem.isVisibleTo(tab)
    edit_cell(qtbot, tab, 0, END, "9:00")  # before the start: the service says so, under the table too
    qtbot.waitUntil(lambda: tab.problem.isVisibleTo(tab))
    assert "Ende" in tab.problem.text()
    assert errors(prompts) == []  # never a message box
    assert services.agenda.get(item.id) == item
    assert tab.model.index(0, START).data() == "10:00"


def test_1030_typed_in_a_time_cell_is_half_past_ten(qtbot, tab, services, visit, prompts):
    item = factories.agenda_item(services, visit.id, starts_at=datetime(2026, 2, 24, 10))
    tab.refresh()
    edit_cell(qtbot, tab, 0, START, "1030")
    qtbot.waitUntil(lambda: tab.model.index(0, START).data() == "10:30")
    assert services.agenda.get(item.id).starts_at == datetime(2026, 2, 24, 10, 30)
    edit_cell(qtbot, tab, 0, END, "1145")
    qtbot.waitUntil(lambda: services.agenda.get(item.id).ends_at == datetime(2026, 2, 24, 11, 45))
    assert errors(prompts) == []
    assert not tab.problem.isVisibleTo(tab)


def test_a_time_cell_picks_another_day_from_the_calendar(qtbot, tab, services, visit):
    item = factories.agenda_item(services, visit.id, starts_at=datetime(2026, 2, 24, 10))
    tab.refresh()
    tab.table.setFocus()
    tab.table.setCurrentIndex(tab.model.index(0, START))
    qtbot.keyClick(tab.table, Qt.Key.Key_F2)
    line = editor(qtbot)
    qtbot.keyClick(line, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: line.popup is not None and line.popup.isVisible())
    qtbot.keyClick(line.popup.calendar.focusWidget() or line.popup.calendar, Qt.Key.Key_Right)
    qtbot.keyClick(line.popup.calendar.focusWidget() or line.popup.calendar, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not line.popup.isVisible())
    assert line.text() == "25.02.2026 10:00"  # the next day, the time kept; the cell still open
    assert tab.table.state() == QAbstractItemView.State.EditingState
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: services.agenda.get(item.id).starts_at == datetime(2026, 2, 25, 10))


def test_title_and_place_are_edited_in_place(qtbot, tab, services, visit):
    item = factories.agenda_item(services, visit.id)
    tab.refresh()
    edit_cell(qtbot, tab, 0, TITLE, "Empfang beim Oberbuergermeister")
    edit_cell(qtbot, tab, 0, PLACE, "Ratssaal")
    qtbot.waitUntil(lambda: services.agenda.get(item.id).place == "Ratssaal")
    assert services.agenda.get(item.id).title == "Empfang beim Oberbuergermeister"


def test_an_item_on_another_day_shows_its_date_and_is_flagged(qtbot, tab, services, visit):
    factories.agenda_item(services, visit.id, title="Abendessen")
    tab.refresh()
    edit_cell(qtbot, tab, 0, START, "25.02.2026 19:00")
    qtbot.waitUntil(lambda: tab.model.index(0, START).data() == "25.02.2026 19:00")
    assert "⚠" in tab.model.index(0, CHECK).data()
    assert tab.model.problems_of(0)  # outside 24.02.2026


def test_delete_asks_with_the_consequences(qtbot, tab, services, visit, prompts):
    item = factories.agenda_item(services, visit.id)
    factories.quote(services, visit.id, agenda_item_id=item.id)
    tab.refresh()
    tab.table.setFocus()
    tab.table.setCurrentIndex(tab.model.index(0, TITLE))
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert len(deletes(prompts)) == 1
    assert "Empfang im Rathaus" in deletes(prompts)[0][0]
    assert list(deletes(prompts)[0][1].values()) == [1]
    assert titles(services, visit) == ["Empfang im Rathaus"]
    prompts.confirm = True
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert titles(services, visit) == []
    assert tab.model.rowCount() == 0


def chooser_rows(chooser) -> list[str]:
    model = chooser.completer_.completionModel()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_responsible_person_is_chosen_from_the_participants(qtbot, tab, services, visit):
    person = factories.person(services)
    factories.participation(services, visit.id, person.id)
    item = factories.agenda_item(services, visit.id)
    tab.refresh()
    tab.table.setCurrentIndex(tab.model.index(0, TITLE))
    tab.responsible.setFocus()
    qtbot.keyClick(tab.responsible, Qt.Key.Key_Down)  # the empty field lists the participants
    assert chooser_rows(tab.responsible) == ["Denes Kücük"]
    qtbot.keyClick(tab.responsible.popup(), Qt.Key.Key_Return)
    assert services.agenda.get(item.id).responsible_person_id == person.id
    assert tab.model.index(0, 4).data() == "Denes Kücük"
    assert tab.responsible.text() == "Denes Kücük"


def test_responsible_person_typed_participants_first_and_emptied_for_nobody(qtbot, tab, services, visit):
    guide = factories.person(services, first_name="Kira", last_name="Kühn")  # the museum's guide
    host = factories.person(services, first_name="Jan", last_name="Kuhlmann")
    factories.participation(services, visit.id, host.id)
    item = factories.agenda_item(services, visit.id)
    tab.refresh()
    tab.table.setCurrentIndex(tab.model.index(0, TITLE))
    tab.responsible.setFocus()
    qtbot.keyClicks(tab.responsible, "kuh")
    qtbot.keyClick(tab.responsible, Qt.Key.Key_Return)  # two matches: nothing chosen by typing
    assert chooser_rows(tab.responsible)[:2] == ["Jan Kuhlmann", "Kira Kühn"]
    assert services.agenda.get(item.id).responsible_person_id is None
    qtbot.keyClick(tab.responsible.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(tab.responsible.popup(), Qt.Key.Key_Return)  # somebody who is no participant
    assert services.agenda.get(item.id).responsible_person_id == guide.id
    qtbot.keyClick(tab.responsible, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(tab.responsible, Qt.Key.Key_Backspace)  # empty: nobody
    assert services.agenda.get(item.id).responsible_person_id is None
    assert tab.responsible.placeholderText() == "(niemand)"


def test_a_responsible_person_is_created_in_place(qtbot, tab, services, visit):
    item = factories.agenda_item(services, visit.id)
    tab.refresh()
    tab.table.setCurrentIndex(tab.model.index(0, TITLE))
    tab.responsible.setFocus()
    type_text(tab.responsible, "Łukasz Żółkiewski")
    qtbot.keyClick(tab.responsible, Qt.Key.Key_Return)
    qtbot.keyClick(tab.responsible.popup(), Qt.Key.Key_Return)  # "„Łukasz Żółkiewski“ neu anlegen …"
    dialog = tab.responsible.dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.function.setFocus()
    qtbot.keyClick(dialog.function, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    saved = services.agenda.get(item.id)
    assert saved.responsible_person_name == "Łukasz Żółkiewski"
    assert tab.responsible.text() == "Łukasz Żółkiewski"


def test_a_new_visit_shows_the_hint_and_disables_everything(qtbot, services, prompts):
    widget = AgendaTab(services, prompts, OperationRunner(services, prompts))
    qtbot.addWidget(widget)
    widget.load(None)
    assert not widget.hint.isHidden()
    assert not any(w.isEnabled() for w in (widget.table, widget.add_button, widget.up_button,
                                           widget.down_button, widget.delete_button))  # fmt: skip
    widget.add_item()
    assert widget.model.rowCount() == 0


def test_a_change_elsewhere_shows_after_refresh(qtbot, tab, services, visit):
    item = factories.agenda_item(services, visit.id)
    tab.refresh()
    services.agenda.move(item.id, item.version, 0)
    factories.agenda_item(services, visit.id, title="Rundgang")
    tab.refresh()
    assert [tab.model.index(r, TITLE).data() for r in range(2)] == ["Empfang im Rathaus", "Rundgang"]


def test_model_passes_qt_model_tester(qtmodeltester, services, visit):
    factories.agenda_item(services, visit.id, starts_at=datetime(2026, 2, 24, 10))
    factories.agenda_item(services, visit.id, title="Rundgang", starts_at=datetime(2026, 2, 24, 10))
    model = AgendaTableModel(lambda *_a: None, lambda *_a: None)
    model.set_items(services.agenda.list_for_visit(visit.id), services.visits.get(visit.id))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 2


def test_everything_works_with_the_change_signal_wired(qtbot, tab, services, visit, wired, prompts):
    wired.changed.connect(lambda _changes: tab.refresh())
    tab.table.setFocus()
    for title in ("Empfang", "Rundgang"):
        add_by_keyboard(qtbot, tab, title)
    edit_cell(qtbot, tab, 0, END, "10:00")
    edit_cell(qtbot, tab, 1, START, "9:45")
    qtbot.waitUntil(lambda: tab.model.problems_of(1) != [])
    tab.table.setCurrentIndex(tab.model.index(1, TITLE))
    qtbot.keyClick(tab.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert titles(services, visit) == ["Rundgang", "Empfang"]
    assert tab.current_item().title == "Rundgang"
    prompts.confirm = True
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert titles(services, visit) == ["Empfang"]
    assert errors(prompts) == []
