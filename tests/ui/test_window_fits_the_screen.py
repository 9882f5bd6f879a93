"""Issue 12: the window fits common screens (1280 × 720 up) and the lists keep their columns still.

The offscreen platform has one 800 × 600 screen: the window is put at 1280 × 720 by hand where a
test needs that desktop, as the first start does on such a screen (``first_geometry``).
"""

import pytest
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtWidgets import QApplication, QTableView, QToolButton

from delegation_app.ui.common.column_fit import ColumnFit
from delegation_app.ui.common.record_table_model import Column, RecordTableModel
from delegation_app.ui.shell.application import build_main_window
from delegation_app.ui.shell.window_place import COMFORTABLE, first_geometry, screen_key
from delegation_app.ui.visits.visits_view import VisitsView

LAPTOP = QRect(0, 0, 1280, 720)  # 1920 × 1080 at 150 %; the taskbar takes some of it in practice


@pytest.fixture(autouse=True)
def first_start(qapp):
    """QSettings keeps one file per test session: each test here starts as the first start."""
    QSettings().clear()


def as_laptop(qtbot, window) -> None:
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.setGeometry(LAPTOP)
    qtbot.waitUntil(lambda: window.size() == LAPTOP.size())
    qtbot.waitUntil(lambda: window.visits.width() > 1000)  # the layouts have followed
    QApplication.processEvents()


def widths(table: QTableView) -> list[int]:
    header = table.horizontalHeader()
    return [header.sectionSize(c) for c in range(header.count())]


def test_the_first_start_fills_a_small_screen_and_centres_on_a_large_one():
    for available in (LAPTOP, QRect(0, 0, 1366, 728), QRect(0, 40, 1280, 680)):
        rect, maximized = first_geometry(available)
        assert available.contains(rect)
        assert maximized
    large = QRect(0, 0, 2560, 1400)
    rect, maximized = first_geometry(large)
    assert large.contains(rect)
    assert not maximized
    assert rect.size() == COMFORTABLE
    assert rect.center() == large.center()


def test_the_first_start_sizes_the_window_to_the_screen(window):
    available = window.screen().availableGeometry()
    assert window.isMaximized()
    assert window.minimumSizeHint().width() <= LAPTOP.width()
    assert window.minimumSizeHint().height() <= LAPTOP.height() - 40  # a taskbar, a title bar
    assert available.contains(QRect(available.topLeft(), window.size()))


def test_the_place_is_remembered_per_screen(window, qtbot):
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.setGeometry(QRect(10, 20, 780, 570))
    qtbot.waitUntil(lambda: window.width() == 780)
    window.close()
    key = screen_key(window.screen())
    assert QSettings().value(f"{key}/geometry") is not None
    again, _bus = build_main_window(window.context, prompts=window.prompts)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (780, 570)
    # Another screen (another name or size) has no place yet: it gets the first-start size.
    settings = QSettings()
    settings.setValue(f"{key}/geometry", None)
    settings.remove(key)
    third, _bus = build_main_window(window.context, prompts=window.prompts)
    qtbot.addWidget(third)
    assert third.windowState() & Qt.WindowState.WindowMaximized


def test_every_tab_title_and_the_status_bar_are_in_sight_at_1280x720(window, qtbot):
    as_laptop(qtbot, window)
    bar = window.visits.editor.tabs.tabBar()
    for index in range(bar.count()):
        assert bar.rect().contains(bar.tabRect(index)), bar.tabText(index)
    assert not any(arrow.isVisible() for arrow in bar.findChildren(QToolButton))  # Qt's scroll arrows
    status = window.statusBar()
    assert status.isVisible()
    assert window.rect().contains(status.geometry())
    assert window.database_status.visibleRegion().boundingRect().width() > 200
    notice = window.overdue_notice
    if notice.isVisible():  # the demo's follow-up is overdue: its button in sight too
        corner = notice.open_button.mapTo(window, notice.open_button.rect().bottomRight())
        assert window.rect().contains(corner)


def test_the_visit_titles_are_readable_beside_the_editor_at_1280x720(window, qtbot):
    as_laptop(qtbot, window)
    table = window.visits.table
    title = window.visits.model.visit_at(0).title
    qtbot.waitUntil(lambda: table.columnWidth(1) > 0)
    assert table.columnWidth(1) >= table.fontMetrics().horizontalAdvance(title[:30])
    total = sum(table.columnWidth(c) for c in range(6) if not table.isColumnHidden(c))
    assert total == table.viewport().width()  # no horizontal scroll bar


def test_typing_a_search_leaves_the_columns_where_they_are(window, qtbot):
    as_laptop(qtbot, window)
    view: VisitsView = window.visits
    before = widths(view.table)
    view.search.setFocus()
    for text, rows in (("zzz", 0), ("", 1), ("Hanau", 1)):
        qtbot.keyClick(view.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(view.search, Qt.Key.Key_Delete)
        qtbot.keyClicks(view.search, text)
        qtbot.waitUntil(lambda rows=rows: view.model.rowCount() == rows)
        assert widths(view.table) == before


def test_editing_an_agenda_cell_leaves_the_columns_where_they_are(window, qtbot):
    as_laptop(qtbot, window)
    editor = window.visits.editor
    editor.tabs.setCurrentWidget(editor.agenda)
    table = editor.agenda.table
    qtbot.waitUntil(table.isVisible)
    before = widths(table)
    table.setFocus()
    table.setCurrentIndex(editor.agenda.model.index(2, 2))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: table.state() == QTableView.State.EditingState)
    line = QApplication.focusWidget()
    qtbot.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(line, "Mittagessen im Ratskeller mit allen Gaesten und der Stadtspitze")
    assert widths(table) == before
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QTableView.State.EditingState)
    qtbot.waitUntil(lambda: "Ratskeller" in editor.agenda.model.item_at(2).title)
    assert widths(table) == before


class _Model(RecordTableModel):
    columns = (
        Column("Date", short=True), Column("Title", share=3), Column("Host", spare=1),
        Column("Place", spare=2), Column("Status", short=True),
    )  # fmt: skip


def test_spare_columns_give_way_to_the_title_and_the_text_fills_the_width(qtbot):
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(_Model(table))
    fit = ColumnFit(table)
    wide = fit.widths(1200)
    assert set(wide) == {0, 1, 2, 3, 4}
    assert sum(wide.values()) == 1200
    assert wide[1] > wide[2] >= wide[3] - 3  # the title has three shares; the last one the rounding
    narrower = fit.widths(sum(wide[c] for c in (0, 4)) + 250)
    assert 3 not in narrower  # the place goes first, then the host
    assert 1 in narrower
    assert sum(narrower.values()) == sum(wide[c] for c in (0, 4)) + 250
