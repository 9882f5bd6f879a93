"""The whole workflow in the real main window by keyboard and mouse, then read back after a restart:
organisations, the Hanau visit to Bochum, agenda, eleven participants created in place, quotes with
German quotation marks, a contact with a follow-up; nothing from the demo data.
"""

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from delegation_app.domain.enums import (
    OrganisationKind,
    ParticipantRole,
    ParticipantSide,
    VisitDirection,
    VisitStatus,
)
from delegation_app.i18n.labels import label
from delegation_app.services.registry import Services
from delegation_app.storage.opening import open_database
from delegation_app.ui.common.record_chooser import CREATE_ROLE
from delegation_app.ui.visits.agenda_table_model import END, START, TITLE
from delegation_app.ui.visits.participant_table_model import NAME

from ui_support import open_window

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton
TITLE_TEXT = "Hanauer Delegation in Bochum: Stadt- und Smart-City-Strategie"
ORGANISATIONS = [
    ("Stadt Hanau", OrganisationKind.CITY_ADMINISTRATION, "Hanau"),
    ("Stadt Bochum", OrganisationKind.CITY_ADMINISTRATION, "Bochum"),
    ("Stadtwerke Bochum Holding", OrganisationKind.MUNICIPAL_COMPANY, "Bochum"),
]
AGENDA = [("09:30", "10:00", "Begrüßung"), ("10:00", "11:30", "Bochum-Strategie 2030"),
          ("12:30", "14:00", "Stadtkonzern")]  # fmt: skip
MEMBERS = ["Bieberle, Martin", "Freimuth, Daniel", "Kunz, Andreas", "Kretschmann, Franziska",
           "Triebel, Uwe", "Gerlach, Robin", "Kuhn, Dominik"]  # fmt: skip
HOSTS = [("Kücük, Denes", "Chief Digital Officer"), ("Kopietz", "Stadtdirektor"),
         ("Temme, Elke", "Geschäftsführerin")]  # fmt: skip
WICHTIG = "„Wichtig ist nicht, was technisch möglich ist, sondern was den Menschen nützt“"
GRUPPE = (
    "„Wir begreifen uns als Gruppe – Energie, Verkehr, Wohnen, Entsorgung, Marketing. "
    "Gemeinsam können wir mehr bewegen.“"
)
QUOTES = [("Kop", "Kopietz", WICHTIG), ("Elk", "Elke Temme", GRUPPE)]
FOLLOW_UP = "Strategiepapier an die Stadtwerke senden"


def ascii_only(text: str) -> bool:
    return all(ord(c) < 128 for c in text)


def enter_text(qtbot, widget, text: str) -> None:
    # QTest cannot type lowercase umlauts, ß or „“ (it aborts the process): ASCII is typed with
    # qtbot.keyClicks; text with umlauts or German quotation marks is pasted (clipboard + Ctrl+V,
    # i.e. QLineEdit.insert / QPlainTextEdit.insertPlainText; setText/setPlainText would do too).
    widget.setFocus()
    if ascii_only(text):
        qtbot.keyClicks(widget, text)
    else:
        QGuiApplication.clipboard().setText(text)
        qtbot.keyClick(widget, Qt.Key.Key_V, CTRL)


def retype(qtbot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, CTRL)
    enter_text(qtbot, widget, text)


def choose(qtbot, combo, text: str) -> None:
    """Up/Down in a focused list until ``text`` is shown, as a user would."""
    target = combo.findText(text)
    assert target >= 0, f"{text!r} not offered in {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setFocus()
    for _step in range(combo.count()):
        if combo.currentIndex() == target:
            break
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)
    assert combo.currentText() == text


def choose_by_typing(qtbot, chooser, text: str) -> None:
    """Type the name, Enter: the organisation of exactly that name is chosen."""
    chooser.setFocus()
    qtbot.keyClicks(chooser, text)
    qtbot.keyClick(chooser, Qt.Key.Key_Return)
    assert (chooser.text(), chooser.current_id() is not None) == (text, True)


