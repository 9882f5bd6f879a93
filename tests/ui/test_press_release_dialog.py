"""Pressemitteilung einlesen …: paste, evaluate, accept, create — by keys."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from delegation_app.ui.visits.press_release_dialog import PressReleaseDialog

SEED = Path(__file__).resolve().parents[2] / "resources" / "demo" / "press-release-hanau-bochum.txt"


def _open_dialog(qtbot, window) -> PressReleaseDialog:
    window.show_view(0)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.visits.table.setFocus()
    qtbot.keyClick(
        window.visits.table,
        Qt.Key.Key_V,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: bool(window.visits.findChildren(PressReleaseDialog)))
    dialog = window.visits.findChildren(PressReleaseDialog)[0]
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.paste.setFocus()
    return dialog


def test_the_seed_pasted_evaluated_and_accepted_creates_the_visit(qtbot, window, demo_services, tmp_path):
    people_before = len(demo_services.people.list())
    visits_before = len(demo_services.visits.list())
    dialog = _open_dialog(qtbot, window)
    QApplication.clipboard().setText(SEED.read_text(encoding="utf-8"))
    dialog.paste.setFocus()
    qtbot.keyClick(dialog.paste, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.paste, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.people.rowCount() == 11
    assert dialog.quotes.rowCount() == 6
    # the demo already holds these people: each is matched to its record, none created twice
    record = dialog.people.cellWidget(0, 4)
    assert isinstance(record, QComboBox)
    assert record.currentData() == demo_services.people.find("Hemsley", "Isabelle").id
    dialog.quotes.setCurrentCell(2, 0)
    assert "brachte es Kopietz" in dialog.source.text()
    dialog.grab().save(str(tmp_path / "press_dialog.png"))
    qtbot.keyClick(dialog.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    visits = demo_services.visits.list()
    assert len(visits) == visits_before + 1
    created = next(v for v in visits if v.title == "Delegation aus Hanau in Bochum")
    quotes = demo_services.quotes.list_for_visit(created.id)
    assert len(quotes) == 6
    assert {q.speaker_display for q in quotes} >= {"Isabelle Hemsley", "Kopietz", "Elke Temme"}
    assert len(demo_services.people.list()) == people_before
    assert "Quelle der ursprünglichen Meldung" in demo_services.visits.get(created.id).sources
    assert window.visits.current_visit().id == created.id


def test_a_rejected_quote_and_person_are_not_written(qtbot, window, demo_services):
    dialog = _open_dialog(qtbot, window)
    dialog.paste.setPlainText(
        "„Wir lernen viel“, sagte Stadträtin Zeynep Şahin aus Hanau. Auch Tomasz Nowak war da."
    )
    qtbot.keyClick(dialog.paste, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.people.rowCount() == 2
    dialog.people.setCurrentCell(1, 0)
    dialog.people.setFocus()
    qtbot.keyClick(dialog.people, Qt.Key.Key_Space)  # untick Nowak
    qtbot.keyClick(dialog.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert demo_services.people.find("Şahin", "Zeynep") is not None
    assert demo_services.people.find("Nowak", "Tomasz") is None


def test_the_dialog_has_its_own_alt_letters(qtbot, window):
    from PySide6.QtWidgets import QAbstractButton, QLabel

    dialog = _open_dialog(qtbot, window)
    texts = [w.text() for w in dialog.findChildren(QLabel) if w.buddy() is not None]
    texts += [w.text() for w in dialog.findChildren(QAbstractButton) if "&" in w.text()]
    letters = [t[t.index("&") + 1].lower() for t in texts if "&" in t]
    assert len(letters) >= 9
    assert len(letters) == len(set(letters)), texts
