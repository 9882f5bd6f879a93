"""The people view, driven like a user: search, sort, create, edit, delete, history."""

from datetime import datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from delegation_app import i18n
from delegation_app.domain.enums import ParticipantRole
from delegation_app.services.people import PersonInput, PhoneInput
from delegation_app.ui.common.change_bus import ChangeBus
from delegation_app.ui.common.operation_runner import OperationRunner
from delegation_app.ui.common.prompts import Choice
from delegation_app.ui.organisations.organisations_view import OrganisationsView
from delegation_app.ui.people.people_table_model import PersonTableModel
from delegation_app.ui.people.people_view import PeopleView
from delegation_app.ui.shell.application import create_application

import factories
from i18n_scan import german_messages
from ui_support import open_window

MESSAGES = german_messages()  # source text → German, as the catalogue has it

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
VIEWS = [None, PeopleView, OrganisationsView]  # their places in the main window's navigation


def open_view(qtbot, services, prompts, cls=PeopleView):
    create_application("de")
    bus = ChangeBus()
    services.db.add_listener(bus.on_commit)
    view = cls(services, bus, prompts, OperationRunner(services, prompts))
    view._test_bus = bus  # keep the bus alive as long as the view
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    view.activateWindow()
    qtbot.waitExposed(view)
    qtbot.waitUntil(view.isActiveWindow)  # shortcuts fire only in the active window
    return view


@pytest.fixture
def view(qtbot, services, prompts):
    return open_view(qtbot, services, prompts)


def names(view) -> list[str]:
    return [view.model.index(row, 0).data() for row in range(view.model.rowCount())]


def click_row(qtbot, view, row: int) -> None:
    rect = view.table.visualRect(view.model.index(row, 0))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_header(qtbot, view, column: int) -> None:
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def retype(qtbot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


# --- the table model ------------------------------------------------------------------------------


def test_model_passes_qt_model_tester(qtmodeltester, demo_services, monkeypatch):
    monkeypatch.setattr(PersonTableModel, "page", 4)  # several pages: fetchMore is tested too
    model = PersonTableModel()
    model.set_loader(lambda offset, limit: demo_services.people.list(limit=limit, offset=offset))
    model.reload()
    assert model.rowCount() == 4
    assert model.canFetchMore()
    qtmodeltester.check(model, force_py=True)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == len(demo_services.people.list())


def test_cells_show_the_list_name_and_german_headers(services):
    org = factories.organisation(services, "Stadt Hanau")
    factories.person(services, "Kuhn", "Dominik", title="Dr.", function="Pressekontakt",
                     organisation_id=org.id, email="presse@hanau.de", is_own_staff=True,
                     phones=[PhoneInput("+49 6181 3000-6069")])  # fmt: skip
    model = PersonTableModel()
    model.set_rows(services.people.list())
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[:5] == [
        "Kuhn, Dr. Dominik",
        "Pressekontakt",
        "Stadt Hanau",
        "presse@hanau.de",
        "06181 3000-6069",
    ]
    assert row[5]  # own staff, in words
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["Name", "Funktion", "Organisation", "E-Mail", "Telefon"]
    assert model.index(0, 0).data(Qt.ItemDataRole.UserRole) == services.people.list()[0].id


# --- creating and editing ---------------------------------------------------------------------------


def test_create_a_person_bad_email_shows_under_the_field_then_saves(qtbot, view, services):
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    editor = view.editor
    assert editor.title_edit.hasFocus()
    qtbot.keyClicks(editor.first_name, "Ayla")
    qtbot.keyClicks(editor.last_name, "Özdemir")
    qtbot.keyClicks(editor.email, "ayla.oezdemir")
    qtbot.keyClicks(editor.office_phone, "+49 6181 3000-6069")
    assert editor.state.text() == "Ungespeicherte Änderungen"  # in words, not only a colour
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    error = editor.form.error_label("email")
    assert error.isVisible()
    assert "keine gültige E-Mail-Adresse" in error.text()
    assert "Fehler" in editor.email.accessibleDescription()
    assert editor.email.hasFocus()
    assert services.people.list() == []

    retype(qtbot, editor.email, "ayla.oezdemir@hanau.de")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: names(view) == ["Özdemir, Ayla"])
    assert not error.isVisible()
    (stored,) = services.people.list()
    assert stored.email == "ayla.oezdemir@hanau.de"
    assert editor.office_phone.text() == "06181 3000-6069"  # shown back per DIN 5008
    assert editor.heading.text() == "Ayla Özdemir"
    assert editor.state.text() == ""
    qtbot.waitUntil(lambda: view.current_record() is not None)
    assert view.current_record().id == stored.id


