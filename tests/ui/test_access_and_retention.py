"""The person page's access report (Art. 15), the preferences' retention page and "Check retention"."""

import json
from datetime import date, datetime

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from delegation_app.services.demo import load_demo
from delegation_app.storage.settings import Profile, Settings, load_settings, save_settings
from delegation_app.ui.shell.application import create_application
from delegation_app.ui.shell.preferences_dialog import PreferencesDialog
from delegation_app.ui.shell.retention_dialog import DueModel, RetentionDialog
from delegation_app.user_files import SettingsStore

from pdf_tools import flat, pdftotext
from ui_support import open_window


@pytest.fixture
def people(qtbot, services, db_url, prompts, tmp_path):
    load_demo(services)
    save_settings(Settings(profile=Profile(office_name="Stadt Hanau", name="Anna Schmidt")))
    opened, chosen = [], {"path": str(tmp_path / "auskunft.pdf")}
    hooks = {"choose_path": lambda _parent, _suggested: chosen["path"], "open_file": opened.append}
    win = open_window(qtbot, services, db_url, prompts, report_hooks=hooks)
    win.show_view(1)
    view = win.view_at(1)
    temme = services.people.find("Temme", "Elke")
    view.table.selectRow(view.model.row_of(temme.id))
    qtbot.waitUntil(lambda: view.editor.record_id == temme.id)
    view.tabs.setCurrentWidget(view.page)
    return win, view, opened, chosen


def test_the_person_page_writes_the_access_report_and_opens_it(qtbot, people, tmp_path):
    win, view, opened, _chosen = people
    button = view.page.report_button
    assert button.isVisible()
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    assert opened == [tmp_path / "auskunft.pdf"]
    text = flat(pdftotext(opened[0].read_bytes()))
    assert "Auskunft nach Art. 15 DSGVO" in text
    assert "Stadt Hanau" in text
    assert "Anna Schmidt" in text
    assert "Elke Temme" in text
    assert "Auskunft gespeichert" in win.statusBar().currentMessage()


def test_as_json_it_is_written_and_not_opened(qtbot, people, tmp_path):
    win, view, opened, chosen = people
    chosen["path"] = str(tmp_path / "auskunft.json")
    qtbot.mouseClick(view.page.report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (tmp_path / "auskunft.json").exists(), timeout=20_000)
    qtbot.waitUntil(lambda: "Auskunft gespeichert" in win.statusBar().currentMessage())
    document = json.loads((tmp_path / "auskunft.json").read_text("utf-8"))
    assert document["person"]["last_name"] == "Temme"
    assert opened == []


def test_a_refused_file_name_is_said_and_nothing_is_written(qtbot, people, prompts, tmp_path):
    _win, view, opened, chosen = people
    chosen["path"] = str(tmp_path / "auskunft.docx")
    qtbot.mouseClick(view.page.report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(kind == "error" for kind, _m in prompts.asked), timeout=20_000)
    assert ".pdf" in [m for kind, m in prompts.asked if kind == "error"][-1]
    assert opened == []
    assert not (tmp_path / "auskunft.docx").exists()


def test_without_a_record_the_button_is_off(qtbot, people):
    _win, view, _opened, _chosen = people
    view.new_record()
    assert not view.page.report_button.isEnabled()


