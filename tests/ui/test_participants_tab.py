"""The Participants tab and its person picker, driven by keyboard as a user would."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from delegation_app.domain.enums import ParticipantRole
from delegation_app.ui.common.change_bus import ChangeBus
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.visits.participant_table_model import NAME, ROLE, ParticipantTableModel
from delegation_app.ui.visits.participants_tab import ParticipantsTab

import factories

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def asked(prompts, question) -> list:
    return [answer for q, answer in prompts.asked if q == question]


@pytest.fixture
def visit(services):
    return factories.visit(services)


@pytest.fixture
def tab(qtbot, services, prompts, visit):
    widget = ParticipantsTab(services, prompts, OperationRunner(services, prompts))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)  # shortcuts fire only in the active window
    widget.load(services.visits.get(visit.id))
    return widget


def popup_rows(chooser) -> list[str]:
    model = chooser.completer_.completionModel()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def names(services, visit):
    return [p.person_name for p in services.participations.list_for_visit(visit.id)]


def shown(tab):
    return [tab.model.index(r, NAME).data() for r in range(tab.model.rowCount())]


def search(qtbot, tab, text):
    tab.table.setFocus()  # the key goes where the focus is: here, the list of participants
    qtbot.waitUntil(tab.table.hasFocus)
    qtbot.keyClick(tab.table, Qt.Key.Key_A, CTRL_SHIFT)
    qtbot.waitUntil(tab.picker.hasFocus)
    qtbot.keyClicks(tab.picker, text)


def test_typing_kuc_and_enter_adds_kucuk(qtbot, tab, services, visit):
    factories.person(services)  # Denes Kücük
    factories.person(services, last_name="Kuhn", first_name="Anna")
    search(qtbot, tab, "kuc")
    qtbot.waitUntil(tab.picker.popup().isVisible)  # after the pause: Kücük, then "… neu anlegen"
    rows = popup_rows(tab.picker)
    assert len(rows) == 2
    assert rows[0].startswith("Denes Kücük")
    qtbot.keyClick(tab.picker.popup(), Qt.Key.Key_Return)
    assert names(services, visit) == ["Denes Kücük"]
    assert shown(tab) == ["Denes Kücük"]
    assert tab.picker.text() == ""
    assert tab.picker.hasFocus()


def test_enter_right_after_typing_does_not_wait_for_the_pause(qtbot, tab, services, visit):
    factories.person(services)
    search(qtbot, tab, "kuc")
    qtbot.keyClick(tab.picker, Qt.Key.Key_Return)  # the only match
    assert names(services, visit) == ["Denes Kücük"]


def test_down_chooses_another_match_and_participants_are_not_offered_again(qtbot, tab, services, visit):
    factories.person(services, last_name="Kuhn", first_name="Anna")
    factories.person(services, last_name="Kuhn", first_name="Bernd")
    search(qtbot, tab, "kuhn")
    qtbot.keyClick(tab.picker, Qt.Key.Key_Return)  # two matches: listed, none chosen
    assert names(services, visit) == []
    qtbot.keyClick(tab.picker.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(tab.picker.popup(), Qt.Key.Key_Return)
    assert names(services, visit) == ["Bernd Kuhn"]
    qtbot.keyClicks(tab.picker, "kuhn")
    tab.picker.search_now()
    assert popup_rows(tab.picker) == ["Anna Kuhn", "„kuhn“ neu anlegen …"]


def test_create_kopietz_in_place_without_a_first_name(qtbot, tab, services, visit):
    factories.person(services)
    search(qtbot, tab, "Kopietz")
    qtbot.keyClick(tab.picker, Qt.Key.Key_Return)  # nobody matches: only "… neu anlegen" is listed
    qtbot.keyClick(tab.picker.popup(), Qt.Key.Key_Return)
    dialog = tab.picker.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.last_name.text() == "Kopietz"
    qtbot.waitUntil(dialog.first_name.hasFocus)  # the empty one
    for _field in range(3):  # past last name and organisation to the function
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.function
    qtbot.keyClicks(QApplication.focusWidget(), "Pressesprecher")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    person = services.people.find("Kopietz")
    assert (person.first_name, person.function) == (None, "Pressesprecher")
    assert names(services, visit) == ["Kopietz"]
    assert not dialog.isVisible()
    assert tab.model.index(0, 1).data() == "Pressesprecher"


def test_a_new_person_needs_a_last_name_said_at_the_field(qtbot, tab, services, visit):
    search(qtbot, tab, ",")  # "Last, First" with neither
    qtbot.keyClick(tab.picker, Qt.Key.Key_Return)
    qtbot.keyClick(tab.picker.popup(), Qt.Key.Key_Return)
    dialog = tab.picker.dialog
    qtbot.waitUntil(dialog.first_name.hasFocus)
    qtbot.keyClick(dialog.first_name, Qt.Key.Key_Return)
    error = dialog.form.error_label("last_name")
    assert error.isVisibleTo(dialog)
    assert error.text().startswith("⚠")
    assert services.people.list() == []
    assert names(services, visit) == []
    qtbot.keyClick(dialog.last_name, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert tab.picker.text() == ","  # what was typed stays


def test_head_of_delegation_goes_first(qtbot, tab, services, visit):
    for last in ("Kücük", "Kopietz"):
        factories.participation(services, visit.id, factories.person(services, last_name=last).id)
    tab.refresh()
    assert shown(tab) == ["Denes Kücük", "Denes Kopietz"]
    tab.table.setCurrentIndex(tab.model.index(1, NAME))
    tab.details.role.setFocus()
    qtbot.keyClick(tab.details.role, Qt.Key.Key_Up)  # "Member" → "Head of delegation"
    assert names(services, visit) == ["Denes Kopietz", "Denes Kücük"]
    assert shown(tab) == ["Denes Kopietz", "Denes Kücük"]
    assert tab.current_participant().role == ParticipantRole.HEAD_OF_DELEGATION  # selection followed
    assert tab.model.index(0, ROLE).data() == "Delegationsleitung"


def test_reorder_by_keyboard_within_the_side(qtbot, tab, services, visit):
    for last, side in (("Adler", "delegation"), ("Berg", "delegation"), ("Cramer", "delegation"),
                       ("Dorn", "host")):  # fmt: skip
        person = factories.person(services, last_name=last, first_name=None)
        factories.participation(services, visit.id, person.id, side=side)
    tab.refresh()
    tab.table.setFocus()
    tab.table.setCurrentIndex(tab.model.index(2, NAME))
    qtbot.keyClick(tab.table, Qt.Key.Key_Up, ALT)
    assert names(services, visit) == ["Adler", "Cramer", "Berg", "Dorn"]
    assert tab.current_participant().person_name == "Cramer"
    tab.table.setCurrentIndex(tab.model.index(2, NAME))
    assert not tab.down_button.isEnabled()  # the next one is a host
    qtbot.keyClick(tab.table, Qt.Key.Key_Down, ALT)
    assert names(services, visit) == ["Adler", "Cramer", "Berg", "Dorn"]
    qtbot.mouseClick(tab.up_button, Qt.MouseButton.LeftButton)
    assert names(services, visit) == ["Adler", "Berg", "Cramer", "Dorn"]


def test_remove_asks_first(qtbot, tab, services, visit, prompts):
    factories.participation(services, visit.id, factories.person(services).id)
    tab.refresh()
    tab.table.setFocus()
    tab.table.setCurrentIndex(tab.model.index(0, NAME))
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert "Denes Kücük" in asked(prompts, "confirm_delete")[0][0]
    assert names(services, visit) == ["Denes Kücük"]
    prompts.confirm = True
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert names(services, visit) == []
    assert services.people.find("Kücük", "Denes") is not None  # only the participation goes


def test_function_at_the_visit_is_checked_at_its_field(qtbot, tab, services, visit):
    row = factories.participation(services, visit.id, factories.person(services).id)
    tab.refresh()
    tab.table.setCurrentIndex(tab.model.index(0, NAME))
    field = tab.details.function_at_visit
    field.setFocus()
    qtbot.keyClicks(field, "x" * 201)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert tab.details.form.error_label("function_at_visit").isVisibleTo(tab)
    assert field.text() == "x" * 201  # what was typed stays
    assert services.participations.get(row.id) == row
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, "Dolmetscherin")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert services.participations.get(row.id).function_at_visit == "Dolmetscherin"
    assert tab.model.index(0, 1).data() == "Dolmetscherin"


def test_a_new_visit_shows_the_hint_and_disables_everything(qtbot, services, prompts):
    widget = ParticipantsTab(services, prompts, OperationRunner(services, prompts))
    qtbot.addWidget(widget)
    widget.load(None)
    assert not widget.hint.isHidden()
    assert not any(w.isEnabled() for w in (widget.table, widget.picker, widget.details, widget.up_button,
                                           widget.remove_button))  # fmt: skip


def test_model_passes_qt_model_tester(qtmodeltester, services, visit):
    factories.participation(services, visit.id, factories.person(services).id, role="head_of_delegation")
    factories.participation(services, visit.id, factories.person(services, last_name="Kopietz").id)
    model = ParticipantTableModel()
    model.set_participants(services.participations.list_for_visit(visit.id))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 2


def test_everything_works_with_the_change_signal_wired(qtbot, tab, services, visit, prompts):
    bus = ChangeBus()
    services.db.add_listener(bus.on_commit)
    bus.changed.connect(lambda _changes: tab.refresh())
    factories.person(services)
    search(qtbot, tab, "kuc")
    qtbot.keyClick(tab.picker, Qt.Key.Key_Return)
    qtbot.keyClicks(tab.picker, "Kopietz")
    qtbot.keyClick(tab.picker, Qt.Key.Key_Return)
    qtbot.keyClick(tab.picker.popup(), Qt.Key.Key_Return)
    qtbot.waitUntil(tab.picker.dialog.isVisible)
    qtbot.keyClick(tab.picker.dialog.first_name, Qt.Key.Key_Return)
    assert shown(tab) == ["Denes Kücük", "Kopietz"]
    tab.table.setCurrentIndex(tab.model.index(1, NAME))
    tab.details.role.setFocus()
    qtbot.keyClick(tab.details.role, Qt.Key.Key_Up)
    assert shown(tab) == ["Kopietz", "Denes Kücük"]
    assert tab.current_participant().person_name == "Kopietz"
    services.db.remove_listener(bus.on_commit)
    assert asked(prompts, "error") == []
