"""The main window's first picture, painted before the database layer is imported and opened.

Importing SQLAlchemy, SQLModel and the services and opening the database take most of a start;
an empty screen meanwhile looks like a program that did not start. So ``app.py`` shows this
window first — the main window's menus and navigation where the main window will be (the same
remembered place), a list saying "Loading…" — lets it paint, then opens the database and builds
the real window in its place. Imports: Qt and i18n only (the entry measures it: ``first_paint``).
"""

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QListWidget, QMainWindow, QWidget

from delegation_app.i18n import _
from delegation_app.ui.shell.pyside_scan import cheapen_import_scan
from delegation_app.ui.shell.qt_setup import app_icon, apply_font, install_qt_translations
from delegation_app.ui.shell.window_place import restore_place

APP_NAME = "delegation-app"


def create_application(language: str) -> QApplication:
    cheapen_import_scan()  # before the database layer's imports
    set_windows_app_id()
    running = QApplication.instance()
    app = running if isinstance(running, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(_("Delegation visits"))
    install_qt_translations(app, language)
    apply_font(app)
    app.setWindowIcon(app_icon())
    return app


# Windows groups taskbar buttons and pins by this ID; without it the frozen launcher is grouped
# under whatever Windows guesses. Set at run time: Debian's NSIS cannot write it into the shortcut.
WINDOWS_APP_ID = "delegation_app.Delegationsbesuche"


def set_windows_app_id() -> bool:
    if sys.platform != "win32":
        return False
    import ctypes

    shell32 = ctypes.windll.shell32
    return shell32.SetCurrentProcessExplicitAppUserModelID(ctypes.c_wchar_p(WINDOWS_APP_ID)) == 0


class StartWindow(QMainWindow):
    """Looks like the main window while it is being built; nothing in it can be used yet."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(_("Delegation visits"))
        for title in (_("&File"), _("&Edit"), _("&View"), _("&Help")):
            self.menuBar().addMenu(title).setEnabled(False)
        navigation = QListWidget(self)
        navigation.addItems([_("Visits"), _("People"), _("Organisations"), _("Follow-ups")])
        navigation.setCurrentRow(0)
        navigation.setEnabled(False)
        navigation.setFixedWidth(navigation.sizeHintForColumn(0) + 36)  # as the main window's
        self.loading = QLabel(_("Loading…"), self)
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(navigation)
        row.addWidget(self.loading, 1)
        self.setCentralWidget(central)
        self.say(_("Opening the database…"))
        restore_place(self)

    def say(self, text: str) -> None:
        """What the start is doing, in the status bar; painted at once (the work blocks the loop)."""
        self.statusBar().showMessage(text)
        QApplication.processEvents()


def paint_start_window(language: str) -> StartWindow:
    """The application and the start window, shown and painted."""
    create_application(language)
    window = StartWindow()
    window.show()
    QApplication.processEvents()  # the show's expose and paint events: on screen before the imports
    return window
