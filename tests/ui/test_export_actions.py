"""File → Export in the window: the list shown as Excel, chosen people as vCards, the visit as .ics."""

import icalendar
import openpyxl
import pytest
import vobject
from PySide6.QtCore import QItemSelectionModel

from delegation_app.services.demo import load_demo

from ui_support import open_window


@pytest.fixture
def window(qtbot, services, db_url, prompts, tmp_path):
    load_demo(services)
    chosen = {"path": None, "folder": str(tmp_path)}
    hooks = {
        "choose_path": lambda _parent, _caption, _suggested, _filter: chosen["path"],
        "choose_folder": lambda _parent, _caption, _start: chosen["folder"],
    }
    win = open_window(qtbot, services, db_url, prompts, export_hooks=hooks)
    return win, chosen


def said(win, fragment):
    return lambda: fragment in win.statusBar().currentMessage()


def test_the_menu_offers_what_the_view_shown_can_export(qtbot, window):
    win, _chosen = window
    menu = win.exports.menu
    assert menu.title() == "E&xportieren"
    assert menu.menuAction() in win.menuBar().actions()[0].menu().actions()
    win.show_view(0)
    win.visits.table.selectRow(0)
    menu.aboutToShow.emit()
    assert win.exports.ics_action.isEnabled()
    assert win.exports.vcard_action.isEnabled()  # the visit's participants
    win.show_view(2)
    menu.aboutToShow.emit()
    assert win.exports.xlsx_action.isEnabled()
    assert not win.exports.ics_action.isEnabled()
    assert not win.exports.vcard_action.isEnabled()


def test_the_list_shown_as_an_excel_workbook(qtbot, window, tmp_path):
    win, chosen = window
    chosen["path"] = str(tmp_path / "organisationen")  # the ending is added
    win.show_view(2)
    win.exports.xlsx_action.trigger()
    qtbot.waitUntil(said(win, "Excel-Liste"), timeout=20_000)
    sheet = openpyxl.load_workbook(tmp_path / "organisationen.xlsx").active
    assert sheet.title == "Organisationen"
    assert [c.value for c in sheet[1]] == ["Name", "Art", "Ort", "Land", "Website"]
    assert "Stadt Bochum" in [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]


def test_people_chosen_in_the_list_as_vcards(qtbot, window, services, tmp_path):
    win, chosen = window
    chosen["path"] = str(tmp_path / "zwei.vcf")
    win.show_view(1)
    view = win.view_at(1)
    for name in (("Temme", "Elke"), ("Kuhn", "Dominik")):
        row = view.model.row_of(services.people.find(*name).id)
        view.table.selectionModel().select(
            view.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    win.exports.menu.aboutToShow.emit()
    assert win.exports.vcard_action.isEnabled()
    win.exports.vcard_action.trigger()
    qtbot.waitUntil(said(win, "Visitenkarten (vCard) nach"), timeout=20_000)
    names = {c.fn.value for c in vobject.readComponents((tmp_path / "zwei.vcf").read_text("utf-8"))}
    assert names == {"Elke Temme", "Dominik Kuhn"}


def test_the_visits_participants_one_file_each_and_its_calendar(qtbot, window, tmp_path):
    win, chosen = window
    win.show_view(0)
    win.visits.table.selectRow(0)
    folder = tmp_path / "karten"
    folder.mkdir()
    chosen["folder"] = str(folder)
    win.exports.vcard_files_action.trigger()
    qtbot.waitUntil(said(win, "11 Kontaktdateien"), timeout=20_000)
    assert len(list(folder.glob("*.vcf"))) == 11
    chosen["path"] = str(tmp_path / "besuch.ics")
    win.exports.ics_action.trigger()
    qtbot.waitUntil(said(win, "Kalenderdatei"), timeout=20_000)
    calendar = icalendar.Calendar.from_ical((tmp_path / "besuch.ics").read_bytes())
    assert len(calendar.walk("VEVENT")) > 5


def test_a_refused_target_is_said_in_one_message(qtbot, window, prompts, tmp_path):
    win, chosen = window
    chosen["path"] = str(tmp_path / "fehlt" / "liste.xlsx")
    win.show_view(2)
    win.exports.xlsx_action.trigger()
    qtbot.waitUntil(lambda: any(kind == "error" for kind, _m in prompts.asked), timeout=20_000)
    assert "gibt es nicht" in [m for kind, m in prompts.asked if kind == "error"][-1]
