"""Merging duplicates in the people and organisations views (issue 14), driven like a user:
select two rows, Ctrl+Shift+M, choose per field, switch which one is kept, "Zusammenführen"."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QRadioButton
from test_people_view import click_row, names, open_view

from delegation_app.operations.recycle_bin import restore_from_bin
from delegation_app.services.people import PhoneInput
from delegation_app.ui.organisations.organisations_view import OrganisationsView

import factories

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


def duplicates(services):
    bochum = factories.organisation(services)
    keep = factories.person(services, "Müller", "Jürgen", organisation_id=bochum.id)
    other = factories.person(services, "Müller", "Juergen", title="Dr.", email="j.mueller@bochum.de",
                             phones=[PhoneInput("0234 910-1000")])  # fmt: skip
    visit = factories.visit(services)
    factories.participation(services, visit.id, other.id)
    factories.quote(services, visit.id, speaker_person_id=other.id)
    factories.contact_entry(services, [other.id])
    return keep, other


def choose(qtbot, dialog, name: str) -> None:
    """Click the radio button (its circle: a click beside a short text hits nothing)."""
    button = dialog.findChild(QRadioButton, name)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    assert button.isChecked()


def select_two(qtbot, view, first: int, second: int) -> None:
    click_row(qtbot, view, first)
    rect = view.table.visualRect(view.model.index(second, 0))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, CTRL, rect.center())


def test_merge_two_people_by_keys_and_clicks(qtbot, services, prompts):
    keep, _other = duplicates(services)
    view = open_view(qtbot, services, prompts)
    heard: list = []
    services.db.add_listener(heard.append)
    assert names(view) == ["Müller, Dr. Juergen", "Müller, Jürgen"]
    select_two(qtbot, view, 0, 1)  # Jürgen last: the row the form shows is the one kept
    qtbot.keyClick(view.table, Qt.Key.Key_M, CTRL_SHIFT)
    dialog = view.merge_dialog
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Zusammenführen"
    assert dialog.moves.text() == "1 Teilnahme, 1 Zitat, 1 Kontakteintrag, 1 Telefonnummer werden übernommen."
    fields = {name: group.checkedButton().objectName() for name, group in dialog.groups.items()}
    assert fields == {
        "title": "title.other", "first_name": "first_name.keep", "organisation_id": "organisation_id.keep",
        "email": "email.other",
    }  # fmt: skip

    choose(qtbot, dialog, "title.keep")
    choose(qtbot, dialog, "first_name.other")
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)

    assert len(heard) == 1  # one commit, one "changed" signal
    qtbot.waitUntil(lambda: names(view) == ["Müller, Juergen"])
    kept = services.people.get(keep.id)
    assert (kept.display_name, kept.email, [p.display for p in kept.phones]) == (
        "Juergen Müller", "j.mueller@bochum.de", ["0234 910-1000"],
    )  # fmt: skip
    assert view.editor.record_id == keep.id
    assert prompts.asked == []
    (entry,) = services.recycle_bin.list()
    restore_from_bin(services, entry.id)
    qtbot.waitUntil(lambda: len(names(view)) == 2)


def test_keep_the_other_one_switches_sides(qtbot, services, prompts):
    _keep, other = duplicates(services)
    view = open_view(qtbot, services, prompts)
    select_two(qtbot, view, 0, 1)
    qtbot.keyClick(view.table, Qt.Key.Key_M, CTRL_SHIFT)
    dialog = view.merge_dialog
    qtbot.mouseClick(dialog.swap_button, Qt.MouseButton.LeftButton)
    assert dialog.plan.keep.id == other.id
    assert dialog.moves.text() == "Sonst wird nichts übernommen."
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: names(view) == ["Müller, Dr. Juergen"])
    assert services.people.get(other.id).organisation_name == "Stadt Bochum"  # empty: taken from Jürgen


def test_one_row_selected_is_explained(qtbot, services, prompts):
    duplicates(services)
    view = open_view(qtbot, services, prompts)
    click_row(qtbot, view, 0)
    qtbot.keyClick(view.table, Qt.Key.Key_M, CTRL_SHIFT)
    assert prompts.asked == [
        ("inform", "Bitte wählen Sie die beiden Datensätze aus, die zusammengeführt werden sollen "
                   "(Strg+Klick auf den zweiten).")
    ]  # fmt: skip


def test_a_record_changed_meanwhile_is_a_conflict_and_the_dialog_shows_it_anew(qtbot, services, prompts):
    from delegation_app.operations.records import RecordKind, save_record
    from delegation_app.services.people import PersonInput

    _keep, other = duplicates(services)
    view = open_view(qtbot, services, prompts)
    select_two(qtbot, view, 0, 1)
    view.merge_action.trigger()  # the context menu's entry
    dialog = view.merge_dialog
    changed = PersonInput(last_name="Müller", first_name="Juergen", function="Stadtrat")
    save_record(services, RecordKind.PERSON, changed, other.id, other.version)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert [kind for kind, _m in prompts.asked] == ["error"]
    assert dialog.isVisible()
    assert "function" in dialog.groups
    assert len(services.people.list()) == 2


def test_merge_two_organisations(qtbot, services, prompts):
    keep = factories.organisation(services, "Stadt Bochum")
    other = factories.organisation(services, "Bochum, Stadt", city="Bochum")
    factories.person(services, organisation_id=other.id)
    view = open_view(qtbot, services, prompts, OrganisationsView)
    select_two(qtbot, view, 0, 1)
    QApplication.processEvents()
    qtbot.keyClick(view.table, Qt.Key.Key_M, CTRL_SHIFT)
    dialog = view.merge_dialog
    assert dialog.moves.text() == "1 Person wird übernommen."
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert services.organisations.get(keep.id).city == "Bochum"