def test_a_bad_mobile_number_is_marked_at_the_mobile_field(qtbot, view, services):
    view.new_record()
    qtbot.keyClicks(view.editor.last_name, "Kopietz")
    qtbot.keyClicks(view.editor.office_phone, "0234 910-0")
    qtbot.keyClicks(view.editor.mobile_phone, "12")
    qtbot.mouseClick(view.editor.save_button, Qt.MouseButton.LeftButton)
    assert view.editor.form.error_label("phone_mobile").isVisible()
    assert not view.editor.form.error_label("phone_office").isVisible()
    assert services.people.list() == []


def test_editing_keeps_numbers_the_form_does_not_show(qtbot, view, services):
    person = factories.person(services, phones=[PhoneInput("0234 910-0"), PhoneInput("0234 910-1", "fax")])
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    click_row(qtbot, view, 0)
    qtbot.keyClicks(view.editor.function, "Stadtdirektor")
    qtbot.mouseClick(view.editor.save_button, Qt.MouseButton.LeftButton)
    stored = services.people.get(person.id)
    assert stored.function == "Stadtdirektor"
    assert [(p.kind, p.display) for p in stored.phones] == [
        ("office", "0234 910-0"),
        ("fax", "0234 910-1"),
    ]


def test_a_change_made_elsewhere_meanwhile_is_a_conflict_not_an_overwrite(qtbot, view, services, prompts):
    person = factories.person(services)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    click_row(qtbot, view, 0)
    qtbot.keyClicks(view.editor.function, "Stadtdirektor")
    services.people.update(person.id, person.version, PersonInput(last_name="Kücük", first_name="Dénes"))
    qtbot.mouseClick(view.editor.save_button, Qt.MouseButton.LeftButton)  # the prompt answers Cancel
    assert prompts.asked[-1][0] == "conflict"
    assert services.people.get(person.id).first_name == "Dénes"
    assert view.editor.function.text() == "Stadtdirektor"  # the typed text is not lost
    prompts.choice = Choice.DISCARD
    qtbot.mouseClick(view.editor.cancel_button, Qt.MouseButton.LeftButton)
    assert view.editor.first_name.text() == "Dénes"  # discarding shows the other version
    assert not view.editor.is_dirty()


def test_choose_an_organisation(qtbot, view, services):
    factories.organisation(services, "Stadt Bochum")
    factories.person(services, "Kopietz", None)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    click_row(qtbot, view, 0)
    chooser = view.editor.organisation
    assert (chooser.text(), chooser.placeholderText()) == ("", "— keine —")
    chooser.setFocus()
    qtbot.keyClicks(chooser, "boch")
    qtbot.keyClick(chooser, Qt.Key.Key_Return)  # the only match
    assert chooser.text() == "Stadt Bochum"
    assert view.editor.is_dirty()
    qtbot.mouseClick(view.editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model.index(0, 2).data() == "Stadt Bochum")


