"""The visit of a follow-up chosen by typing, in the Follow-ups view's filter and in its dialog:
title words search the visits, Down in the empty field lists the upcoming, then the latest ones,
the empty field means "all visits" (filter) or "no visit" (dialog)."""

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from delegation_app.services.followups import FollowUpInput
from delegation_app.services.visits import VisitInput
from delegation_app.ui.followups.followup_table_model import TITLE, VISIT, FollowUpTableModel

import factories
from ui_support import open_window

TODAY = datetime(2025, 12, 15, 9, 0)
CTRL = Qt.KeyboardModifier.ControlModifier
LUBLIN, CULTURE = 2, 3  # after the demo's visit
BOCHUM = "Hanauer Delegation in Bochum: Stadt- und Smart-City-Strategie"  # the demo's, 13.11.2025


@pytest.fixture
def services(demo_services):
    s = demo_services
    lublin = factories.visit(
        s, "Partnerschaftstreffen in Lublin",
        starts_at=datetime(2026, 1, 10, 9, 0), ends_at=datetime(2026, 1, 12, 16, 0),
    )  # fmt: skip
    culture = factories.visit(
        s, "Lubliner Kulturtage", starts_at=datetime(2024, 5, 2, 9, 0), ends_at=datetime(2024, 5, 3, 18, 0)
    )
    s.followups.create(FollowUpInput("Protokoll verschicken", due_on=date(2025, 12, 1), visit_id=1))
    s.followups.create(FollowUpInput("Hotel in Lublin buchen", due_on=date(2025, 12, 20), visit_id=lublin.id))
    s.followups.create(FollowUpInput("Kulturtage abrechnen", due_on=date(2026, 2, 1), visit_id=culture.id))
    assert (lublin.id, culture.id) == (LUBLIN, CULTURE)
    return s


@pytest.fixture
def window(qtbot, services, db_url, prompts):
    return open_window(qtbot, services, db_url, prompts, clock=lambda: TODAY)


def shown(qtbot, window):
    view = window.followups
    qtbot.keyClick(window.visits.table, Qt.Key.Key_4, CTRL)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is view)
    return view


def column(view, col):
    return [view.model.index(r, col).data() for r in range(view.model.rowCount())]


def listed(chooser) -> list[str]:
    popup = chooser.popup()
    return [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]


