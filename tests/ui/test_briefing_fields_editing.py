"""Editing the fields a "Besuchsmappe" needs, as a user does: typed, Ctrl+S, shown again.

A person's short profile and name order (王小明 in the list, the heading, the page); a visit's
talking points, protocol notes and logistics on its Notes tab, with the draft and the conflict
flow."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from delegation_app.services.registry import Services
from delegation_app.services.visits import VisitInput
from delegation_app.storage.database import Database
from delegation_app.ui.common import session
from delegation_app.ui.common.conflict_dialog import ConflictChoice

import factories
from ui_support import open_window, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def focused():
    return QApplication.focusWidget()


def type_lines(qtbot, edit, lines: list[str]) -> None:
    edit.setFocus()
    for index, line in enumerate(lines):
        if index:
            qtbot.keyClick(edit, Qt.Key.Key_Return)
        type_text(edit, line)


def people_of(window):
    window.navigation.setCurrentRow(1)
    view = window.stack.currentWidget()
    view.refresh()
    return view


def test_a_family_name_first_person_with_a_profile(qtbot, services, db_url, prompts):
    factories.person(services, "Adler", "Zoe")
    window = open_window(qtbot, services, db_url, prompts)
    view = people_of(window)
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    editor = view.editor
    type_text(editor.first_name, "小明")
    type_text(editor.last_name, "王")
    assert editor.heading.text() == "Neue Person"
    editor.family_first.setFocus()
    qtbot.keyClick(editor.family_first, Qt.Key.Key_Space)  # a checkbox ticks with the space bar
    assert editor.family_first.isChecked()
    type_lines(qtbot, editor.profile, ["Bürgermeister von Wuhan seit 2020.", "Zuvor Hafenamt."])
    qtbot.keyClick(focused(), Qt.Key.Key_S, CTRL)

    qtbot.waitUntil(lambda: editor.record is not None)
    stored = services.people.get(editor.record.id)
    assert stored.family_name_first
    assert stored.profile == "Bürgermeister von Wuhan seit 2020.\nZuvor Hafenamt."
    assert stored.display_name == "王小明"
    assert editor.heading.text() == "王小明"
    def names():
        return [view.model.index(row, 0).data() for row in range(view.model.rowCount())]

    qtbot.waitUntil(lambda: names() == ["Adler, Zoe", "王小明"])  # sorted by family name, written as is

    view.show_page(stored)
    page = view.page.timeline.toPlainText()
    assert page.startswith("王小明")
    assert "Kurzprofil" in page
    assert "Zuvor Hafenamt." in page

    # reopened: the values are there
    view.editor.load(services.people.get(stored.id))
    assert editor.family_first.isChecked()
    assert editor.profile.toPlainText() == stored.profile
    assert editor.state.text() == ""


def test_the_person_form_has_its_new_labels(qtbot, services, db_url, prompts):
    window = open_window(qtbot, services, db_url, prompts)
    editor = people_of(window).editor
    assert editor.form.label_of("profile") == "Kurzprofil"
    assert editor.form.label_of("family_name_first") == "Familienname zuerst"


def test_preparation_is_typed_saved_with_ctrl_s_and_there_again(qtbot, services, db_url, prompts):
    visit = factories.visit(services)
    window = open_window(qtbot, services, db_url, prompts)
    editor = window.visits.editor
    qtbot.waitUntil(lambda: editor.visit is not None and editor.visit.id == visit.id)
    editor.tabs.setCurrentWidget(editor.notes_page)
    page = editor.notes_page
    qtbot.keyClick(page.talking_points, Qt.Key.Key_Z, Qt.KeyboardModifier.AltModifier)  # Alt+Z: Sprechzettel
    type_lines(qtbot, page.edits["talking_points"], ["Partnerschaft verlängern", "Fragen: Wasserstoffbusse"])
    type_lines(qtbot, page.edits["protocol_notes"], ["Gastgeschenk: Bildband"])
    type_lines(qtbot, page.edits["logistics"], ["Treffpunkt: Rathaus, 9:15 Uhr"])
    assert editor.state.text() == "Ungespeicherte Änderungen"
    qtbot.keyClick(focused(), Qt.Key.Key_S, CTRL)

    qtbot.waitUntil(lambda: not editor.is_dirty())
    stored = services.visits.get(visit.id)
    assert stored.talking_points == "Partnerschaft verlängern\nFragen: Wasserstoffbusse"
    assert stored.protocol_notes == "Gastgeschenk: Bildband"
    assert stored.logistics == "Treffpunkt: Rathaus, 9:15 Uhr"
    editor.load(None)
    assert page.edits["logistics"].toPlainText() == ""
    editor.load(visit.id)
    assert page.edits["talking_points"].toPlainText() == stored.talking_points
    assert page.edits["logistics"].toPlainText() == stored.logistics


def test_the_mnemonic_reaches_the_talking_points(qtbot, services, db_url, prompts):
    factories.visit(services)
    window = open_window(qtbot, services, db_url, prompts)
    editor = window.visits.editor
    qtbot.waitUntil(lambda: editor.visit is not None)
    editor.tabs.setCurrentWidget(editor.notes_page)
    editor.notes_page.notes.setFocus()
    qtbot.keyClick(editor.notes_page.notes, Qt.Key.Key_Z, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(editor.notes_page.talking_points.hasFocus)


def test_too_long_logistics_are_marked_at_their_field_and_kept(qtbot, services, db_url, prompts):
    visit = factories.visit(services)
    window = open_window(qtbot, services, db_url, prompts)
    editor = window.visits.editor
    qtbot.waitUntil(lambda: editor.visit is not None)
    long_text = "x" * 20_001
    editor.notes_page.edits["logistics"].setPlainText(long_text)  # pasted
    editor.tabs.setCurrentIndex(0)
    assert editor.save() is False
    assert editor.tabs.currentWidget() is editor.notes_page
    error = editor.notes_form.error_label("logistics")
    assert error.isVisible()
    assert "20000" in error.text().replace(".", "")
    assert editor.notes_page.edits["logistics"].toPlainText() == long_text
    assert services.visits.get(visit.id).logistics is None


def test_a_draft_keeps_the_preparation(qtbot, services, db_url, prompts):
    factories.visit(services)
    window = open_window(qtbot, services, db_url, prompts)
    editor = window.visits.editor
    qtbot.waitUntil(lambda: editor.visit is not None)
    type_lines(qtbot, editor.notes_page.edits["protocol_notes"], ["Sitzordnung: Gast rechts vom OB"])
    assert session.keep_draft(window)
    window.close()
    again = open_window(qtbot, services, db_url, prompts)
    assert session.offer_draft(again)
    restored = again.visits.editor
    assert restored.notes_page.edits["protocol_notes"].toPlainText() == "Sitzordnung: Gast rechts vom OB"
    assert restored.is_dirty()


def test_closing_with_unsaved_preparation_asks(qtbot, services, db_url, prompts):
    factories.visit(services)
    window = open_window(qtbot, services, db_url, prompts)
    editor = window.visits.editor
    qtbot.waitUntil(lambda: editor.visit is not None)
    type_lines(qtbot, editor.notes_page.edits["talking_points"], ["Dank für 2025"])
    prompts.choice = prompts.choice.CANCEL
    window.close()
    assert ("save_discard_cancel", editor.what()) in prompts.asked
    assert window.isVisible()


@pytest.fixture
def colleague(db_url):
    db = Database(db_url)
    db.user_name = "ben"
    yield Services.over(db)
    db.dispose()


def test_a_conflict_names_the_preparation_fields(qtbot, services, db_url, prompts, colleague):
    visit = factories.visit(services)
    window = open_window(qtbot, services, db_url, prompts)
    editor = window.visits.editor
    qtbot.waitUntil(lambda: editor.visit is not None)
    stale = colleague.visits.get(visit.id)
    colleague.visits.update(visit.id, stale.version, VisitInput(
        title=stale.title, starts_at=stale.starts_at, ends_at=stale.ends_at,
        logistics="Bus ab Hotel 8:30 Uhr",
    ))  # fmt: skip
    type_lines(qtbot, editor.notes_page.edits["logistics"], ["Taxi ab Hotel"])
    prompts.conflict = ConflictChoice.OVERWRITE
    qtbot.keyClick(focused(), Qt.Key.Key_S, CTRL)
    _what, details, labels = prompts.conflicts[-1]
    shown = {labels[d.field]: (d.mine, d.theirs) for d in details.differences}
    assert shown == {"Logistik": ("Taxi ab Hotel", "Bus ab Hotel 8:30 Uhr")}
    assert services.visits.get(visit.id).logistics == "Taxi ab Hotel"
