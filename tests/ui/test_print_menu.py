"""File → Drucken ▸ on a visit: every product, its options dialog, the PDF written on the worker."""

import pytest
from PySide6.QtCore import QPoint, Qt

from delegation_app.services.demo import load_demo

from pdf_tools import flat, pdftotext
from ui_support import open_window


@pytest.fixture
def harness(qtbot, services, db_url, tmp_path, prompts):
    load_demo(services)
    opened = []
    win = open_window(
        qtbot,
        services,
        db_url,
        prompts,
        choose_path=lambda _parent, suggested: str(tmp_path / suggested.rsplit("/", 1)[-1]),
        open_file=opened.append,
    )
    return win, opened


def test_the_file_menu_holds_every_product_and_ctrl_p_stays_the_briefing(harness):
    win, _opened = harness
    file_menu = win.menuBar().actions()[0].menu()
    assert win.printing.menu.menuAction() in file_menu.actions()
    texts = [a.text() for a in win.printing.menu.actions()]
    assert texts[1:] == ["Briefing, Fassung für Externe …", "Besuchsprogramm …", "Teilnehmendenliste …",
                         "Anwesenheitsliste …", "Namensschilder …", "Tischkarten …", "Pressemappe …",
                         "Entwurf der Pressemitteilung …"]  # fmt: skip
    assert win.printing.menu.actions()[0] is win.briefing.action
    assert win.briefing.action.shortcut().toString() == "Ctrl+P"


def test_name_badges_chosen_by_keys_become_a_pdf(qtbot, harness, tmp_path):
    win, opened = harness
    menu = win.printing.menu
    menu.popup(win.mapToGlobal(QPoint(40, 40)))
    qtbot.waitUntil(menu.isVisible)
    badges = next(a for a in menu.actions() if a.text().startswith("Namensschilder"))
    while menu.activeAction() is not badges:
        qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.printing.dialog is not None and win.printing.dialog.isVisible())
    dialog = win.printing.dialog
    assert dialog.chosen_language() == "de"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    assert opened[0].parent == tmp_path
    assert opened[0].name.startswith("Namensschilder Hanauer Delegation")
    text = flat(pdftotext(opened[0].read_bytes()))
    assert "Isabelle Hemsley" in text
    assert "DELEGATION" in text
    assert "Namensschilder nach" in win.statusBar().currentMessage()
    assert win.printing.warning is None  # every character printed
    assert all(action.isEnabled() for action in win.printing.actions.values())


def test_place_cards_in_english_one_per_sheet(qtbot, harness):
    win, opened = harness
    win.printing.actions["place-cards"].trigger()
    qtbot.waitUntil(lambda: win.printing.dialog is not None and win.printing.dialog.isVisible())
    dialog = win.printing.dialog
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.layout_choice.setCurrentIndex(dialog.layout_choice.findData("one"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    from pypdf import PdfReader

    pages = PdfReader(opened[0]).pages
    assert float(pages[0].mediabox.width) > float(pages[0].mediabox.height)  # landscape