def test_a_person_deleted_by_another_program_is_explained(qtbot, view, services, db_url):
    from delegation_app.services.registry import Services
    from delegation_app.storage.database import Database

    factories.person(services, "Kuhn", "Dominik")
    gone = factories.person(services, "Zander", "Uwe")
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    other = Database(db_url)  # a colleague's program on the same file: no signal reaches us
    Services.over(other).people.delete(gone.id, gone.version)
    other.dispose()
    click_row(qtbot, view, 1)
    assert "Diese Person ist nicht (mehr) vorhanden." in view.notice.text()
    assert view.editor.mode == "nothing"
    qtbot.waitUntil(lambda: names(view) == ["Kuhn, Dominik"])


@pytest.mark.parametrize("choice", [Choice.CANCEL, Choice.DISCARD, Choice.SAVE])
def test_unsaved_edit_and_switching_selection_asks(qtbot, view, services, prompts, choice):
    first = factories.person(services, "Kuhn", "Dominik")
    factories.person(services, "Zander", "Uwe")
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    click_row(qtbot, view, 0)
    qtbot.keyClicks(view.editor.function, "Pressekontakt")
    prompts.choice = choice
    click_row(qtbot, view, 1)

    assert prompts.asked == [("save_discard_cancel", "Die Person „Dominik Kuhn“")] or prompts.asked == [
        ("save_discard_cancel", "The person “Dominik Kuhn”")  # until the German catalog has it
    ]
    if choice is Choice.CANCEL:
        assert view.table.currentIndex().row() == 0
        assert view.editor.record_id == first.id
        assert view.editor.function.text() == "Pressekontakt"
        assert view.editor.is_dirty()
    else:
        assert view.editor.heading.text() == "Uwe Zander"
        assert not view.editor.is_dirty()
    stored = services.people.get(first.id).function
    assert stored == ("Pressekontakt" if choice is Choice.SAVE else None)


def test_cancel_on_a_new_person_with_text_asks_then_returns(qtbot, view, services, prompts):
    factories.person(services, "Kuhn", "Dominik")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    click_row(qtbot, view, 0)
    view.new_record()
    qtbot.keyClicks(view.editor.last_name, "Neu")
    prompts.choice = Choice.DISCARD
    qtbot.mouseClick(view.editor.cancel_button, Qt.MouseButton.LeftButton)
    assert prompts.asked[-1][0] == "save_discard_cancel"
    assert view.editor.mode == "edit"
    assert view.editor.heading.text() == "Dominik Kuhn"
    assert len(services.people.list()) == 1


# --- sorting and searching ----------------------------------------------------------------------


@pytest.fixture
def three(services):
    zeche = factories.organisation(services, "Zeche Zollverein")
    amt = factories.organisation(services, "Ämterverbund")
    factories.person(services, "Zander", "Uwe", organisation_id=amt.id)
    factories.person(services, "Özdemir", "Ayla", organisation_id=zeche.id)
    factories.person(services, "Kuhn", "Dominik")
    return services


def test_header_clicks_sort_in_sql(qtbot, three, prompts, monkeypatch):
    calls = []
    real_list = three.people.list

    def spy(*args, **kwargs):
        calls.append(kwargs)
        return real_list(*args, **kwargs)

    monkeypatch.setattr(three.people, "list", spy)
    view = open_view(qtbot, three, prompts)
    # DIN 5007: Özdemir sorts with O, before Zander (a Python sort of the names would not)
    assert names(view) == ["Kuhn, Dominik", "Özdemir, Ayla", "Zander, Uwe"]
    assert sorted(names(view)) != names(view)

    click_header(qtbot, view, 0)
    assert names(view) == ["Zander, Uwe", "Özdemir, Ayla", "Kuhn, Dominik"]
    assert (calls[-1]["order_by"], calls[-1]["descending"]) == ("name", True)

    click_header(qtbot, view, 2)  # organisation: Ämterverbund before Zeche, nobody's last
    assert names(view) == ["Zander, Uwe", "Özdemir, Ayla", "Kuhn, Dominik"]
    assert (calls[-1]["order_by"], calls[-1]["descending"]) == ("organisation", False)
    click_header(qtbot, view, 2)
    assert names(view) == ["Özdemir, Ayla", "Zander, Uwe", "Kuhn, Dominik"]
    assert view.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_typing_in_the_search_box_filters_once_after_a_pause(qtbot, three, prompts, monkeypatch):
    view = open_view(qtbot, three, prompts)
    calls = []
    real_list = three.people.list
    monkeypatch.setattr(three.people, "list", lambda *a, **kw: calls.append(a) or real_list(*a, **kw))
    qtbot.keyClicks(view.search, "zollv")
    qtbot.waitUntil(lambda: names(view) == ["Özdemir, Ayla"])
    assert calls == [("zollv",)]  # one query for five keys: the debounce
    view.search.clear()
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)


