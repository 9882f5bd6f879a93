"""Anonymising a person from their page, as a user does it (issue 13, Art. 17)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget

from ui_support import open_window


def select(qtbot, view, text):
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    row = next(r for r in range(view.model.rowCount()) if text in view.model.index(r, 0).data())
    view.table.selectRow(row)


def test_anonymise_elke_temme_from_her_page(qtbot, demo_services, db_url, prompts):
    window = open_window(qtbot, demo_services, db_url, prompts)
    people = window.views[1][1]
    select(qtbot, people, "Temme")
    editor = people.editor
    qtbot.waitUntil(lambda: editor.record is not None and editor.record.last_name == "Temme")
    temme_id = editor.record.id
    assert editor.anonymise_button.text() == "Anonymisieren …"
    assert editor.erase_button.text() == "Endgültig löschen (Art. 17) …"
    qtbot.mouseClick(editor.anonymise_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.erasure_dialog is not None and editor.erasure_dialog.isVisible())
    dialog = editor.erasure_dialog  # what goes was gathered on the worker
    assert dialog.windowTitle() == "„Elke Temme“ anonymisieren"
    mentions = dialog.findChild(QListWidget)
    shown = [mentions.item(row).text() for row in range(mentions.count())]
    contact = next(text for text in shown if "»Frau Temme«" in text)
    assert contact.startswith("Kontakteintrag · 14.11.2025\n…an Stadtdirektor Kopietz folgt; »Frau Temme«")
    assert all(mentions.item(row).checkState() == Qt.CheckState.Checked for row in range(mentions.count()))
    assert "Sicherungen von vorher enthalten die Daten noch" in dialog.backups.text()
    assert dialog.cancel_button.isDefault()
    dialog.reason.setFocus()
    qtbot.keyClicks(dialog.reason, "Antrag vom 01.03.2026")
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    visit_id = demo_services.visits.list()[0].id
    participants = demo_services.participations.list_for_visit(visit_id)
    assert len(participants) == 11
    row = next(p for p in participants if p.person_id == temme_id)
    label = f"Teilnehmende Person {temme_id}"
    assert (row.person_name, row.organisation_name) == (label, "Stadtwerke Bochum Holding")
    qtbot.waitUntil(lambda: editor.record is not None and editor.record.last_name == row.person_name)
    assert all("Temme" not in c.summary for c in demo_services.contacts.list())


def test_cancel_changes_nothing(qtbot, demo_services, db_url, prompts):
    window = open_window(qtbot, demo_services, db_url, prompts)
    people = window.views[1][1]
    select(qtbot, people, "Temme")
    editor = people.editor
    qtbot.waitUntil(lambda: editor.record is not None and editor.record.last_name == "Temme")
    qtbot.mouseClick(editor.erase_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.erasure_dialog is not None and editor.erasure_dialog.isVisible())
    dialog = editor.erasure_dialog  # what goes was gathered on the worker
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert demo_services.people.find("Temme", "Elke") is not None


def test_without_mentions_the_texts_stay_together(qtbot, demo_services, db_url, prompts):
    """Martin Bieberle is mentioned in no free text: no list, and no gaps opening between the intro,
    the counts, the reason and the note on backups (they read as one question)."""
    window = open_window(qtbot, demo_services, db_url, prompts)
    people = window.views[1][1]
    select(qtbot, people, "Bieberle")
    editor = people.editor
    qtbot.waitUntil(lambda: editor.record is not None and editor.record.last_name == "Bieberle")
    qtbot.mouseClick(editor.erase_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.erasure_dialog is not None and editor.erasure_dialog.isVisible())
    dialog = editor.erasure_dialog
    assert not dialog.mentions.isVisible()
    spacing = dialog.layout().spacing() + 12  # the form row's own margin
    assert dialog.reason.geometry().top() - dialog.counts.geometry().bottom() <= spacing
    assert dialog.backups.geometry().top() - dialog.reason.geometry().bottom() <= spacing
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
def test_what_goes_is_gathered_on_the_worker_not_the_gui_thread(qtbot, demo_services, db_url, prompts):
    """Finding every mention reads all free text and the change history: seconds on a large
    database (3.4 s measured on the scale database), so not on the GUI thread."""
    import threading

    from sqlalchemy import event

    window = open_window(qtbot, demo_services, db_url, prompts)
    people = window.views[1][1]
    select(qtbot, people, "Temme")
    editor = people.editor
    qtbot.waitUntil(lambda: editor.record is not None and editor.record.last_name == "Temme")
    readers = set()

    def seen(_conn, _cursor, statement, *_args):
        if "audit_entry" in statement and " LIKE " in statement.upper():
            readers.add(threading.current_thread())

    event.listen(demo_services.db.engine, "before_cursor_execute", seen)
    qtbot.mouseClick(editor.erase_button, Qt.MouseButton.LeftButton)
    assert not editor.erase_button.isEnabled()  # one click, one question
    qtbot.waitUntil(lambda: editor.erasure_dialog is not None and editor.erasure_dialog.isVisible(),
                    timeout=20_000)  # fmt: skip
    assert readers
    assert threading.main_thread() not in readers
    assert editor.erase_button.isEnabled()


def test_when_another_program_keeps_the_old_text_in_the_file_the_user_is_told(
    qtbot, demo_services, db_path, db_url, prompts
):
    """The command line says so; the window must too: a reader elsewhere (another workplace)
    keeps the erased text in the -wal file until it lets go."""
    import sqlite3

    window = open_window(qtbot, demo_services, db_url, prompts)
    people = window.views[1][1]
    select(qtbot, people, "Temme")
    editor = people.editor
    qtbot.waitUntil(lambda: editor.record is not None and editor.record.last_name == "Temme")
    other = sqlite3.connect(db_path)
    other.execute("BEGIN")
    other.execute("SELECT count(*) FROM person").fetchone()  # a read transaction held open
    try:
        qtbot.mouseClick(editor.anonymise_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: editor.erasure_dialog is not None and editor.erasure_dialog.isVisible())
        dialog = editor.erasure_dialog
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: any(kind == "inform" for kind, _m in prompts.asked), timeout=20_000)
    finally:
        other.rollback()
        other.close()
    (message,) = [m for kind, m in prompts.asked if kind == "inform"]
    assert message.startswith("Gespeichert.")
    assert "anderer Arbeitsplatz" in message
    assert demo_services.people.find("Temme", "Elke") is None