def click_tab(qtbot, editor, page) -> None:
    bar = editor.tabs.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(editor.tabs.indexOf(page)).center())
    assert editor.tabs.currentWidget() is page


def cell_editor(qtbot, table) -> QLineEdit:
    editing = QAbstractItemView.State.EditingState
    qtbot.waitUntil(lambda: table.state() == editing and isinstance(QApplication.focusWidget(), QLineEdit))
    return QApplication.focusWidget()


def finish_cell(qtbot, table, line: QLineEdit) -> None:
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def create_organisations(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)  # View → Organisations
    view = window.views[2][1]
    assert window.stack.currentWidget() is view
    editor = view.editor
    for count, (name, kind, city) in enumerate(ORGANISATIONS, start=1):
        qtbot.keyClick(window, Qt.Key.Key_F, CTRL)  # Find: into the view's search box
        qtbot.keyClick(view.search, Qt.Key.Key_N, CTRL_SHIFT)
        qtbot.waitUntil(editor.name.hasFocus)
        qtbot.keyClicks(editor.name, name)
        choose(qtbot, editor.kind, label(kind))
        enter_text(qtbot, editor.city, city)
        qtbot.mouseClick(editor.save_button, LEFT)
        qtbot.waitUntil(lambda n=count: view.model.rowCount() == n and not editor.is_dirty())


def create_visit(qtbot, window) -> None:
    editor = window.visits.editor
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(editor.form.title.hasFocus)
    form = editor.form
    qtbot.keyClicks(form.title, TITLE_TEXT)
    assert form.direction.currentData() == VisitDirection.OUTGOING  # "Delegationsreise" is the default
    choose(qtbot, form.status, "Erledigt")
    choose_by_typing(qtbot, form.host, "Stadt Bochum")
    choose_by_typing(qtbot, form.guest, "Stadt Hanau")
    for widget, text in ((form.place, "Bochum"), (form.start_date, "13.11.2025"),
                         (form.start_time, "09:30"), (form.end_date, "13.11.2025"),
                         (form.end_time, "16:30")):  # fmt: skip
        retype(qtbot, widget, text)
    qtbot.keyClick(form.place, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: editor.visit is not None and not editor.is_dirty())
    assert window.visits.model.rowCount() == 1


def plan_agenda(qtbot, editor) -> None:
    tab = editor.agenda
    click_tab(qtbot, editor, tab)
    for row, (start, end, title) in enumerate(AGENDA):
        if row == 0:
            qtbot.mouseClick(tab.add_button, LEFT)
        else:
            qtbot.keyClick(tab.table, Qt.Key.Key_A, CTRL_SHIFT)
        line = cell_editor(qtbot, tab.table)  # the new item's title, open for typing
        retype(qtbot, line, title)
        finish_cell(qtbot, tab.table, line)
        for column, text in ((START, start), (END, end)):
            tab.table.setCurrentIndex(tab.model.index(row, column))
            qtbot.keyClick(tab.table, Qt.Key.Key_F2)
            line = cell_editor(qtbot, tab.table)
            retype(qtbot, line, text)
            finish_cell(qtbot, tab.table, line)
        qtbot.waitUntil(lambda r=row, e=end: tab.model.index(r, END).data() == e)
    shown = [[tab.model.index(r, c).data() for c in (START, END, TITLE)] for r in range(3)]
    assert shown == [[s, e, t] for s, e, t in AGENDA]