def test_a_new_order_or_search_starts_at_the_top_with_one_page(qtbot, services, prompts, monkeypatch):
    monkeypatch.setattr(PersonTableModel, "page", 30)  # more rows than the view shows
    for number in range(100):
        factories.person(services, f"Name{number:02}", None, function=f"Funktion {99 - number:02}")
    view = open_view(qtbot, services, prompts)
    bar = view.table.verticalScrollBar()
    for _ in range(3):  # drag to the end: each time the next page comes
        bar.setValue(bar.maximum())
        qtbot.wait(10)
    assert view.model.rowCount() > 60
    pages = []
    real_list = services.people.list
    monkeypatch.setattr(services.people, "list", lambda *a, **kw: pages.append(kw) or real_list(*a, **kw))

    click_header(qtbot, view, 1)  # function: the reverse of the names
    qtbot.wait(50)
    assert bar.value() == 0
    assert view.model.rowCount() == 30  # scrolled down, the view would load the second page at once
    assert [p["offset"] for p in pages] == [0]
    assert names(view)[:2] == ["Name99", "Name98"]

    bar.setValue(bar.maximum())
    view.search.setText("name4")
    qtbot.waitUntil(lambda: len(names(view)) == 10)
    assert bar.value() == 0


def test_choosing_rows_shows_each_persons_organisation(qtbot, services, prompts):
    bochum = factories.organisation(services, "Stadt Bochum")
    hanau = factories.organisation(services, "Stadt Hanau")
    factories.person(services, "Kuhn", None, organisation_id=bochum.id)
    factories.person(services, "Zander", None, organisation_id=hanau.id)
    view = open_view(qtbot, services, prompts)
    chooser = view.editor.organisation
    click_row(qtbot, view, 0)
    assert (chooser.text(), chooser.current_id()) == ("Stadt Bochum", bochum.id)
    click_row(qtbot, view, 1)
    assert view.editor.heading.text() == "Zander"
    assert (chooser.text(), chooser.current_id()) == ("Stadt Hanau", hanau.id)
    assert not view.editor.is_dirty()


def test_a_long_value_is_shown_from_its_beginning(qtbot, services, prompts):
    """A field too narrow for its value shows the start (where "Pressemitteilung der Stadt …" begins),
    not the end that setText scrolls to."""
    note = "Pressemitteilung der Stadt Hanau vom 14.11.2025, " + "https://www.presse-service.de/" * 4
    factories.person(services, "Kuhn", "Dominik", source_note=note)
    view = open_view(qtbot, services, prompts)
    click_row(qtbot, view, 0)
    edit = view.editor.source_note
    assert edit.text() == note
    assert edit.fontMetrics().horizontalAdvance(note) > edit.width()  # the case: too long to show whole
    assert edit.cursorPosition() == 0
    assert not view.editor.is_dirty()


def test_the_list_and_the_organisation_choices_follow_changes_made_elsewhere(qtbot, view, services):
    factories.person(services, "Kuhn", None)
    qtbot.waitUntil(lambda: names(view) == ["Kuhn"])
    click_row(qtbot, view, 0)
    factories.organisation(services, "Stadt Bochum")  # found by the next search, nothing to refill
    chooser = view.editor.organisation
    chooser.setFocus()
    qtbot.keyClicks(chooser, "Stadt Bochum")
    qtbot.keyClick(chooser, Qt.Key.Key_Return)
    assert chooser.text() == "Stadt Bochum"
    assert chooser.current_id() is not None


