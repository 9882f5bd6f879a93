"""File → Import people…: the preview flags "Juergen Mueller; Stadt Bochum" as the stored Jürgen
Müller, marks error cells, lets the user change the mapping and a row's decision by keyboard,
imports in one step on the worker and undoes it into the recycle bin (issue 14)."""

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from delegation_app.interchange.columns import Field
from delegation_app.services.imported_people import Decision
from delegation_app.services.organisations import OrganisationInput
from delegation_app.services.people import PersonInput

from ui_support import open_window

CSV = (
    "Vorname;Nachname;Organisation;E-Mail;Bemerkung\r\n"
    "Juergen;Mueller;Stadt Bochum;;\r\n"
    "Nina;Neu;Stadt Bochum;nina@;\r\n"
    "Paula;Plan;Stadtwerke Hagen;paula@hagen.de;Referentin\r\n"
)


def open_preview(qtbot, services, db_url, prompts, tmp_path):
    org = services.organisations.create(OrganisationInput("Stadt Bochum"))
    mueller = services.people.create(PersonInput("Müller", "Jürgen", organisation_id=org.id))
    path = tmp_path / "gäste.csv"
    path.write_bytes(CSV.encode("cp1252"))
    win = open_window(qtbot, services, db_url, prompts, clock=lambda: datetime(2026, 2, 24, 9, 0))
    file_menu = win.menuBar().actions()[0].menu()
    assert "Personen &importieren …" in [a.text() for a in file_menu.actions()]
    dialog = win.people_import.open(path)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3, timeout=10000)
    return win, dialog, mueller


def test_the_preview_flags_the_duplicate_and_the_errors_and_imports(
    qtbot, services, db_url, prompts, tmp_path
):
    win, dialog, mueller = open_preview(qtbot, services, db_url, prompts, tmp_path)
    model = dialog.model
    duplicate_column = model.duplicate_column
    assert model.headerData(duplicate_column, Qt.Orientation.Horizontal) == "Wahrscheinliches Duplikat von"
    assert model.index(0, duplicate_column).data() == "Jürgen Müller (ID 1, 100 %)"
    assert model.index(0, model.decision_column).data() == "Überspringen"
    email = model.index(1, model.first_file_column + 3)
    assert "E-Mail-Adresse" in email.data(Qt.ItemDataRole.ToolTipRole)
    assert email.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(2, model.decision_column).data() == "Als neu importieren"
    assert "3 Zeilen gelesen" in dialog.status.text()
    dialog.grab().save(str(tmp_path.parent / "people_import_dialog.png"))

    # The unknown column "Bemerkung" becomes the notes, chosen with the keyboard.
    notes_combo = dialog.combos[4]
    assert notes_combo.currentData() is None
    notes_combo.setFocus()
    for _step in range(len(Field)):
        if notes_combo.currentData() == Field.NOTES:
            break
        qtbot.keyClick(notes_combo, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: dialog.plan is not None and dialog.plan.mapping[4] is Field.NOTES, timeout=10000)
    qtbot.waitUntil(lambda: not dialog.working)

    # Row 1: merge into Jürgen Müller instead of skipping, by keys on the decision cell.
    dialog.rows.setFocus()
    dialog.rows.setCurrentIndex(model.index(0, model.decision_column))
    qtbot.keyClick(dialog.rows, Qt.Key.Key_F2)
    editor = dialog.rows.findChild(QComboBox)
    assert editor is not None
    qtbot.waitUntil(editor.isVisible)
    assert [editor.itemText(i) for i in range(editor.count())] == [
        "Als neu importieren", "Zusammenführen mit Jürgen Müller (ID 1)", "Überspringen"
    ]  # fmt: skip
    qtbot.keyClick(editor, Qt.Key.Key_Up)  # from "Überspringen" to the merge
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.plan.rows[0].decision is Decision.MERGE)
    assert dialog.plan.rows[0].merge_into == mueller.id

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    names = {p.display_name for p in services.people.list()}
    assert names == {"Jürgen Müller", "Paula Plan"}
    paula = services.people.find("Plan", "Paula")
    assert paula is not None
    assert paula.notes == "Referentin"
    assert paula.organisation_name == "Stadtwerke Hagen"
    assert prompts.asked[-1][0] == "inform"
    assert "1 Person importiert" in prompts.asked[-1][1]

    assert win.people_import.undo_action.isEnabled()
    win.people_import.undo_action.trigger()
    assert {p.display_name for p in services.people.list()} == {"Jürgen Müller"}
    assert len(services.recycle_bin.list()) == 1


def test_cancel_while_reading_writes_nothing(qtbot, services, db_url, prompts, tmp_path):
    _win, dialog, _mueller = open_preview(qtbot, services, db_url, prompts, tmp_path)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert len(services.people.list()) == 1


def test_an_unreadable_file_is_one_message(qtbot, services, db_url, prompts, tmp_path):
    path = tmp_path / "liste.xlsx"
    path.write_bytes(b"not a workbook")
    win = open_window(qtbot, services, db_url, prompts)
    dialog = win.people_import.open(path)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    assert prompts.asked == [("error", prompts.asked[0][1])]
    assert "liste.xlsx" in prompts.asked[0][1]


def test_cancel_before_the_reading_began_closes_and_writes_nothing(
    qtbot, services, db_url, prompts, tmp_path
):
    path = tmp_path / "gäste.csv"
    path.write_bytes(CSV.encode("cp1252"))
    win = open_window(qtbot, services, db_url, prompts, clock=lambda: datetime(2026, 2, 24, 9, 0))
    dialog = win.people_import.open(path)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # before the event loop started the reading
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.wait(200)
    assert not dialog.isVisible()
    assert dialog.plan is None
    assert services.people.list() == []
