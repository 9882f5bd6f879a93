"""Creating what is missing where it is picked (issue 12 item 4): "„Stadt Lublin“ neu anlegen"
from the Gast field, "Łukasz Żółkiewski" with an organisation from the participants tab."""

import pytest
from PySide6.QtCore import Qt

from delegation_app.services.organisations import OrganisationInput
from delegation_app.ui.common.new_record_dialog import Creating
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.person_choice import NewPersonDialog, split_name
from delegation_app.ui.common.record_chooser import CREATE_ROLE
from delegation_app.ui.visits.participants_tab import ParticipantsTab
from delegation_app.ui.visits.visit_editor import VisitEditor

import factories
from ui_support import type_text

RETURN = Qt.Key.Key_Return
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


def popup_rows(chooser) -> list[str]:
    model = chooser.completer_.completionModel()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def shown(widget, qtbot) -> None:
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


@pytest.fixture
def editor(qtbot, services, prompts):
    services.organisations.create(OrganisationInput(name="Stadt Bochum"))
    widget = VisitEditor(services, prompts, OperationRunner(services, prompts))
    qtbot.addWidget(widget)
    shown(widget, qtbot)
    widget.load(None)
    return widget


def test_typing_stadt_lublin_in_the_guest_field_does_not_choose_stadt_bochum(qtbot, editor):
    guest = editor.form.guest
    guest.setFocus()
    qtbot.keyClicks(guest, "Stadt Lublin")
    qtbot.keyClick(guest, RETURN)
    assert guest.popup().isVisible()
    assert popup_rows(guest) == ["„Stadt Lublin“ neu anlegen …"]  # Stadt Bochum is no match
    assert guest.current_id() is None
    qtbot.keyClick(guest.popup(), Qt.Key.Key_Escape)
    qtbot.keyClick(guest, Qt.Key.Key_Tab)  # leaving: nothing chosen, the field says so
    assert guest.current_id() is None
    assert guest.text() == ""


def test_stadt_typed_lists_the_matches_and_chooses_nothing_until_picked(qtbot, editor, services):
    services.organisations.create(OrganisationInput(name="Stadt Hanau"))
    guest = editor.form.guest
    guest.setFocus()
    qtbot.keyClicks(guest, "Stadt")
    qtbot.keyClick(guest, RETURN)
    assert popup_rows(guest) == ["Stadt Bochum", "Stadt Hanau", "„Stadt“ neu anlegen …"]
    assert guest.current_id() is None
    qtbot.keyClick(guest.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(guest.popup(), RETURN)  # the highlighted row, chosen by the user
    assert guest.text() == "Stadt Hanau"
    assert guest.current_id() == services.organisations.find_by_name("Stadt Hanau").id


def test_the_only_match_is_chosen_by_enter(qtbot, editor, services):
    host = editor.form.host
    host.setFocus()
    qtbot.keyClicks(host, "boch")
    qtbot.keyClick(host, RETURN)
    assert host.current_id() == services.organisations.find_by_name("Stadt Bochum").id


def test_an_exact_name_is_chosen_by_enter(qtbot, editor, services):
    host = editor.form.host
    host.setFocus()
    qtbot.keyClicks(host, "stadt bochum")
    qtbot.keyClick(host, RETURN)
    assert host.current_id() == services.organisations.find_by_name("Stadt Bochum").id
    assert not host.popup().isVisible()


def test_create_stadt_lublin_from_the_guest_field_and_save_the_visit(qtbot, editor, services):
    form = editor.form
    qtbot.keyClicks(form.title, "Delegation aus Lublin")
    guest = form.guest
    guest.setFocus()
    qtbot.keyClicks(guest, "Stadt Lublin")
    qtbot.keyClick(guest, RETURN)  # the matches: only "create"
    qtbot.keyClick(guest.popup(), RETURN)  # "„Stadt Lublin“ neu anlegen …"
    dialog = guest.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.name.text() == "Stadt Lublin"
    dialog.city.setFocus()
    qtbot.keyClicks(dialog.city, "Lublin")
    qtbot.keyClick(dialog.city, RETURN)  # Return creates
    qtbot.waitUntil(lambda: not dialog.isVisible())
    lublin = services.organisations.find_by_name("Stadt Lublin")
    assert lublin is not None
    assert lublin.city == "Lublin"
    assert guest.current_id() == lublin.id
    assert guest.text() == "Stadt Lublin"
    assert editor.is_dirty()
    # Strg+S belongs to the main window's Save action (tests/ui/test_keyboard.py); alone, the
    # editor saves with its button.
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.visit is not None and not editor.is_dirty())
    assert services.visits.get(editor.visit.id).guest_organisation_name == "Stadt Lublin"


