"""Ctrl+S while another workplace holds the database (issue 13, defect 3): a message in words,
the typed text stays, no crash dialog."""

import sqlite3
import sys

from PySide6.QtCore import Qt

from ui_support import type_text


def test_ctrl_s_while_another_program_holds_the_database_keeps_the_text(
    qtbot, window, prompts, db_path, monkeypatch
):
    crashes = []
    monkeypatch.setattr(sys, "excepthook", lambda *exc: crashes.append(exc))
    editor = window.visits.editor
    qtbot.waitUntil(lambda: editor.visit is not None)
    summary = editor.form.summary
    summary.setFocus()
    summary.moveCursor(summary.textCursor().MoveOperation.End)
    type_text(summary, " Nachtrag von Łukasz Żółkiewski")
    typed = summary.toPlainText()
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another workplace is writing
    try:
        qtbot.keyClick(summary, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: bool(prompts.messages("error")), timeout=15_000)
    finally:
        other.rollback()
        other.close()
    assert "wird gerade von einem anderen Programm" in prompts.messages("error")[-1]
    assert summary.toPlainText() == typed
    assert editor.is_dirty()
    assert crashes == []
    qtbot.keyClick(summary, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # free again
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=10_000)
    assert window.services.visits.get(editor.visit.id).summary == typed
