from datetime import date, datetime

from PySide6.QtCore import Qt

from delegation_app.services.contacts import ContactEntryInput
from delegation_app.services.followups import FollowUpInput
from delegation_app.services.visits import VisitInput
from delegation_app.ui.contacts.contact_table_model import ContactTableModel
from delegation_app.ui.followups.followup_table_model import FollowUpTableModel
from delegation_app.ui.visits.visit_table_model import VisitTableModel


def test_contact_model(qtmodeltester, demo_services):
    people = demo_services.people.list()[:2]
    demo_services.contacts.create(
        ContactEntryInput(
            occurred_at=datetime(2025, 11, 20, 10, 0),
            summary="Dank\nzweite",
            person_ids=[p.id for p in people],
            visit_id=1,
        )
    )
    model = ContactTableModel()
    model.set_entries(demo_services.contacts.list_for_visit(1))
    qtmodeltester.check(model, force_py=True)
    assert [model.index(0, c).data() for c in range(4)][:2] == ["20.11.2025, 10:00 Uhr", "Treffen"]
    assert model.index(0, 3).data() == "Dank"


def test_followup_model_says_overdue_in_words(qtmodeltester, demo_services):
    demo_services.followups.create(FollowUpInput(title="Dankschreiben", due_on=date(2025, 11, 20)))
    demo_services.followups.create(FollowUpInput(title="Strategiepapier", due_on=date(2026, 1, 15)))
    model = FollowUpTableModel()
    model.set_followups(demo_services.followups.list(), today=date(2025, 12, 1))
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, 3).data() == "⚠ überfällig"
    assert model.index(1, 3).data() == "offen"
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is None


def test_followup_model_pages_from_the_service(qtmodeltester, demo_services, monkeypatch):
    monkeypatch.setattr(FollowUpTableModel, "page", 2)
    for day in range(1, 6):
        demo_services.followups.create(FollowUpInput(title=f"Punkt {day}", due_on=date(2025, 11, day)))
    whole = [f.id for f in demo_services.followups.list_filtered(include_done=True)]
    calls = []

    def fetch(limit, offset):
        calls.append((limit, offset))
        return demo_services.followups.list_filtered(include_done=True, limit=limit, offset=offset)

    model = FollowUpTableModel()
    model.load(fetch, today=date(2025, 12, 1))
    assert model.rowCount() == 2
    assert model.canFetchMore()
    while model.canFetchMore():
        model.fetchMore()
    assert [model.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(model.rowCount())] == whole
    assert calls[:2] == [(2, 0), (2, 2)]
    model.load(fetch, today=date(2025, 12, 1))  # a refresh reloads what was shown, in one query
    assert model.rowCount() == len(whole)
    assert calls[-1] == (len(whole), 0)
    model.load(fetch, "other filters", today=date(2025, 12, 1))  # another list: its first page only
    assert model.rowCount() == 2
    qtmodeltester.check(model, force_py=True)
    model.load(None)
    assert model.rowCount() == 0
    assert not model.canFetchMore()


def test_visit_status_has_colour_and_words(demo_services):
    model = VisitTableModel()
    model.set_visits(demo_services.visits.list())
    assert model.index(0, 5).data() == "✓ Erledigt"
    assert model.index(0, 5).data(Qt.ItemDataRole.ForegroundRole) is not None


def test_visit_model_pages_in_the_overview_order(qtmodeltester, demo_services, monkeypatch):
    monkeypatch.setattr(VisitTableModel, "page", 1)
    for title in ("Idee A", "Idee B"):
        demo_services.visits.create(VisitInput(title=title))
    whole = [v.id for v in demo_services.visits.list_overview()]
    model = VisitTableModel()
    model.load(lambda limit, offset: demo_services.visits.list_overview_page(limit=limit, offset=offset))
    assert model.rowCount() == 1
    while model.canFetchMore():
        model.fetchMore()
    assert [model.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(model.rowCount())] == whole
    qtmodeltester.check(model, force_py=True)