def add_participant(qtbot, tab, typed: str, function: str | None, side: str, role: str) -> None:
    picker, before = tab.picker, tab.model.rowCount()
    enter_text(qtbot, picker, typed)
    popup = picker.popup()
    qtbot.waitUntil(popup.isVisible)
    for _step in range(popup.model().rowCount()):  # down to the last row, "… neu anlegen"
        if popup.currentIndex().data(CREATE_ROLE):
            break
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    form = picker.dialog
    qtbot.waitUntil(form.isActiveWindow)  # the names are taken from what was typed
    for _field in range(4):
        if form.function.hasFocus():
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert form.function.hasFocus()
    if function:
        enter_text(qtbot, form.function, function)
    qtbot.keyClick(form.function, Qt.Key.Key_Return)
    last_name = typed.partition(",")[0]
    qtbot.waitUntil(lambda: tab.model.rowCount() == before + 1 and not form.isVisible())
    assert tab.current_participant().person_name.endswith(last_name)  # the new one is selected
    choose(qtbot, tab.details.side, side)
    choose(qtbot, tab.details.role, role)
    tab.picker.setFocus()


def add_participants(qtbot, editor) -> None:
    tab = editor.participants
    click_tab(qtbot, editor, tab)
    qtbot.mouseClick(tab.picker, LEFT)
    for typed in MEMBERS:
        add_participant(qtbot, tab, typed, None, "Delegation", "Mitglied")
    # Added after the members on purpose: as head of delegation she moves to the top.
    add_participant(qtbot, tab, "Hemsley, Isabelle", "Stadträtin", "Delegation", "Delegationsleitung")
    for typed, function in HOSTS:
        add_participant(qtbot, tab, typed, function, "Gastgeberseite", "Gastgeber/-in")
    assert tab.model.rowCount() == 11
    assert tab.model.index(0, NAME).data() == "Isabelle Hemsley"


def add_quotes(qtbot, editor) -> None:
    tab = editor.quotes
    click_tab(qtbot, editor, tab)
    for count, (typed, speaker, text) in enumerate(QUOTES, start=1):
        if count == 1:
            qtbot.mouseClick(tab.new_button, LEFT)
        else:
            qtbot.keyClick(tab.table, Qt.Key.Key_A, CTRL_SHIFT)
        qtbot.waitUntil(tab.form.speaker.hasFocus)
        qtbot.keyClicks(tab.form.speaker, typed)
        qtbot.keyClick(tab.form.speaker, Qt.Key.Key_Return)  # the only match is the one meant
        assert tab.form.speaker.text() == speaker
        qtbot.keyClick(tab.form.speaker, Qt.Key.Key_Tab)
        assert tab.form.text.hasFocus()
        enter_text(qtbot, tab.form.text, text)
        qtbot.mouseClick(tab.save_button, LEFT)
        qtbot.waitUntil(lambda n=count: tab.model.rowCount() == n and not tab.has_unsaved_changes())


def log_contact(qtbot, editor) -> None:
    tab = editor.contacts
    click_tab(qtbot, editor, tab)
    retype(qtbot, tab.when, "13.11.2025 15:00")
    for prefix in ("Denes Kücük", "Elke Temme"):
        item = next(tab.people.item(r) for r in range(tab.people.count())
                    if tab.people.item(r).text().startswith(prefix))  # fmt: skip
        qtbot.mouseClick(tab.people.viewport(), LEFT, pos=tab.people.visualItemRect(item).center())
        qtbot.keyClick(tab.people, Qt.Key.Key_Space)  # "tick with Space"
        assert item.checkState() == Qt.CheckState.Checked, prefix
    retype(qtbot, tab.summary, "Austausch zur Smart-City-Strategie und zum Stadtkonzern")
    retype(qtbot, tab.followup, FOLLOW_UP)
    retype(qtbot, tab.due, "15.12.2025")
    qtbot.mouseClick(tab.log_button, LEFT)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)


