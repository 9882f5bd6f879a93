"""Each broken-file case through the real start path: the right message, the right ways out, and
the file's bytes exactly as they were (no -wal/-shm appears beside it)."""

import contextlib
import errno
import os
import shutil
import sqlite3
import stat
import subprocess

import pytest

from broken_files import (
    damage_schema,
    fingerprint,
    good_database,
    mark_as_newer,
    start_for,
)
from delegation_app.services.backups import describe_backup
from delegation_app.startup import ContextOpener
from delegation_app.storage.backups import copy_database
from delegation_app.storage.paths import backup_dir
from delegation_app.storage.settings import Settings, save_settings
from delegation_app.ui.common.prompts import Choice
from delegation_app.ui.shell.application import create_application, start_window
from delegation_app.ui.shell.start_prompts import StartChoice, failure_box
from delegation_app.user_files import SettingsStore

from ui_support import FakePrompts


@pytest.fixture
def db_file(tmp_path):
    return good_database(tmp_path / "data" / "delegation.sqlite")


@pytest.fixture
def start_gui(qtbot):
    """Start like the program does, with a test answering the dialogs; the window if one opened."""
    create_application("de")
    opened = []

    def start(start, prompts):
        built = start_window(start, ContextOpener(SettingsStore()), prompts)  # settings read at start
        if built is None:
            return None
        window, bus = built
        window._test_bus = bus
        qtbot.addWidget(window)
        window.show()
        opened.append(window)
        return window

    yield start
    for window in opened:
        window.background.wait()
        window.context.database.dispose()


def failure(prompts, index=0):
    message, advice, choices = prompts.messages("start_failure")[index]
    return message, advice, choices


def test_a_damaged_file_is_named_and_stays_byte_for_byte_as_it_was(start_gui, db_file):
    damage_schema(db_file)
    before = fingerprint(db_file)
    prompts = FakePrompts()
    assert start_gui(start_for(db_file), prompts) is None  # "Beenden"
    message, advice, choices = failure(prompts)
    assert "beschädigt" in message
    assert "Sicherung" in advice
    assert choices == [StartChoice.OTHER_FILE, StartChoice.QUIT]  # no backup yet: none offered
    assert fingerprint(db_file) == before


def test_restore_from_a_backup_keeps_the_damaged_file_aside_and_opens_the_data(start_gui, db_file, tmp_path):
    backup = copy_database(db_file, backup_dir() / "delegation-daily-20260101.sqlite")
    stick = copy_database(db_file, tmp_path / "stick" / "delegation-daily-20251231.sqlite")
    os.utime(stick, (stick.stat().st_atime - 86_400, stick.stat().st_mtime - 86_400))
    save_settings(Settings(second_backup_folder=str(stick.parent)))
    titles = [row[0] for row in sqlite3.connect(backup).execute("SELECT title FROM visit")]
    damage_schema(db_file)
    before = fingerprint(db_file)
    damaged = before[db_file.name]
    prompts = FakePrompts()
    prompts.start_answers = [StartChoice.RESTORE, StartChoice.RESTORE]
    prompts.confirm_answer = False  # first: the user says no to the named backup
    assert start_gui(start_for(db_file), prompts) is None
    assert [c[1] for c in prompts.messages("choose_backup")[0]] == [backup, stick]  # newest first
    assert "1 Besuch)" in prompts.messages("confirm")[0]
    assert fingerprint(db_file) == before  # no yes, no change

    prompts = FakePrompts()
    prompts.start_answers = [StartChoice.RESTORE]
    prompts.confirm_answer = True
    window = start_gui(start_for(db_file), prompts)
    assert window is not None
    assert [v.title for v in window.services.visits.list()] == titles
    aside = [p for p in db_file.parent.glob("*.sqlite") if "-set-aside-" in p.name]
    assert len(aside) == 1
    assert fingerprint(aside[0])[aside[0].name] == damaged
    assert aside[0].name in prompts.messages("inform")[0]
    assert [p.name for p in backup_dir().iterdir()] == [backup.name]  # reading it left nothing beside


@pytest.mark.parametrize(
    "content",
    [
        b"Liebe Kolleginnen und Kollegen,\nanbei die Tagesordnung.\n" * 40,
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(3000),
    ],
    ids=["text", "pdf"],
)
def test_a_file_that_is_no_database_is_named_and_another_file_can_be_opened(
    start_gui, db_file, tmp_path, content
):
    other = tmp_path / "post" / "tagesordnung.sqlite"
    other.parent.mkdir()
    other.write_bytes(content)
    before = fingerprint(other)
    prompts = FakePrompts()
    prompts.start_answers = [StartChoice.OTHER_FILE]
    prompts.database_answer = str(db_file)
    window = start_gui(start_for(other), prompts)
    message, advice, _choices = failure(prompts)
    assert "keine Datenbank" in message
    assert "andere Datei" in advice
    assert prompts.messages("choose_database") == [str(other.parent)]
    assert window is not None
    assert str(db_file) in window.database_status.text()
    assert fingerprint(other) == before


