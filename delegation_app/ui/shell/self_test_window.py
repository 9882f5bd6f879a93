"""The window part of ``--self-test`` (delegation_app/self_test.py has the rest): Qt starts, finds
its German translations and platform plugin, and the main window is built on the self-test's
temporary demo database and shown. Offscreen where there is no display (a server, a CI runner)."""

import os
import sys

from delegation_app.context import AppContext
from delegation_app.i18n import _


def prefer_offscreen_without_display() -> None:
    """Linux without X11 or Wayland would abort in Qt's platform plugin; Windows always has a desktop."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def check_qt_translations() -> str:
    from PySide6.QtCore import QLibraryInfo, QTranslator

    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator()
    if not translator.load("qtbase_de", folder):
        raise FileNotFoundError(_("qtbase_de.qm not found in {folder}").format(folder=folder))
    return _("qtbase_de.qm in {folder}").format(folder=folder)


def keep_qt_settings_in(folder: str) -> None:
    """Window places go to an INI file in the self-test's folder, not the user's (on Windows the
    registry): QSettings() everywhere in ui/ then reads and writes there."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)


def check_main_window(context: AppContext) -> str:
    from PySide6.QtWidgets import QApplication

    from delegation_app.ui.shell.application import build_main_window
    from delegation_app.ui.shell.start_window import create_application

    app = create_application("de")
    window, _bus = build_main_window(context)
    try:
        window.show()
        for _round in range(5):
            app.processEvents()
        if not window.isVisible():
            raise RuntimeError(_("the main window did not show"))
        platform = QApplication.platformName()
        width, height = window.width(), window.height()
        return _("shown ({width} × {height}, platform {platform})").format(
            width=width, height=height, platform=platform
        )
    finally:
        window.close()
        app.processEvents()