def test_a_new_organisation_is_created_from_the_person_form(qtbot, view, services):
    factories.person(services, "Żółkiewski", "Łukasz")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    click_row(qtbot, view, 0)
    chooser = view.editor.organisation
    chooser.setFocus()
    qtbot.keyClicks(chooser, "Urzad Miasta Lublin")
    qtbot.keyClick(chooser, Qt.Key.Key_Return)
    qtbot.keyClick(chooser.popup(), Qt.Key.Key_Return)  # "„…“ neu anlegen"
    qtbot.waitUntil(chooser.dialog.isVisible)
    qtbot.keyClick(chooser.dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: chooser.text() == "Urzad Miasta Lublin")
    qtbot.mouseClick(view.editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model.index(0, 2).data() == "Urzad Miasta Lublin")


# --- deleting ---------------------------------------------------------------------------------------


def test_delete_a_person_who_spoke_a_quote_shows_consequences_and_no_keeps_it(qtbot, view, services,
                                                                             prompts):  # fmt: skip
    person = factories.person(services, "Hemsley", "Isabelle")
    visit = factories.visit(services)
    factories.quote(services, visit.id, "„Wir lernen voneinander.“", speaker_person_id=person.id)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    click_row(qtbot, view, 0)
    view.table.setFocus()
    prompts.confirm = False
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)

    what, consequences = prompts.asked[-1][1]
    assert prompts.asked[-1][0] == "confirm_delete"
    assert "Isabelle Hemsley" in what
    assert consequences == {"Zitate behalten den Namen als Text": 1}
    assert services.people.get(person.id) == person

    prompts.confirm = True
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    assert services.people.list() == []
    assert services.quotes.list_for_visit(visit.id)[0].speaker_display == "Isabelle Hemsley"
    assert view.editor.mode == "nothing"


# --- keys, labels, history ----------------------------------------------------------------------------


def test_keyboard_new_edit(qtbot, view, services):
    factories.person(services, "Kuhn", "Dominik")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    view.search.setFocus()
    qtbot.keyClick(view.search, Qt.Key.Key_N, CTRL_SHIFT)
    assert view.editor.mode == "new"
    assert view.editor.title_edit.hasFocus()
    click_row(qtbot, view, 0)
    assert view.editor.mode == "edit"
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert view.editor.title_edit.hasFocus()
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Insert)
    assert view.editor.mode == "new"


def test_double_click_edits(qtbot, view, services):
    factories.person(services, "Kuhn", "Dominik")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    view.tabs.setCurrentIndex(1)
    rect = view.table.visualRect(view.model.index(0, 1))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.tabs.currentWidget() is view.editor
    assert view.editor.title_edit.hasFocus()


def mnemonic_texts(widgets: list[QWidget]) -> list[str]:
    texts = [w.text() for w in widgets if isinstance(w, QLabel) and w.buddy() is not None]
    texts += [w.text() for w in widgets if isinstance(w, QAbstractButton)]
    return [text for text in texts if "&" in text]


def view_texts(view) -> list[str]:
    """The view's own, also those of the tab not shown."""
    tabs = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    return mnemonic_texts(view.findChildren(QWidget)) + [text for text in tabs if "&" in text]


def shown_in_window(qtbot, services, db_url, prompts, language, cls):
    i18n.set_language(language)
    window = open_window(qtbot, services, db_url, prompts)
    window.show_view(VIEWS.index(cls))
    assert isinstance(window.stack.currentWidget(), cls)
    return window, window.stack.currentWidget()


