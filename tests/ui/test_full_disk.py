"""A full disk, simulated with SQLite's own limit: ``PRAGMA max_page_count`` on every connection
makes any write that needs a new page fail with SQLITE_FULL ("database or disk is full"), exactly
as a full disk does."""

import pytest
from sqlalchemy import Engine, event

from broken_files import fingerprint, good_database, start_for
from delegation_app.startup import ContextOpener
from delegation_app.storage.failures import Problem, StorageError
from delegation_app.ui.shell.application import create_application, start_window
from delegation_app.ui.shell.start_prompts import StartChoice
from delegation_app.user_files import SettingsStore

from ui_support import FakePrompts


@pytest.fixture
def full_disk():
    """From now on, no connection of the program can grow its file by a single page."""

    def no_room(dbapi_connection, _record):
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {max(pages, 1)}")

    event.listen(Engine, "connect", no_room)
    yield
    event.remove(Engine, "connect", no_room)


def test_a_full_disk_at_the_first_start_says_so_and_leaves_no_file_behind(qtbot, tmp_path, full_disk):
    create_application("de")
    path = tmp_path / "neu" / "delegation.sqlite"
    prompts = FakePrompts()
    assert start_window(start_for(path), ContextOpener(SettingsStore()), prompts) is None
    (message, advice, choices) = prompts.messages("start_failure")[0]
    assert "Datenträger ist voll" in message
    assert "Platz" in advice
    assert choices == [StartChoice.OTHER_FILE, StartChoice.QUIT]  # nothing there to read
    assert fingerprint(path) == {}  # no empty database file, no -wal/-shm


def test_a_save_on_a_full_disk_says_so_and_keeps_the_typed_text(qtbot, tmp_path, request):
    db_file = good_database(tmp_path / "delegation.sqlite")
    request.getfixturevalue("full_disk")  # the disk fills up after the data was entered
    create_application("de")
    prompts = FakePrompts()
    window, _bus = start_window(start_for(db_file), ContextOpener(SettingsStore()), prompts)
    qtbot.addWidget(window)
    window.show()
    editor = window.visits.editor
    qtbot.waitUntil(lambda: editor.visit is not None)
    long_summary = "Ausführliches Gesprächsprotokoll mit Zusagen. " * 1000  # new pages; under 50,000
    editor.form.summary.setPlainText(long_summary)
    assert editor.save() is False
    assert prompts.messages("start_failure") == []  # the start itself needs no room
    assert "Datenträger ist voll" in prompts.messages("error")[-1]
    assert editor.form.summary.toPlainText() == long_summary
    assert editor.is_dirty()
    assert window.services.visits.get(editor.visit.id).summary != long_summary  # nothing half-saved
    window.context.database.dispose()


def test_the_storage_boundary_turns_a_full_disk_into_a_user_error(services, full_disk):
    services.db.dispose()  # new connections, now with the limit
    from delegation_app.services.organisations import OrganisationInput

    def fill_up():
        for number in range(200):
            services.organisations.create(OrganisationInput(name=f"Stadtverwaltung {number} " + "x" * 180))

    with pytest.raises(StorageError) as info:
        fill_up()
    assert info.value.problem is Problem.DISK_FULL
    assert "Datenträger ist voll" in info.value.message