def test_a_file_from_a_newer_program_offers_no_way_to_change_it(start_gui, db_file):
    mark_as_newer(db_file)
    before = fingerprint(db_file)
    prompts = FakePrompts()
    assert start_gui(start_for(db_file), prompts) is None
    message, advice, choices = failure(prompts)
    assert "neueren Version" in message
    assert "aktuelle Version" in advice
    assert choices == [StartChoice.OTHER_FILE, StartChoice.QUIT]
    assert fingerprint(db_file) == before


@contextlib.contextmanager
def writes_refused(target, mode: int, seam: str, how: str, monkeypatch):
    """The OS's "no" to a write. Root ignores file modes, and CI runs as root: "seam" makes the "no"
    happen at the one place where the program asks for write access (it always runs); "os" lets the
    kernel say it: the mode as another user, the immutable attribute (chattr +i) as root, and where
    neither is possible the seam again."""
    target.chmod(mode)
    as_root, undo = os.geteuid() == 0, None
    if as_root and how == "os" and shutil.which("chattr"):
        made = subprocess.run(["chattr", "+i", str(target)], capture_output=True)
        undo = ["chattr", "-i", str(target)] if made.returncode == 0 else None
    if as_root and undo is None:

        def refused(path):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(target))

        monkeypatch.setattr(f"delegation_app.storage.opening.{seam}", refused)
    try:
        yield
    finally:
        if undo is not None:
            subprocess.run(undo, check=True)
        target.chmod(0o700 if target.is_dir() else 0o600)


@pytest.mark.parametrize("how", ["seam", "os"])
@pytest.mark.parametrize("case", ["file", "folder"])
def test_a_read_only_file_or_folder_opens_read_only_and_a_save_says_so(
    start_gui, qtbot, db_file, monkeypatch, case, how
):
    target, mode, seam = {
        "file": (db_file, 0o400, "open_for_writing"),
        "folder": (db_file.parent, 0o500, "create_in_folder"),
    }[case]
    with writes_refused(target, mode, seam, how, monkeypatch):
        opened_read_only(start_gui, qtbot, db_file)


def opened_read_only(start_gui, qtbot, db_file):
    before = fingerprint(db_file)
    prompts = FakePrompts()
    prompts.start_answers = [StartChoice.READ_ONLY]
    window = start_gui(start_for(db_file), prompts)
    message, _advice, choices = failure(prompts)
    assert "schreibgeschützt" in message
    assert choices == [StartChoice.READ_ONLY, StartChoice.OTHER_FILE, StartChoice.QUIT]
    assert window is not None
    assert "schreibgeschützt" in window.windowTitle()
    assert "schreibgeschützt" in window.database_status.text()
    editor = window.visits.editor
    qtbot.waitUntil(lambda: editor.visit is not None)
    editor.form.title.setText("Geänderter Titel, der nicht gespeichert werden kann")
    assert editor.save() is False
    assert "schreibgeschützt" in prompts.messages("error")[-1]
    assert editor.form.title.text() == "Geänderter Titel, der nicht gespeichert werden kann"
    assert editor.is_dirty()
    prompts.choice = Choice.DISCARD  # copying the visit leaves the editor: the change is dropped
    prompts.confirm = True
    errors = len(prompts.messages("error"))
    window.visits.delete_current()
    window.visits.copy_as_template()
    assert len(prompts.messages("error")) == errors + 2
    assert all("schreibgeschützt" in message for message in prompts.messages("error")[errors:])
    assert len(window.services.visits.list()) == 1
    window.context.database.dispose()
    assert fingerprint(db_file) == before


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_read_only_mode_reads_a_real_read_only_file_without_writing_beside_it(db_file, tmp_path):
    db_file.chmod(0o400)
    try:
        before = fingerprint(db_file)
        context = ContextOpener(SettingsStore()).open(start_for(db_file, read_only=True))
        try:
            assert len(context.services.people.list()) == 11
            copy = context.maintenance.backup_now(tmp_path)  # File → Back up now… works read-only too
            assert describe_backup(copy).counts["person"] == 11
        finally:
            context.database.dispose()
        assert fingerprint(db_file) == before
        assert stat.S_IMODE(db_file.stat().st_mode) == 0o400
    finally:
        db_file.chmod(0o600)


def test_the_dialog_shows_what_happened_what_to_do_and_the_ways_out(qtbot):
    create_application("de")
    choices = [StartChoice.RESTORE, StartChoice.OTHER_FILE, StartChoice.QUIT]
    box, buttons = failure_box(None, "Die Datei ist beschädigt.", "Stellen Sie sie wieder her.", choices)
    qtbot.addWidget(box)
    assert box.windowTitle() == "Die Datenbank kann nicht geöffnet werden"
    assert (box.text(), box.informativeText()) == ("Die Datei ist beschädigt.", "Stellen Sie sie wieder her.")
    labels = [b.text() for b in buttons]
    assert labels == ["Aus Sicherung wiederherstellen …", "Andere Datei öffnen …", "Beenden"]
    assert list(buttons.values()) == choices
    assert box.defaultButton().text() == "Aus Sicherung wiederherstellen …"