def check_mnemonics(qtbot, services, db_url, prompts, language, cls):
    """Alt+letter is unique within the view, whatever is beside it in the main window and the menu bar."""
    if language == "de":  # a text missing from the catalog would show in English and hide a clash
        _window, english = shown_in_window(qtbot, services, db_url, prompts, "en", cls)
        assert [text for text in view_texts(english) if text not in MESSAGES] == []
    window, view = shown_in_window(qtbot, services, db_url, prompts, language, cls)
    stack = window.stack
    beside = [w for w in window.findChildren(QWidget) if w.isVisibleTo(window) and not stack.isAncestorOf(w)]
    menus = [action.text() for action in window.menuBar().actions()]
    texts = view_texts(view) + mnemonic_texts(beside) + menus
    letters = [text[text.index("&") + 1].lower() for text in texts]
    assert len(letters) == len(set(letters)), sorted(texts)
    assert len(menus) == 4
    return view, letters


@pytest.mark.parametrize("language", ["de", "en"])
def test_mnemonics_are_unique_and_inputs_labelled(qtbot, services, db_url, prompts, language):
    view, letters = check_mnemonics(qtbot, services, db_url, prompts, language, PeopleView)
    assert len(letters) >= 22  # 18 of the view's own and the 4 menus
    inputs = [
        w for kind in (QLineEdit, QComboBox, QCheckBox, QPlainTextEdit) for w in view.findChildren(kind)
    ]
    buddies = {label.buddy() for label in view.findChildren(QLabel)}
    for widget in inputs:
        if isinstance(widget.parent(), QComboBox):
            continue  # the line edit inside an editable combo box
        assert widget.accessibleName(), widget
        assert widget in buddies, widget.accessibleName()


# A popup menu asks the platform for raise() and a keyboard grab; offscreen Qt only warns that it cannot.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_alt_b_opens_the_edit_menu_over_the_people_view(qtbot, services, db_url, prompts):
    window, view = shown_in_window(qtbot, services, db_url, prompts, "de", PeopleView)
    view.search.setFocus()
    qtbot.keyClick(view.search, Qt.Key.Key_N, CTRL_SHIFT)  # a new person: the form is open, Alt+B typed there
    qtbot.waitUntil(view.editor.title_edit.hasFocus)
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Bearbeiten")
    # Twice: Qt takes turns between the owners of a letter, so the first press alone proves nothing.
    for _press in range(2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_B, ALT)
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is edit_menu)
        assert not view.editor.office_phone.hasFocus()
        edit_menu.close()
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)


def test_history_lists_visit_quote_and_contact_entry(qtbot, view, services):
    person = factories.person(services, "Hemsley", "Isabelle")
    other = factories.person(services, "Kuhn", "Dominik")
    visit = factories.visit(services, "Hanauer Delegation in Bochum")
    factories.participation(services, visit.id, person.id, role=ParticipantRole.HEAD_OF_DELEGATION)
    factories.quote(services, visit.id, "„Was den Menschen nützt.“", speaker_person_id=person.id)
    factories.contact_entry(services, [person.id, other.id], "Dank für den Besuch",
                            occurred_at=datetime(2026, 3, 2, 10, 15))  # fmt: skip
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    click_row(qtbot, view, 0)
    view.tabs.setCurrentWidget(view.page)
    text = view.history.toPlainText()
    assert "Hanauer Delegation in Bochum" in text
    assert "24.02.2026" in text
    assert "Delegationsleitung" in text
    assert "„Was den Menschen nützt.“" in text
    assert "02.03.2026, 10:15 Uhr" in text
    assert "Dank für den Besuch" in text
    assert "Dominik Kuhn" in text
    factories.contact_entry(services, [person.id], "Rückruf", occurred_at=datetime(2026, 4, 1, 9, 0))
    qtbot.waitUntil(lambda: "Rückruf" in view.history.toPlainText())
    text = view.history.toPlainText()
    assert text.index("Rückruf") < text.index("Dank für den Besuch")  # newest first
