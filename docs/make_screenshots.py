"""Remake the user guide's screenshots from the real program.

    python docs/make_screenshots.py              # both languages
    python docs/make_screenshots.py --lang de    # only resources/handbuch/images/

Run from the checkout's top folder with the program's dependencies installed (the test venv will do).
Each language runs in a process of its own: the program on a fresh demo database in a scratch folder
(never the user's data, settings or window geometry), Qt offscreen with a 1280×720 screen, "now"
fixed to 20.11.2025 09:00, a few days after the demo visit. The script drives the window as a user would:
the menus' keys (Strg+2, Strg+L, Strg+P …) and the tab and list names as the window shows them.
It saves PNGs into ``resources/handbuch/images/`` (German window) and ``resources/user-guide/images/``
(English window), reduced to 256 colours, which keeps a window shot at a few dozen KB.

When the window changes so much that a step no longer finds what it looks for, the script stops with a
message that says which step and what was missing; fix that step here, nothing else needs to change.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = {"de": "handbuch", "en": "user-guide"}
SIZE = (1280, 720)
NOW = datetime(2025, 11, 20, 9, 0)


class StepFailed(RuntimeError):
    """A step did not find what it looks for: the window changed."""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", choices=[*FOLDERS, "both"], default="both")
    parser.add_argument("--one", choices=list(FOLDERS), help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()
    if args.one:
        return shoot(args.one)
    failed = 0
    for language in FOLDERS if args.lang == "both" else [args.lang]:
        failed |= subprocess.run([sys.executable, __file__, "--one", language], check=False).returncode
    return failed


def shoot(language: str) -> int:
    # Always the same folder: the status bar shows the database's path, and the same path each time
    # keeps a picture unchanged when nothing in the window changed.
    scratch = Path(tempfile.gettempdir()) / "delegation-app-screenshots" / language
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    # Before Qt or platformdirs is asked anything: a scratch home, no display, no database from outside.
    # An offscreen screen of the pictures' size: the window fits itself to the screen it opens on
    # (ui/shell/window_place.py), and the offscreen platform's own screen is 800 × 800.
    screen = scratch / "offscreen-screen.json"
    width, height = SIZE
    geometry = {"name": "shot", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96, "dpr": 1}
    screen.write_text(json.dumps({"screens": [geometry]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME",
                     "LOCALAPPDATA", "APPDATA"):  # fmt: skip
        os.environ[variable] = str(scratch / variable.lower())
    os.environ.pop("DELEGATION_APP_DB", None)
    sys.path.insert(0, str(ROOT))
    shooter = Shooter(language, scratch, ROOT / "resources" / FOLDERS[language] / "images")
    try:
        shooter.run()
    except StepFailed as failure:
        print(f"make_screenshots ({language}): {failure}", file=sys.stderr)
        return 1
    return 0


def quiet_offscreen_notes() -> None:
    """The offscreen platform says for every window that it cannot size or raise it: not news here."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_kind, _context, message: str) -> None:
        if "This plugin does not support" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