def test_an_organisation_without_name_is_refused_under_the_field(qtbot, editor, services, prompts):
    guest = editor.form.guest
    guest.setFocus()
    qtbot.keyClicks(guest, "Lublin")
    qtbot.keyClick(guest, RETURN)
    qtbot.keyClick(guest.popup(), RETURN)
    dialog = guest.dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.name.clear()
    qtbot.keyClick(dialog.name, RETURN)
    assert dialog.isVisible()
    assert dialog.form.error_label("name").isVisibleTo(dialog)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert guest.text() == "Lublin"  # what was typed is kept
    assert [o.name for o in services.organisations.list()] == ["Stadt Bochum"]


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("Łukasz Żółkiewski", "Łukasz", "Żółkiewski"),
        ("Anna Maria Schmidt", "Anna Maria", "Schmidt"),
        ("Ursula von der Leyen", "Ursula", "von der Leyen"),
        ("Schmidt, Anna", "Anna", "Schmidt"),
        ("Kopietz", "", "Kopietz"),
    ],
)
def test_a_typed_name_splits_at_the_last_word(typed, first, last):
    assert split_name(typed) == (first, last)


def test_lukasz_with_a_new_organisation_from_the_participants_tab(qtbot, services, prompts):
    visit = factories.visit(services)
    tab = ParticipantsTab(services, prompts, OperationRunner(services, prompts))
    qtbot.addWidget(tab)
    shown(tab, qtbot)
    tab.load(services.visits.get(visit.id))
    tab.table.setFocus()  # the key works where the focus is: in the tab
    qtbot.waitUntil(tab.table.hasFocus)
    qtbot.keyClick(tab.table, Qt.Key.Key_A, CTRL_SHIFT)
    qtbot.waitUntil(tab.picker.hasFocus)
    type_text(tab.picker, "Łukasz Żółkiewski")
    qtbot.keyClick(tab.picker, RETURN)
    assert popup_rows(tab.picker) == ["„Łukasz Żółkiewski“ neu anlegen …"]
    qtbot.keyClick(tab.picker.popup(), RETURN)
    person_dialog = tab.picker.dialog
    qtbot.waitUntil(person_dialog.isVisible)
    assert (person_dialog.first_name.text(), person_dialog.last_name.text()) == ("Łukasz", "Żółkiewski")
    organisation = person_dialog.organisation
    qtbot.waitUntil(organisation.hasFocus)  # the names are right; the organisation is what is missing
    type_text(organisation, "Miasto Lublin")
    qtbot.keyClick(organisation, RETURN)
    qtbot.keyClick(organisation.popup(), RETURN)  # "„Miasto Lublin“ neu anlegen …"
    org_dialog = organisation.dialog
    qtbot.waitUntil(org_dialog.isVisible)
    qtbot.keyClick(org_dialog.name, RETURN)
    qtbot.waitUntil(lambda: not org_dialog.isVisible())
    assert organisation.text() == "Miasto Lublin"
    person_dialog.function.setFocus()
    type_text(person_dialog.function, "Stadtpräsident")
    qtbot.keyClick(person_dialog.function, RETURN)
    qtbot.waitUntil(lambda: not person_dialog.isVisible())
    (participant,) = services.participations.list_for_visit(visit.id)
    person = services.people.get(participant.person_id)
    assert (person.first_name, person.last_name) == ("Łukasz", "Żółkiewski")
    assert person.organisation_name == "Miasto Lublin"
    assert person.function == "Stadtpräsident"
    assert tab.picker.text() == ""  # ready for the next name
    assert tab.model.rowCount() == 1


def test_the_split_can_be_changed_before_creating(qtbot, services, prompts):
    creating = Creating(services, OperationRunner(services, prompts), prompts)
    dialog = NewPersonDialog(creating, "Maria Anna Nowak Kowalska")
    qtbot.addWidget(dialog)
    assert (dialog.first_name.text(), dialog.last_name.text()) == ("Maria Anna Nowak", "Kowalska")
    dialog.first_name.setText("Maria Anna")
    dialog.last_name.setText("Nowak Kowalska")
    dialog.submit()
    (person,) = services.people.list("Kowalska")
    assert (person.first_name, person.last_name) == ("Maria Anna", "Nowak Kowalska")


def test_the_create_row_is_marked(qtbot, editor):
    guest = editor.form.guest
    guest.setFocus()
    qtbot.keyClicks(guest, "Lublin")
    qtbot.keyClick(guest, Qt.Key.Key_Down)
    model = guest.completer_.completionModel()
    assert model.index(0, 0).data(CREATE_ROLE)


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_new_record_dialogs_have_unique_mnemonics(qtbot, services, prompts, language):
    from PySide6.QtWidgets import QAbstractButton, QLabel

    from delegation_app import i18n
    from delegation_app.ui.common.organisation_choice import NewOrganisationDialog

    i18n.set_language(language)
    creating = Creating(services, OperationRunner(services, prompts), prompts)
    for dialog in (NewPersonDialog(creating, "Łukasz Żółkiewski"), NewOrganisationDialog(creating, "Lublin")):
        qtbot.addWidget(dialog)
        texts = [label.text() for label in dialog.findChildren(QLabel) if label.buddy() is not None]
        texts += [button.text() for button in dialog.findChildren(QAbstractButton)]
        letters = [t[t.index("&") + 1].lower() for t in texts if "&" in t]
        assert len(letters) >= 4
        assert len(letters) == len(set(letters)), sorted(letters)