def check_stored(services: Services) -> None:
    (visit,) = services.visits.list()
    assert (visit.title, visit.direction, visit.status, visit.place) == (
        TITLE_TEXT, VisitDirection.OUTGOING, VisitStatus.DONE, "Bochum")  # fmt: skip
    assert (visit.host_organisation_name, visit.guest_organisation_name) == ("Stadt Bochum", "Stadt Hanau")
    assert (visit.starts_at, visit.ends_at) == (datetime(2025, 11, 13, 9, 30), datetime(2025, 11, 13, 16, 30))
    stored_orgs = {(o.name, o.kind, o.city) for o in services.organisations.list()}
    assert stored_orgs == set(ORGANISATIONS)
    agenda = services.agenda.list_for_visit(visit.id)
    assert [(i.starts_at.strftime("%H:%M"), i.ends_at.strftime("%H:%M"), i.title) for i in agenda] == AGENDA
    assert {i.starts_at.date() for i in agenda} == {date(2025, 11, 13)}
    people = services.participations.list_for_visit(visit.id)
    assert len(people) == 11
    head = people[0]
    assert (head.person_name, head.role, head.function) == (
        "Isabelle Hemsley", ParticipantRole.HEAD_OF_DELEGATION, "Stadträtin")  # fmt: skip
    hosts = [(p.person_name, p.function) for p in people if p.side == ParticipantSide.HOST]
    assert hosts == [("Denes Kücük", "Chief Digital Officer"), ("Kopietz", "Stadtdirektor"),
                     ("Elke Temme", "Geschäftsführerin")]  # fmt: skip
    assert all(p.role == ParticipantRole.HOST for p in people if p.side == ParticipantSide.HOST)
    members = [" ".join(reversed(m.split(", "))) for m in MEMBERS]
    delegation = [p.person_name for p in people if p.side == ParticipantSide.DELEGATION]
    assert delegation == ["Isabelle Hemsley", *members]
    assert services.people.find("Kopietz").first_name is None
    by_id = {p.person_id: p.person_name for p in people}
    quotes = services.quotes.list_for_visit(visit.id)
    assert [(by_id.get(q.speaker_person_id), q.speaker_label, q.text) for q in quotes] == [
        (speaker, None, text) for _typed, speaker, text in QUOTES]  # fmt: skip
    assert all(q.said_on == date(2025, 11, 13) for q in quotes)
    (entry,) = services.contacts.list_for_visit(visit.id)
    assert entry.person_names == ("Denes Kücük", "Elke Temme")
    assert entry.occurred_at == datetime(2025, 11, 13, 15, 0)
    (followup,) = services.followups.list_for_visit(visit.id)
    assert (followup.title, followup.due_on, followup.contact_entry_id) == (
        FOLLOW_UP, date(2025, 12, 15), entry.id)  # fmt: skip


def test_whole_workflow_survives_a_restart(qtbot, services, db_url, prompts):
    window = open_window(qtbot, services, db_url, prompts)
    create_organisations(qtbot, window)
    create_visit(qtbot, window)
    editor = window.visits.editor
    plan_agenda(qtbot, editor)
    add_participants(qtbot, editor)
    add_quotes(qtbot, editor)
    log_contact(qtbot, editor)
    assert [answer for question, answer in prompts.asked if question == "error"] == []
    window.close()
    assert not window.isVisible()
    assert prompts.asked == []  # nothing unsaved was left to ask about
    services.db.dispose()

    db, _report = open_database(db_url)
    try:
        reopened = Services.over(db)
        check_stored(reopened)
        again = open_window(qtbot, reopened, db_url, prompts)
        visits = again.visits
        assert visits.model.rowCount() == 1
        row = [visits.model.index(0, column).data() for column in (1, 2, 3)]  # title, host, guest
        assert row == [TITLE_TEXT, "Stadt Bochum", "Stadt Hanau"]
        assert visits.editor.form.title.text() == TITLE_TEXT  # the only visit is opened
        shown = visits.editor.participants.model
        names = [shown.index(r, NAME).data() for r in range(shown.rowCount())]
        assert len(names) == 11
        assert names[0] == "Isabelle Hemsley"
        assert "Kopietz" in names
        again.close()
    finally:
        db.dispose()