class Shooter:
    def __init__(self, language: str, scratch: Path, out: Path) -> None:
        self.language, self.scratch, self.out = language, scratch, out
        self.saved: list[Path] = []

    # --- the program, as its start builds it ---------------------------------------------------------

    def start(self) -> None:
        from delegation_app import i18n
        from delegation_app.services.demo import load_demo
        from delegation_app.services.people import PersonInput
        from delegation_app.services.registry import Services
        from delegation_app.startup import context_around
        from delegation_app.storage.opening import open_database
        from delegation_app.ui.shell.application import build_main_window, create_application
        from delegation_app.ui.shell.start_prompts import StartPrompts
        from delegation_app.user_files import SettingsStore

        i18n.set_language(self.language)
        url = f"sqlite:///{self.scratch / 'demo.sqlite'}"
        db, _report = open_database(url, backups=self.scratch / "backups")
        services = Services.over(db)
        load_demo(services)
        # One record in the recycle bin, so its picture shows what it is for.
        gone = services.people.create(PersonInput(first_name="Max", last_name="Mustermann"))
        services.people.delete(gone.id, gone.version, confirmed=True)
        self.app = create_application(self.language)
        quiet_offscreen_notes()
        context = context_around(services, SettingsStore(), lambda: NOW)
        self.window, self._bus = build_main_window(context, prompts=StartPrompts())
        self.window.resize(*SIZE)
        self.window.show()
        self.window.activateWindow()
        self.settle()

    # --- finding things by the names users see ------------------------------------------------------

    def settle(self, ms: int = 150) -> None:
        """Let the window load, lay out and paint (background work included)."""
        from PySide6.QtCore import QDeadlineTimer, QEventLoop
        from PySide6.QtWidgets import QApplication

        deadline = QDeadlineTimer(ms)
        while not deadline.hasExpired():
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        background = getattr(self.window, "background", None)
        if background is not None and hasattr(background, "wait"):
            background.wait()
            QApplication.processEvents()

    def action(self, shortcut: str):
        """The window's action for ``shortcut`` ("Ctrl+L"), as the menus offer it."""
        from PySide6.QtGui import QAction, QKeySequence

        wanted = QKeySequence(shortcut)
        for action in self.window.findChildren(QAction):
            if wanted in action.shortcuts() and action.isEnabled():
                return action
        raise StepFailed(f"no enabled menu entry has the shortcut {shortcut}")

    def press(self, shortcut: str) -> None:
        self.action(shortcut).trigger()
        self.settle()

    def tab(self, title_msgid: str):
        """Shows the tab titled ``title_msgid`` (the English source text) in the view shown; returns the
        tab widget."""
        from PySide6.QtWidgets import QTabWidget

        from delegation_app.i18n import _

        title = _(title_msgid).replace("&", "")
        view = self.window.stack.currentWidget()
        for tabs in view.findChildren(QTabWidget):
            for index in range(tabs.count()):
                if tabs.tabText(index).replace("&", "") == title and tabs.isVisibleTo(self.window):
                    tabs.setCurrentIndex(index)
                    self.settle()
                    return tabs
        raise StepFailed(f"the view shown has no tab titled {title!r} ({title_msgid!r})")

    def widget(self, kind, accessible_msgid: str):
        """The widget of type ``kind`` that the screen reader calls ``accessible_msgid``."""
        from delegation_app.i18n import _

        name = _(accessible_msgid)
        for found in self.window.findChildren(kind):
            if found.accessibleName() == name and found.isVisibleTo(self.window):
                return found
        raise StepFailed(f"no visible {kind.__name__} is named {name!r} ({accessible_msgid!r})")

    def open_row(self, list_msgid: str, row: int = 0) -> None:
        """Selects a row of the list the screen reader calls ``list_msgid`` and presses Return."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QAbstractItemView

        table = self.widget(QAbstractItemView, list_msgid)
        if table.model() is None or table.model().rowCount() <= row:
            raise StepFailed(f"the list {list_msgid!r} has no row {row}")
        table.setFocus()
        table.setCurrentIndex(table.model().index(row, 0))
        QTest.keyClick(table, Qt.Key.Key_Return)
        self.settle()

    def dialog(self):
        """The dialog that the last step opened (a visible window other than the main window)."""
        from PySide6.QtWidgets import QApplication

        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not self.window]
        if not shown:
            raise StepFailed("the step opened no dialog")
        return shown[-1]

    # --- pictures -------------------------------------------------------------------------------------

    def save(self, name: str, widget=None) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QImage

        image = (widget or self.window).grab().toImage()
        # 256 colours: a window of flat areas and text loses nothing one can see, and shrinks ~4×.
        image = image.convertToFormat(QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither)
        self.out.mkdir(parents=True, exist_ok=True)
        path = self.out / f"{name}.png"
        if not image.save(str(path), "PNG", 0):  # 0: the strongest compression
            raise StepFailed(f"could not write {path}")
        self.saved.append(path)

    def close_dialog(self, dialog) -> None:
        dialog.close()
        self.settle()

    # --- the pictures of the guide, in its order ------------------------------------------------------

    def run(self) -> None:
        self.start()
        steps: list[tuple[str, Callable[[], None]]] = [
            ("visits", self.visits),
            ("programme", lambda: self.visit_tab("programme", "Programme")),
            ("participants", lambda: self.visit_tab("participants", "Participants")),
            ("quotes", lambda: self.visit_tab("quotes", "Quotes")),
            ("contacts", lambda: self.visit_tab("contacts", "Contact entries")),
            ("briefing", self.briefing),
            ("quick-log", self.quick_log),
            ("followups", self.followups),
            ("people", self.people),
            ("recycle-bin", self.recycle_bin),
            ("preferences", self.preferences),
        ]
        for name, step in steps:
            try:
                step()
            except StepFailed as failure:
                raise StepFailed(f"step {name!r}: {failure}") from None
        total = sum(p.stat().st_size for p in self.saved)
        print(f"{len(self.saved)} pictures, {total // 1024} KB, in {self.out}")

    def visits(self) -> None:
        self.press("Ctrl+1")
        self.open_row("Visits")
        self.tab("Overview")
        self.save("visits")

    def visit_tab(self, name: str, title_msgid: str) -> None:
        """The visit's editor only (the tabs and what is above them): the list beside it is in "visits"."""
        self.press("Ctrl+1")
        tabs = self.tab(title_msgid)
        self.save(name, tabs.parentWidget())

    def briefing(self) -> None:
        self.press("Ctrl+1")
        self.press("Ctrl+P")
        dialog = self.dialog()
        self.save("briefing", dialog)
        self.close_dialog(dialog)

    def quick_log(self) -> None:
        self.press("Ctrl+1")
        self.press("Ctrl+L")
        dialog = self.dialog()
        self.save("quick-log", dialog)
        self.close_dialog(dialog)

    def followups(self) -> None:
        self.press("Ctrl+4")
        self.save("followups")

    def people(self) -> None:
        self.press("Ctrl+2")
        self.open_row("People")
        self.save("people")

    def recycle_bin(self) -> None:
        self.menu_entry("&Recycle bin…")
        dialog = self.dialog()
        self.save("recycle-bin", dialog)
        self.close_dialog(dialog)

    def preferences(self) -> None:
        self.menu_entry("&Preferences…")  # its key differs between systems
        dialog = self.dialog()
        self.save("preferences", dialog)
        self.close_dialog(dialog)

    def menu_entry(self, msgid: str) -> None:
        """Chooses the menu entry ``msgid`` (the English source text) from the menu bar."""
        from delegation_app.i18n import _

        entry = next((a for a in self.menu_actions() if a.text() == _(msgid)), None)
        if entry is None:
            raise StepFailed(f"no menu has the entry {_(msgid)!r} ({msgid!r})")
        entry.trigger()
        self.settle()

    def menu_actions(self):
        for menu_action in self.window.menuBar().actions():
            if menu_action.menu() is not None:
                yield from menu_action.menu().actions()


if __name__ == "__main__":
    sys.exit(main())
