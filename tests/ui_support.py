"""Helpers for the GUI tests: answered prompts and an opened main window."""

from datetime import datetime

from delegation_app.startup import context_around
from delegation_app.ui.common.conflict_dialog import ConflictChoice
from delegation_app.ui.common.prompts import Action, Choice
from delegation_app.ui.shell.application import build_main_window, create_application
from delegation_app.ui.shell.start_prompts import StartChoice, StartPrompts
from delegation_app.user_files import SettingsStore


class FakePrompts(StartPrompts):
    """Answers the program's questions the way a test says, and remembers what was asked."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, object]] = []
        self.choice = Choice.CANCEL
        self.confirm = False
        self.restore = True
        self.confirm_answer = False
        self.conflict = ConflictChoice.CANCEL
        self.conflicts: list = []  # (what, details, {field: label}) of every conflict shown
        self.start_answers: list[StartChoice] = []  # answered in turn; then Quit
        self.backup_answer = 0  # index into the backups offered, or None
        self.database_answer: str | None = None

    def save_discard_cancel(self, parent, what):
        self.asked.append(("save_discard_cancel", what))
        return self.choice

    def confirm_delete(self, parent, question, consequences, *, afterwards="", action=Action.DELETE):
        self.asked.append(("confirm_delete", (question, dict(consequences))))
        self.recyclable = bool(afterwards)
        self.action = action
        return self.confirm

    def restore_draft(self, parent):
        self.asked.append(("restore_draft", None))
        return self.restore

    def confirm_action(self, parent, question, action):
        self.asked.append(("confirm", question))
        self.action = action
        return self.confirm_answer

    def resolve_conflict(self, parent, what, details, label_of):
        labels = {d.field: label_of(d.field) for d in details.differences}
        self.conflicts.append((what, details, labels))
        self.asked.append(("conflict", what))
        return self.conflict

    def error(self, parent, message, detail=""):
        self.asked.append(("error", message))

    def inform(self, parent, message):
        self.asked.append(("inform", message))

    def start_failure(self, parent, message, advice, choices, detail=""):
        self.asked.append(("start_failure", (message, advice, list(choices))))
        self.detail = detail
        answer = self.start_answers.pop(0) if self.start_answers else StartChoice.QUIT
        assert answer in choices, f"{answer} was not offered: {choices}"
        return answer

    def choose_backup(self, parent, backups):
        self.asked.append(("choose_backup", list(backups)))
        return None if self.backup_answer is None else backups[self.backup_answer][1]

    def choose_database(self, parent, start):
        self.asked.append(("choose_database", start))
        return self.database_answer

    def messages(self, kind):
        return [value for asked, value in self.asked if asked == kind]


def open_window(qtbot, services, db_url, prompts, clock=datetime.now, **hooks):
    """The main window over ``services`` (a database already open), as the program builds it."""
    create_application("de")
    context = context_around(services, SettingsStore(), clock)
    win, bus = build_main_window(context, prompts=prompts, **hooks)
    win._test_bus = bus  # keep the bus alive as long as the window
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    qtbot.waitUntil(win.isActiveWindow)  # shortcuts fire only in the active window
    return win


def type_text(widget, text: str) -> None:
    """Types text key by key as a keyboard would, umlauts and Polish letters included
    (qtbot.keyClicks asserts on characters outside ASCII)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            key = Qt.Key(ord(ch.upper())) if ch.isascii() and ch.isalnum() else Qt.Key.Key_unknown
            if ch == " ":
                key = Qt.Key.Key_Space
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))
