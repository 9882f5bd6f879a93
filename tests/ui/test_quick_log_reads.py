"""Opening the quick log reads a page of visits at most, however many are stored (issue 21: a
combo box of every visit read 100,000 of them at each Ctrl+L). Measured as the rows the database
hands back, counted by running each statement the dialog sent once more as ``count(*)``."""

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import event

from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.visit_choice import MATCHES
from delegation_app.ui.contacts.quick_log_dialog import QuickLogDialog

import factories

STORED = 300  # far more than a page, few enough to write in a test
FIRST = datetime(2025, 1, 6, 9, 0)  # visit i starts i days later
NOW = FIRST + timedelta(days=250)  # visits 0-249 are past, 250-299 upcoming


@pytest.fixture
def many_visits(services):
    with services.db.write():  # one transaction: seconds otherwise
        visits = [
            factories.visit(services, f"Besuch {i}", starts_at=FIRST + timedelta(days=i), ends_at=None)
            for i in range(STORED)
        ]
    return services, visits


class RowsRead:
    """The SELECT statements sent on the engine meanwhile; ``rows()``: how many rows they returned."""

    def __init__(self, engine) -> None:
        self.engine, self.sent = engine, []

    def _sent(self, _conn, _cursor, statement, parameters, _context, _many) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            self.sent.append((statement, parameters))

    def __enter__(self) -> "RowsRead":
        event.listen(self.engine, "before_cursor_execute", self._sent)
        return self

    def __exit__(self, *_exc) -> None:
        event.remove(self.engine, "before_cursor_execute", self._sent)

    def rows(self) -> int:
        with self.engine.connect() as conn:
            return sum(
                conn.exec_driver_sql(f"SELECT count(*) FROM ({statement}) AS sent", parameters).scalar_one()
                for statement, parameters in self.sent
            )


def opened(qtbot, services, prompts, **preset) -> QuickLogDialog:
    runner = OperationRunner(services, prompts)
    dialog = QuickLogDialog(services, prompts, runner, clock=lambda: NOW, **preset)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_opening_reads_no_visit_list_and_down_reads_one_page(qtbot, many_visits, prompts):
    services, visits = many_visits
    with RowsRead(services.db.engine) as reads:
        dialog = opened(qtbot, services, prompts)
    assert reads.rows() < 10  # nothing of the 300 visits
    with RowsRead(services.db.engine) as reads:
        dialog.visit.setFocus()
        qtbot.keyClick(dialog.visit, Qt.Key.Key_Down)
        qtbot.waitUntil(dialog.visit.popup().isVisible)
    assert dialog.visit.popup().model().rowCount() == MATCHES
    assert reads.rows() == MATCHES  # one page, not every visit
    first = dialog.visit.popup().model().index(0, 0).data()
    assert first.startswith("Besuch 250 — ")  # the next upcoming one on top
    qtbot.keyClick(dialog.visit.popup(), Qt.Key.Key_Return)
    assert dialog.visit.current_id() == visits[250].id


def test_opened_from_a_visit_reads_that_visit_only(qtbot, many_visits, prompts):
    services, visits = many_visits
    with RowsRead(services.db.engine) as reads:
        dialog = opened(qtbot, services, prompts, visit_id=visits[7].id)
    assert (dialog.visit.current_id(), dialog.visit.text()) == (visits[7].id, "Besuch 7")
    assert reads.rows() < 10
