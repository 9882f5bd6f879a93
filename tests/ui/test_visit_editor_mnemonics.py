"""Alt+letter in the visit editor: each tab's labels and buttons, the menus and whatever else is
on screen beside the editor never share a letter (Alt+B must open Bearbeiten, not a date field)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from delegation_app import i18n

from ui_support import open_window

ALT = Qt.KeyboardModifier.AltModifier


def mnemonic_texts(widgets: list[QWidget]) -> list[str]:
    texts = [w.text() for w in widgets if isinstance(w, QLabel) and w.buddy() is not None]
    texts += [w.text() for w in widgets if isinstance(w, QAbstractButton)]
    return [text for text in texts if "&" in text]


def beside_the_tabs(window) -> list[str]:
    """Shown whichever tab is open: the visit list's panel, the editor's own buttons, the menus."""
    tabs = window.visits.editor.tabs
    widgets = [w for w in window.findChildren(QWidget) if w.isVisibleTo(window) and not tabs.isAncestorOf(w)]
    return mnemonic_texts(widgets) + [action.text() for action in window.menuBar().actions()]


def tab_texts(page: QWidget) -> list[str]:
    """All of the tab's own, also those shown only on demand (the participants' new-person form)."""
    return mnemonic_texts(page.findChildren(QWidget))


def letter(text: str) -> str:
    return text[text.index("&") + 1].lower()


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_tab_has_its_own_letters_beside_the_menus(qtbot, demo_services, db_url, prompts, language):
    i18n.set_language(language)
    window = open_window(qtbot, demo_services, db_url, prompts)
    editor = window.visits.editor
    assert editor.visit is not None
    counts = {}
    for index in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(index)
        page = editor.tabs.widget(index)
        texts = tab_texts(page) + beside_the_tabs(window)
        letters = [letter(text) for text in texts]
        assert len(letters) == len(set(letters)), (editor.tabs.tabText(index), sorted(texts, key=letter))
        counts[editor.tabs.tabText(index)] = len(letters)
    overview = editor.tabs.tabText(0)
    assert counts[overview] >= 20  # 17 fields of the overview and the 4 menus
    assert min(counts.values()) == 4  # the preview has nothing of its own: only the menus


# A popup menu asks the platform for raise() and a keyboard grab; offscreen Qt only warns that it cannot.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_alt_b_opens_the_edit_menu_over_the_overview(qtbot, demo_services, db_url, prompts):
    window = open_window(qtbot, demo_services, db_url, prompts)  # German
    editor = window.visits.editor
    assert editor.tabs.currentIndex() == 0
    editor.form.title.setFocus()
    qtbot.waitUntil(editor.form.title.hasFocus)
    qtbot.keyClick(editor.form.title, Qt.Key.Key_B, ALT)
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Bearbeiten")
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is edit_menu)
    assert not editor.form.end_date.hasFocus()
    edit_menu.close()
