"""The one list-model base: every list passes Qt's model tester empty too, pages come through one
loader called as (offset, limit), and a record is found again by its id after any reload."""

import importlib
import pkgutil

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QTableView

import delegation_app.ui
from delegation_app.ui.common.record_table_model import RecordTableModel
from delegation_app.ui.contacts.contact_table_model import ContactTableModel
from delegation_app.ui.followups.followup_table_model import FollowUpTableModel
from delegation_app.ui.organisations.organisation_table_model import OrganisationTableModel
from delegation_app.ui.people.import_rows_model import ImportRowsModel
from delegation_app.ui.people.people_table_model import PersonTableModel
from delegation_app.ui.records.history_table_model import HistoryTableModel
from delegation_app.ui.records.recycle_bin_model import RecycleBinModel
from delegation_app.ui.shell.retention_dialog import DueModel
from delegation_app.ui.visits.agenda_table_model import AgendaTableModel
from delegation_app.ui.visits.participant_table_model import ParticipantTableModel
from delegation_app.ui.visits.quote_table_model import QuoteTableModel
from delegation_app.ui.visits.visit_table_model import VisitTableModel

import factories

EVERY_LIST = {
    "visits": VisitTableModel,
    "people": PersonTableModel,
    "organisations": OrganisationTableModel,
    "follow-ups": FollowUpTableModel,
    "participants": ParticipantTableModel,
    "agenda": lambda: AgendaTableModel(lambda *_a: None, lambda *_a: None),
    "quotes": QuoteTableModel,
    "contacts": ContactTableModel,
    "history": lambda: HistoryTableModel(str),
    "recycle bin": RecycleBinModel,
    "retention": DueModel,
    "people import preview": ImportRowsModel,
}


MODEL_CLASSES = {
    VisitTableModel, PersonTableModel, OrganisationTableModel, FollowUpTableModel, ParticipantTableModel,
    AgendaTableModel, QuoteTableModel, ContactTableModel, HistoryTableModel, RecycleBinModel, DueModel,
    ImportRowsModel,
}  # fmt: skip


def test_every_list_model_of_the_window_is_in_the_model_tester_list():
    """A new list on the base cannot skip Qt's model tester: every subclass is named above."""
    for module in pkgutil.walk_packages(delegation_app.ui.__path__, "delegation_app.ui."):
        importlib.import_module(module.name)
    found, todo = set(), list(RecordTableModel.__subclasses__())
    while todo:
        cls = todo.pop()
        found.add(cls)
        todo.extend(cls.__subclasses__())
    assert {c for c in found if c.__module__.startswith("delegation_app.")} == MODEL_CLASSES
    assert len(EVERY_LIST) == len(MODEL_CLASSES)


@pytest.mark.parametrize("make", EVERY_LIST.values(), ids=EVERY_LIST.keys())
def test_every_list_passes_the_model_tester_empty(qtmodeltester, make):
    model = make()
    qtmodeltester.check(model, force_py=True)
    model.set_rows([])
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 0
    assert not model.canFetchMore()
    assert model.columnCount() > 0
    assert model.record_at(0) is None
    assert model.id_at(0) is None
    assert model.row_of(1) == -1


def test_pages_come_through_one_loader_by_offset_and_limit(qtmodeltester, services, monkeypatch):
    monkeypatch.setattr(PersonTableModel, "page", 2)
    for name in ("Adler", "Berg", "Conrad", "Dietz", "Ebert"):
        factories.person(services, name)
    calls = []

    def loader(*, offset, limit):  # keyword-only: a loader with the other order cannot slip in
        calls.append((offset, limit))
        return services.people.list(offset=offset, limit=limit)

    model = PersonTableModel()
    model.load(loader)
    while model.canFetchMore():
        model.fetchMore()
    assert [model.record_at(r).last_name for r in range(model.rowCount())] == [
        "Adler", "Berg", "Conrad", "Dietz", "Ebert",
    ]  # fmt: skip
    assert calls == [(0, 2), (2, 2), (4, 2)]
    model.load(loader)  # the same list again: as many rows as the user had, in one query
    assert model.rowCount() == 5
    assert calls[-1] == (0, 5)
    model.reload()  # a new order or search: the first page
    assert model.rowCount() == 2
    assert calls[-1] == (0, 2)
    qtmodeltester.check(model, force_py=True)  # with a page still to come: fetchMore is checked too


def test_a_record_is_found_by_its_id_after_a_reload(qtbot, services):
    berg = factories.person(services, "Berg")
    factories.person(services, "Conrad")
    model = PersonTableModel()
    model.set_loader(lambda *, offset, limit: services.people.list(offset=offset, limit=limit))
    model.reload()
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    table.selectionModel().setCurrentIndex(
        model.index(model.row_of(berg.id), 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert model.id_at(table.currentIndex().row()) == berg.id

    model.reload()  # the same records in the same order: cells update, the selection stays
    assert model.id_at(table.currentIndex().row()) == berg.id

    factories.person(services, "Adler")  # sorts first: Berg moves down a row
    model.reload()
    assert model.row_of(berg.id) == 1
    assert model.id_at(1) == berg.id
    assert model.index(1, 0).data(Qt.ItemDataRole.UserRole) == berg.id


def test_a_list_that_is_not_paged_has_everything_on_one_page(qtmodeltester, services):
    visit = factories.visit(services)
    people = [factories.person(services, name) for name in ("Adler", "Berg", "Conrad")]
    for person in people:
        factories.participation(services, visit.id, person.id)
    model = ParticipantTableModel()
    model.set_participants(services.participations.list_for_visit(visit.id))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 3
    assert not model.canFetchMore()
    stored = services.participations.list_for_visit(visit.id)
    assert [model.id_at(r) for r in range(3)] == [p.id for p in stored]


def test_the_import_preview_passes_the_model_tester_with_rows(qtmodeltester, services):
    from datetime import date

    from delegation_app.interchange.columns import guess_mapping
    from delegation_app.interchange.people_plan import plan_import
    from delegation_app.interchange.tables import RawTable

    factories.person(services, last_name="Müller", first_name="Jürgen")
    headers = ["Vorname", "Nachname", "E-Mail"]
    rows = [
        ["Juergen", "Mueller", "jm@example.org"],
        ["Anna", "", "not-an-address"],
        ["Łukasz", "Wójcik", ""],
    ]
    table = RawTable(headers=headers, rows=rows)
    model = ImportRowsModel()
    model.show_plan(plan_import(services, table, guess_mapping(headers), "liste.csv", date(2026, 12, 6)))
    assert model.rowCount() == 3
    qtmodeltester.check(model, force_py=True)
