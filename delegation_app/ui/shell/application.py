"""Start the GUI: QApplication, crash dialog, translations, fonts, database, main window."""

import sys
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from delegation_app.i18n import _
from delegation_app.logs import install_excepthook
from delegation_app.services.registry import Services
from delegation_app.storage.paths import sqlite_path
from delegation_app.ui.common import session
from delegation_app.ui.common.change_bus import ChangeBus
from delegation_app.ui.common.prompts import Prompts
from delegation_app.ui.shell import maintenance
from delegation_app.ui.shell.crash_dialog import show_crash_dialog
from delegation_app.ui.shell.main_window import MainWindow
from delegation_app.ui.shell.qt_setup import app_icon, apply_font, install_qt_translations
from delegation_app.ui.shell.start_failure import open_or_explain

APP_NAME = "delegation-app"


def create_application(language: str) -> QApplication:
    running = QApplication.instance()
    app = running if isinstance(running, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(_("Delegation visits"))
    install_qt_translations(app, language)
    apply_font(app)
    app.setWindowIcon(app_icon())
    return app


def build_main_window(services: Services, url: str, **hooks) -> tuple[MainWindow, ChangeBus]:
    """``hooks``: prompts / choose_path / open_file replacements (tests answer instead of a user)."""
    bus = ChangeBus()
    services.db.add_listener(bus.on_commit)
    path = sqlite_path(url)
    window = MainWindow(services, bus, str(path) if path else url, **hooks)
    if services.db.read_only:  # seen at a glance, before a save is refused
        marker = _("read-only")
        window.setWindowTitle(f"{window.windowTitle()} – {marker}")
        window.database_status.setText(f"{window.database_status.text()} ({marker})")
    return window, bus


def start_window(start, open_services: Callable[..., Services], prompts: Prompts, **hooks):
    """Open the database (explaining a failure and offering ways out), then build the window.
    ``(window, bus)``, or None when the user chose to quit. The window is not shown yet."""
    opened = open_or_explain(start, open_services, prompts)
    if opened is None:
        return None
    services, start = opened
    return build_main_window(services, start.url, prompts=prompts, **hooks)


def run(start, open_services: Callable[..., Services]) -> int:
    app = create_application(start.language)
    install_excepthook(report=show_crash_dialog)
    built = start_window(start, open_services, Prompts())
    if built is None:
        return 1
    window, _bus = built
    services = window.services
    session.install(app, window)
    window.show()
    window.activateWindow()  # keyboard focus at once, also where no window manager gives it
    QTimer.singleShot(0, lambda: session.offer_draft(window))
    QTimer.singleShot(0, lambda: maintenance.start(window))
    try:
        return app.exec()
    finally:
        services.db.dispose()
