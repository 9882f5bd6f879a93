"""The organisations view, driven like a user: create, sort, delete, the page of people and visits."""

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from test_people_view import CTRL_SHIFT, check_mnemonics, click_header, click_row, names, open_view, retype

from delegation_app.domain.enums import OrganisationKind
from delegation_app.ui.common.prompts import Choice
from delegation_app.ui.organisations.organisation_table_model import OrganisationTableModel
from delegation_app.ui.organisations.organisations_view import OrganisationsView

import factories


@pytest.fixture
def view(qtbot, services, prompts):
    return open_view(qtbot, services, prompts, OrganisationsView)


def test_model_passes_qt_model_tester(qtmodeltester, demo_services):
    model = OrganisationTableModel()
    model.set_loader(lambda offset, limit: demo_services.organisations.list(limit=limit, offset=offset))
    model.reload()
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 3
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row == ["Stadt Bochum", "Stadtverwaltung", "Bochum", "DE", "https://www.bochum.de"]


def test_create_with_a_bad_country_code_then_fix_it(qtbot, view, services):
    qtbot.keyClick(view.search, Qt.Key.Key_N, CTRL_SHIFT)
    editor = view.editor
    assert editor.name.hasFocus()
    qtbot.keyClicks(editor.name, "Zeche Zollverein")
    editor.kind.setCurrentIndex(editor.kind.findData(OrganisationKind.COMPANY.value))
    qtbot.keyClicks(editor.city, "Essen")
    qtbot.keyClicks(editor.country, "D1")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    error = editor.form.error_label("country")
    assert error.isVisible()
    assert "zweibuchstabigen Ländercode" in error.text()
    assert services.organisations.list() == []

    retype(qtbot, editor.country, "de")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: names(view) == ["Zeche Zollverein"])
    assert [view.model.index(0, c).data() for c in range(4)] == [
        "Zeche Zollverein",
        "Unternehmen",
        "Essen",
        "DE",
    ]
    assert editor.country.text() == "DE"
    assert not error.isVisible()


def test_kind_header_sorts_by_the_german_label_in_sql(qtbot, services, prompts):
    factories.organisation(services, "Ruhr-Universität Bochum", kind=OrganisationKind.UNIVERSITY)
    factories.organisation(services, "Zeche Zollverein", kind=OrganisationKind.COMPANY)
    factories.organisation(services, "Ökostrom Verband", kind=OrganisationKind.ASSOCIATION)
    view = open_view(qtbot, services, prompts, OrganisationsView)
    assert names(view) == ["Ökostrom Verband", "Ruhr-Universität Bochum", "Zeche Zollverein"]
    click_header(qtbot, view, 1)
    # Hochschule, Unternehmen, Verband/Verein — not the stored values' order
    assert names(view) == ["Ruhr-Universität Bochum", "Zeche Zollverein", "Ökostrom Verband"]


def test_delete_an_organisation_with_people_asks_with_the_consequences(qtbot, view, services, prompts):
    org = factories.organisation(services, "Stadt Bochum")
    person = factories.person(services, organisation_id=org.id)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    click_row(qtbot, view, 0)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert prompts.asked[-1][0] == "confirm_delete"
    assert prompts.asked[-1][1][1] == {"Personen verlieren ihre Organisation": 1}
    assert services.organisations.get(org.id) == org

    prompts.confirm = True
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    assert services.people.get(person.id).organisation_id is None


def test_page_lists_people_and_visits_as_host_or_guest(qtbot, view, services):
    bochum = factories.organisation(services, "Stadt Bochum")
    hanau = factories.organisation(services, "Stadt Hanau")
    factories.person(services, "Kopietz", None, organisation_id=bochum.id, function="Stadtdirektor")
    factories.visit(
        services,
        "Hanauer Delegation in Bochum",
        host_organisation_id=bochum.id,
        guest_organisation_id=hanau.id,
        starts_at=datetime(2025, 11, 13, 9),
        ends_at=datetime(2025, 11, 13, 17),
    )
    factories.visit(services, "Gegenbesuch", host_organisation_id=hanau.id, guest_organisation_id=bochum.id)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    click_row(qtbot, view, 0)
    text = view.page.toPlainText()
    assert "Kopietz, Stadtdirektor" in text
    assert "13.11.2025 · Hanauer Delegation in Bochum — Gastgeber" in text
    assert "24.02.2026 · Gegenbesuch — Gast" in text
    assert text.index("Gegenbesuch") < text.index("Hanauer Delegation")  # newest first


def test_unsaved_changes_and_new_asks(qtbot, view, services, prompts):
    factories.organisation(services, "Stadt Bochum")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    click_row(qtbot, view, 0)
    qtbot.keyClicks(view.editor.city, "Bochum")
    prompts.choice = Choice.CANCEL
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    assert prompts.asked[-1][0] == "save_discard_cancel"
    assert view.editor.mode == "edit"
    prompts.choice = Choice.SAVE
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    assert view.editor.mode == "new"
    assert services.organisations.list()[0].city == "Bochum"
    assert view.maybe_leave()  # nothing typed into the new one


@pytest.mark.parametrize("language", ["de", "en"])
def test_mnemonics_are_unique(qtbot, services, db_url, prompts, language):
    _view, letters = check_mnemonics(qtbot, services, db_url, prompts, language, OrganisationsView)
    assert len(letters) >= 16  # 12 of the view's own and the 4 menus


def test_a_host_organisation_shows_what_to_know_before_the_next_visit(qtbot, services, db_url):
    from datetime import date

    from delegation_app.services.before_visit import before_next_visit
    from delegation_app.services.demo import load_demo
    from delegation_app.services.history import organisation_history
    from delegation_app.services.participations import ParticipationInput
    from delegation_app.ui.organisations.organisation_page import organisation_html

    load_demo(services)
    bochum = services.organisations.find_by_name("Stadt Bochum")
    kopietz = next(p for p in services.people.list() if p.last_name == "Kopietz")
    part = next(p for p in services.participations.list_for_visit(1) if p.person_id == kopietz.id)
    services.participations.update(
        part.id,
        part.version,
        ParticipationInput(
            visit_id=1,
            person_id=kopietz.id,
            side=part.side,
            role=part.role,
            attendance=part.attendance,
            function_at_visit="Stadtbaurat",
        ),
    )
    html = organisation_html(
        bochum.name,
        organisation_history(services, bochum.id),
        None,
        before_next_visit(services, bochum.id, today=date(2026, 11, 26)),
    )
    assert "Vor dem nächsten Besuch" in html
    assert "Hanauer Delegation in Bochum" in html
    assert "Funktion geändert: damals Stadtbaurat" in html
    assert "Strategiepapier" in html  # the open follow-up from the demo