def test_the_retention_periods_typed_in_the_preferences_are_saved(qtbot):
    create_application("de")
    store = SettingsStore()
    dialog = PreferencesDialog(settings=store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.pages.setCurrentWidget(dialog.retention_page)
    boxes = dialog.retention_page.days
    assert boxes["people"].text() == "Unbegrenzt"  # by default none
    boxes["people"].setFocus()
    boxes["people"].selectAll()
    qtbot.keyClicks(boxes["people"], "730")
    assert boxes["people"].text() == "730 Tage"
    boxes["visits"].selectAll()
    qtbot.keyClicks(boxes["visits"], "3650")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # OK
    assert load_settings().retention_days == {"people": 730, "contacts": None, "visits": 3650}
    again = PreferencesDialog(settings=store)
    qtbot.addWidget(again)
    assert again.retention_page.days["people"].value() == 730


def retention_dialog(qtbot, services, periods, anonymise=None) -> RetentionDialog:
    create_application("de")
    dialog = RetentionDialog(None, services, periods, date(2030, 1, 1), anonymise)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_check_retention_lists_the_due_records_and_hands_the_chosen_on(qtbot, qtmodeltester, services):
    load_demo(services)
    calls = []
    dialog = retention_dialog(qtbot, services, {"people": 365, "contacts": 30},
                              lambda records, reason: calls.append((records, reason)))  # fmt: skip
    model = dialog.model
    alone = DueModel()  # the checker outlives the dialog: it watches a model of its own
    alone.set_rows([model.record_at(r) for r in range(model.rowCount())])
    qtmodeltester.check(alone, force_py=True)
    assert model.rowCount() == 12  # the demo's 11 people and its contact entry
    assert "12 Datensätze" in dialog.intro.text()
    labels = [model.index(r, 3).data() for r in range(model.rowCount())]
    assert "Elke Temme" in labels
    assert model.index(labels.index("Elke Temme"), 0).data() == "Person"
    assert not dialog.anonymise_button.isEnabled()  # nothing chosen yet
    selection = dialog.table.selectionModel()
    for row in (labels.index("Elke Temme"), labels.index("Kopietz")):
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        selection.select(model.index(row, 0), flags)
    assert dialog.anonymise_button.isEnabled()
    dialog.reason.clear()
    assert not dialog.anonymise_button.isEnabled()  # a reason is kept in the trail: one is needed
    qtbot.keyClicks(dialog.reason, "Frist abgelaufen")
    qtbot.mouseClick(dialog.anonymise_button, Qt.MouseButton.LeftButton)
    ((records, reason),) = calls
    assert sorted(r.label for r in records) == ["Elke Temme", "Kopietz"]
    assert {r.kind for r in records} == {"people"}
    assert reason == "Frist abgelaufen"


def test_check_retention_without_periods_or_without_anonymising(qtbot, services):
    load_demo(services)
    dialog = retention_dialog(qtbot, services, {"people": None})
    assert dialog.model.rowCount() == 0
    assert "keine Aufbewahrungsfrist" in dialog.intro.text()
    listing = retention_dialog(qtbot, services, {"visits": 36500})
    assert listing.model.rowCount() == 0
    assert "Kein Datensatz" in listing.intro.text()
    only = retention_dialog(qtbot, services, {"visits": 30})
    assert only.model.rowCount() == 1
    only.table.selectRow(0)
    assert not only.anonymise_button.isEnabled()  # nobody handed in the anonymising


def test_the_file_menu_opens_check_retention(qtbot, services, db_url, prompts):
    load_demo(services)
    save_settings(Settings(retention_days={"people": None, "contacts": 1, "visits": None}))
    win = open_window(qtbot, services, db_url, prompts, clock=lambda: datetime(2030, 1, 1, 9, 0))
    file_menu = win.menuBar().actions()[0].menu()
    (action,) = [a for a in file_menu.actions() if a.text() == "Aufbewahrung &prüfen …"]
    action.trigger()
    qtbot.waitUntil(lambda: win.retention.isVisible())
    qtbot.waitUntil(lambda: win.retention.model.rowCount() == 1)  # read on the worker
    assert isinstance(win.retention.model, DueModel)


def test_anonymising_the_demo_people_past_a_year_keeps_the_visit_and_its_11_participants(
    qtbot, services, db_url, prompts
):
    """Done when of [data-protection]: retention lists the demo's people in 2030; anonymising them
    from "Check retention" keeps the visit with its 11 participants, and they are not listed again."""
    load_demo(services)
    save_settings(Settings(retention_days={"people": 365, "contacts": None, "visits": None}))
    win = open_window(qtbot, services, db_url, prompts, clock=lambda: datetime(2030, 1, 1, 9, 0))
    win.show_retention()
    dialog = win.retention
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 11)  # read on the worker
    dialog.table.selectAll()
    prompts.confirm_answer = True
    qtbot.mouseClick(dialog.anonymise_button, Qt.MouseButton.LeftButton)
    ((kind, question),) = prompts.asked
    assert kind == "confirm"
    assert question.startswith("11 Personen anonymisieren?")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=20_000)  # done on the worker
    visit = services.visits.list()[0]
    participants = services.participations.list_for_visit(visit.id)
    assert len(participants) == 11
    assert not [p for p in services.people.list() if p.last_name == "Temme"]
    assert dialog.model.rowCount() == 0  # refreshed: nobody is due any more
    trail = services.audit.history("person", services.people.list()[0].id)
    assert any(entry.action == "anonymise" for entry in trail)