def focused():
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_down_in_the_empty_filter_lists_upcoming_then_latest_visits_with_their_dates(qtbot, window, services):
    view = shown(qtbot, window)
    visit = view.filters.visit
    assert visit.placeholderText() == "Alle Besuche"
    assert visit.accessibleName() == "Wiedervorlagen des Besuchs"
    assert len(column(view, TITLE)) == 4  # the demo's open one and the three above
    visit.setFocus()
    qtbot.keyClick(visit, Qt.Key.Key_Down)
    qtbot.waitUntil(visit.popup().isVisible)
    assert listed(visit) == [
        "Partnerschaftstreffen in Lublin — 10.01.2026 – 12.01.2026",  # upcoming first
        f"{BOCHUM} — 13.11.2025",  # then the latest past one
        "Lubliner Kulturtage — 02.05.2024 – 03.05.2024",
    ]
    qtbot.keyClick(visit.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(visit.popup(), Qt.Key.Key_Return)
    assert visit.text() == BOCHUM
    assert column(view, TITLE) == [
        "Protokoll verschicken",
        "Hanauer Smart-City-Strategiepapier an die Stadtwerke Bochum senden",
    ]
    assert set(column(view, VISIT)) == {BOCHUM}


def test_typing_title_words_searches_and_enter_chooses_from_several(qtbot, window, services):
    view = shown(qtbot, window)
    visit = view.filters.visit
    visit.setFocus()
    qtbot.keyClicks(visit, "lub")
    qtbot.keyClick(visit, Qt.Key.Key_Return)  # two visits start with it: they are listed, none chosen
    qtbot.waitUntil(visit.popup().isVisible)
    assert visit.current_id() is None
    assert [text.split(" — ")[0] for text in listed(visit)] == [
        "Partnerschaftstreffen in Lublin", "Lubliner Kulturtage",
    ]  # fmt: skip
    qtbot.keyClick(visit.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(visit.popup(), Qt.Key.Key_Return)
    assert (visit.text(), visit.current_id()) == ("Lubliner Kulturtage", CULTURE)
    assert column(view, TITLE) == ["Kulturtage abrechnen"]
    assert column(view, VISIT) == ["Lubliner Kulturtage"]
    qtbot.keyClicks(visit, "x")  # typed but not chosen: leaving the field keeps the choice
    view.table.setFocus()
    assert visit.text() == "Lubliner Kulturtage"
    assert column(view, TITLE) == ["Kulturtage abrechnen"]
    view.show_all_open()  # the overdue notice's way in: every filter emptied
    assert visit.text() == ""
    assert len(column(view, TITLE)) == 4


def test_opened_for_one_visit_the_filter_shows_its_title_and_follows_a_rename(qtbot, window, services):
    view = shown(qtbot, window)
    view.filters.set_visit(LUBLIN)
    assert view.filters.visit.text() == "Partnerschaftstreffen in Lublin"
    assert column(view, TITLE) == ["Hotel in Lublin buchen"]
    lublin = services.visits.get(LUBLIN)
    renamed = VisitInput(
        "Partnerschaftstreffen in Lublin 2026", starts_at=lublin.starts_at, ends_at=lublin.ends_at
    )
    services.visits.update(LUBLIN, lublin.version, renamed)  # elsewhere, meanwhile
    qtbot.waitUntil(lambda: view.filters.visit.text() == "Partnerschaftstreffen in Lublin 2026")
    assert column(view, VISIT) == ["Partnerschaftstreffen in Lublin 2026"]  # the column from the rows


def opened(qtbot, view, title):
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(column(view, TITLE).index(title), TITLE))
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible())
    qtbot.waitUntil(view.dialog.isActiveWindow)
    return view.dialog


def test_the_dialog_shows_saves_and_empties_the_visit(qtbot, window, services):
    view = shown(qtbot, window)
    dialog = opened(qtbot, view, "Protokoll verschicken")
    visit = dialog.visit
    assert (visit.text(), visit.accessibleName()) == (BOCHUM, "Besuch")
    assert visit.placeholderText() == "(kein Besuch)"  # what the empty field means
    visit.setFocus()
    qtbot.keyClick(visit, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(visit, "partnerschaft")
    qtbot.keyClick(visit, Qt.Key.Key_Return)  # the only match
    assert visit.text() == "Partnerschaftstreffen in Lublin"
    qtbot.keyClick(focused(), Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    saved = services.followups.get(3)
    assert (saved.visit_id, saved.visit_title) == (LUBLIN, "Partnerschaftstreffen in Lublin")
    row = column(view, TITLE).index("Protokoll verschicken")
    assert column(view, VISIT)[row] == "Partnerschaftstreffen in Lublin"
    view.window().activateWindow()  # as the desktop does when a dialog closes (offscreen Qt does not)

    dialog = opened(qtbot, view, "Protokoll verschicken")
    dialog.visit.setFocus()
    qtbot.keyClick(dialog.visit, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(dialog.visit, Qt.Key.Key_Backspace)  # emptied: no visit
    assert dialog.has_changes()
    qtbot.keyClick(focused(), Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert services.followups.get(3).visit_id is None
    assert column(view, VISIT)[column(view, TITLE).index("Protokoll verschicken")] == ""


def test_the_model_takes_the_visit_title_from_the_rows(qtmodeltester, services):
    model = FollowUpTableModel()
    model.load(lambda limit, offset: services.followups.list_filtered(limit=limit, offset=offset))
    qtmodeltester.check(model)
    titles = {model.index(r, TITLE).data(): model.index(r, VISIT).data() for r in range(model.rowCount())}
    assert titles["Hotel in Lublin buchen"] == "Partnerschaftstreffen in Lublin"
    assert titles["Kulturtage abrechnen"] == "Lubliner Kulturtage"
