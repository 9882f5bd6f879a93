"""Two programs on one file edit the same record: the second save shows both versions and asks."""

import pytest
from PySide6.QtCore import Qt
from test_people_view import click_row, open_view, retype

from delegation_app.services.organisations import OrganisationInput
from delegation_app.services.people import PersonInput
from delegation_app.services.registry import Services
from delegation_app.services.visits import VisitInput
from delegation_app.storage.database import Database
from delegation_app.ui.common.conflict_dialog import ConflictChoice, ConflictDialog

import factories
from ui_support import open_window


@pytest.fixture
def colleague(db_url):
    """A second program on the same file, under another user: no change signal reaches ours."""
    db = Database(db_url)
    db.user_name = "ben"
    yield Services.over(db)
    db.dispose()


def test_overwrite_a_colleagues_visit_change_and_both_edits_are_in_the_trail(
    qtbot, services, db_url, prompts, colleague
):
    services.db.user_name = "anna"
    visit = factories.visit(services, title="Besuch in Bochum", place="Bochum")
    window = open_window(qtbot, services, db_url, prompts)
    editor = window.visits.editor
    qtbot.waitUntil(lambda: editor.visit is not None and editor.visit.id == visit.id)
    stale = colleague.visits.get(visit.id)
    colleague.visits.update(
        visit.id,
        stale.version,
        VisitInput(
            title="Besuch in Bochum",
            place="Bochum, Rathaus",
            starts_at=stale.starts_at,
            ends_at=stale.ends_at,
        ),
    )
    retype(qtbot, editor.form.title, "Smart-City-Besuch in Bochum")
    prompts.conflict = ConflictChoice.OVERWRITE

    qtbot.keyClick(editor.form.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    what, details, labels = prompts.conflicts[-1]
    assert what == "Der Besuch „Besuch in Bochum“"
    assert details.changed_by == "ben"
    shown = {labels[d.field]: (d.mine, d.theirs) for d in details.differences}
    assert shown == {
        "Titel": ("Smart-City-Besuch in Bochum", "Besuch in Bochum"),
        "Ort": ("Bochum", "Bochum, Rathaus"),  # the colleague's change; saving mine puts "Bochum" back
    }
    stored = services.visits.get(visit.id)
    assert (stored.title, stored.place) == ("Smart-City-Besuch in Bochum", "Bochum")
    assert not editor.is_dirty()
    trail = services.audit.history("visit", visit.id)
    assert [(e.user_name, e.action) for e in trail] == [
        ("anna", "create"),
        ("ben", "update"),
        ("anna", "update"),
    ]
    assert {(f.field, f.new) for f in trail[1].fields} == {("place", "Bochum, Rathaus")}
    assert {(f.field, f.new) for f in trail[2].fields} == {
        ("title", "Smart-City-Besuch in Bochum"),
        ("place", "Bochum"),
    }


def test_reload_shows_the_colleagues_version(qtbot, services, db_url, prompts, colleague):
    visit = factories.visit(services)
    window = open_window(qtbot, services, db_url, prompts)
    editor = window.visits.editor
    qtbot.waitUntil(lambda: editor.visit is not None)
    stale = colleague.visits.get(visit.id)
    colleague.visits.update(
        visit.id, stale.version, VisitInput(title="Gegenbesuch", starts_at=stale.starts_at)
    )
    retype(qtbot, editor.form.title, "Mein Titel")
    prompts.conflict = ConflictChoice.RELOAD
    qtbot.keyClick(editor.form.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.form.title.text() == "Gegenbesuch"
    assert not editor.is_dirty()
    assert services.visits.get(visit.id).title == "Gegenbesuch"


def test_cancel_keeps_what_was_typed_and_saves_nothing(qtbot, services, prompts, colleague):
    person = factories.person(services, "Kopietz", None)
    view = open_view(qtbot, services, prompts)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    click_row(qtbot, view, 0)
    colleague.people.update(
        person.id, person.version, PersonInput(last_name="Kopietz", function="Stadtdirektor")
    )
    qtbot.keyClicks(view.editor.function, "Kämmerer".replace("ä", "ae"))
    qtbot.mouseClick(view.editor.save_button, Qt.MouseButton.LeftButton)
    assert prompts.conflicts[-1][2] == {"function": "Funktion"}
    assert view.editor.function.text() == "Kaemmerer"
    assert view.editor.is_dirty()
    assert services.people.get(person.id).function == "Stadtdirektor"
    prompts.conflict = ConflictChoice.OVERWRITE
    qtbot.mouseClick(view.editor.save_button, Qt.MouseButton.LeftButton)
    assert services.people.get(person.id).function == "Kaemmerer"


def test_an_organisation_saved_twice_meanwhile_asks_twice(qtbot, services, prompts, colleague):
    from delegation_app.ui.organisations.organisations_view import OrganisationsView

    org = factories.organisation(services, "Stadt Bochum")
    view = open_view(qtbot, services, prompts, OrganisationsView)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    click_row(qtbot, view, 0)
    retype(qtbot, view.editor.city, "Bochum")
    colleague.organisations.update(
        org.id, org.version, OrganisationInput(name="Stadt Bochum", city="Wattenscheid")
    )
    answers = iter([ConflictChoice.OVERWRITE, ConflictChoice.OVERWRITE])

    def answer(parent, what, details, label_of):
        if len(prompts.conflicts) == 0:  # while the user looks at the first dialog, the colleague saves again
            fresh = colleague.organisations.get(org.id)
            colleague.organisations.update(
                org.id, fresh.version, OrganisationInput(name="Stadt Bochum", city="Herne")
            )
        prompts.conflicts.append(details)
        return next(answers)

    prompts.resolve_conflict = answer
    qtbot.mouseClick(view.editor.save_button, Qt.MouseButton.LeftButton)
    assert [d.differences[0].theirs for d in prompts.conflicts] == ["Wattenscheid", "Herne"]
    assert services.organisations.get(org.id).city == "Bochum"


def test_the_dialog_shows_both_versions_and_answers_with_the_button_pressed(qtbot, services):
    from datetime import datetime

    from delegation_app.services.conflicts import ConflictDetails
    from delegation_app.services.field_values import Difference

    details = ConflictDetails(
        record_id=1,
        deleted=False,
        current_version=3,
        changed_by="ben",
        changed_at=datetime(2026, 11, 26, 9, 14),
        differences=(Difference("title", "Mein Titel", "Gegenbesuch"), Difference("place", "—", "Bochum")),
    )
    dialog = ConflictDialog(None, "Der Besuch „Gegenbesuch“", details, {"title": "Titel", "place": "Ort"}.get)
    qtbot.addWidget(dialog)
    cells = [[dialog.table.item(r, c).text() for c in range(3)] for r in range(dialog.table.rowCount())]
    assert cells == [["Titel", "Mein Titel", "Gegenbesuch"], ["Ort", "—", "Bochum"]]
    texts = [dialog.table.horizontalHeaderItem(c).text() for c in range(3)]
    assert texts == ["Feld", "Ihre Fassung", "Gespeicherte Fassung"]
    dialog.show()
    qtbot.mouseClick(dialog.overwrite_button, Qt.MouseButton.LeftButton)
    assert dialog.choice is ConflictChoice.OVERWRITE
    assert not dialog.isVisible()
