from datetime import datetime

from PySide6.QtCore import Qt

from delegation_app.domain.enums import VisitStatus
from delegation_app.services.visits import VisitInput
from delegation_app.ui.visits.visit_table_model import VisitTableModel


def test_model_passes_qt_model_tester(qtmodeltester, demo_services):
    demo_services.visits.create(VisitInput(title="Gegenbesuch aus Bochum", status=VisitStatus.PLANNED))
    model = VisitTableModel()
    model.set_visits(demo_services.visits.list())
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 2


def test_cells_show_german_dates_and_status_in_words(demo_services):
    model = VisitTableModel()
    model.set_visits(demo_services.visits.list())
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row == [
        "13.11.2025",
        "Hanauer Delegation in Bochum: Stadt- und Smart-City-Strategie",
        "Stadt Bochum",
        "Stadt Hanau",
        "Bochum",
        "✓ Erledigt",
    ]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Datum", "Titel", "Gastgeber", "Gast", "Ort", "Status"]


def test_multi_day_visit_shows_the_range(demo_services):
    demo_services.visits.create(
        VisitInput(title="Zwei Tage", starts_at=datetime(2026, 2, 24, 9), ends_at=datetime(2026, 2, 25, 17))
    )
    model = VisitTableModel()
    model.set_visits(demo_services.visits.list())
    dates = {model.index(r, 0).data() for r in range(model.rowCount())}
    assert "24.02.2026 – 25.02.2026" in dates
