"""The briefing names its creator from the profile (issue 12 item 10): the name and function in
the text, the name as the PDF's author; never the computer login. With no name in the profile,
the briefing dialog asks once and stores it there."""

import getpass
import io
from dataclasses import replace

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from delegation_app.services.demo import load_demo

from pdf_tools import flat, pdftotext
from ui_support import open_window, type_text

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def harness(qtbot, services, db_url, tmp_path, prompts):
    load_demo(services)
    opened: list = []
    win = open_window(
        qtbot,
        services,
        db_url,
        prompts,
        choose_path=lambda _parent, _suggested: str(tmp_path / "briefing.pdf"),
        open_file=opened.append,
    )
    return win, opened


def set_profile(win, **fields) -> None:
    store = win.context.settings
    settings = store.get()
    store.save(replace(settings, profile=replace(settings.profile, **fields)))


def open_dialog(qtbot, win):
    win.visits.table.setFocus()
    qtbot.keyClick(win.visits.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: win.briefing.dialog is not None and win.briefing.dialog.isVisible())
    return win.briefing.dialog


def written(qtbot, opened) -> tuple[str, str | None]:
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    pdf = opened[-1].read_bytes()
    return flat(pdftotext(pdf)), PdfReader(io.BytesIO(pdf)).metadata.author


def test_the_profile_names_the_creator_and_the_author(qtbot, harness):
    win, opened = harness
    set_profile(win, name="Anna Schmidt", function="Referentin für Städtepartnerschaften")
    dialog = open_dialog(qtbot, win)
    assert dialog.issuer_name is None  # the profile has a name: nothing to ask
    qtbot.mouseClick(dialog.ok_button, LEFT)
    text, author = written(qtbot, opened)
    assert "von Anna Schmidt, Referentin für Städtepartnerschaften" in text
    assert author == "Anna Schmidt"
    assert f"von {getpass.getuser()}" not in text


def test_without_a_name_the_dialog_asks_once_and_keeps_it_in_the_profile(qtbot, harness):
    win, opened = harness
    dialog = open_dialog(qtbot, win)
    assert dialog.issuer_name is not None
    assert dialog.issuer_name.text() == ""  # not the login
    dialog.issuer_name.setFocus()
    type_text(dialog.issuer_name, "Łukasz Żółkiewski")
    qtbot.keyClick(dialog.issuer_name, Qt.Key.Key_Return)
    text, author = written(qtbot, opened)
    assert "von Łukasz Żółkiewski" in text
    assert author == "Łukasz Żółkiewski"
    assert win.context.settings.get().profile.name == "Łukasz Żółkiewski"
    qtbot.waitUntil(win.briefing.action.isEnabled)
    win.activateWindow()  # the offscreen platform does not hand it back after a dialog
    qtbot.waitUntil(win.isActiveWindow)
    assert open_dialog(qtbot, win).issuer_name is None  # asked once


def test_the_empty_name_field_shows_its_whole_hint(qtbot, harness):
    """„Ihr Name (wird im Profil gespeichert)“ says where the name goes; cut off, it said nothing."""
    win, _opened = harness
    field = open_dialog(qtbot, win).issuer_name
    hint = field.placeholderText()
    assert hint == "Ihr Name (wird im Profil gespeichert)"
    room = field.contentsRect().width() - 2 * field.textMargins().left()
    assert field.fontMetrics().horizontalAdvance(hint) < room
    qtbot.keyClick(field, Qt.Key.Key_Escape)


def test_no_name_given_prints_no_name_and_never_the_login(qtbot, harness):
    win, opened = harness
    dialog = open_dialog(qtbot, win)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    text, author = written(qtbot, opened)
    assert f"von {getpass.getuser()}" not in text
    assert author in (None, "", "anonymous") or getpass.getuser() not in author
    assert win.context.settings.get().profile.name == ""


def test_the_profile_button_opens_the_preferences_at_the_profile(qtbot, harness):
    win, opened = harness
    dialog = open_dialog(qtbot, win)
    qtbot.mouseClick(dialog.profile_button, LEFT)
    preferences = win.preferences
    qtbot.waitUntil(preferences.isVisible)
    assert preferences.pages.currentWidget() is preferences.profile_page
    qtbot.waitUntil(preferences.profile_page.name.hasFocus)
    qtbot.keyClicks(preferences.profile_page.name, "Anna Schmidt")
    qtbot.keyClick(preferences.profile_page.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not preferences.isVisible())
    assert dialog.issuer_name.text() == "Anna Schmidt"
    qtbot.mouseClick(dialog.ok_button, LEFT)
    text, author = written(qtbot, opened)
    assert (author, "von Anna Schmidt" in text) == ("Anna Schmidt", True)
