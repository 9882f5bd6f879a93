"""Ctrl+P on a visit: options dialog, file name, PDF written off the GUI thread, viewer opened."""

import dataclasses
import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from delegation_app.reports.options import Section
from delegation_app.services.demo import load_demo
from delegation_app.ui.printing.briefing_dialog import BriefingDialog
from delegation_app.ui.printing.briefing_export import suggested_name

import factories
from pdf_tools import flat
from ui_support import open_window


@pytest.fixture
def harness(qtbot, services, db_url, tmp_path, prompts):
    load_demo(services)
    opened, chosen = [], {"path": str(tmp_path / "briefing.pdf")}
    win = open_window(
        qtbot,
        services,
        db_url,
        prompts,
        choose_path=lambda _parent, _suggested: chosen["path"],
        open_file=opened.append,
    )
    return win, opened, chosen


def open_dialog(qtbot, win) -> BriefingDialog:
    qtbot.keyClick(win.visits.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: win.briefing.dialog is not None and win.briefing.dialog.isVisible())
    return win.briefing.dialog


def test_ctrl_p_writes_the_briefing_and_opens_it(qtbot, harness, tmp_path):
    win, opened, _ = harness
    dialog = open_dialog(qtbot, win)
    assert dialog.language.currentData() == "de"
    qtbot.mouseClick(dialog.sections[next(iter(dialog.sections))], Qt.MouseButton.LeftButton)  # untick one
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    assert opened == [tmp_path / "briefing.pdf"]
    text = flat(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(opened[0].read_bytes())).pages))
    assert "Isabelle Hemsley" in text
    assert "Zweck und Zusammenfassung" not in text  # the unticked section
    assert not win.busy.isVisible()
    assert win.briefing.action.isEnabled()
    assert "Briefing nach" in win.statusBar().currentMessage()


def test_english_without_private_details(qtbot, harness):
    win, opened, _ = harness
    dialog = open_dialog(qtbot, win)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.private.setChecked(False)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    text = flat(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(opened[0].read_bytes())).pages))
    assert "Head of delegation" in text
    assert "06181 3000-6069" not in text


def test_word_chosen_in_the_dialog_writes_a_docx(qtbot, harness, tmp_path):
    from docx import Document

    win, opened, chosen = harness
    suggested = []
    chosen["path"] = str(tmp_path / "briefing")  # typed without a suffix
    win.briefing.choose_path = lambda _parent, name: suggested.append(name) or chosen["path"]
    dialog = open_dialog(qtbot, win)
    dialog.format.setFocus()
    qtbot.keyClick(dialog.format, Qt.Key.Key_Down)
    assert dialog.file_format() == "docx"
    assert dialog.ok_button.text().replace("&", "") == "Word-Datei erstellen …"
    dialog.external.setFocus()
    qtbot.keyClick(dialog.external, Qt.Key.Key_Space)
    assert not dialog.sections[Section.NOTES].isEnabled()  # the outside copy never holds them
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    assert suggested[0].endswith(".docx")
    assert opened == [tmp_path / "briefing.docx"]
    doc = Document(str(opened[0]))
    assert "Besuchsprogramm" in [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert "Fassung für Externe" in doc.sections[0].header.paragraphs[0].text


def test_cancel_writes_nothing(qtbot, harness, tmp_path):
    win, opened, _ = harness
    dialog = open_dialog(qtbot, win)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert not (tmp_path / "briefing.pdf").exists()
    assert opened == []


def test_a_file_that_cannot_be_written_is_explained(qtbot, harness, tmp_path):
    win, opened, chosen = harness
    chosen["path"] = str(tmp_path / "no-such-folder" / "briefing.pdf")
    dialog = open_dialog(qtbot, win)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    def message_box():
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        return boxes[0] if boxes else None

    qtbot.waitUntil(lambda: message_box() is not None, timeout=20_000)
    assert "Den Ordner" in message_box().text()
    assert "gibt es nicht" in message_box().text()
    message_box().close()
    assert opened == []
    assert win.briefing.action.isEnabled()



@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Delegation aus Lublin: Wirtschaft", "Briefing Delegation aus Lublin Wirtschaft 24.02.2026.pdf"),
        ('A/B  "Smart City" <2026>? *', "Briefing A B Smart City 2026 24.02.2026.pdf"),
        ("Tab\there\nand a line", "Briefing Tab here and a line 24.02.2026.pdf"),
    ],
)
def test_the_suggested_file_name_has_single_spaces_and_nothing_windows_refuses(services, title, expected):
    visit = services.visits.get(factories.visit(services).id)
    assert suggested_name(dataclasses.replace(visit, title=title)) == expected  # as an import may bring it


def test_no_dot_or_space_before_the_extension(services):
    visit = services.visits.get(factories.visit(services).id)
    assert suggested_name(dataclasses.replace(visit, title="Besuch am Rhein. ", starts_at=None)) == (
        "Briefing Besuch am Rhein.pdf"
    )
def message_box():
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    return boxes[0] if boxes else None


def test_the_backups_folder_is_refused_as_the_briefing_folder(qtbot, harness):
    """The dialog adds ".pdf", so the database itself is out of reach here; the program's own
    backups folder is not: the output writer refuses it and the window says so."""
    win, opened, chosen = harness
    backups = win.context.paths.backups_folder
    backups.mkdir(parents=True, exist_ok=True)
    chosen["path"] = str(backups / "briefing.pdf")
    dialog = open_dialog(qtbot, win)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: message_box() is not None, timeout=20_000)
    assert "liegt im Sicherungsordner des Programms" in message_box().text()
    message_box().close()
    assert opened == []
    assert not (backups / "briefing.pdf").exists()
