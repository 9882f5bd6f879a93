"""Tab and Shift+Tab go round every screen in reading order and leave every table (issue 20:
WCAG 2.1.2 no keyboard trap, 2.4.3 focus order): driven with the keys, as a user would."""

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QTabBar,
    QWidget,
)

import delegation_app.ui

PRESSES = 40
UI = Path(delegation_app.ui.__file__).parent
TABLE_BASES = {"common/table_view.py", "common/wrapping_table.py"}


def name_of(widget: QWidget) -> str:
    """What a screen reader says the widget is: its accessible name, its label (buddy) or its text."""
    if widget.accessibleName():
        return widget.accessibleName()
    for label in widget.window().findChildren(QLabel):
        if label.buddy() is widget:
            return label.text().replace("&", "")
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&", "")
    if isinstance(widget, QTabBar):  # read as the list of its tabs
        return widget.tabText(widget.currentIndex())
    return ""


def focus_round(qtbot, start: QWidget, key=Qt.Key.Key_Tab) -> list[QWidget]:
    """Press ``key`` up to 40 times from ``start``; the widgets that had the focus, in turn, up
    to and including ``start`` again (the round closed) or all 40 (it did not)."""
    start.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    seen: list[QWidget] = []
    for _press in range(PRESSES):
        qtbot.keyClick(QApplication.focusWidget(), key)
        seen.append(QApplication.focusWidget())
        if seen[-1] is start:
            break
    return seen


def describe(widgets) -> list[str]:
    return [f"{type(w).__name__} “{name_of(w)}”" for w in widgets]


def assert_round(qtbot, start: QWidget, must_visit) -> list[QWidget]:
    seen = focus_round(qtbot, start)
    assert seen[-1] is start, f"Tab ×40 did not come back: {describe(seen)}"
    once = seen[:-1]
    assert len(set(once)) == len(once), f"a widget took the focus twice: {describe(seen)}"
    assert [w for w in seen if not name_of(w)] == [], describe(seen)
    missing = [w for w in must_visit if w not in seen]
    assert missing == [], f"never reached: {describe(missing)} in {describe(seen)}"
    backwards = focus_round(qtbot, start, Qt.Key.Key_Backtab)
    assert backwards[:-1] == list(reversed(once)), "Shift+Tab goes another way round than Tab"
    return seen


def visible_tables(view: QWidget) -> list[QAbstractItemView]:
    return [
        t
        for t in view.findChildren(QAbstractItemView)
        if t.isVisible() and t.isEnabled() and not isinstance(t, QHeaderView)
    ]


def test_no_list_or_table_keeps_tab(window):
    """Every item view of every view and editor tab (and the dialogs of the window): Tab leaves it."""
    window.views  # noqa: B018 - builds every view
    window.show_recycle_bin()
    window.show_preferences()
    window.visits.editor.show_history()
    views = window.findChildren(QAbstractItemView)
    assert len(views) > 15
    trapping = [f"{type(v).__name__} {v.accessibleName()}" for v in views if v.tabKeyNavigation()]
    assert trapping == []


def test_tables_are_made_on_the_shared_base():
    """A table made as a plain QTableView or QTableWidget would trap Tab again: only the bases
    (TableView, WrappingTable) make them."""
    made = [
        f"{path.relative_to(UI)}: {match.group(0)}"
        for path in sorted(UI.rglob("*.py"))
        if path.relative_to(UI).as_posix() not in TABLE_BASES
        for match in re.finditer(r"\bQ(TableView|TableWidget)\(", path.read_text(encoding="utf-8"))
    ]
    assert made == []


def test_tab_goes_round_the_visit_editor_and_back_to_the_title(qtbot, window):
    visits = window.visits
    seen = assert_round(
        qtbot,
        visits.editor.form.title,
        [
            window.navigation,
            visits.search,
            visits.editor.save_button,
            visits.editor.tabs.tabBar(),
            *visible_tables(visits),
        ],
    )
    order = [seen.index(w) for w in (window.navigation, visits.search, visits.table)]
    order += [seen.index(visits.editor.save_button), seen.index(visits.editor.tabs.tabBar())]
    assert order == sorted(order), "not in reading order: navigation, search, list, Save, tabs"


def test_tab_goes_round_the_agenda_tab(qtbot, window):
    editor = window.visits.editor
    editor.tabs.setCurrentWidget(editor.agenda)
    assert_round(qtbot, editor.agenda.table, [editor.agenda.responsible, editor.save_button])


def test_tab_goes_round_the_contact_entries_tab(qtbot, window):
    editor = window.visits.editor
    editor.tabs.setCurrentWidget(editor.contacts)
    assert_round(qtbot, editor.contacts.table, [editor.contacts.log_button, window.visits.table])


def record_view_round(qtbot, window, index: int) -> None:
    window.show_view(index)
    view = window.view_at(index)
    view.table.selectRow(0)
    editor = view.editor
    regions = [view.table, view.new_button, view.tabs.tabBar(), editor.first_input]
    assert_round(qtbot, view.search, [*regions, editor.save_button, editor.cancel_button, window.navigation])


def test_tab_goes_round_the_people_view(qtbot, window):
    record_view_round(qtbot, window, 1)


def test_tab_goes_round_the_organisations_view(qtbot, window):
    record_view_round(qtbot, window, 2)


def test_tab_goes_round_the_followups_view(qtbot, window):
    window.show_followups()
    view = window.followups
    combos = [c for c in view.filters.findChildren(QComboBox) if c.isVisible()]
    filters = view.filters
    seen = assert_round(qtbot, view.table, [view.mark_button, window.navigation, *combos, filters.visit])
    in_order = [w for w in seen if w in (filters.whose, filters.visit, filters.person, filters.show_done)]
    assert in_order == [filters.whose, filters.visit, filters.person, filters.show_done]  # as they are read