def test_declining_the_question_anonymises_nobody(qtbot, services, db_url, prompts):
    load_demo(services)
    save_settings(Settings(retention_days={"people": 365, "contacts": None, "visits": None}))
    win = open_window(qtbot, services, db_url, prompts, clock=lambda: datetime(2030, 1, 1, 9, 0))
    win.show_retention()
    qtbot.waitUntil(lambda: win.retention.model.rowCount() == 11)
    win.retention.table.selectAll()
    prompts.confirm_answer = False
    qtbot.mouseClick(win.retention.anonymise_button, Qt.MouseButton.LeftButton)
    assert [p for p in services.people.list() if p.last_name == "Temme"]
    assert win.retention.model.rowCount() == 11


def test_anonymising_from_check_retention_runs_on_the_worker_and_says_so(qtbot, services, db_url, prompts):
    """Many people and a file rewrite take long on a large database: not on the GUI thread, and the
    button stays off until it is done (a second click must not anonymise them twice)."""
    import threading

    from sqlalchemy import event

    load_demo(services)
    save_settings(Settings(retention_days={"people": 365, "contacts": None, "visits": None}))
    win = open_window(qtbot, services, db_url, prompts, clock=lambda: datetime(2030, 1, 1, 9, 0))
    writers = set()

    def seen(_conn, _cursor, statement, *_args):
        if statement.lstrip().upper().startswith("UPDATE PERSON"):
            writers.add(threading.current_thread())

    event.listen(services.db.engine, "before_cursor_execute", seen)
    win.show_retention()
    dialog = win.retention
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 11)
    dialog.table.selectAll()
    prompts.confirm_answer = True
    qtbot.mouseClick(dialog.anonymise_button, Qt.MouseButton.LeftButton)
    assert not dialog.anonymise_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=20_000)
    assert writers
    assert threading.main_thread() not in writers
    assert "11 Personen anonymisiert" in win.statusBar().currentMessage()
    assert [kind for kind, _m in prompts.asked] == ["confirm"]


def test_what_is_due_is_read_on_the_worker_not_the_gui_thread(qtbot, services, db_url, prompts):
    """With 100,000 people and 300,000 contact entries the list took 8.7 s (scale database): the
    window must not freeze while it is read."""
    import threading

    from sqlalchemy import event

    load_demo(services)
    save_settings(Settings(retention_days={"people": 365, "contacts": 30, "visits": None}))
    win = open_window(qtbot, services, db_url, prompts, clock=lambda: datetime(2030, 1, 1, 9, 0))
    readers = set()

    def seen(_conn, _cursor, statement, *_args):
        if "contact_entry" in statement and "person" not in statement:
            readers.add(threading.current_thread())

    event.listen(services.db.engine, "before_cursor_execute", seen)
    win.show_retention()
    assert win.retention.intro.text() == "Wird geladen …"
    qtbot.waitUntil(lambda: win.retention.model.rowCount() == 12)
    assert readers
    assert threading.main_thread() not in readers
