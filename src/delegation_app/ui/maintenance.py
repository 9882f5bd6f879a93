"""Housekeeping after the window is shown: today's backup (off the GUI thread) and a warning
about a database file on a network share. Neither slows the start; neither fails silently."""

from PySide6.QtWidgets import QMessageBox

from delegation_app.domain.errors import DomainError
from delegation_app.i18n import _
from delegation_app.services.backups import daily_backups, network_warning


def start(window) -> None:
    warning = network_warning(window.services.db)
    if warning:
        box = QMessageBox(QMessageBox.Icon.Warning, _("Database on a network drive"), warning, parent=window)
        box.open()
        window.network_warning = box
    if window.services.db.path is None:
        return

    def failed(error: DomainError) -> None:
        window.statusBar().showMessage(_("Today's backup failed: {reason}").format(reason=error.message))

    def done(made) -> None:
        if made:
            window.statusBar().showMessage(_("Today's backup was made."), 10_000)

    window.background.run(lambda: daily_backups(window.services.db), done, failed)
